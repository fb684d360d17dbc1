/**
 * `npm run check:links`: checks the built site's links; see `--help` and docs/links.md.
 * Exit codes: 0 clean, 1 internal breakage, 2 external problems only, 3 usage/config error
 * (scripts/check-links.ts runs it with that code for a UsageError).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { buildDate, contentLayout, contentPath } from '../../../src/core/project.ts';
import { splitFrontMatter } from '../../../src/core/front-matter.ts';
import { noun } from '../../../src/core/wording.ts';
import { closeRoles } from './closed-roles.ts';
import { issueMarkdown } from './issue-report.ts';
import { HELP, parseCli } from './options.ts';
import { formatJson, formatText, reportToGitHub } from './report.ts';
import { exitCode, runLinkCheck } from './run.ts';

export async function checkLinksCommand(argv: string[], cwd: string): Promise<number> {
  const cli = parseCli(argv, cwd);
  if (cli.help) {
    console.log(HELP);
    return 0;
  }
  // A progress line only for a person at a terminal, never in CI logs or JSON pipes.
  const live = !cli.quiet && !cli.json && process.stderr.isTTY && !process.env['CI'];
  let lastDraw = 0;
  const onProgress = (phase: string, done: number, total: number) => {
    const now = Date.now();
    if (!live || (now - lastDraw < 100 && done < total)) return;
    lastDraw = now;
    const label = phase === 'pages' ? 'reading pages' : 'checking outside links';
    process.stderr.write(`\r\u001b[K${label} ${done}/${total}`);
    if (done === total) process.stderr.write('\r\u001b[K');
  };

  const result = await runLinkCheck({ ...cli.run, onProgress });
  if (cli.json) console.log(formatJson(result));
  else console.log(formatText(result, cli.run.root, process.stdout.isTTY && !process.env['NO_COLOR']));
  reportToGitHub(result);
  if (cli.markdown) {
    mkdirSync(dirname(cli.markdown), { recursive: true });
    writeFileSync(cli.markdown, issueMarkdown(result, (id) => sponsorName(cli.run.root, id), buildDate()));
  }
  if (cli.closeRoles) {
    // On stderr, so --json output stays one document.
    const { written, failed } = closeRoles(cli.run.root, result.closedRoles?.closed ?? [], buildDate());
    const say = (line: string) => console.error(line);
    if (written.length === 0 && failed.length === 0) say('--close-roles: no role has closed at the company; nothing was written.');
    for (const file of written) say(`✓ closed ${file} (status: closed)`);
    for (const { file, reason } of failed) say(`✗ left ${file} as it was: ${reason}; set status: closed by hand`);
    if (written.length) say(`Rebuild (npm run build) to move ${noun(written.length, 'it', 'them')} off the board; each keeps its page with a "closed" banner.`);
  }
  return exitCode(result.findings);
}

/** A sponsor's name from its booth file's front matter; its id when the file says none. */
function sponsorName(root: string, id: string): string {
  const file = join(root, contentPath(contentLayout.sponsors, `${id}.mdx`));
  try {
    const front = splitFrontMatter(existsSync(file) ? readFileSync(file, 'utf8') : '')?.yaml;
    const name = front ? (parse(front) as { name?: unknown } | null)?.name : undefined;
    return typeof name === 'string' && name.trim() ? name : id;
  } catch {
    return id;
  }
}
