/**
 * One intake: read the issue body, make the files, write them into a throw-away copy of the
 * content folder, run the content check (schemas, references and the MDX guard) there, name
 * every problem after its form field, and only when nothing is wrong write the same files
 * into the project. Nothing is ever written outside the content folder.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { checkContentAndCode } from '../../../src/lib/content-and-code-check.ts';
import type { Problem } from '../../../src/core/problems.ts';
import { writeNewFiles, type NewFile } from '../cli.ts';
import type { Project } from '../project.ts';
import { defaultLimits, type DownloadLimits } from './attachments.ts';
import { boothSubmission } from './booth-form.ts';
import { formDefinition, formDefinitions, type FormKind } from './forms.ts';
import { detectForm, maxBodyLength, readAnswers } from './issue-body.ts';
import { rolesSubmission } from './roles-form.ts';
import type { FieldProblem, Submission } from './submission.ts';

export interface IntakeRequest {
  body: string;
  /** Which form wrote the body; read from its headings when left out. */
  form?: FormKind;
  /** Check only: write nothing into the project. */
  dryRun?: boolean;
  /** Replace files that exist (a local re-run of the same issue). */
  force?: boolean;
}

export interface IntakeResult {
  status: 'ready' | 'problems';
  form?: FormKind;
  submission?: Submission;
  /** Every problem of the submission, named after its form field. */
  problems: FieldProblem[];
  /** Problems of the site's other files: not the sponsor's to fix. */
  siteProblems: Problem[];
  counts?: { sponsors: number; roles: number };
  /** Whether the files are now in the project. */
  written: boolean;
}

/** Refuses any path outside the content folder: the last line of defence, whatever made the path. */
function insideContent(project: Project, files: NewFile[]): void {
  const root = resolve(project.content) + sep;
  for (const file of files) {
    if (!resolve(file.path).startsWith(root)) throw new Error(`intake: refusing to write ${file.path}, outside ${project.content}`);
  }
}

/** `files` moved from the project into `stagingContent`, the copy of its content folder. */
const staged = (project: Project, stagingContent: string, files: NewFile[]) => files.map((f) => ({ ...f, path: join(stagingContent, relative(project.content, f.path)) }));

/**
 * Whether the reading of the form already reported this (an empty field, a refused image on
 * that line of the booth text), which the check would only repeat in other words.
 */
const reported = (problems: FieldProblem[], field: string) => problems.some((p) => field === p.field || field.startsWith(`${p.field}, image `));

export async function runIntake(request: IntakeRequest, project: Project, limits: DownloadLimits = defaultLimits): Promise<IntakeResult> {
  const refuse = (field: string, message: string): IntakeResult => ({ status: 'problems', problems: [{ field, message }], siteProblems: [], written: false });
  if (request.body.length > maxBodyLength) return refuse('Issue', `is ${request.body.length.toLocaleString('en')} characters long; GitHub's forms write at most ${maxBodyLength.toLocaleString('en')}`);
  const kind = request.form ?? detectForm(request.body, formDefinitions(project));
  if (!kind) return refuse('Issue', 'was not written with the booth or the roles form (its "### " headings are not the forms\' fields); open a new issue and choose "Sponsor booth" or "Sponsor roles"');
  const form = formDefinition(project, kind);
  const answers = readAnswers(request.body, form);
  const submission = kind === 'booth' ? await boothSubmission(answers, form, project, limits) : rolesSubmission(answers, form, project);
  insideContent(project, [...submission.files, ...submission.edits]);

  const staging = mkdtempSync(join(tmpdir(), 'boothkit-intake-'));
  try {
    const contentDir = relative(project.root, project.content);
    const stagingContent = join(staging, contentDir);
    cpSync(project.content, stagingContent, { recursive: true });
    // The copy may be replaced freely: a clash with an existing file is already a problem.
    writeNewFiles(staged(project, stagingContent, [...submission.files, ...submission.edits]), staging, true);
    const check = await checkContentAndCode(staging, { contentDir });
    const problems = [...submission.problems];
    const siteProblems: Problem[] = [];
    for (const problem of check.problems) {
      const fieldOf = submission.fieldOf.get(join(project.root, problem.file));
      if (!fieldOf) {
        siteProblems.push(problem);
        continue;
      }
      const field = fieldOf(problem);
      if (!reported(submission.problems, field)) problems.push({ field, message: problem.message, ...(problem.suggestion ? { suggestion: problem.suggestion } : {}) });
    }
    // In the order of the form, as the sponsor reads it; within a field, as found.
    const position = (p: FieldProblem) => form.fields.findIndex((f) => p.field === f.label || p.field.startsWith(`${f.label}, `));
    const number = (p: FieldProblem) => Number(/, (?:line|block) (\d+)/.exec(p.field)?.[1] ?? 0);
    problems.sort((a, b) => position(a) - position(b) || number(a) - number(b));
    const ready = problems.length === 0;
    if (ready && !request.dryRun) {
      writeNewFiles(submission.files, project.root, request.force);
      writeNewFiles(submission.edits, project.root, true);
    }
    return { status: ready ? 'ready' : 'problems', form: kind, submission, problems, siteProblems, counts: { sponsors: check.counts.sponsors, roles: check.counts.roles }, written: ready && !request.dryRun };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
