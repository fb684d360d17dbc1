/**
 * Resolves every cross-reference of the content (role → sponsor, area, location; sponsor →
 * tier) and derives what pages need: tier groups, role state, sort order. Pure: it takes
 * parsed entries and returns the model plus every problem found, so the build, the content
 * check and unit tests share one implementation.
 */
import type { Conference } from '../schemas/conference.ts';
import type { RoleData } from '../schemas/role.ts';
import type { SponsorData } from '../schemas/sponsor.ts';
import type { Tier } from '../schemas/tier.ts';
import { locationKind, type Area, type Location } from '../schemas/vocabulary.ts';
import { boothProblems, programmeOf } from './booth.ts';
import type { Problem } from '../core/problems.ts';
import { clashingIds } from '../core/ids.ts';
import { isOwnAddress, reservedSponsorIds } from './routes.ts';
import { oneOf, suggest, unknown } from '../core/wording.ts';
import { contentLayout, contentPath } from '../core/project.ts';

export interface Entry<T> {
  /** Collection id, e.g. "spotify" or "spotify/research-scientist-phd-summer-internship". */
  id: string;
  /** Source file relative to the project root, for messages. */
  file: string;
  data: T;
}

export interface ModelInput {
  conference: Conference;
  tiers: Tier[];
  areas: Area[];
  locations: Location[];
  sponsors: Entry<SponsorData>[];
  roles: Entry<RoleData>[];
  /** Sources of the list files, for messages. */
  files: { tiers: string; areas: string; locations: string };
  /**
   * Ids of entries that exist but failed validation. References to them are not reported
   * again: the entry's own problem already is, and one mistake should give one message.
   */
  invalidIds?: { tiers?: string[]; sponsors?: string[] };
  /** Names at the top of public/, which the site publishes as they are (favicon.svg). */
  publicNames?: readonly string[];
}

export type RoleState = 'open' | 'upcoming' | 'closed' | 'filled';

/** A published sponsor. Its `private` block is dropped here, so no page can show it. */
export interface Sponsor extends Omit<SponsorData, 'private'> {
  id: string;
  file: string;
  tierInfo: Tier;
  /** Tiers in other programmes (e.g. a diversity programme), resolved from programmeTiers. */
  programmeTierInfo: Tier[];
}

export interface RolePlace {
  location: Location;
  workplace: RoleData['locations'][number]['workplace'];
  applyUrl: string | undefined;
}

/** A published role. Its `private` block is dropped here, so no page or feed can show it. */
export interface Role extends Omit<RoleData, 'locations' | 'researchAreas' | 'private'> {
  /** "spotify/research-scientist-phd-summer-internship" */
  id: string;
  /** "research-scientist-phd-summer-internship" */
  slug: string;
  file: string;
  sponsor: Sponsor;
  places: RolePlace[];
  areas: Area[];
  /** Status after applying the build date: an expired open role is closed. */
  state: RoleState;
  /** Days from the build date to the closing date (0: closes today), for open and upcoming roles that have one. */
  closesInDays?: number;
}

export interface Model {
  conference: Conference;
  tiers: Tier[];
  areas: Area[];
  locations: Location[];
  sponsors: Sponsor[];
  roles: Role[];
}

/** A lookup by id that also accepts an alias or label, case-insensitively. */
function vocabularyIndex<T extends { id: string; aliases: string[] }>(items: T[], labelOf: (item: T) => string) {
  const byKey = new Map<string, T>();
  for (const item of items) {
    for (const key of [item.id, labelOf(item), ...item.aliases]) byKey.set(key.toLowerCase(), item);
  }
  return (value: string) => byKey.get(value.toLowerCase());
}

/** Why `id` cannot name a sponsor, ending with `fix` (how to choose another where the id was given), or undefined. */
export function reservedIdProblem(id: string, fix: string): string | undefined {
  return reservedSponsorIds.includes(id) ? `"${id}" cannot name a sponsor: /roles/${id}/ is a page of the roles board; ${fix}` : undefined;
}

/**
 * Old booth addresses that would collide when the site is built: one the site uses for pages or
 * files of its own, or one that two booths (or one booth twice) claim. Compared ignoring case,
 * as a web server on macOS or Windows would.
 */
function legacyPermalinkProblems(sponsors: Entry<SponsorData>[], publicNames: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const publicFiles = new Set(publicNames.map((name) => name.toLowerCase()));
  const claimants = new Map<string, Set<string>>();
  for (const { file, data } of sponsors) {
    for (const path of data.legacyPermalinks) claimants.set(path.toLowerCase(), (claimants.get(path.toLowerCase()) ?? new Set()).add(file));
  }
  for (const { file, data } of sponsors) {
    const seen = new Set<string>();
    data.legacyPermalinks.forEach((path, i) => {
      const key = path.toLowerCase();
      const others = [...claimants.get(key)!].filter((other) => other !== file);
      const problem = (message: string) => problems.push({ code: 'taken-address', file, field: `legacyPermalinks[${i}]`, message });
      if (isOwnAddress(path) || publicFiles.has(key.split('/')[1]!)) {
        problem(`"${path}" is an address of the new site itself; an old address must be one the new site does not use (delete it: visitors reach the booth from the hall)`);
      } else if (seen.has(key)) problem(`"${path}" is listed twice in this booth; delete this one`);
      else if (others.length > 0) problem(`"${path}" can lead to one booth only, and ${others.join(' and ')} ${others.length === 1 ? 'lists' : 'list'} it too; keep it in one of them`);
      seen.add(key);
    });
  }
  return problems;
}

/** The state a role is in on `today` (YYYY-MM-DD): a past closing date closes an open role. */
export function roleState(role: Pick<RoleData, 'status' | 'validThrough'>, today: string): RoleState {
  if (role.status === 'filled' || role.status === 'closed') return role.status;
  if (role.validThrough && role.validThrough < today) return 'closed';
  return role.status;
}

/** Whole days from one YYYY-MM-DD day to a later one. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function buildModel(input: ModelInput, today: string): { model: Model; problems: Problem[] } {
  const problems: Problem[] = [];
  const { files } = input;

  for (const [list, file, items] of [
    ['tier', files.tiers, input.tiers],
    ['area', files.areas, input.areas],
    ['location', files.locations, input.locations],
  ] as const) {
    for (const [first] of clashingIds<{ id: string }>(items, (i) => i.id)) {
      problems.push({ code: 'duplicate-id', file, field: 'id', message: `the ${list} id "${first!.id}" is used twice; ids must be unique` });
    }
  }
  for (const entry of input.sponsors) {
    const reserved = reservedIdProblem(entry.id, `rename the file, e.g. to ${entry.id}-inc.mdx`);
    if (reserved) problems.push({ code: 'reserved-name', file: entry.file, field: '(file name)', message: reserved });
  }
  problems.push(...legacyPermalinkProblems(input.sponsors, input.publicNames ?? []));
  // Booths, their role lists and feeds are titled by the sponsor's name: two alike cannot be told apart.
  const published = input.sponsors.filter((s) => !s.data.draft);
  for (const group of clashingIds(published, (s) => s.data.name.normalize('NFKC').replace(/\s+/g, ' ').trim())) {
    for (const entry of group.slice(1)) {
      problems.push({ code: 'duplicate-name', file: entry.file, field: 'name', message: `"${entry.data.name}" is also the name of ${group[0]!.file}; visitors could not tell the two booths apart: give one a word more, e.g. "${entry.data.name} Labs"` });
    }
  }

  const tierById = new Map(input.tiers.map((t) => [t.id, t]));
  // tier: names the main-programme tier; tiers of other programmes go in programmeTiers.
  const mainTierIds = input.tiers.filter((t) => programmeOf(t) === 'main').map((t) => t.id);
  const sponsors: Sponsor[] = [];
  for (const entry of input.sponsors) {
    const tier = tierById.get(entry.data.tier);
    if (!tier && input.invalidIds?.tiers?.includes(entry.data.tier)) continue;
    if (!tier) {
      problems.push({
        code: 'unknown-tier',
        file: entry.file,
        field: 'tier',
        message: `${unknown('tier', entry.data.tier)}; expected ${oneOf(mainTierIds)} (from ${files.tiers})`,
        ...suggest(entry.data.tier, mainTierIds),
      });
      continue;
    }
    const boothIssues = boothProblems(entry.data, { tiers: input.tiers, conference: input.conference });
    problems.push(...boothIssues.map((p) => ({ file: entry.file, ...p })));
    if (entry.data.draft || boothIssues.length > 0) continue;
    const { private: _private, ...published } = entry.data;
    const programmeTierInfo = entry.data.programmeTiers.flatMap((id) => tierById.get(id) ?? []);
    sponsors.push({ ...published, id: entry.id, file: entry.file, tierInfo: tier, programmeTierInfo });
  }
  const draftSponsors = new Set(input.sponsors.filter((s) => s.data.draft).map((s) => s.id));
  const sponsorById = new Map(sponsors.map((s) => [s.id, s]));
  const allSponsorIds = input.sponsors.map((s) => s.id);

  const findArea = vocabularyIndex(input.areas, (a) => a.label);
  const findLocation = vocabularyIndex(input.locations, (l) => l.label);
  const roles: Role[] = [];
  for (const entry of input.roles) {
    const sponsorId = entry.id.split('/')[0]!;
    const rolePath = entry.file;
    const sponsor = sponsorById.get(sponsorId);
    if (!sponsor) {
      // Roles of a draft sponsor are drafts too; roles of an invalid sponsor wait for its fix.
      if (draftSponsors.has(sponsorId) || input.invalidIds?.sponsors?.includes(sponsorId)) continue;
      if (input.sponsors.some((s) => s.id === sponsorId)) continue; // its tier problem is reported
      problems.push({
        code: 'role-folder',
        file: rolePath,
        field: '(folder)',
        message: `the folder "${sponsorId}" names no sponsor; role files live in ${contentPath(contentLayout.roles, '<sponsor-id>')}/ where ${contentPath(contentLayout.sponsors, '<sponsor-id>.mdx')} exists`,
        ...suggest(sponsorId, allSponsorIds),
      });
      continue;
    }
    if (entry.data.unit !== undefined && !sponsor.units.some((u) => u.id === entry.data.unit)) {
      const units = sponsor.units.map((u) => u.id);
      problems.push({
        code: 'unknown-reference',
        file: rolePath,
        field: 'unit',
        message: `${unknown('unit', entry.data.unit)}; expected ${units.length ? oneOf(units) : `a unit declared under units: in ${sponsor.file} (it has none)`}`,
        ...suggest(entry.data.unit, units),
      });
    }
    const { locations, researchAreas, private: _private, ...rest } = entry.data;
    const places: RolePlace[] = [];
    locations.forEach((place, i) => {
      const location = findLocation(place.location);
      const kind = location && locationKind(location);
      if ((kind === 'region' || kind === 'time-zone band') && place.workplace !== 'remote') {
        problems.push({
          code: 'remote-only',
          file: rolePath,
          field: `locations[${i}].workplace`,
          message: `is ${place.workplace}, but "${location!.id}" is a ${kind} in ${files.locations}: a role is held there only remotely; write workplace: remote, or name a city or a country`,
        });
      } else if (location) places.push({ location, workplace: place.workplace, applyUrl: place.applyUrl ?? entry.data.applyUrl });
      else
        problems.push({
          code: 'unknown-location',
          file: rolePath,
          field: `locations[${i}].location`,
          message: `${unknown('location', place.location)}; add it to ${files.locations} or use one of its ids`,
          ...suggest(place.location, input.locations.flatMap((l) => [l.id, ...l.aliases])),
        });
    });
    const areas: Area[] = [];
    researchAreas.forEach((value, i) => {
      const area = findArea(value);
      if (area) {
        if (!areas.includes(area)) areas.push(area);
      } else
        problems.push({
          code: 'unknown-area',
          file: rolePath,
          field: `researchAreas[${i}]`,
          message: `${unknown('research area', value)}; add it to ${files.areas} or use one of its ids`,
          ...suggest(value, input.areas.flatMap((a) => [a.id, ...a.aliases])),
        });
    });
    if (entry.data.draft || places.length !== locations.length || areas.length === 0) continue;
    const state = roleState(entry.data, today);
    roles.push({
      ...rest,
      id: entry.id,
      slug: entry.id.slice(sponsorId.length + 1),
      file: rolePath,
      sponsor,
      places,
      areas,
      state,
      ...(entry.data.validThrough && (state === 'open' || state === 'upcoming') && { closesInDays: daysBetween(today, entry.data.validThrough) }),
    });
  }

  const tiers = [...input.tiers].sort((a, b) => a.rank - b.rank);
  sponsors.sort(compareSponsors);
  roles.sort(compareRoles);
  return { model: { conference: input.conference, tiers, areas: input.areas, locations: input.locations, sponsors, roles }, problems };
}

/** Hall order: tier rank, then the sponsor's `order`, then name. */
function compareSponsors(a: Sponsor, b: Sponsor): number {
  return a.tierInfo.rank - b.tierInfo.rank || (a.order ?? Infinity) - (b.order ?? Infinity) || a.name.localeCompare(b.name);
}

/** Board order: newest first, then by sponsor tier, then sponsor and title. */
function compareRoles(a: Role, b: Role): number {
  return (
    b.datePosted.localeCompare(a.datePosted) ||
    a.sponsor.tierInfo.rank - b.sponsor.tierInfo.rank ||
    compareSponsors(a.sponsor, b.sponsor) ||
    a.title.localeCompare(b.title)
  );
}

/** Sponsors grouped by tier in rank order; tiers without sponsors are left out. */
export function sponsorsByTier(model: Pick<Model, 'tiers' | 'sponsors'>): { tier: Tier; sponsors: Sponsor[] }[] {
  return model.tiers
    .map((tier) => ({ tier, sponsors: model.sponsors.filter((s) => s.tierInfo.id === tier.id || s.programmeTierInfo.some((t) => t.id === tier.id)) }))
    .filter((group) => group.sponsors.length > 0);
}

/** Roles that attendees can apply to or watch: open and upcoming ones. */
export function isListed(role: Role): boolean {
  return role.state === 'open' || role.state === 'upcoming';
}

export const employmentTypeLabels: Record<RoleData['employmentType'], { singular: string; plural: string }> = {
  internship: { singular: 'Internship', plural: 'Internships' },
  'full-time': { singular: 'Full-time', plural: 'Full-time openings' },
  'part-time': { singular: 'Part-time', plural: 'Part-time openings' },
  contract: { singular: 'Contract', plural: 'Contract roles' },
  postdoc: { singular: 'Postdoc', plural: 'Postdoctoral positions' },
  'phd-studentship': { singular: 'PhD studentship', plural: 'PhD studentships' },
  fellowship: { singular: 'Fellowship', plural: 'Fellowships' },
  other: { singular: 'Other', plural: 'Other roles' },
};

/** Booth order within a kind: the sponsor's `order`, then title. */
function compareBoothRoles(a: Role, b: Role): number {
  return (a.order ?? Infinity) - (b.order ?? Infinity) || a.title.localeCompare(b.title);
}

/** Roles grouped by employment type, in the order of `employmentTypeLabels`. */
export function rolesByKind(roles: readonly Role[]): { kind: Role['employmentType']; roles: Role[] }[] {
  return (Object.keys(employmentTypeLabels) as Role['employmentType'][])
    .map((kind) => ({ kind, roles: roles.filter((r) => r.employmentType === kind).sort(compareBoothRoles) }))
    .filter((group) => group.roles.length > 0);
}
