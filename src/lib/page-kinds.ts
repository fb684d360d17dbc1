/**
 * The kinds of page the site's routes make, told from a page's URL path, and the weight
 * budget of each kind. The site gate checks every page against its budget, the bench reports
 * weights by kind, and the browser suite picks one page of each kind to test its template.
 */
import { facetNames } from './facets.ts';

export type PageKind = 'hall' | 'booth' | 'board' | 'filter-index' | 'filter' | 'role' | 'other';

export const pageKinds: readonly PageKind[] = ['hall', 'booth', 'board', 'filter-index', 'filter', 'role', 'other'];

/**
 * HTML plus linked CSS, gzip-compressed, in bytes: what a first visit downloads before images.
 * A booth and a role page stay small on a phone on a slow link; list pages hold at most 100
 * rows (src/lib/facets.ts), so they have a fixed ceiling too. The hall lists every sponsor:
 * 60 kB is about 2,000 sponsors.
 */
export const pageBudgets: Record<PageKind, number> = {
  hall: 60 * 1024,
  booth: 20 * 1024,
  board: 60 * 1024,
  'filter-index': 60 * 1024,
  filter: 60 * 1024,
  role: 20 * 1024,
  other: 60 * 1024,
};

/**
 * The kind of a page from its path below the base ("/booths/acme/"), and its number in a
 * paginated list (1 for the first page and for pages that are not lists).
 */
export function pageKind(path: string): { kind: PageKind; page: number } {
  const numbered = /^(.*\/)page\/(\d+)\/$/.exec(path);
  const list = numbered ? numbered[1]! : path;
  const page = numbered ? Number(numbered[2]) : 1;
  if (path === '/') return { kind: 'hall', page };
  if (/^\/booths\/[^/]+\/$/.test(path)) return { kind: 'booth', page };
  if (list === '/roles/') return { kind: 'board', page };
  const [, first, rest] = /^\/roles\/([^/]+)\/(.*)$/.exec(list) ?? [];
  if (first && (facetNames as readonly string[]).includes(first)) return { kind: rest === '' ? 'filter-index' : 'filter', page };
  if (first && /^[^/]+\/$/.test(rest!)) return { kind: 'role', page };
  return { kind: 'other', page };
}
