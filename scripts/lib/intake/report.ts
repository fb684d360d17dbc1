/**
 * What the intake says: to the terminal, to the sponsor on the issue (a comment the workflow
 * posts and updates), and to the web chair in the pull request. Sponsor text quoted in a
 * comment is escaped, so it shows as written and cannot mention people or add links.
 */
import { stripVTControlCharacters } from 'node:util';
import { formatProblems } from '../../../src/core/problems.ts';
import { listWritten } from '../after-write.ts';
import { paint } from '../cli.ts';
import { count } from '../../../src/core/wording.ts';
import type { Project } from '../project.ts';
import type { IntakeResult } from './run.ts';
import type { FieldProblem } from './submission.ts';

/** Marks the intake's own comment, so the workflow updates it instead of adding another. */
export const commentMarker = '<!-- boothkit-intake -->';

/** GitHub's comments hold 65,536 characters; a long list is cut well before that. */
const maxListed = 60;

export function formatFieldProblem(p: FieldProblem): string {
  return `${p.field}: ${p.message}${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''}`;
}

/**
 * Text shown literally in GitHub Markdown: punctuation escaped, and what GitHub links in plain
 * text kept plain by a zero-width space: @mentions (after any character but a letter or digit,
 * so "-@team" and ".@team" too; an e-mail address stays whole), #123 references, and bare
 * addresses ("https://…", "www.…").
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`)
    .replace(/(?<!\w)@(?=\w)/g, '@\u200b')
    .replace(/#(?=\d)/g, '#\u200b')
    .replace(/:\/\//g, ':\u200b//')
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}\u200b.`);
}

/** The written files as Markdown list items (no terminal colours). */
const fileItems = (project: Project, result: IntakeResult) => listWritten(project, result.submission!.written).map((line) => `- ${markdownText(stripVTControlCharacters(line).trim().replace(/\s{2,}/g, ' · '))}`);

const what = (result: IntakeResult) => (result.form === 'roles' ? 'these roles' : 'this booth');

export function terminalReport(result: IntakeResult, project: Project): string {
  const s = result.submission;
  if (result.status === 'problems') {
    return [
      `${paint('red', '✗')} ${count(result.problems.length, 'problem')} in the ${result.form ?? 'issue'} form; nothing was written:`,
      ...result.problems.map((p) => `  ${formatFieldProblem(p)}`),
      '',
      '  Each line names the form field to fix. On GitHub the sponsor edits the issue and the check runs again.',
    ].join('\n');
  }
  return [
    `${paint('green', '✓')} ${s!.title}: ${result.written ? count(s!.written.length, 'file') : `${count(s!.written.length, 'file')} would be written (--dry-run)`}`,
    ...listWritten(project, s!.written),
    `${paint('green', '✓')} Content check passed (${count(result.counts!.sponsors, 'sponsor')}, ${count(result.counts!.roles, 'role')}).`,
    ...s!.notes.map((n) => `  ${n}`),
    ...(result.siteProblems.length ? ['', `${paint('yellow', '!')} Other content of the site has problems (not from this form); the build refuses them until the web chair fixes them:`, formatProblems(result.siteProblems)] : []),
  ].join('\n');
}

export function issueComment(result: IntakeResult, project: Project): string {
  if (result.status === 'problems') {
    const shown = result.problems.slice(0, maxListed);
    return [
      commentMarker,
      `### ✗ ${count(result.problems.length, 'thing')} to fix before ${what(result)} can be reviewed`,
      '',
      ...shown.map((p) => `- **${markdownText(p.field)}**: ${markdownText(p.message)}${p.suggestion ? ` Did you mean "${markdownText(p.suggestion)}"?` : ''}`),
      ...(result.problems.length > shown.length ? [`- … and ${result.problems.length - shown.length} more, listed once these are fixed.`] : []),
      '',
      'Edit this issue (the **···** menu at its top right, then **Edit**) and correct these fields. The check runs again when you save, and this comment is updated.',
    ].join('\n');
  }
  // Roles change a booth already on the site: a maintainer first confirms who is asking (.github/workflows/intake.yml).
  const roles = result.form === 'roles';
  return [
    commentMarker,
    `### ✓ ${roles ? 'Your roles are' : 'Your booth is'} ready for review`,
    '',
    roles
      ? `The content check passed. A maintainer first confirms that you speak for ${markdownText(result.submission!.sponsor.name)} (by adding the label intake-approved); then a pull request with these files opens for the web chair, who reviews it before it goes on the site:`
      : 'The content check passed. A pull request with these files is open for the web chair, who reviews it before it goes on the site:',
    '',
    ...fileItems(project, result),
    '',
    roles ? 'To change something, edit this issue: the check runs again, and a maintainer approves the new version before the pull request changes.' : 'To change something, edit this issue: the check runs again and the pull request is updated.',
  ].join('\n');
}

export function pullRequestBody(result: IntakeResult, project: Project, issue?: number): string {
  const s = result.submission!;
  const kind = result.form === 'roles' ? 'roles form' : 'booth form';
  return [
    issue ? `Closes #${issue}. Sent with the ${kind} in #${issue}; editing that issue updates this pull request.` : `Sent with the ${kind}.`,
    '',
    `**${markdownText(s.title)}**. The content check passed (${count(result.counts!.sponsors, 'sponsor')}, ${count(result.counts!.roles, 'role')}).`,
    '',
    'Files:',
    ...fileItems(project, result),
    '',
    ...(s.notes.length ? [...s.notes.map((n) => `- ${markdownText(n)}`), ''] : []),
    'Before merging (see docs/intake.md):',
    ...(result.form === 'booth'
      ? ['- [ ] The issue\'s author speaks for this sponsor, and the tier matches the agreement', '- [ ] The logo and images look right (open them under "Files changed")', '- [ ] The booth text says nothing the conference would not publish']
      : ['- [ ] The issue\'s author speaks for this sponsor']),
    '- [ ] Each apply link opens the right job, and the closing dates are right',
    '- [ ] The preview build of this pull request passes (close and reopen the pull request if no check ran)',
    ...(result.siteProblems.length ? ['', `Other content of the site has ${count(result.siteProblems.length, 'problem')} the build refuses; fix them on main (npm run check:content).`] : []),
  ].join('\n');
}
