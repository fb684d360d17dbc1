/** Pages stay light for attendees on phones and slow links: HTML and CSS within the budget of their kind. */
import { pageBudgets } from '../../../../src/lib/page-kinds.ts';
import type { Rule } from '../types.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export const weight: Rule = {
  code: 'weight',
  requires: `HTML plus CSS, gzip-compressed, within the budget of the page's kind (${Object.entries(pageBudgets).map(([kind, bytes]) => `${kind} ${kb(bytes)}`).join(', ')})`,
  content: true,
  check(_facts, page) {
    const budget = pageBudgets[page.kind];
    const bytes = page.gzipBytes();
    if (bytes <= budget) return [];
    return [{
      code: 'weight',
      message: `weighs ${kb(bytes)} of HTML and CSS (gzip), over the ${kb(budget)} budget of a ${page.kind} page`,
      fix: page.kind === 'booth' ? 'shorten the booth body, or move long lists (papers, people) into resources that link out' : 'the template writes too much: look for repeated markup or inline CSS',
    }];
  },
};
