/** Schemes that are wrong on any page of this site: javascript: (it ships no JavaScript) and file: (the author's own disk). */
import type { LinkProblem } from './types.ts';

export function scriptUrlProblem(href: string): LinkProblem | undefined {
  return /^\s*javascript:/i.test(href)
    ? { code: 'javascript-url', message: 'a javascript: link; the site ships no JavaScript, so it does nothing (or something unsafe)' }
    : undefined;
}

export function localFileProblem(href: string): LinkProblem | undefined {
  return /^\s*file:/i.test(href) ? { code: 'local-file', message: "a file: link to a file on the author's computer" } : undefined;
}
