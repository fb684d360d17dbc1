/**
 * Pages stay light for attendees on phones and slow links: HTML and CSS within the budget of
 * their kind, and the images they load too, with the page and in all (src/lib/page-kinds.ts).
 */
import { imageBudgets, pageBudgets } from '../../../../src/lib/page-budgets.ts';
import type { PageContext, PageProblem, Rule } from '../types.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
/** The images a message names: the heaviest few. */
const NAMED = 3;

function imageProblems(page: PageContext): PageProblem[] {
  const budget = imageBudgets[page.kind];
  const weight = page.images();
  const over = [
    weight.firstScreen > budget.firstScreen && { what: 'with the page (its first screen)', bytes: weight.firstScreen, limit: budget.firstScreen, loads: weight.loads.filter((l) => l.firstScreen) },
    weight.total > budget.total && { what: 'in all', bytes: weight.total, limit: budget.total, loads: weight.loads },
  ].filter((o) => o !== false);
  return over.map(({ what, bytes, limit, loads }) => {
    const named = loads.slice(0, NAMED).map((l) => {
      const source = page.imageSource(l.url);
      return `${l.url} (${kb(l.bytes)}${source ? `, from ${source}` : ''})`;
    });
    return {
      code: 'weight',
      message: `loads ${kb(bytes)} of images ${what}, over the ${kb(limit)} budget of a ${page.kind} page; the heaviest: ${named.join('; ')}`,
      fix: 'replace the heaviest files with smaller ones (a photo of at most 2,000 pixels across, a logo as SVG), or show fewer images on the page',
    };
  });
}

export const weight: Rule = {
  code: 'weight',
  requires: `HTML plus CSS, gzip-compressed, within the budget of the page's kind (${Object.entries(pageBudgets).map(([kind, bytes]) => `${kind} ${kb(bytes)}`).join(', ')}); images too, with the page and in all (${Object.entries(imageBudgets).map(([kind, b]) => `${kind} ${kb(b.firstScreen)} / ${kb(b.total)}`).join(', ')})`,
  content: true,
  check(_facts, page) {
    const problems = imageProblems(page);
    const budget = pageBudgets[page.kind];
    const bytes = page.gzipBytes();
    if (bytes <= budget) return problems;
    return [
      {
        code: 'weight',
        message: `weighs ${kb(bytes)} of HTML and CSS (gzip), over the ${kb(budget)} budget of a ${page.kind} page`,
        fix: page.kind === 'booth' ? 'shorten the booth body, or move long lists (papers, people) into resources that link out' : 'the template writes too much: look for repeated markup or inline CSS',
      },
      ...problems,
    ];
  },
};
