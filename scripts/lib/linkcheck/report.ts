/**
 * Output of a link-check run: the findings report (scripts/lib/built/findings.ts) between this
 * check's header, the roles closed at the company and its last line; JSON; and on GitHub
 * Actions, annotations plus a step summary.
 */
import { relative } from 'node:path';
import { styleText } from 'node:util';
import { count } from '../../../src/core/wording.ts';
import { findingLines, reportToGitHub as reportFindings, sortFindings, type Reporter } from '../built/findings.ts';
import type { RunResult } from './run.ts';
import { exitCode } from './run.ts';
import type { LinkFinding } from './types.ts';

type Style = Parameters<typeof styleText>[0];

export const linkReporter: Reporter = { name: 'Link check', docs: 'docs/links.md', templates: 'Links no content file holds' };

/** The command that closes the roles whose postings closed. */
export const closeCommand = 'npm run check:links -- --external --close-roles';

function tally(findings: LinkFinding[]) {
  const number = (pred: (f: LinkFinding) => boolean) => findings.filter(pred).length;
  return {
    errors: number((f) => f.severity === 'error'),
    warnings: number((f) => f.severity === 'warning'),
    notices: number((f) => f.severity === 'notice'),
    internal: number((f) => f.mode === 'internal' && f.severity !== 'notice'),
    external: number((f) => f.mode === 'external' && f.severity !== 'notice'),
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
    `${count(counts.pages, 'page')}, ${count(counts.links, 'link')}: ${counts.internal.toLocaleString('en-US')} internal, ${counts.external.toLocaleString('en-US')} to ${count(counts.externalDistinct, 'outside URL')}` +
      (result.externalStats
        ? ` (${result.externalStats.checked} checked with ${count(result.externalStats.requests, 'request')}, ${result.externalStats.fromCache} from cache, ${result.externalStats.skipped} skipped)`
        : ' (not requested; add --external)'),
    ...findingLines(findings, linkReporter, color),
  );

  const closed = result.closedRoles;
  if (closed && closed.closed.length + closed.partly.length > 0) {
    out.push('', paint('bold', 'Roles closed at the company'));
    for (const role of closed.closed) {
      out.push(`  ${paint('yellow', '!')} ${paint('bold', role.file)}: every posting has closed`);
      for (const p of role.postings) out.push(`            ${p.url}: ${p.closed.evidence}`);
    }
    for (const role of closed.partly) {
      out.push(`  ${paint('cyan', 'i')} ${paint('bold', role.file)}: ${count(role.postings.length, 'posting')} closed, ${role.open.length} still open; remove the closed places`);
      for (const p of role.postings) out.push(`            ${p.url}: ${p.closed.evidence}`);
    }
    if (closed.closed.length) out.push(`  Close them: ${closeCommand} (writes status: closed into the ${count(closed.closed.length, 'role file')}), then rebuild.`);
  }

  const t = tally(findings);
  out.push('');
  if (t.errors + t.warnings === 0) {
    out.push(paint('green', `✓ no broken links${t.notices ? ` (${count(t.notices, 'notice')} above: worth a look, not failures)` : ''}`));
  } else {
    out.push(
      paint(t.errors ? 'red' : 'yellow', `✗ ${count(t.errors + t.warnings, 'problem')}`) +
        ` (${t.internal} in the built site, ${t.external} outside)` +
        (t.notices ? `, ${count(t.notices, 'notice')}` : '') +
        ` in ${count(new Set(findings.filter((f) => f.severity !== 'notice').map((f) => f.source.file)).size, 'file')}.`,
    );
    out.push(`Fix each in the file named above (source line first, built page below it), rebuild, and run the check again. ${linkReporter.docs} explains every code.`);
  }
  return out.join('\n');
}

export function formatJson(result: RunResult): string {
  return JSON.stringify(
    {
      version: 2,
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

/** Annotations on stdout and the step summary file, when running in GitHub Actions. */
export function reportToGitHub(result: RunResult, env = process.env): void {
  const t = tally(result.findings);
  const summary = [
    `${result.counts.pages} pages, ${result.counts.links} links, ${result.counts.externalDistinct} outside URLs${result.externalStats ? ` (${result.externalStats.requests} requests)` : ' (not requested)'}.`,
    '',
    t.errors + t.warnings === 0 ? '**No broken links.**' : `**${t.errors + t.warnings} problems**: ${t.internal} in the built site, ${t.external} outside; ${t.notices} notices.`,
  ];
  reportFindings(result.findings, linkReporter, summary, env);
}
