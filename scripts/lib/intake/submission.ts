/**
 * What a form turns into before anything is written: the files (made by the same writers
 * as new:sponsor and new:role), the problems found while reading the answers, and how to
 * name a content-check problem of each file in the form's words.
 */
import type { Problem } from '../../../src/core/problems.ts';
import type { Written } from '../after-write.ts';
import type { NewFile } from '../cli.ts';
import type { FormKind } from './forms.ts';
import type { KeyProblem } from './roles.ts';

/** A mistake as the sponsor sees it: the form field ("Roles, block 2, apply link") and what to do. */
export interface FieldProblem {
  field: string;
  message: string;
  suggestion?: string;
}

export interface Submission {
  form: FormKind;
  sponsor: { id: string; name: string };
  /** Title of the pull request. */
  title: string;
  /** New files; never replace a file that exists. */
  files: NewFile[];
  /** Existing files the form asks to change (a role closed). */
  edits: NewFile[];
  /** What each file is, for the lists the sponsor and the web chair read. */
  written: Written[];
  problems: FieldProblem[];
  /** Lines for the web chair: defaults the intake chose, what to look at. */
  notes: string[];
  /** The form field of a content-check problem in one of this submission's files (by absolute path). */
  fieldOf: Map<string, (problem: Problem) => string>;
}

/** "Roles, block 2" + key problems → field problems. */
export function blockProblems(field: string, block: number, problems: KeyProblem[]): FieldProblem[] {
  return problems.map((p) => ({ field: `${field}, block ${block}${p.key ? `, ${p.key}` : ''}`, message: p.message }));
}

/** Role file fields in the words of the Roles field's keys. */
function roleKeyOf(field: string): string {
  const top = field.split(/[.[]/)[0]!;
  if (/^locations\[\d+\]\.applyUrl/.test(field) || top === 'applyUrl' || top === 'applyEmail') return 'apply link';
  const names: Record<string, string> = { title: 'title', employmentType: 'kind', locations: 'places', researchAreas: 'areas', requirements: 'requirements', eligibility: 'students', term: 'term', validThrough: 'closes', datePosted: 'closes', '(folder)': 'booth' };
  return names[top] ?? top;
}

/** The form field of a role file's problem: "Roles, block 2, apply link". */
export function roleFieldMapper(fieldLabel: string, block: number) {
  return (problem: Problem) => `${fieldLabel}, block ${block}, ${roleKeyOf(problem.field)}`;
}
