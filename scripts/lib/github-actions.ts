/**
 * Reporting to GitHub Actions: workflow-command annotations (shown on the changed lines of a
 * pull request) and the job's Markdown step summary. Every check command reports through here.
 */
import { appendFileSync } from 'node:fs';

/** `::error file=…,line=…::message` escaping, per the workflow-commands rules. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  file: string;
  line?: number | undefined;
  title: string;
  message: string;
}

export function annotationLine(a: Annotation): string {
  const props = [`file=${escapeProperty(a.file)}`, ...(a.line ? [`line=${a.line}`] : []), `title=${escapeProperty(a.title)}`];
  return `::${a.level} ${props.join(',')}::${escapeData(a.message)}`;
}

export const onGitHubActions = (env: NodeJS.ProcessEnv = process.env) => env['GITHUB_ACTIONS'] === 'true';

/** Appends Markdown to the job's summary page, when running in GitHub Actions. */
export function appendStepSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): void {
  const file = env['GITHUB_STEP_SUMMARY'];
  if (onGitHubActions(env) && file) appendFileSync(file, markdown);
}

/** A Markdown table cell: pipes escaped, one line. */
export const markdownCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
