/**
 * `npm run check:content`: the build's content check without a build. Prints every problem
 * at once, grouped by file with counts, in exactly the words the build uses (both call
 * src/lib/content-check.ts and src/core/problems.ts), then warnings, then one line saying
 * what to do. Every booth is also compiled and its JavaScript checked, as the build does
 * (src/lib/content-and-code-check.ts). Exit code 1 when there is any problem; warnings alone
 * exit 0. Warnings include logos that would hardly show on their plates (scripts/lib/check-content/logos.ts).
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkContentAndCode } from '../../../src/lib/content-and-code-check.ts';
import { explainedAt } from '../../../src/core/problem-codes.ts';
import { formatProblems, type Problem } from '../../../src/core/problems.ts';
import { count, withSuggestion } from '../../../src/core/wording.ts';
import { commandExplained, helpText, paint, readFlags, UsageError, type FlagSpec } from '../cli.ts';
import { annotationLine, onGitHubActions } from '../github-actions.ts';
import { describeStandIn, launchReport } from './launch.ts';
import { logoWarnings } from './logos.ts';
import { contentDir, contentDir as defaultContentDir } from '../../../src/core/project.ts';

const flags = {
  content: { type: 'string', help: `the content folder to check; default ${contentDir}` },
  date: { type: 'string', help: 'check as of this day (YYYY-MM-DD), like BOOTHKIT_BUILD_DATE; default today' },
  quiet: { type: 'boolean', short: 'q', help: 'print problems only, no warnings' },
  launch: { type: 'boolean', help: 'also list the stand-ins left before launch (standIns: markers whose field still holds them); exit 1 while any is left' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
} satisfies Record<string, FlagSpec>;

/** Bold file headings ("path (2 problems)") so the groups stand out in a terminal. */
function highlight(block: string): string {
  return block
    .split('\n')
    .map((line) => (/^\S.* \(\d+ problems?\)$/.test(line) ? paint('bold', line) : line))
    .join('\n');
}

/**
 * Warnings grouped by message rather than by file: one oversight repeated in many files
 * (roles without a closing date) reads as one item with its list of places.
 */
function formatWarnings(warnings: Problem[]): string {
  const byMessage = new Map<string, Problem[]>();
  for (const w of warnings) {
    const key = `${w.field}: ${w.message}`;
    byMessage.set(key, [...(byMessage.get(key) ?? []), w]);
  }
  const lines = [`${count(warnings.length, 'content warning')}:`];
  for (const [message, list] of byMessage) {
    const code = list[0]!.code;
    lines.push('', paint('bold', `${message} (${count(list.length, 'file')}; ${explainedAt(code)})`));
    for (const w of list.sort((a, b) => a.file.localeCompare(b.file))) lines.push(`  ${w.line ? `${w.file}:${w.line}` : w.file}`);
  }
  return lines.join('\n');
}

/** GitHub Actions shows these as annotations on the changed files of a pull request. */
function annotations(problems: Problem[], level: 'error' | 'warning'): string[] {
  return problems.map((p) => annotationLine({ level, file: p.file, line: p.line, title: p.field, message: `${withSuggestion(p.message, p.suggestion)} (${explainedAt(p.code)})` }));
}

export async function checkContentCommand(argv: string[], root: string): Promise<number> {
  const { values } = readFlags(argv, flags);
  if (values.help) {
    console.log(helpText('npm run check:content [-- --content <folder>]', flags, 'The build runs the same check and prints the same messages. docs/errors.md explains each one.'));
    return 0;
  }
  const contentDir = values.content ?? defaultContentDir;
  if (!existsSync(resolve(root, contentDir))) throw new UsageError('bad-option', `no content folder "${contentDir}" (paths are relative to ${root})`);
  if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError('bad-option', `--date "${values.date}" is not a day written as YYYY-MM-DD`);
  const { problems, warnings, counts, model } = await checkContentAndCode(root, { contentDir, ...(values.date ? { today: values.date } : {}) });
  // Logos are decoded and measured only when warnings are shown and the content holds together.
  const logos = !values.quiet && model && problems.length === 0 ? await logoWarnings(root, model) : [];
  const shownWarnings = values.quiet ? [] : [...warnings, ...logos];
  const scope = `${count(counts.files, 'file')} in ${relative(root, resolve(root, contentDir)) || '.'}`;
  const out: string[] = [];
  if (problems.length) out.push(highlight(formatProblems(problems)), '');
  if (shownWarnings.length) out.push(formatWarnings(shownWarnings), '');
  if (problems.length) {
    const files = new Set(problems.map((p) => p.file)).size;
    out.push(
      `${paint('red', '✗')} ${count(problems.length, 'problem')} in ${count(files, 'file')}${shownWarnings.length ? ` (and ${count(shownWarnings.length, 'warning')})` : ''}; checked ${scope}.`,
      '  The build refuses content with problems. Fix each line above (file:line says where; the docs/errors.md heading after it explains the message), then run npm run check:content again.',
    );
  } else {
    out.push(`${paint('green', '✓')} No problems: checked ${scope} (${count(counts.sponsors, 'sponsor')}, ${count(counts.roles, 'role')}).`);
    if (shownWarnings.length) out.push(`${paint('yellow', '!')} ${count(shownWarnings.length, 'warning')}: the build passes, but have a look (docs/errors.md says why each matters).`);
  }
  const launch = values.launch && problems.length === 0 ? launchLines(root, contentDir) : undefined;
  if (launch) out.push('', ...launch.lines);
  console.log(out.join('\n'));
  if (onGitHubActions()) console.log([...annotations(problems, 'error'), ...annotations(shownWarnings, 'warning')].join('\n'));
  return problems.length || launch?.left ? 1 : 0;
}

/** The stand-ins left, per sponsor (its file, then its roles), and the markers that can go. */
function launchLines(root: string, contentDir: string): { lines: string[]; left: number } {
  const groups = launchReport(root, contentDir);
  const entries = groups.flatMap((g) => g.entries);
  const left = entries.reduce((n, e) => n + e.left.length, 0);
  const lines: string[] = [];
  for (const group of groups.filter((g) => g.entries.some((e) => e.left.length))) {
    lines.push(paint('bold', group.title));
    for (const e of group.entries.filter((x) => x.left.length)) {
      lines.push(`  ${e.file}${e.title === group.title ? '' : ` (${e.title})`}`, ...e.left.map((item) => `    ${paint('yellow', '!')} ${describeStandIn(item)}`));
    }
  }
  const done = entries.filter((e) => e.done.length);
  if (done.length) {
    lines.push('', `${paint('cyan', '·')} Replaced, so their standIns lines can go: ${done.map((e) => `${e.file} (${e.done.map((d) => d.field).join(', ')})`).join('; ')}`);
  }
  const owners = groups.filter((g) => g.entries.some((e) => e.left.length));
  const sponsors = owners.filter((g) => !g.conference).length;
  const where = [...(sponsors ? [count(sponsors, 'sponsor')] : []), ...(owners.some((g) => g.conference) ? ['the conference'] : [])].join(' and ');
  lines.push(
    left
      ? `${paint('red', '✗')} Not ready to launch: ${count(left, 'stand-in')} left (${where}). Replace each value (docs/launch.md), then run npm run check:content -- --launch again (${commandExplained('not-ready-to-launch')}).`
      : `${paint('green', '✓')} Ready to launch: no stand-ins left.`,
  );
  return { lines, left };
}
