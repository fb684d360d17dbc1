/**
 * The site gate's report: the findings report (scripts/lib/built/findings.ts) between the
 * gate's header and its last line; JSON; and GitHub annotations plus a step summary on Actions.
 */
import { relative } from 'node:path';
import { styleText } from 'node:util';
import { count } from '../../../src/core/wording.ts';
import { findingLines, reportToGitHub as reportFindings, sortFindings, type Reporter } from '../built/findings.ts';
import type { VerifyResult } from './run.ts';

export const gateReporter: Reporter = { name: 'Site gate', docs: 'docs/verify.md', templates: 'Pages no content file makes' };

export function formatText(result: VerifyResult, root: string, color: boolean): string {
  const paint = (style: Parameters<typeof styleText>[0], text: string) => (color ? styleText(style, text) : text);
  const { config, counts, findings } = result;
  const out = [
    `Site gate over ${relative(root, config.outDir) || '.'}/ (base ${config.base}; from ${config.from})`,
    `${count(counts.pages, 'page')}, each read once and checked against ${count(counts.rules, 'rule')}${counts.jobs > 1 ? ` in ${counts.jobs} threads` : ''} in ${(result.ms / 1000).toFixed(1)} s`,
    ...findingLines(findings, gateReporter, color),
    '',
  ];
  if (findings.length === 0) out.push(paint('green', `✓ all ${count(counts.pages, 'page')} pass every rule`));
  else {
    const pages = findings.reduce((sum, f) => sum + (f.pages ?? 1), 0);
    const files = new Set(findings.filter((f) => !f.source.built).map((f) => f.source.file)).size;
    const where = [files ? count(files, 'content file') : '', findings.some((f) => f.source.built) ? 'templates' : ''].filter(Boolean).join(' and ');
    out.push(`${paint('red', '✗')} ${count(findings.length, 'problem')} on ${count(pages, 'page')}, from ${where}.`);
    out.push(`Fix each in the file named above, rebuild (npm run build), and run npm run verify again. ${gateReporter.docs} explains every rule.`);
  }
  return out.join('\n');
}

export function formatJson(result: VerifyResult): string {
  const { config, counts, findings, ms } = result;
  return JSON.stringify({ version: 2, exitCode: findings.length ? 1 : 0, config, counts, ms: Math.round(ms), findings: sortFindings(findings) }, null, 2);
}

/** Annotations on the files to edit and a step summary, when running in GitHub Actions. */
export function reportToGitHub(result: VerifyResult, env = process.env): void {
  const summary = [`${result.counts.pages} pages, ${result.counts.rules} rules: ${result.findings.length ? `**${result.findings.length} problems**` : '**all pass**'}.`];
  reportFindings(result.findings, gateReporter, summary, env);
}
