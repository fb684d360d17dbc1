/** One h1 that says what the page is, and headings that nest without gaps: the outline screen-reader users jump through. */
import type { PageProblem, Rule } from '../types.ts';

export const headings: Rule = {
  code: 'headings',
  requires: 'exactly one <h1>, and no heading more than one level below the one before it',
  content: true,
  check(facts) {
    const problems: PageProblem[] = [];
    const h1 = facts.headings.filter((h) => h.level === 1);
    if (h1.length !== 1) {
      problems.push({
        code: 'headings',
        message: h1.length === 0 ? 'has no <h1>' : `has ${h1.length} <h1> headings (${h1.map((h) => `"${h.text}"`).join(', ')})`,
        fix: h1.length === 0 ? 'give the page one <h1> that names it' : 'keep one <h1>; a booth body starts at ## (h2)',
        line: h1[1]?.line ?? facts.headings[0]?.line,
      });
    }
    // Without an h1 the first h2 is not a skip as well: one problem, said once.
    let previous = h1.length === 0 ? 1 : 0;
    for (const [i, h] of facts.headings.entries()) {
      if (h.level > previous + 1) {
        problems.push({
          code: 'headings',
          message: `heading "${h.text}" is an h${h.level} ${i > 0 ? `after an h${previous}` : 'before any h1'}`,
          fix: `make it an h${previous + 1} (${'#'.repeat(previous + 1)} in Markdown), or add the missing level above it`,
          line: h.line,
        });
      }
      previous = h.level;
    }
    return problems;
  },
};
