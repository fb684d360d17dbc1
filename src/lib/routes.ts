/**
 * Every address of the site, written once: the path of each kind of page, feed, calendar and
 * card (below the base), the way back from a path to its kind of page, the content file a page
 * is made from, and the sponsor names those paths take. Pure: the base is passed in
 * (`withBase`), so the pages (through src/content.ts `url`), the post-build tools, the bench and
 * the tests all read and write the same addresses.
 */

/** The roles board's filters, in the order the board shows them; each is a URL segment: /roles/<facet>/<value>/. */
export const facetNames = ['kind', 'level', 'area', 'country', 'location', 'workplace', 'remote', 'visa', 'salary', 'season', 'sponsor'] as const;
export type FacetName = (typeof facetNames)[number];

/** A list's later pages: /roles/page/2/, /roles/area/machine-learning/page/2/. */
const pageSegment = 'page';

export const routes = {
  hall: '/',
  /** A sponsor's booth, e.g. "/booths/spotify/". */
  booth: (sponsor: { id: string }) => `/booths/${sponsor.id}/`,
  board: '/roles/',
  /** A role's own page, e.g. "/roles/spotify/research-lead-personalization/". */
  role: (role: { id: string }) => `/roles/${role.id}/`,
  /** Every value of one filter, with counts, e.g. "/roles/area/". */
  facetIndex: (facet: FacetName) => `/roles/${facet}/`,
  /** The roles with one filter value, e.g. "/roles/area/machine-learning/". */
  facet: (value: { facet: FacetName; id: string }) => `/roles/${value.facet}/${value.id}/`,
  /** Page `number` of a list whose first page is `listPath`: "/roles/" for 1, "/roles/page/2/" after. */
  listPage: (listPath: string, number: number) => (number === 1 ? listPath : `${listPath}${pageSegment}/${number}/`),
  filterCss: '/roles/filter.css',
  /** File name of feed document `number` without extension: "roles", then "roles-2", … */
  feedName: (number: number) => (number === 1 ? 'roles' : `roles-${number}`),
  /** Feed document `number` of open roles: "/roles.json", then "/roles-2.json", … (and .xml, Atom). */
  feed: (format: 'json' | 'xml', number = 1) => `/${routes.feedName(number)}.${format}`,
  callForSponsors: '/call-for-sponsors/',
  /** Every booth event of the conference, by day, and all of them as one calendar file. */
  schedule: '/events/',
  scheduleCalendar: '/events.ics',
  /** A booth's calendar files: all its events, and one event. */
  boothCalendar: (sponsor: { id: string }) => `/booths/${sponsor.id}/events.ics`,
  eventCalendar: (sponsor: { id: string }, event: { id: string }) => `/booths/${sponsor.id}/events/${event.id}.ics`,
  /** The picture shown when a link to the sponsor's booth or roles is shared. */
  shareCard: (sponsor: { id: string }) => `/share/${sponsor.id}.png`,
  sitemap: '/sitemap.xml',
  robots: '/robots.txt',
  notFound: '/404.html',
} as const;

/**
 * The first segment of each of the site's own addresses: its folders (booths, roles, events,
 * share, call-for-sponsors) and the files at its top (the hall's index.html, feeds, calendar,
 * sitemap, robots, 404).
 */
const ownSegments = new Set(
  [routes.booth({ id: 'x' }), routes.board, routes.schedule, routes.callForSponsors, routes.shareCard({ id: 'x' }), routes.feed('json'), routes.feed('xml'), routes.scheduleCalendar, routes.sitemap, routes.robots, routes.notFound].map(
    (path) => path.split('/')[1]!,
  ),
).add('index.html'); // the hall's file

/**
 * Whether `path` lies where the site puts pages and files of its own, so that an old address
 * (a legacy permalink) there would collide with one: below one of its segments, on a later feed
 * document ("/roles-2.json"), or in a folder starting with "_" (Astro's /_astro/, a host's _headers).
 */
export function isOwnAddress(path: string): boolean {
  const first = (path.split('/')[1] ?? '').toLowerCase();
  return first.startsWith('_') || ownSegments.has(first) || ownSegments.has(first.replace(/-\d+(?=\.[a-z]+$)/, ''));
}

/**
 * Sponsor ids a sponsor cannot take: role pages live at /roles/<sponsor-id>/<role-id>/, next to
 * the board's own pages (/roles/page/2/, /roles/<facet>/…).
 */
export const reservedSponsorIds: readonly string[] = [pageSegment, ...facetNames];

/** A site path with the base it is published under: ("/ISMIR2020/", "/roles/") → "/ISMIR2020/roles/". */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/$/, '')}${path}`;
}

export type PageKind = 'hall' | 'booth' | 'board' | 'filter-index' | 'filter' | 'role' | 'other';

export const pageKinds: readonly PageKind[] = ['hall', 'booth', 'board', 'filter-index', 'filter', 'role', 'other'];

/**
 * The kind of a page from its path below the base ("/booths/acme/"), and its number in a
 * paginated list (1 for the first page and for pages that are not lists): the reverse of `routes`.
 */
export function pageKind(path: string): { kind: PageKind; page: number } {
  const numbered = new RegExp(`^(.*/)${pageSegment}/(\\d+)/$`).exec(path);
  const list = numbered ? numbered[1]! : path;
  const page = numbered ? Number(numbered[2]) : 1;
  if (path === routes.hall) return { kind: 'hall', page };
  if (/^\/booths\/[^/]+\/$/.test(path)) return { kind: 'booth', page };
  if (list === routes.board) return { kind: 'board', page };
  const [, first, rest] = /^\/roles\/([^/]+)\/(.*)$/.exec(list) ?? [];
  if (first && (facetNames as readonly string[]).includes(first)) return { kind: rest === '' ? 'filter-index' : 'filter', page };
  if (first && /^[^/]+\/$/.test(rest!)) return { kind: 'role', page };
  return { kind: 'other', page };
}

/** The content collections whose entries have pages of their own. */
export type PageCollection = 'sponsors' | 'roles';

/**
 * The content entry a page, calendar or card is made from, from its path below the base: a
 * booth, its calendars and its share card come from the sponsor's file; a role's page from the
 * role's file. The post-build tools name that file as the one to edit.
 */
export function contentEntryOf(path: string): { collection: PageCollection; id: string } | undefined {
  const booth = /^\/booths\/([^/]+)\/(?:events\.ics|events\/[^/]+\.ics)?$/.exec(path) ?? /^\/share\/([^/]+)\.png$/.exec(path);
  if (booth) return { collection: 'sponsors', id: booth[1]! };
  if (pageKind(path).kind === 'role') return { collection: 'roles', id: path.slice('/roles/'.length, -1) };
  return undefined;
}
