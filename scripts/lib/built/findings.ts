/**
 * What the tools that check a build (the site gate, the link check) find, and the one report
 * of it: problems grouped under the file to edit (a sponsor's MDX, a role's YAML), then those a
 * template wrote; and on GitHub Actions, annotations on those files plus a step summary. Each
 * tool adds its own header and last line; the findings read the same in both.
 */
import { styleText } from 'node:util';
import { count } from '../../../src/core/wording.ts';
import { annotationLine, appendStepSummary, markdownCell, onGitHubActions } from '../github-actions.ts';
import type { SourceLocation } from './sources.ts';

/**
 * error: broken, fails the run; warning: probably needs an edit (a job posting that now lands
 * on a generic careers page); notice: worth knowing, never fails a run.
 */
export type Severity = 'error' | 'warning' | 'notice';

export interface Finding {
  severity: Severity;
  /** The kind of problem: stable, with its own heading in the tool's docs page. */
  code: string;
  /** What is wrong, one sentence. */
  message: string;
  /** What to do about it, when it takes a sentence. */
  fix?: string;
  /** What to write instead, when it is one value (an address, an id). */
  suggestion?: string;
  /** The link a finding is about, as written in the built page. */
  url?: string;
  /** Element and attribute of the link, e.g. "a[href]", and its text. */
  attr?: string;
  text?: string;
  /** Built page, relative to the output folder, e.g. "booths/acme/index.html". */
  page: string;
  pageLine?: number;
  /** Where to fix it: a content file, or the built page when a template wrote it. */
  source: SourceLocation;
  /** How many pages carry the same problem from the same place (grouped findings). */
  pages?: number;
}

/** A tool's name in reports, and the page that explains its codes (a heading per code). */
export interface Reporter {
  name: string;
  docs: string;
  /** The heading over findings no content file holds, e.g. "Links no content file holds". */
  templates: string;
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Where a code is explained: "docs/links.md#missing-page". */
export const explained = (reporter: Reporter, code: string) => `${reporter.docs}#${code}`;

export function sortFindings<F extends Finding>(findings: readonly F[]): F[] {
  return [...findings].sort(
    (a, b) =>
      a.source.file.localeCompare(b.source.file) ||
      (a.source.line ?? 0) - (b.source.line ?? 0) ||
      severityOrder[a.severity] - severityOrder[b.severity] ||
      a.page.localeCompare(b.page) ||
      (a.pageLine ?? 0) - (b.pageLine ?? 0) ||
      a.code.localeCompare(b.code) ||
      (a.url ?? '').localeCompare(b.url ?? ''),
  );
}

/**
 * Same problem, same place to fix it: reported once, with the number of pages it shows on. A
 * problem no content file holds comes from a template, so the same link broken on 60 built
 * pages is one problem.
 */
export function groupFindings<F extends Finding>(findings: readonly F[]): F[] {
  const byKey = new Map<string, F>();
  for (const f of findings) {
    const place = f.source.built ? ['', ''] : [f.source.file, f.source.line ?? ''];
    const key = [...place, f.code, f.url ?? f.message].join('\u0000');
    const seen = byKey.get(key);
    if (seen) seen.pages = (seen.pages ?? 1) + 1;
    else byKey.set(key, { ...f });
  }
  return [...byKey.values()];
}

type Style = Parameters<typeof styleText>[0];

/** The findings as text lines: under each file to edit, then those from templates. `color` adds ANSI styles. */
export function findingLines(findings: readonly Finding[], reporter: Reporter, color: boolean): string[] {
  const paint = (style: Style, text: string) => (color ? styleText(style, text) : text);
  const mark = { error: paint('red', '✗'), warning: paint('yellow', '!'), notice: paint('cyan', 'i') };
  const out: string[] = [];
  const lineOf = (f: Finding) => (f.source.line && !f.source.built ? `line ${f.source.line}` : '');
  // A column for the line in the file to edit, when any finding has one.
  const column = findings.some((f) => lineOf(f));
  const indent = ' '.repeat(column ? 12 : 4);
  const line = (f: Finding) => {
    const use = f.suggestion ? `; ${paint('green', `use ${f.suggestion}`)}` : '';
    out.push(`  ${column ? `${lineOf(f).padEnd(9)} ` : ''}${mark[f.severity]} ${paint('bold', f.code)}  ${f.url ?? `${f.message}${use}`}`);
    if (f.url) out.push(`${indent}${f.message}${use}`);
    if (f.fix) out.push(`${indent}${paint('green', `fix: ${f.fix}`)}`);
    const link = f.attr ? ` · ${f.attr}${f.text ? ` "${f.text}"` : ''}` : '';
    const more = f.pages && f.pages > 1 ? ` and ${count(f.pages - 1, 'more page')}` : '';
    out.push(paint('dim', `${indent}on ${f.page}${f.pageLine ? `:${f.pageLine}` : ''}${link}${more} · ${explained(reporter, f.code)}`));
  };
  const sorted = sortFindings(findings);
  let file = '';
  for (const f of sorted.filter((x) => !x.source.built)) {
    if (f.source.file !== file) {
      file = f.source.file;
      out.push('', `${paint('bold', file)} ${paint('dim', `(${count(sorted.filter((x) => x.source.file === file).length, 'problem')})`)}`);
    }
    line(f);
  }
  const fromTemplates = sorted.filter((x) => x.source.built);
  if (fromTemplates.length > 0) {
    out.push('', `${paint('bold', reporter.templates)} ${paint('dim', `(${count(fromTemplates.length, 'problem')}; written by a page, layout or component in src/)`)}`);
    for (const f of fromTemplates) line(f);
  }
  return out;
}

/** Annotations on the files to edit (the first 50) and a step summary, when running in GitHub Actions. */
export function reportToGitHub(findings: readonly Finding[], reporter: Reporter, summary: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  if (!onGitHubActions(env)) return;
  const sorted = sortFindings(findings);
  const problem = (f: Finding) => `${f.url ? `${f.url}: ` : ''}${f.message}`;
  const annotations = sorted.slice(0, 50).map((f) =>
    annotationLine({
      level: f.severity,
      file: f.source.file,
      line: f.source.line,
      title: `${reporter.name}: ${f.code}`,
      message: `${problem(f)}${f.suggestion ? ` (use ${f.suggestion})` : ''}${f.fix ? ` (fix: ${f.fix})` : ''} [on ${f.page}; ${explained(reporter, f.code)}]`,
    }),
  );
  if (annotations.length) console.log(annotations.join('\n'));
  const limit = 200;
  const rows = sorted.slice(0, limit).map((f) => {
    const where = `${f.source.file}${f.source.line ? `:${f.source.line}` : ''}`;
    const fix = [f.suggestion && `use \`${markdownCell(f.suggestion)}\``, f.fix && markdownCell(f.fix)].filter(Boolean).join('; ');
    return `| ${markdownCell(where)} | ${f.severity} [${markdownCell(f.code)}](${explained(reporter, f.code)}) | ${markdownCell(problem(f))} | ${fix} | ${markdownCell(f.page)} |`;
  });
  const table = rows.length ? ['', '| file to edit | problem | what | fix | page |', '|---|---|---|---|---|', ...rows] : [];
  const more = sorted.length > limit ? ['', `… and ${sorted.length - limit} more (run the command with --json).`] : [];
  appendStepSummary([`## ${reporter.name}`, '', ...summary, ...table, ...more, ''].join('\n'), env);
}
