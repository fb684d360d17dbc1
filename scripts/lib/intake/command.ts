/**
 * `npm run intake -- issue-body.md`: what the intake workflow runs on a sponsor's issue,
 * and what a web chair runs on a saved body. Prints what it wrote or every problem by form
 * field; with --out it also leaves the issue comment, the pull request text and a summary
 * for the workflow. Exit code 0 when the files are written, 1 when there are problems.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { helpText, readFlags, UsageError, type FlagSpec } from '../cli.ts';
import { loadProject } from '../project.ts';
import { defaultLimits, type DownloadLimits } from './attachments.ts';
import type { FormKind } from './forms.ts';
import { issueComment, pullRequestBody, terminalReport } from './report.ts';
import { runIntake } from './run.ts';

const flags = {
  form: { type: 'string', help: 'booth or roles: the form that wrote the body; default: read from its headings' },
  issue: { type: 'string', help: 'the issue number, for the pull request text ("Closes #12")' },
  out: { type: 'string', help: 'a folder for comment.md, pull-request.md and result.json (what the workflow posts)' },
  'dry-run': { type: 'boolean', help: 'check only; write no content file' },
  force: { type: 'boolean', help: 'replace content files that exist (a second run on the same body)' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
} satisfies Record<string, FlagSpec>;

/** `limits` is for tests (a local server stands in for GitHub); the command line cannot change it. */
export async function intakeCommand(argv: string[], root: string, limits: DownloadLimits = defaultLimits): Promise<number> {
  const { values, positionals } = readFlags(argv, flags, true);
  if (values.help) {
    console.log(helpText('npm run intake -- <issue-body.md | -> [--form booth|roles] [--out <folder>]', flags, 'The body is the issue text as GitHub stores it (gh issue view 12 --json body -q .body > body.md); "-" reads it from standard input. docs/intake.md explains the forms and the workflow.'));
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('bad-option', 'give one issue body file, e.g. npm run intake -- issue-body.md (see --help)');
  if (values.form && values.form !== 'booth' && values.form !== 'roles') throw new UsageError('bad-option', `--form "${values.form}" should be booth or roles`);
  if (values.issue && !/^\d+$/.test(values.issue)) throw new UsageError('bad-option', `--issue "${values.issue}" should be an issue number`);
  let body: string;
  try {
    body = readFileSync(positionals[0] === '-' ? 0 : resolve(positionals[0]!), 'utf8');
  } catch {
    throw new UsageError('bad-option', `cannot read the issue body "${positionals[0]}"`);
  }
  const project = loadProject(root);
  const result = await runIntake({ body, ...(values.form ? { form: values.form as FormKind } : {}), dryRun: Boolean(values['dry-run']), force: Boolean(values.force) }, project, limits);
  const issue = values.issue ? Number(values.issue) : undefined;
  console.log(terminalReport(result, project));
  if (values.out) {
    const out = resolve(values.out);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'comment.md'), `${issueComment(result, project)}\n`);
    const s = result.submission;
    if (result.status === 'ready') writeFileSync(join(out, 'pull-request.md'), `${pullRequestBody(result, project, issue)}\n`);
    const summary = {
      status: result.status,
      form: result.form ?? null,
      sponsor: s?.sponsor.id || null,
      title: s?.title ?? null,
      files: s?.written.map((w) => relative(root, w.path).split('\\').join('/')) ?? [],
      problems: result.problems.length,
    };
    writeFileSync(join(out, 'result.json'), `${JSON.stringify(summary, null, 2)}\n`);
  }
  return result.status === 'ready' ? 0 : 1;
}
