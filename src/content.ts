/**
 * The only module that queries content collections. Pages ask it for ready-made lists;
 * it resolves references, drops drafts, applies the build date to role status, and turns
 * any broken reference into a build error that names the file and the field.
 */
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { buildDate, contentLayout } from './lib/content-check.ts';
import { buildModel, isListed, sponsorsByTier, type Model, type Role, type Sponsor } from './lib/model.ts';
import { ContentError } from './lib/problems.ts';

const contentDir = 'src/content';
let cached: Promise<Model> | undefined;

async function loadModel(): Promise<Model> {
  const [conference, tiers, areas, locations, sponsors, roles] = await Promise.all([
    getCollection('conference'),
    getCollection('tiers'),
    getCollection('areas'),
    getCollection('locations'),
    getCollection('sponsors'),
    getCollection('roles'),
  ]);
  const settings = conference[0]?.data;
  if (!settings) throw new ContentError([{ file: `${contentDir}/${contentLayout.conference}`, field: '(file)', message: 'this file is missing or empty' }]);
  const { model, problems } = buildModel(
    {
      conference: settings,
      tiers: tiers.map((e) => e.data),
      areas: areas.map((e) => e.data),
      locations: locations.map((e) => e.data),
      sponsors: sponsors.map((e) => ({ id: e.id, file: e.filePath ?? `${contentDir}/sponsors/${e.id}.mdx`, data: e.data })),
      roles: roles.map((e) => ({ id: e.id, file: e.filePath ?? `${contentDir}/roles/${e.id}.yaml`, data: e.data })),
      files: {
        tiers: `${contentDir}/${contentLayout.tiers}`,
        areas: `${contentDir}/${contentLayout.areas}`,
        locations: `${contentDir}/${contentLayout.locations}`,
      },
    },
    buildDate(),
  );
  if (problems.length > 0) throw new ContentError(problems);
  return model;
}

/** The resolved content, computed once per build. */
export function getModel(): Promise<Model> {
  cached ??= loadModel();
  return cached;
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
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path}`;
}

export const routes = {
  hall: '/',
  booth: (sponsor: Pick<Sponsor, 'id'>) => `/booths/${sponsor.id}/`,
  board: '/roles/',
  callForSponsors: '/call-for-sponsors/',
  /** Where the hall sends visitors: the booth, or the website for tiers without booths. */
  sponsorHome: (sponsor: Sponsor) => (sponsor.tierInfo.hasBooth ? url(`/booths/${sponsor.id}/`) : sponsor.website),
} as const;
