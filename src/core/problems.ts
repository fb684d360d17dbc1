/**
 * A content problem as authors see it: which file, which field, what was found, what was
 * expected. Every check in boothkit reports these, and they are printed together.
 */
import { explainedAt, type ProblemCode } from './problem-codes.ts';
import { count, withSuggestion } from './wording.ts';

export interface Problem {
  /** The kind of problem (src/core/problem-codes.ts): its heading in docs/errors.md explains it. */
  code: ProblemCode;
  /** Path of the file to edit, relative to the project root. */
  file: string;
  /** 1-based line in that file, where the source has one. */
  line?: number;
  /** Dotted path of the field, e.g. "researchAreas[2]". */
  field: string;
  /** What is wrong and what is expected, in one sentence. */
  message: string;
  /** The closest valid value, for "did you mean". */
  suggestion?: string;
}

/** `file:line: field: message. Did you mean …? (docs/errors.md#code)`: one problem on one line. */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return `${where}: ${p.field}: ${withSuggestion(p.message, p.suggestion)} (${explainedAt(p.code)})`;
}

/** All problems, grouped by file with a count per file, as one block of text for an error or the terminal. */
export function formatProblems(problems: readonly Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const files = [...byFile.keys()].sort();
  const lines = [`${count(problems.length, 'content problem')} in ${count(files.length, 'file')}:`];
  for (const file of files) {
    lines.push('', `${file} (${count(byFile.get(file)!.length, 'problem')})`);
    const list = byFile.get(file)!.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    for (const p of list) lines.push(`  ${formatProblem(p)}`);
  }
  return lines.join('\n');
}

/** Thrown by the build when content is invalid; its message lists every problem. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(formatProblems(problems));
    this.name = 'ContentError';
    this.problems = problems;
  }
}


export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(file)';
}
