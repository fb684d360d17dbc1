/**
 * /roles/filter.css: the rules of the CSS-only combined filter, one per facet and option
 * number, sized for the page with the most options (see filterCss in src/lib/facets.ts).
 * One cached file for every list page, served from this site as the CSP requires.
 */
import type { APIRoute } from 'astro';
import { getRoleListPages } from '../../content.ts';
import { filterCss, maxOptions } from '../../lib/facets.ts';

export const GET: APIRoute = async () => {
  const lists = await getRoleListPages();
  return new Response(filterCss(maxOptions(lists.map((l) => l.filter))), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
