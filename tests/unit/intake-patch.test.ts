/**
 * The pull-request job's inspection of the intake's patch (scripts/lib/intake/check-patch.sh),
 * run on real git repositories: patches made the way the intake job makes them (git add, git
 * diff --cached --binary) are refused when they rename, delete, add a symlink, change a mode,
 * add a submodule, carry an oversized file, reach outside the booth, or differ from the files
 * the intake listed; a patch that passes gives the tree the job then commits as it is.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { projectRoot } from '../support/project.ts';

const script = join(projectRoot, 'scripts/lib/intake/check-patch.sh');
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };

let repo: string;
/** Runs git in the repository; its output as it is (a binary patch needs its last empty line). */
const gitRaw = (...args: string[]) => {
  const result = spawnSync('git', args, { cwd: repo, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
};
const git = (...args: string[]) => gitRaw(...args).trim();
const write = (path: string, content: string | Buffer) => {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), content);
};

/**
 * Makes the change `change` in the work tree, records it as the intake job does, puts the work
 * tree back, and runs the check with a result.json listing `files`.
 */
function check(form: 'booth' | 'roles', sponsor: string, files: string[], change: () => void) {
  change();
  git('add', '--all', 'src/content');
  const patch = join(repo, '..', 'content.patch');
  writeFileSync(patch, gitRaw('diff', '--cached', '--binary'));
  git('reset', '--quiet', '--hard');
  git('clean', '-ffdq');
  const result = join(repo, '..', 'result.json');
  writeFileSync(result, JSON.stringify({ status: 'ready', form, sponsor, files }));
  const run = spawnSync('bash', [script, patch, result], { cwd: repo, env, encoding: 'utf8' });
  return { status: run.status, tree: run.stdout.trim(), error: run.stderr.trim() };
}

const refused = (outcome: ReturnType<typeof check>, reason: RegExp) => {
  assert.equal(outcome.status, 1, outcome.tree);
  assert.match(outcome.error, /^::error::the intake patch is refused: /);
  assert.match(outcome.error, reason);
};

describe('the intake patch, inspected before it is pushed', () => {
  before(() => {
    repo = join(mkdtempSync(join(tmpdir(), 'boothkit-patch-')), 'repo');
    mkdirSync(repo);
    git('init', '--quiet', '--initial-branch', 'main');
    write('src/content/sponsors/spotify.mdx', '---\nname: Spotify\n---\n');
    write('src/content/roles/spotify/intern.yaml', 'title: Intern\n');
    write('README.md', 'site\n');
    git('add', '--all');
    git('commit', '--quiet', '-m', 'site');
  });
  after(() => rmSync(dirname(repo), { recursive: true, force: true }));

  const booth = ['src/content/sponsors/acme.mdx', 'src/content/sponsors/acme/logo.png', 'src/content/roles/acme/research-intern.yaml'];
  const addBooth = () => {
    write(booth[0]!, '---\nname: Acme\n---\n');
    write(booth[1]!, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]));
    write(booth[2]!, 'title: Research Intern\n');
  };

  it('passes a new booth and gives the tree with it, the work tree untouched', () => {
    const outcome = check('booth', 'acme', booth, addBooth);
    assert.equal(outcome.status, 0, outcome.error);
    assert.match(outcome.tree, /^[0-9a-f]{40}$/);
    assert.deepEqual(git('ls-tree', '-r', '--name-only', outcome.tree).split('\n').sort(), [...booth, 'README.md', 'src/content/roles/spotify/intern.yaml', 'src/content/sponsors/spotify.mdx'].sort());
    assert.equal(git('status', '--porcelain'), '');
  });

  it('passes the roles form adding and closing roles of an existing sponsor', () => {
    const files = ['src/content/roles/spotify/intern.yaml', 'src/content/roles/spotify/engineer.yaml'];
    const outcome = check('roles', 'spotify', files, () => {
      write(files[0]!, 'title: Intern\nstatus: closed\n');
      write(files[1]!, 'title: Engineer\n');
    });
    assert.equal(outcome.status, 0, outcome.error);
  });

  it('refuses a rename, which --name-only showed as an added file only', () => {
    const outcome = check('roles', 'spotify', ['src/content/roles/spotify/renamed.yaml'], () => git('mv', 'src/content/roles/spotify/intern.yaml', 'src/content/roles/spotify/renamed.yaml'));
    refused(outcome, /src\/content\/roles\/spotify\/intern\.yaml is deleted, renamed or changed in type \(status D\)/);
  });

  it('refuses a symlink', () => {
    const outcome = check('booth', 'acme', booth, () => {
      addBooth();
      rmSync(join(repo, booth[1]!));
      symlinkSync('/etc/passwd', join(repo, booth[1]!));
    });
    refused(outcome, /src\/content\/sponsors\/acme\/logo\.png is added with mode 120000/);
  });

  it('refuses a mode change, and a new executable file', () => {
    refused(
      check('roles', 'spotify', ['src/content/roles/spotify/intern.yaml'], () => chmodSync(join(repo, 'src/content/roles/spotify/intern.yaml'), 0o755)),
      /intern\.yaml is changed \(mode 100644 -> 100755\)/,
    );
    refused(
      check('booth', 'acme', booth, () => {
        addBooth();
        chmodSync(join(repo, booth[2]!), 0o755);
      }),
      /research-intern\.yaml is added with mode 100755/,
    );
  });

  it('refuses a submodule (gitlink)', () => {
    const outcome = check('booth', 'acme', [...booth, 'src/content/sponsors/acme/vendor'], () => {
      addBooth();
      // A repository inside the content folder: `git add` records it as a gitlink.
      const vendor = join(repo, 'src/content/sponsors/acme/vendor');
      mkdirSync(vendor);
      for (const args of [['init', '--quiet'], ['commit', '--quiet', '--allow-empty', '-m', 'x']]) assert.equal(spawnSync('git', args, { cwd: vendor, env }).status, 0);
    });
    refused(outcome, /src\/content\/sponsors\/acme\/vendor is added with mode 160000/);
  });

  it('refuses an oversized file', () => {
    const outcome = check('booth', 'acme', booth, () => {
      addBooth();
      write(booth[1]!, Buffer.alloc(3 * 1024 * 1024, 7));
    });
    refused(outcome, /logo\.png is 3145728 bytes; at most 2097152/);
  });

  it('refuses files outside the booth: a workflow, another sponsor\'s roles, a changed booth', () => {
    refused(
      check('booth', 'acme', [...booth, '.github/workflows/x.yml'], () => {
        addBooth();
        write('.github/workflows/x.yml', 'on: push\n');
        git('add', '--force', '.github/workflows/x.yml');
      }),
      /\.github\/workflows\/x\.yml is not a file of the new booth "acme"/,
    );
    refused(
      check('booth', 'acme', [...booth, 'src/content/roles/spotify/extra.yaml'], () => {
        addBooth();
        write('src/content/roles/spotify/extra.yaml', 'title: Extra\n');
      }),
      /roles\/spotify\/extra\.yaml is not a file of the new booth "acme"/,
    );
    refused(
      check('booth', 'acme', [...booth, 'src/content/sponsors/spotify.mdx'], () => {
        addBooth();
        write('src/content/sponsors/spotify.mdx', '---\nname: Not Spotify\n---\n');
      }),
      /sponsors\/spotify\.mdx is changed \(mode 100644 -> 100644\); only the roles form changes files/,
    );
    refused(check('booth', 'spotify', ['src/content/roles/spotify/x.yaml'], () => write('src/content/roles/spotify/x.yaml', 'title: X\n')), /the booth form may only add a new sponsor, and "spotify" exists/);
  });

  it('refuses a patch whose files differ from the ones the intake listed', () => {
    refused(check('booth', 'acme', booth.slice(0, 2), addBooth), /its files are not the ones the intake listed/);
  });

  it('refuses a patch git cannot apply, such as a path that climbs out', () => {
    const patch = join(repo, '..', 'evil.patch');
    writeFileSync(patch, 'diff --git a/../evil b/../evil\nnew file mode 100644\n--- /dev/null\n+++ b/../evil\n@@ -0,0 +1 @@\n+x\n');
    const result = join(repo, '..', 'result.json');
    writeFileSync(result, JSON.stringify({ form: 'booth', sponsor: 'acme', files: ['../evil'] }));
    const run = spawnSync('bash', [script, patch, result], { cwd: repo, env, encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /the intake patch is refused: git apply: /);
    assert.throws(() => readFileSync(join(repo, '..', 'evil')));
  });
});
