#!/usr/bin/env bash
# The intake's patch, inspected before anything is applied or pushed (run by the pull-request
# job of .github/workflows/intake.yml, which holds a write token; docs/intake.md).
#
#   check-patch.sh <content.patch> <result.json>
#
# The patch comes from the job that ran `npm ci` and the project's code on the sponsor's text,
# so it is not trusted. It is applied to a scratch index (never to the work tree), and the
# change is read with `git diff --cached --raw --no-renames -z`, so a rename shows as the
# deletion it hides and every path arrives exactly as git stores it. Allowed:
#
#   booth form  new files (mode 100644) of one new sponsor: src/content/sponsors/<id>.mdx,
#               its images src/content/sponsors/<id>/<name>.{png,jpg,webp}, and its roles
#               src/content/roles/<id>/<role>.yaml
#   roles form  new role files and changed role files (100644 before and after) of one
#               existing sponsor: src/content/roles/<id>/<role>.{yaml,yml}
#
# each at most MAX_FILE_BYTES (default 2 MiB: the intake's download cap), and exactly the files
# result.json lists. Anything else (a deletion, a rename, a symlink, a mode change, a submodule,
# a path elsewhere, an oversized file, a file not listed) stops it with a message and exit code
# 1. On success it prints the tree of the default branch with the patch applied, which the job
# commits as it is: what was inspected is what is pushed.
set -euo pipefail

patch=${1:?usage: check-patch.sh <content.patch> <result.json>}
result=${2:?usage: check-patch.sh <content.patch> <result.json>}
max=${MAX_FILE_BYTES:-2097152}

refuse() {
  echo "::error::the intake patch is refused: $*; nothing was pushed" >&2
  exit 1
}

form=$(jq -r '.form // empty' "$result")
sponsor=$(jq -r '.sponsor // empty' "$result")
id='[a-z0-9]+(-[a-z0-9]+)*'
[[ $sponsor =~ ^$id$ ]] || refuse "result.json names no valid sponsor id (\"$sponsor\")"
case $form in
  booth) git cat-file -e "HEAD:src/content/sponsors/$sponsor.mdx" 2>/dev/null && refuse "the booth form may only add a new sponsor, and \"$sponsor\" exists" ;;
  roles) git cat-file -e "HEAD:src/content/sponsors/$sponsor.mdx" 2>/dev/null || refuse "the roles form names \"$sponsor\", which is not a sponsor of the site" ;;
  *) refuse "result.json names no form (\"$form\")" ;;
esac

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export GIT_INDEX_FILE=$scratch/index
git read-tree HEAD
git apply --cached "$patch" 2>"$scratch/apply.log" || refuse "git apply: $(head -c 300 "$scratch/apply.log" | tr '\n' ' ')"

changed=()
while IFS= read -r -d '' meta && IFS= read -r -d '' path; do
  read -r old_mode new_mode _ new_sha status <<<"${meta#:}"
  shown=$(printf '%q' "$path")
  case $status in
    A) [[ $new_mode == 100644 ]] || refuse "$shown is added with mode $new_mode (only plain files, 100644)" ;;
    M) [[ $form == roles && $old_mode == 100644 && $new_mode == 100644 ]] || refuse "$shown is changed (mode $old_mode -> $new_mode); only the roles form changes files, and only role files" ;;
    *) refuse "$shown is deleted, renamed or changed in type (status $status)" ;;
  esac
  if [[ $form == booth ]]; then
    [[ $path =~ ^src/content/sponsors/$sponsor\.mdx$ || $path =~ ^src/content/sponsors/$sponsor/$id\.(png|jpg|webp)$ || $path =~ ^src/content/roles/$sponsor/$id\.yaml$ ]] ||
      refuse "$shown is not a file of the new booth \"$sponsor\""
  else
    [[ $path =~ ^src/content/roles/$sponsor/$id\.ya?ml$ ]] || refuse "$shown is not a role file of \"$sponsor\""
    [[ $status == M || $path == *.yaml ]] || refuse "$shown: new role files end in .yaml"
  fi
  size=$(git cat-file -s "$new_sha")
  ((size <= max)) || refuse "$shown is $size bytes; at most $max"
  changed+=("$path")
done < <(git diff --cached --raw --no-renames --no-abbrev -z HEAD)

((${#changed[@]} > 0)) || refuse "it changes nothing"
listed=$(jq -r '.files[]' "$result" | LC_ALL=C sort)
found=$(printf '%s\n' "${changed[@]}" | LC_ALL=C sort)
[[ $listed == "$found" ]] || refuse "its files are not the ones the intake listed (listed: $(echo "$listed" | tr '\n' ' '); in the patch: $(echo "$found" | tr '\n' ' '))"

git write-tree
