/**
 * Output of a run: a grouped text report (by file to edit, then line), JSON, and on GitHub
 * Actions workflow annotations plus a Markdown step summary.
 */
import { relative } from 'node:path';
import { styleText } from 'node:util';
import { annotationLine, appendStepSummary, markdownCell, onGitHubActions } from '../github-actions.ts';
import type { RunResult } from './run.ts';
import { exitCode } from './run.ts';
import type { Finding } from './types.ts';

type Style = Parameters<typeof styleText>[0];

const SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 } as const;

/** The command that closes the roles whose postings closed. */
export const closeCommand = 'npm run check:links -- --external --close-roles';

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.source.file.localeCompare(b.source.file) ||
      (a.source.line ?? 0) - (b.source.line ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.url.localeCompare(b.url),
  );
}

function tally(findings: Finding[]) {
  const count = (pred: (f: Finding) => boolean) => findings.filter(pred).length;
  return {
    errors: count((f) => f.severity === 'error'),
    warnings: count((f) => f.severity === 'warning'),
    notices: count((f) => f.severity === 'notice'),
    internal: count((f) => f.mode === 'internal' && f.severity !== 'notice'),
    external: count((f) => f.mode === 'external' && f.severity !== 'notice'),
  };
}

/** The human report. `color` adds ANSI styles (a terminal). */
export function formatText(result: RunResult, root: string, color: boolean): string {
  const paint = (style: Style, text: string) => (color ? styleText(style, text) : text);
  const { config, counts, findings } = result;
  const out: string[] = [];
  const dist = relative(root, config.outDir) || '.';
  out.push(
    `Link check of ${dist}/ (site ${config.site}, base ${config.base}, trailing slash ${config.trailingSlash}; from ${config.from})`,
    `${plural(counts.pages, 'page')}, ${plural(counts.links, 'link')}: ${counts.internal.toLocaleString('en-US')} internal, ${counts.external.toLocaleString('en-US')} to ${plural(counts.externalDistinct, 'outside URL')}` +
      (result.externalStats
        ? ` (${result.externalStats.checked} checked with ${plural(result.externalStats.requests, 'request')}, ${result.externalStats.fromCache} from cache, ${result.externalStats.skipped} skipped)`
        : ' (not requested; add --external)'),
  );

  const mark = { error: paint('red', '✗'), warning: paint('yellow', '!'), notice: paint('cyan', 'i') };
  const sorted = sortFindings(findings);
  const line = (f: Finding, where: string) => {
    out.push(`  ${where.padEnd(9)} ${mark[f.severity]} ${paint('bold', f.code)}  ${f.url}`);
    out.push(`            ${f.reason}${f.suggestion ? `; ${paint('green', `use ${f.suggestion}`)}` : ''}`);
    const text = f.text ? ` "${f.text}"` : '';
    const more = f.pages && f.pages > 1 ? ` and ${plural(f.pages - 1, 'more page')}` : '';
    out.push(paint('dim', `            on ${f.page}:${f.pageLine} · ${f.attr}${text}${more}`));
  };
  let file = '';
  for (const f of sorted.filter((x) => !x.source.built)) {
    if (f.source.file !== file) {
      file = f.source.file;
      const inFile = findings.filter((x) => x.source.file === file).length;
      out.push('', `${paint('bold', file)} ${paint('dim', `(${plural(inFile, 'problem')})`)}`);
    }
    line(f, f.source.line ? `line ${f.source.line}` : '');
  }
  const fromTemplates = sorted.filter((x) => x.source.built);
  if (fromTemplates.length > 0) {
    out.push('', `${paint('bold', 'Links no content file holds')} ${paint('dim', `(${plural(fromTemplates.length, 'problem')}; written by a page, layout or component in src/, or the site is not this project's)`)}`);
    for (const f of fromTemplates) line(f, '');
  }

  const closed = result.closedRoles;
  if (closed && closed.closed.length + closed.partly.length > 0) {
    out.push('', paint('bold', 'Roles closed at the company'));
    for (const role of closed.closed) {
      out.push(`  ${paint('yellow', '!')} ${paint('bold', role.file)}: every posting has closed`);
      for (const p of role.postings) out.push(`            ${p.url}: ${p.closed.evidence}`);
    }
    for (const role of closed.partly) {
      out.push(`  ${paint('cyan', 'i')} ${paint('bold', role.file)}: ${plural(role.postings.length, 'posting')} closed, ${role.open.length} still open; remove the closed places`);
      for (const p of role.postings) out.push(`            ${p.url}: ${p.closed.evidence}`);
    }
    if (closed.closed.length) out.push(`  Close them: ${closeCommand} (writes status: closed into the ${plural(closed.closed.length, 'role file')}), then rebuild.`);
  }

  const t = tally(findings);
  out.push('');
  if (t.errors + t.warnings === 0) {
    out.push(paint('green', `✓ no broken links${t.notices ? ` (${plural(t.notices, 'notice')} above: worth a look, not failures)` : ''}`));
  } else {
    out.push(
      paint(t.errors ? 'red' : 'yellow', `✗ ${plural(t.errors + t.warnings, 'problem')}`) +
        ` (${t.internal} in the built site, ${t.external} outside)` +
        (t.notices ? `, ${plural(t.notices, 'notice')}` : '') +
        ` in ${plural(new Set(findings.filter((f) => f.severity !== 'notice').map((f) => f.source.file)).size, 'file')}.`,
    );
    out.push('Fix each in the file named above (source line first, built page below it), rebuild, and run the check again.');
  }
  return out.join('\n');
}

export function formatJson(result: RunResult): string {
  return JSON.stringify(
    {
      version: 1,
      exitCode: exitCode(result.findings),
      config: result.config,
      counts: result.counts,
      summary: tally(result.findings),
      externalStats: result.externalStats,
      ms: { offline: Math.round(result.ms.offline), external: Math.round(result.ms.external) },
      findings: sortFindings(result.findings),
      closedRoles: result.closedRoles,
    },
    null,
    2,
  );
}

export function githubAnnotations(findings: Finding[], limit = 50): string {
  return sortFindings(findings)
    .slice(0, limit)
    .map((f) =>
      annotationLine({
        level: f.severity,
        file: f.source.file,
        line: f.source.line,
        title: `Link ${f.code}`,
        message: `${f.url}: ${f.reason}${f.suggestion ? ` (use ${f.suggestion})` : ''} [on ${f.page}]`,
      }),
    )
    .join('\n');
}

export function markdownSummary(result: RunResult, limit = 200): string {
  const t = tally(result.findings);
  const lines = [
    '## Link check',
    '',
    `${result.counts.pages} pages, ${result.counts.links} links, ${result.counts.externalDistinct} outside URLs${result.externalStats ? ` (${result.externalStats.requests} requests)` : ' (not requested)'}.`,
    '',
    t.errors + t.warnings === 0 ? '**No broken links.**' : `**${t.errors + t.warnings} problems**: ${t.internal} in the built site, ${t.external} outside; ${t.notices} notices.`,
  ];
  const sorted = sortFindings(result.findings);
  if (sorted.length > 0) {
    lines.push('', '| file to edit | problem | link | fix |', '|---|---|---|---|');
    for (const f of sorted.slice(0, limit)) {
      const where = `${f.source.file}${f.source.line ? `:${f.source.line}` : ''}`;
      lines.push(`| ${markdownCell(where)} | ${f.severity} ${markdownCell(f.code)}: ${markdownCell(f.reason)} | \`${markdownCell(f.url)}\` | ${f.suggestion ? `\`${markdownCell(f.suggestion)}\`` : ''} |`);
    }
    if (sorted.length > limit) lines.push('', `… and ${sorted.length - limit} more (run \`npm run check:links -- --json\`).`);
  }
  return `${lines.join('\n')}\n`;
}

/** Annotations on stdout and the step summary file, when running in GitHub Actions. */
export function reportToGitHub(result: RunResult, env = process.env): void {
  if (!onGitHubActions(env)) return;
  const annotations = githubAnnotations(result.findings);
  if (annotations) console.log(annotations);
  appendStepSummary(markdownSummary(result), env);
}
