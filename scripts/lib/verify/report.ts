/**
 * The site gate's report: problems grouped under the file to edit (a sponsor's MDX, a role's
 * YAML), then those that come from templates; JSON; and GitHub annotations plus a step
 * summary on Actions. Laid out like the link check's report, so the two read alike.
 */
import { relative } from 'node:path';
import { styleText } from 'node:util';
import { annotationLine, appendStepSummary, markdownCell, onGitHubActions } from '../github-actions.ts';
import type { GateFinding, VerifyResult } from './run.ts';

type Style = Parameters<typeof styleText>[0];

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

const byFile = (a: GateFinding, b: GateFinding) => a.source.file.localeCompare(b.source.file) || a.page.localeCompare(b.page) || (a.pageLine ?? 0) - (b.pageLine ?? 0) || a.code.localeCompare(b.code);

export function formatText(result: VerifyResult, root: string, color: boolean): string {
  const paint = (style: Style, text: string) => (color ? styleText(style, text) : text);
  const { config, counts, findings } = result;
  const out = [
    `Site gate over ${relative(root, config.outDir) || '.'}/ (base ${config.base}; from ${config.from})`,
    `${plural(counts.pages, 'page')}, each read once and checked against ${plural(counts.rules, 'rule')}${counts.jobs > 1 ? ` in ${counts.jobs} threads` : ''} in ${(result.ms / 1000).toFixed(1)} s`,
  ];
  const line = (f: GateFinding) => {
    out.push(`  ${paint('red', '✗')} ${paint('bold', f.code.padEnd(12))} ${f.message}`);
    out.push(`    ${paint('green', `fix: ${f.fix}`)}`);
    const more = f.pages && f.pages > 1 ? ` and ${plural(f.pages - 1, 'more page')}` : '';
    out.push(paint('dim', `    on ${f.page}${f.pageLine ? `:${f.pageLine}` : ''}${more}`));
  };
  const sorted = [...findings].sort(byFile);
  let file = '';
  for (const f of sorted.filter((x) => !x.source.built)) {
    if (f.source.file !== file) {
      file = f.source.file;
      out.push('', `${paint('bold', file)} ${paint('dim', `(${plural(sorted.filter((x) => x.source.file === file).length, 'problem')})`)}`);
    }
    line(f);
  }
  const fromTemplates = sorted.filter((x) => x.source.built);
  if (fromTemplates.length > 0) {
    out.push('', `${paint('bold', 'Pages no content file makes')} ${paint('dim', `(${plural(fromTemplates.length, 'problem')}; written by a page, layout or component in src/)`)}`);
    for (const f of fromTemplates) line(f);
  }
  out.push('');
  if (findings.length === 0) out.push(paint('green', `✓ all ${plural(counts.pages, 'page')} pass every rule`));
  else {
    const pages = findings.reduce((sum, f) => sum + (f.pages ?? 1), 0);
    const files = new Set(findings.filter((f) => !f.source.built).map((f) => f.source.file)).size;
    const where = [files ? plural(files, 'content file') : '', fromTemplates.length ? 'templates' : ''].filter(Boolean).join(' and ');
    out.push(`${paint('red', '✗')} ${plural(findings.length, 'problem')} on ${plural(pages, 'page')}, from ${where}.`);
    out.push('Fix each in the file named above, rebuild (npm run build), and run npm run verify again. docs/verify.md explains every rule.');
  }
  return out.join('\n');
}

export function formatJson(result: VerifyResult): string {
  const { config, counts, findings, ms } = result;
  return JSON.stringify({ version: 1, exitCode: findings.length ? 1 : 0, config, counts, ms: Math.round(ms), findings: [...findings].sort(byFile) }, null, 2);
}

/** Annotations on the files to edit and a step summary, when running in GitHub Actions. */
export function reportToGitHub(result: VerifyResult, env = process.env): void {
  if (!onGitHubActions(env)) return;
  const sorted = [...result.findings].sort(byFile);
  for (const f of sorted.slice(0, 50)) {
    console.log(annotationLine({ level: 'error', file: f.source.file, title: `Site gate: ${f.code}`, message: `${f.message} (fix: ${f.fix}) [on ${f.page}]` }));
  }
  const rows = sorted.slice(0, 200).map((f) => `| ${markdownCell(f.source.file)} | ${markdownCell(f.code)} | ${markdownCell(f.message)} | ${markdownCell(f.fix)} | ${markdownCell(f.page)} |`);
  const table = rows.length ? ['', '| file to edit | rule | problem | fix | page |', '|---|---|---|---|---|', ...rows] : [];
  appendStepSummary(['## Site gate', '', `${result.counts.pages} pages, ${result.counts.rules} rules: ${result.findings.length ? `**${result.findings.length} problems**` : '**all pass**'}.`, ...table, ''].join('\n'));
}
