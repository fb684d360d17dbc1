/**
 * What a scaffold or import prints once its files are written: the files, a content check
 * of the whole project (so the author knows at once whether the build will pass), and the
 * next command.
 */
import { relative } from 'node:path';
import { checkContentAndCode } from '../../src/lib/content-and-code-check.ts';
import { formatProblems } from '../../src/core/problems.ts';
import { paint } from './cli.ts';
import { count } from '../../src/core/wording.ts';
import type { Project } from './project.ts';
import { withBase } from '../../src/lib/routes.ts';

export interface Written {
  path: string;
  /** Why the author should look at it, e.g. "placeholder: replace with your logo". */
  note?: string;
}

export function listWritten(project: Project, files: Written[]): string[] {
  const names = files.map((f) => relative(project.root, f.path).split('\\').join('/'));
  const width = Math.max(...names.map((n) => n.length));
  return files.map((f, i) => (f.note ? `  ${names[i]!.padEnd(width)}  ${paint('dim', f.note)}` : `  ${names[i]}`));
}

/**
 * Runs the content check on the project and describes the result. `ok` is false when a
 * problem is in one of `ours` (files this command wrote): that is the command's failure.
 */
export async function checkAfterWrite(project: Project, ours: string[]): Promise<{ ok: boolean; lines: string[] }> {
  const contentDir = relative(project.root, project.content) || '.';
  const { problems, counts } = await checkContentAndCode(project.root, { contentDir });
  if (problems.length === 0) {
    return { ok: true, lines: [`${paint('green', '✓')} Content check passed (${count(counts.sponsors, 'sponsor')}, ${count(counts.roles, 'role')}).`] };
  }
  const mine = new Set(ours.map((p) => relative(project.root, p).split('\\').join('/')));
  const inOurs = problems.filter((p) => mine.has(p.file));
  const head = inOurs.length
    ? `${paint('red', '✗')} The content check found problems in the files just written; fix them before building:`
    : `${paint('yellow', '!')} The new files are fine, but other content has problems the build will refuse:`;
  return { ok: inOurs.length === 0, lines: [head, formatProblems(problems)] };
}

/** The local preview address of a path, with the site's base path. */
export function previewUrl(project: Project, path: string): string {
  return `http://localhost:4321${withBase(project.conference?.base ?? '/', path)}`;
}
