/**
 * The built site the browser suite tests (dist/, or E2E_DIST), and one page of each kind in
 * it, chosen from the build: the suite tests templates, so it visits one page per template
 * however many sponsors and roles the conference has. Pages are picked on first use (inside
 * a test, never while tests are listed), so the list of tests never depends on the content.
 */
import { join } from 'node:path';
import { readBuilt, walkSite } from '../scripts/lib/built/pages.ts';
import { readPage, refreshTarget } from '../scripts/lib/built/read-page.ts';
import { readSiteConfig, type SiteConfig } from '../scripts/lib/built/site-config.ts';
import { routes } from '../src/lib/routes.ts';

const root = join(import.meta.dirname, '..');

/** The site's settings (base path, layout) and where it was built. */
export function siteUnderTest(): Promise<SiteConfig> {
  const dist = process.env['E2E_DIST'];
  return readSiteConfig(root, dist ? { outDir: dist } : {});
}

/** The kinds of page the suite tests in a browser, each by one page of the build. */
export const templates = {
  hall: 'the sponsor hall',
  'booth-hero': 'a booth with a hero image',
  'booth-plain': 'a booth without a hero image',
  'booth-richest': 'the booth with the most content',
  board: 'the roles board',
  'filter-index': 'the index of a filter',
  filter: 'the filter page with the most roles',
  'role-open': 'an open role',
  'role-closed': 'a closed role',
  'role-upcoming': 'an upcoming role',
  'call-for-sponsors': 'the call for sponsors',
  schedule: 'the sponsor schedule',
  'not-found': 'the 404 page',
} as const;

export type Template = keyof typeof templates;

export interface Picked {
  /** URL path of each template's page, base included; missing when the build has no such page. */
  pages: Partial<Record<Template, string>>;
  /** A legacy address (meta refresh) and where it leads. */
  redirect?: { from: string; to: string };
  /** A later page of the board (/roles/page/2/), when the build has one. */
  laterBoard?: string;
}

/** Reads the build once and picks a page of each kind: markers our templates write, no guessing. */
export function pickPages(site: SiteConfig): Picked {
  const pages: Partial<Record<Template, string>> = {};
  const picked: Picked = { pages };
  const booths: { url: string; bytes: number; hero: boolean }[] = [];
  let biggestFilter = 0;
  for (const built of walkSite(site.outDir, site).pages) {
    const { url, kind, number: page } = built;
    const read = () => readBuilt(site.outDir, built).toString('utf8');
    if (built.path === routes.notFound) pages['not-found'] = url;
    else if (built.path === routes.hall) pages.hall = url;
    else if (built.path === routes.callForSponsors) pages['call-for-sponsors'] = url;
    else if (built.path === routes.schedule) pages.schedule = url;
    else if (kind === 'board') {
      if (page === 1) pages.board = url;
      else picked.laterBoard ??= url;
    } else if (kind === 'filter-index') pages['filter-index'] ??= url;
    else if (kind === 'filter' && page === 1) {
      const html = read();
      if (html.length > biggestFilter) [biggestFilter, pages.filter] = [html.length, url];
    } else if (kind === 'booth') {
      const html = read();
      booths.push({ url, bytes: html.length, hero: html.includes(' data-position=') });
    } else if (kind === 'role' && !(pages['role-open'] && pages['role-closed'] && pages['role-upcoming'])) {
      const html = read();
      // The status banner's class (RoleStatus.astro); an open role has JobPosting data instead.
      const state = html.includes('class="banner banner-closed"') ? 'role-closed' : html.includes('class="banner banner-upcoming"') ? 'role-upcoming' : html.includes('<script type="application/ld+json">') ? 'role-open' : undefined;
      if (state) pages[state] ??= url;
    } else if (kind === 'other' && !picked.redirect) {
      const refresh = readPage(read()).refresh;
      const target = refresh === undefined ? undefined : refreshTarget(refresh);
      if (target) picked.redirect = { from: url, to: target };
    }
  }
  booths.sort((a, b) => b.bytes - a.bytes);
  if (booths[0]) pages['booth-richest'] = booths[0].url;
  const hero = booths.find((b) => b.hero);
  const plain = booths.find((b) => !b.hero);
  if (hero) pages['booth-hero'] = hero.url;
  if (plain) pages['booth-plain'] = plain.url;
  return picked;
}
