/**
 * The link check as one Markdown page for a tracker issue (`--markdown FILE`, which the
 * scheduled workflow keeps in one issue): dead links and roles closed at the company,
 * grouped by sponsor, each with the file and line to edit and the commands that fix them.
 * Notices are counted, not listed. Addresses and evidence come partly from outside servers
 * (a redirect's target), so each is written as inline code, where Markdown makes no link,
 * image or mention of it; and the page stays under GitHub's limit for an issue body.
 */
import { markdownCell } from '../github-actions.ts';
import { sortFindings } from '../built/findings.ts';
import { closeCommand } from './report.ts';
import type { RunResult } from './run.ts';
import type { ClosedRole } from './closed-roles.ts';
import type { LinkFinding } from './types.ts';
import { count } from '../../../src/core/wording.ts';

/** Marks the issue the workflow keeps up to date. */
export const issueMarker = '<!-- boothkit-link-check -->';

/** GitHub refuses an issue body over 65,536 characters. */
const MAX_CHARS = 60_000;

/** Text as inline code, also inside a table: one line, no backtick or pipe to end it early, not too long. */
function code(text: string): string {
  const line = text.replace(/[\r\n]+/g, ' ').replace(/`/g, '%60').replace(/\|/g, '%7C');
  return `\`${line.length > 200 ? `${line.slice(0, 199)}…` : line}\``;
}

/** The sponsor a content file belongs to: its booth file, or the folder of its role files. */
function sponsorOf(file: string): string | undefined {
  return /^(?:.*\/)?content\/(?:sponsors\/([^/]+)\.mdx?|roles\/([^/]+)\/)/.exec(file)?.slice(1).find(Boolean);
}

function where(f: LinkFinding): string {
  return `${f.source.file}${f.source.line ? `:${f.source.line}` : ''}`;
}

export function issueMarkdown(result: RunResult, names: (sponsor: string) => string, today: string): string {
  const closed = result.closedRoles ?? { closed: [], partly: [] };
  // A role's closed posting is listed under its role; any other problem (a sponsor's careers page that redirects too) in the table.
  const listed = new Set([...closed.closed, ...closed.partly].flatMap((role) => role.postings.map((p) => p.url)));
  const problems = sortFindings(result.findings).filter((f) => f.severity !== 'notice' && !(f.closed && listed.has(f.url.split('#')[0]!)));
  const notices = result.findings.filter((f) => f.severity === 'notice').length;
  const groups = new Map<string, { dead: LinkFinding[]; closed: ClosedRole[]; partly: ClosedRole[] }>();
  const group = (file: string) => {
    const key = sponsorOf(file) ?? '';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { dead: [], closed: [], partly: [] }));
    return g;
  };
  for (const f of problems) group(f.source.file).dead.push(f);
  for (const role of closed.closed) group(role.file).closed.push(role);
  for (const role of closed.partly) group(role.file).partly.push(role);

  const lines = [
    issueMarker,
    `## Link check of ${code(result.config.site + result.config.base)}, ${today}`,
    '',
    problems.length + closed.closed.length + closed.partly.length === 0
      ? `**No dead links, and no role has closed at the company.**${notices ? ` ${notices} notices (moved pages, sites that block robots) are in the run's report.` : ''}`
      : `**${count(problems.length, 'dead or broken link')}, ${count(closed.closed.length, 'role')} closed at the company${closed.partly.length ? `, ${closed.partly.length} with some postings closed` : ''}.** ${notices} notices are in the run's report, not here.`,
  ];
  const keys = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : names(a).localeCompare(names(b))));
  for (const key of keys) {
    const g = groups.get(key)!;
    lines.push('', `### ${key ? markdownCell(names(key)) : 'Site-wide (the conference file, pages and layouts)'}`);
    for (const role of g.closed) {
      lines.push(`- **Closed at the company**: ${code(role.file)}`);
      for (const p of role.postings) lines.push(`  - ${code(p.url)}: ${code(p.closed.evidence)}`);
    }
    for (const role of g.partly) {
      lines.push(`- **Some postings closed** (${role.open.length} still open): ${code(role.file)}; remove the closed places`);
      for (const p of role.postings) lines.push(`  - ${code(p.url)}: ${code(p.closed.evidence)}`);
    }
    if (g.dead.length) {
      lines.push('', '| file to edit | link | problem | write instead |', '|---|---|---|---|');
      for (const f of g.dead) lines.push(`| ${code(where(f))} | ${code(f.url)} | ${f.severity} ${code(`${f.code}: ${f.message}`)} | ${f.suggestion ? code(f.suggestion) : ''} |`);
    }
  }
  if (problems.length + closed.closed.length + closed.partly.length > 0) {
    lines.push(
      '',
      '### How to fix',
      '',
      ...(closed.closed.length ? [`- Close the roles: \`${closeCommand}\` writes \`status: closed\` into each role file named above; rebuild and commit.`] : []),
      ...(closed.partly.length ? ['- A role with some postings closed: delete those places from its `locations:` (or close it when the sponsor says so).'] : []),
      ...(problems.length ? ['- A dead link: edit the file at the line given (`write instead` says the new address when the checker knows it). A link no check can reach stays with `# link-check: skip` on its line.'] : []),
      '- Then `npm run build && npm run check:links -- --external` to see the list shrink; this issue is updated by the next scheduled run.',
    );
  }
  let text = `${lines.join('\n')}\n`;
  if (text.length > MAX_CHARS) {
    const cut = text.lastIndexOf('\n', MAX_CHARS);
    text = `${text.slice(0, cut)}\n\n… cut here to fit an issue; the whole list is in the run's links.json.\n`;
  }
  return text;
}
