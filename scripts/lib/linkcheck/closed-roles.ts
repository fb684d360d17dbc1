/**
 * From closed postings to closed roles. A role is closed at the company when every apply
 * link of it that was checked leads to a closed posting; a role with some closed and some
 * open is reported, never closed (one place may still hire). `--close-roles` then writes
 * `status: closed` into exactly those role files, keeping every other line, comment and key
 * order as it was, and checks what it wrote before replacing a file; it never deletes one.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { ExternalTarget } from './internal.ts';
import type { SourceMap } from '../built/sources.ts';
import { applyRoles } from './in-content.ts';
import type { ClosedEvidence, LinkFinding } from './types.ts';

export interface ClosedPosting {
  /** The apply link, as the built site has it. */
  url: string;
  closed: ClosedEvidence;
}

export interface ClosedRole {
  /** The role file, relative to the project root. */
  file: string;
  /** Its closed postings, with what says each is closed. */
  postings: ClosedPosting[];
  /** Its apply links that are still open (a role with none is closed). */
  open: string[];
}

/** Every role with a closed posting: `closed` when all its checked apply links are, `partly` otherwise. */
export function closedRoles(targets: readonly ExternalTarget[], findings: readonly Pick<LinkFinding, 'url' | 'closed'>[], sources: SourceMap): { closed: ClosedRole[]; partly: ClosedRole[] } {
  const evidence = new Map<string, ClosedEvidence>();
  for (const f of findings) if (f.closed) evidence.set(f.url.split('#')[0]!, f.closed);
  const byRole = new Map<string, ClosedRole>();
  for (const target of targets) {
    if (!target.posting) continue;
    for (const file of new Set(applyRoles(sources, target.url).map((at) => at.file))) {
      const role = byRole.get(file) ?? { file, postings: [], open: [] };
      const closed = evidence.get(target.url);
      if (closed) role.postings.push({ url: target.url, closed });
      else role.open.push(target.url);
      byRole.set(file, role);
    }
  }
  const withClosed = [...byRole.values()].filter((r) => r.postings.length > 0).sort((a, b) => a.file.localeCompare(b.file));
  return { closed: withClosed.filter((r) => r.open.length === 0), partly: withClosed.filter((r) => r.open.length > 0) };
}

/**
 * The role file's text with `status: closed` and a comment saying why: its status line
 * replaced, or a line added after the last key. Throws when the text is not a YAML mapping.
 */
export function closedRoleText(text: string, note: string): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) throw new Error('it is not a YAML mapping of fields');
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const line = `status: closed # ${note.replace(/[\r\n]+/g, ' ')}`;
  const lineEnd = (offset: number) => {
    const at = text.indexOf('\n', offset);
    return at < 0 ? text.length : text[at - 1] === '\r' ? at - 1 : at;
  };
  const status = doc.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'status');
  if (status && isScalar(status.key)) {
    const start = status.key.range![0];
    const valueEnd = (status.value as { range?: number[] } | null)?.range?.[1] ?? status.key.range![1];
    return `${text.slice(0, start)}${line}${text.slice(lineEnd(valueEnd))}`;
  }
  const end = lineEnd(doc.contents.range[1] - 1);
  return `${text.slice(0, end)}${newline}${line}${end === text.length ? newline : ''}${text.slice(end)}`;
}

/** What `closedRoleText` must give: the same fields, and status closed. */
function sameButClosed(before: string, after: string): boolean {
  const was = parseDocument(before).toJS() as Record<string, unknown>;
  const now = parseDocument(after).toJS() as Record<string, unknown>;
  return now['status'] === 'closed' && JSON.stringify({ ...was, status: 'closed' }) === JSON.stringify(now);
}

/**
 * Writes `status: closed` into each role file; a file that cannot be changed safely is left
 * as it was and named in `failed`. `today` (YYYY-MM-DD) dates the comment.
 */
export function closeRoles(root: string, roles: readonly ClosedRole[], today: string): { written: string[]; failed: { file: string; reason: string }[] } {
  const written: string[] = [];
  const failed: { file: string; reason: string }[] = [];
  for (const role of roles) {
    const path = join(root, role.file);
    try {
      const before = readFileSync(path, 'utf8');
      const after = closedRoleText(before, `closed at the company (npm run check:links, ${today})`);
      if (!sameButClosed(before, after)) throw new Error('the edit would change more than its status');
      // Written beside it, then renamed over it: a killed run leaves the old file.
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, after);
      renameSync(temporary, path);
      written.push(role.file);
    } catch (error) {
      failed.push({ file: role.file, reason: (error as Error).message });
    }
  }
  return { written, failed };
}
