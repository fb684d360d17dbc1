/**
 * The only module that queries content collections. Pages ask it for ready-made lists;
 * it resolves references, drops drafts, applies the build date to role status, and turns
 * any broken reference into a build error that names the file and the field.
 *
 * Pages may render in several worker threads (experimental.parallelPrerender in
 * astro.config.mjs), each with its own instance of this module: getStaticPaths() runs in one
 * of them and hands the others ids and small plain values, and every page looks up what it
 * shows here by id. So each cache below is built lazily, from the content store, once per
 * build in each worker that needs it; nothing is shared between workers but the store.
 */
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { isPast, visibleOffers } from './lib/booth.ts';
import { splitFrontMatter } from './core/front-matter.ts';
import { buildDate, contentLayout, contentPath } from './core/project.ts';
import { imagesUnused } from './lib/image-metadata.ts';
import { dateRange } from './lib/display-text.ts';
import type { CardContent } from './lib/share-card.ts';
import { buildModel, isListed, sponsorsByTier, type Model, type Role, type Sponsor } from './lib/model.ts';
import { computeFacets, pageFilter, paginate, type Facet, type FacetValue, type Facets, type ListPage, type PageFilter } from './lib/facets.ts';
import { facetNames, routes, withBase, type FacetName } from './lib/routes.ts';
import { ContentError } from './core/problems.ts';
import { sponsorSchedule, type ScheduleDay } from './lib/schedule.ts';


/**
 * Keys for Astro's incremental build (experimental.incrementalBuild in astro.config.mjs): a
 * page whose key and code are unchanged since the last build is reused instead of rendered.
 * Only a booth renders an MDX body; every other page renders data alone. So all pages share
 * one key over every file's data, and a booth's key adds its own file's digest: editing a
 * booth's text re-renders that booth alone, while any data change (a role, a tier, a sponsor's
 * name) re-renders every page. Coarse, but a page is never left stale.
 *
 * The build day reaches pages only through what it decides: each role's state (open until its
 * closing date), and on a booth which offers still show and which events are past; the lists
 * of roles print the day itself. So the keys hold those, and a rebuild on the next day (the
 * deploy workflow's morning build) reuses every role page and booth the day left unchanged.
 */
export interface PageKeys {
  /** Every file's data and every role's state: role pages, filter indexes, redirects. */
  data: string;
  /** `data` and the build day: pages that print the day (the board and the lists of roles). */
  dated: string;
  /** `data`, the booth's own file and what the day decides on it (offers shown, events past). */
  booth: (sponsorId: string) => string;
}

interface Loaded {
  model: Model;
  /** Every file's id and data, for the page keys. */
  files: [id: string, data: unknown][][];
  /** Each sponsor file's digest (its body included), by sponsor id. */
  digests: Map<string, string>;
}

let cached: Promise<Loaded> | undefined;

async function loadModel(): Promise<Loaded> {
  const [conference, tiers, areas, locations, sponsors, roles] = await Promise.all([
    getCollection('conference'),
    getCollection('tiers'),
    getCollection('areas'),
    getCollection('locations'),
    getCollection('sponsors'),
    getCollection('roles'),
  ]);
  const settings = conference[0]?.data;
  if (!settings) throw new ContentError([{ code: 'missing-file', file: contentPath(contentLayout.conference), field: '(file)', message: 'this file is missing or empty' }]);
  const { model, problems } = buildModel(
    {
      conference: settings,
      tiers: tiers.map((e) => e.data),
      areas: areas.map((e) => e.data),
      locations: locations.map((e) => e.data),
      sponsors: sponsors.map((e) => ({ id: e.id, file: e.filePath ?? contentPath(contentLayout.sponsors, `${e.id}.mdx`), data: e.data })),
      roles: roles.map((e) => ({ id: e.id, file: e.filePath ?? contentPath(contentLayout.roles, `${e.id}.yaml`), data: e.data })),
      files: {
        tiers: contentPath(contentLayout.tiers),
        areas: contentPath(contentLayout.areas),
        locations: contentPath(contentLayout.locations),
      },
    },
    buildDate(),
  );
  if (problems.length > 0) throw new ContentError(problems);
  const files = [conference, tiers, areas, locations, sponsors, roles].map((list) => list.map((e): [string, unknown] => [e.id, e.data]));
  return { model, files, digests: new Map(sponsors.map((e) => [e.id, String(e.digest ?? e.body ?? '')])) };
}

/** The resolved content, computed once per build (in each worker). */
function loaded() {
  cached ??= loadModel();
  return cached;
}

export async function getModel(): Promise<Model> {
  return (await loaded()).model;
}

let pageKeys: Promise<PageKeys> | undefined;

/** The incremental build's page keys (see PageKeys); only getStaticPaths() needs them. */
export function getPageKeys(): Promise<PageKeys> {
  pageKeys ??= loaded().then(({ model, files, digests }) => {
    const today = buildDate();
    const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value, imagesUnused)).digest('base64url');
    const data = hash([files, model.roles.map((r) => [r.id, r.state])]);
    const day = new Map(
      model.sponsors.map((s) => [s.id, hash([s.offers.map((o) => [visibleOffers([o], today).length, (o.validFrom ?? '') > today]), s.events.map((e) => isPast(e, today))])]),
    );
    return { data, dated: `${data}:${today}`, booth: (id) => `${data}:${digests.get(id)}:${day.get(id)}` };
  });
  return pageKeys;
}

export async function getConference() {
  return (await getModel()).conference;
}

export async function getHall() {
  return sponsorsByTier(await getModel());
}

export async function getTiers() {
  return (await getModel()).tiers;
}

/** Sponsors whose tier includes a booth page. */
export async function getBoothSponsors(): Promise<Sponsor[]> {
  return (await getModel()).sponsors.filter((s) => s.tierInfo.hasBooth);
}

let boothSponsors: Promise<Map<string, Sponsor>> | undefined;

/** One sponsor with a booth page, by id: what a booth page (or its calendar) was given by getStaticPaths(). */
export async function getBoothSponsor(id: string): Promise<Sponsor> {
  boothSponsors ??= getBoothSponsors().then((sponsors) => new Map(sponsors.map((s) => [s.id, s])));
  return found((await boothSponsors).get(id), `a booth sponsor "${id}"`);
}

/** Open and upcoming roles across all sponsors, newest first. */
export async function getListedRoles(): Promise<Role[]> {
  return (await getModel()).roles.filter(isListed);
}

let rolesBySponsor: Promise<Map<string, Role[]>> | undefined;

/** Every role of one sponsor, closed ones included (booths show them as closed). */
export async function getSponsorRoles(sponsorId: string): Promise<Role[]> {
  // Indexed once: a per-booth filter over all roles would be quadratic at 1,000 booths.
  rolesBySponsor ??= getModel().then((model) => Map.groupBy(model.roles, (r) => r.sponsor.id));
  return (await rolesBySponsor).get(sponsorId) ?? [];
}

/** Every published role (drafts excluded), closed ones included: each keeps its page. */
export async function getRoles(): Promise<Role[]> {
  return (await getModel()).roles;
}

let rolesById: Promise<Map<string, Role>> | undefined;

/** One published role by id, e.g. "spotify/research-lead-personalization". */
export async function getRole(id: string): Promise<Role> {
  rolesById ??= getRoles().then((roles) => new Map(roles.map((r) => [r.id, r])));
  return found((await rolesById).get(id), `a role "${id}"`);
}

/** Roles that are open today: the feeds and JobPosting data list only these. */
export async function getOpenRoles(): Promise<Role[]> {
  return (await getModel()).roles.filter((r) => r.state === 'open');
}

/** "Today" for role status: BOOTHKIT_BUILD_DATE or the day of the build, YYYY-MM-DD. */
export function getBuildDate(): string {
  return buildDate();
}

let facets: Promise<Facets> | undefined;

/** Facet values and their roles, computed once per build (never per page). */
export function getFacets(): Promise<Facets> {
  facets ??= getModel().then((model) => computeFacets(model));
  return facets;
}

/** One page of a list of roles: the board or a facet value's list. */
export interface RoleListPage {
  /** Site path without the base, e.g. "/roles/" or "/roles/area/machine-learning/page/2/". */
  path: string;
  /** Path of the list's first page. */
  listPath: string;
  page: ListPage<Role>;
  /** The CSS-only filter of this page's rows. */
  filter: PageFilter;
  /** The facet value the list is about; undefined for the board. */
  value?: FacetValue;
}

/** One filter (its values and their roles), e.g. "area". */
export async function getFacet(name: FacetName): Promise<Facet> {
  return (await getFacets()).byName[name];
}

let listPages: Promise<RoleListPage[]> | undefined;

/** Every page of the board and of every facet value, with its filter; built once per build. */
export function getRoleListPages(): Promise<RoleListPage[]> {
  listPages ??= (async () => {
    const [roles, all, conference] = await Promise.all([getListedRoles(), getFacets(), getConference()]);
    const list = (listPath: string, items: Role[], value?: FacetValue) =>
      paginate(items, conference.rolesPerPage).map((page) => ({
        path: routes.listPage(listPath, page.number),
        listPath,
        page,
        filter: pageFilter(page.items, all, value?.facet),
        ...(value && { value }),
      }));
    return [
      ...list(routes.board, roles),
      ...facetNames.flatMap((name) => all.byName[name].values.flatMap((value) => list(routes.facet(value), value.roles, value))),
    ];
  })();
  return listPages;
}

let listPagesByPath: Promise<Map<string, RoleListPage>> | undefined;

/** One page of the board or of a facet value's list, by its path (RoleListPage.path). */
export async function getRoleListPage(path: string): Promise<RoleListPage> {
  listPagesByPath ??= getRoleListPages().then((lists) => new Map(lists.map((l) => [l.path, l])));
  return found((await listPagesByPath).get(path), `a list of roles at "${path}"`);
}

let schedule: Promise<ScheduleDay<Sponsor>[]> | undefined;

/** Every booth event by conference day, A/B repeats together: the sponsor schedule (/events/, /events.ics). */
export function getSchedule(): Promise<ScheduleDay<Sponsor>[]> {
  schedule ??= Promise.all([getBoothSponsors(), getConference()]).then(([sponsors, conference]) => sponsorSchedule(sponsors, conference.timeZone));
  return schedule;
}

/** Sponsors whose pages are shared: those with a booth page or a role page (see routes.shareCard). */
export async function getSharedSponsors(): Promise<Sponsor[]> {
  const model = await getModel();
  const withRoles = new Set(model.roles.map((r) => r.sponsor.id));
  return model.sponsors.filter((s) => s.tierInfo.hasBooth || withRoles.has(s.id));
}

/** What the share card of a sponsor shows (src/lib/share-card.ts). */
export async function shareCardContent(sponsorId: string): Promise<CardContent> {
  const model = await getModel();
  const sponsor = model.sponsors.find((s) => s.id === sponsorId);
  if (!sponsor) throw new Error(`No sponsor "${sponsorId}" for a share card`);
  const { conference } = model;
  const site = new URL(url('/'), import.meta.env.SITE);
  return {
    kicker: sponsor.tierInfo.hasBooth ? `Booth · ${sponsor.tierInfo.label} sponsor` : `${sponsor.tierInfo.label} sponsor`,
    title: sponsor.name,
    footer: `${conference.name} · ${dateRange(conference.startDate, conference.endDate)}`,
    site: `${site.host}${site.pathname.replace(/\/$/, '')}`,
    logo: { file: logoFile(sponsor), plate: sponsor.logo.plate ?? 'light' },
  };
}

/** Where share cards are kept between builds: beside Astro's image transforms. */
export const cardCache = join(import.meta.env.BOOTHKIT_ROOT, 'node_modules', '.astro', 'share-cards');

/**
 * A sponsor's logo file on disk, from its front matter: the content layer hands pages the
 * logo's built URL, not its file (the share card draws the file itself).
 */
function logoFile(sponsor: Sponsor): string {
  const file = join(import.meta.env.BOOTHKIT_ROOT, sponsor.file);
  const frontMatter = splitFrontMatter(readFileSync(file, 'utf8'))?.yaml ?? '';
  const path = (load(frontMatter, { schema: CORE_SCHEMA }) as { logo?: { src?: unknown } } | null)?.logo?.src;
  if (typeof path !== 'string') throw new Error(`${sponsor.file}: logo.src is not a path`);
  return resolve(dirname(file), path);
}

/**
 * A page asked for something by the id its getStaticPaths() gave it. Every worker computes the
 * same content from the same store and for the same day (fixed when the build starts, see
 * src/integrations/content-guard.ts), so a miss is a bug.
 */
function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not in this build's content, but getStaticPaths() named it`);
  return value;
}

/** The MDX body of a sponsor's booth, ready to render with the booth components. */
export async function renderBooth(sponsorId: string) {
  // getEntry is a keyed lookup; getCollection with a filter would resolve every sponsor's
  // data (images included) once per booth: 1,000,000 entry copies at 1,000 booths.
  const entry: CollectionEntry<'sponsors'> | undefined = await getEntry('sponsors', sponsorId);
  if (!entry) throw new Error(`No sponsor file for "${sponsorId}"`);
  return render(entry);
}

/** A site path with the configured base, e.g. "/roles/" → "/ISMIR2020/roles/". */
export function url(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

/** An absolute URL on this site, for feeds, JSON-LD and the sitemap. */
export function absoluteUrl(path: string): string {
  return new URL(url(path), import.meta.env.SITE).href;
}

/** Where the hall and the role pages send visitors to a sponsor: its booth, or its website for tiers without booths. */
export function sponsorHref(sponsor: Sponsor): string {
  return sponsor.tierInfo.hasBooth ? url(routes.booth(sponsor)) : sponsor.website;
}
