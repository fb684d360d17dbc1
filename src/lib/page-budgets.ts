/**
 * The weight budget of each kind of page (src/lib/routes.ts tells the kind from a path): the
 * site gate checks every page against its budget, and the bench reports weights by kind.
 */
import type { PageKind } from './routes.ts';

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
 * Image bytes a page loads (SVG gzip-compressed, as a server sends it), on the phone or the
 * desktop screen Lighthouse uses, whichever loads more (scripts/lib/built/image-choice.ts):
 * `firstScreen`, the images loaded with the page (every image not lazy-loaded: the templates
 * load at once only what the first screen shows), and `total`, everything a visitor who
 * scrolls to the end loads. Logos are made at 1× and 2× of their plate, photos at the width
 * of their column, so these hold whatever sponsors send; the hall's total grows with its
 * sponsors: 500 kB is about 200 raster logos (2 kB at 2×) or 1,000 small SVGs.
 */
export const imageBudgets: Record<PageKind, { firstScreen: number; total: number }> = {
  hall: { firstScreen: 100 * 1024, total: 500 * 1024 },
  booth: { firstScreen: 200 * 1024, total: 1000 * 1024 },
  board: { firstScreen: 50 * 1024, total: 100 * 1024 },
  'filter-index': { firstScreen: 50 * 1024, total: 100 * 1024 },
  filter: { firstScreen: 50 * 1024, total: 100 * 1024 },
  role: { firstScreen: 50 * 1024, total: 100 * 1024 },
  other: { firstScreen: 100 * 1024, total: 500 * 1024 },
};
