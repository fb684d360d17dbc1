/**
 * Booth content beyond identity: reference checks (unit, repeatOf, channel, programme
 * tiers) and what the booth page derives from the data (visible offers, A/B event pairs,
 * paper groups, people by city, times in UTC and the conference zone). Pure and unit-tested;
 * src/lib/model.ts calls `boothProblems` for every sponsor.
 */
import type { EventData } from '../schemas/booth.ts';
import type { Conference } from '../schemas/conference.ts';
import type { SponsorData } from '../schemas/sponsor.ts';
import type { Tier } from '../schemas/tier.ts';
import type { IcsEvent } from './ics.ts';
import { clashingIds } from '../core/ids.ts';
import type { ProblemCode } from '../core/problem-codes.ts';
import { oneOf, suggest, unknown } from '../core/wording.ts';
import { contentLayout, contentPath } from '../core/project.ts';

/** A problem inside one sponsor file (the caller adds the file). */
export interface BoothProblem {
  code: ProblemCode;
  field: string;
  message: string;
  suggestion?: string;
}

type BoothData = Pick<SponsorData, 'tier' | 'programmeTiers' | 'units' | 'channels' | 'events' | 'publications' | 'showcase' | 'people' | 'resources'>;

/** The programme a tier belongs to; tiers without one are in the main programme. */
export function programmeOf(tier: Pick<Tier, 'programme'>): string {
  return tier.programme ?? 'main';
}

/** Every reference inside a booth that does not resolve, as problems with field paths. */
export function boothProblems(data: BoothData, context: { tiers: readonly Tier[]; conference: Pick<Conference, 'chat'> }): BoothProblem[] {
  const problems: BoothProblem[] = [];
  const push = (code: ProblemCode, field: string, message: string, value?: string, candidates?: Iterable<string>) => {
    problems.push({ code, field, message, ...(value !== undefined && candidates ? suggest(value, candidates) : {}) });
  };

  for (const [list, items] of [
    ['units', data.units],
    ['events', data.events],
    ['channels', data.channels],
  ] as const) {
    // Reported at the later use: the first one is the one to keep.
    for (const group of clashingIds([...items.keys()], (i) => items[i]!.id)) {
      const index = group.at(-1)!;
      push('duplicate-id', `${list}[${index}].id`, `the id "${items[index]!.id}" is used twice in ${list}; ids must be unique within a booth`);
    }
  }

  const unitIds = data.units.map((u) => u.id);
  const checkUnit = (field: string, unit: string | undefined) => {
    if (unit === undefined || unitIds.includes(unit)) return;
    const expected = unitIds.length ? oneOf(unitIds) : 'a unit declared under units: (this booth has none)';
    push('unknown-reference', field, `${unknown('unit', unit)}; expected ${expected}`, unit, unitIds);
  };
  data.events.forEach((e, i) => checkUnit(`events[${i}].unit`, e.unit));
  data.channels.forEach((c, i) => checkUnit(`channels[${i}].unit`, c.unit));
  data.showcase.forEach((s, i) => checkUnit(`showcase[${i}].unit`, s.unit));
  data.people.forEach((p, i) => checkUnit(`people[${i}].unit`, p.unit));
  data.resources.forEach((r, i) => checkUnit(`resources[${i}].unit`, r.unit));
  data.publications.forEach((p, i) => {
    checkUnit(`publications[${i}].unit`, p.unit);
    p.authors.forEach((a, j) => checkUnit(`publications[${i}].authors[${j}].unit`, a.unit));
  });

  const channelIds = data.channels.flatMap((c) => (c.id ? [c.id] : []));
  const eventIds = data.events.map((e) => e.id);
  data.events.forEach((event, i) => {
    if (event.channel !== undefined && !channelIds.includes(event.channel)) {
      const expected = channelIds.length ? oneOf(channelIds) : 'the id of a channel under channels: (none has an id)';
      push('unknown-reference', `events[${i}].channel`, `${unknown('channel', event.channel)}; expected ${expected}`, event.channel, channelIds);
    }
    if (event.repeatOf === undefined) return;
    const original = data.events.find((e) => e.id === event.repeatOf);
    if (event.repeatOf === event.id) push('repeat-of', `events[${i}].repeatOf`, 'an event cannot repeat itself; name the first session of the pair');
    else if (!original) push('unknown-reference', `events[${i}].repeatOf`, `${unknown('event', event.repeatOf)}; expected the id of another event of this booth: ${eventIds.filter((id) => id !== event.id).join(', ')}`, event.repeatOf, eventIds);
    else if (original.repeatOf !== undefined) push('repeat-of', `events[${i}].repeatOf`, `"${original.id}" is itself a repeat of "${original.repeatOf}"; name the first session: repeatOf: ${original.repeatOf}`);
  });

  if (!context.conference.chat) {
    data.channels.forEach((c, i) => {
      if (c.kind === 'chat') push('no-conference-chat', `channels[${i}].kind`, `kind: chat means the conference chat, but ${contentPath(contentLayout.conference)} has no chat: set chat: { kind, url } there, or use kind: slack or discord with a url`);
    });
  }

  const tierById = new Map(context.tiers.map((t) => [t.id, t]));
  const mainTier = tierById.get(data.tier);
  if (mainTier && programmeOf(mainTier) !== 'main') {
    push('programme-tier', 'tier', `"${data.tier}" is a tier of the "${programmeOf(mainTier)}" programme; tier: names the main-programme tier, and programmeTiers: lists tiers of other programmes`);
  }
  const seenProgrammes = new Set<string>();
  data.programmeTiers.forEach((id, i) => {
    const tier = tierById.get(id);
    const otherTiers = context.tiers.filter((t) => programmeOf(t) !== 'main').map((t) => t.id);
    if (!tier) return push('unknown-tier', `programmeTiers[${i}]`, `${unknown('tier', id)}; expected ${otherTiers.length ? oneOf(otherTiers) : 'one of (no tier of another programme exists in tiers.yaml)'}`, id, otherTiers);
    const programme = programmeOf(tier);
    if (programme === 'main') return push('programme-tier', `programmeTiers[${i}]`, `"${id}" is a main-programme tier; a sponsor has exactly one, in tier:`);
    if (seenProgrammes.has(programme)) push('programme-tier', `programmeTiers[${i}]`, `a second tier in the "${programme}" programme; a sponsor has one tier per programme`);
    seenProgrammes.add(programme);
  });
  return problems;
}

/** Offers that are valid on `today` (YYYY-MM-DD) or start later; expired ones are dropped. */
export function visibleOffers<O extends { validUntil?: string | undefined }>(offers: readonly O[], today: string): O[] {
  return offers.filter((o) => o.validUntil === undefined || o.validUntil >= today);
}

/** An event is past when it ended before the build day (YYYY-MM-DD) began, in UTC: it is marked, never hidden. */
export function isPast(event: { end: string }, today: string): boolean {
  return event.end.slice(0, 10) < today;
}

interface EventLike {
  id: string;
  start: string;
  repeatOf?: string | undefined;
}

/** Events in time order, each with its repeats (the B sessions) and the session it repeats. */
export function eventRuns<E extends EventLike>(events: readonly E[]): { event: E; repeats: E[]; original?: E }[] {
  const sorted = [...events].sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  return sorted.map((event) => {
    const original = event.repeatOf ? events.find((e) => e.id === event.repeatOf) : undefined;
    return { event, repeats: sorted.filter((e) => e.repeatOf === event.id), ...(original ? { original } : {}) };
  });
}

/** A time range shown two ways: in UTC and in the conference's zone. */
export interface EventTimes {
  /** For `<time datetime>`: "2020-10-13T13:00:00Z". */
  startIso: string;
  endIso: string;
  /** "Tue 13 Oct 2020, 13:00" to "14:00 UTC" */
  utc: { start: string; end: string };
  /** "Tue 13 Oct, 09:00" to "10:00 EDT (Toronto)" */
  local: { start: string; end: string };
}

function parts(date: Date, timeZone: string) {
  const list = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  const get = (type: string) => list.find((p) => p.type === type)?.value ?? '';
  return { day: `${get('weekday')} ${get('day')} ${get('month')}`, year: get('year'), time: `${get('hour')}:${get('minute')}` };
}

/** The short name of `timeZone` at `date`, e.g. "EDT" or "GMT+9". */
function zoneName(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

function range(start: Date, end: Date, timeZone: string, withYear: boolean, suffix: string) {
  const a = parts(start, timeZone);
  const b = parts(end, timeZone);
  const first = `${a.day}${withYear ? ` ${a.year}` : ''}, ${a.time}`;
  // The end shows its day only when it differs from the start's, in that zone.
  const last = a.day === b.day && a.year === b.year ? b.time : `${b.day}${withYear ? ` ${b.year}` : ''}, ${b.time}`;
  return { start: first, end: `${last} ${suffix}` };
}

const isoSeconds = (date: Date) => date.toISOString().replace(/\.000Z$/, 'Z');

export function eventTimes(startIso: string, endIso: string, timeZone: string): EventTimes {
  const start = new Date(startIso);
  const end = new Date(endIso);
  const city = timeZone.split('/').pop()!.replace(/_/g, ' ');
  return {
    startIso: isoSeconds(start),
    endIso: isoSeconds(end),
    utc: range(start, end, 'UTC', true, 'UTC'),
    local: range(start, end, timeZone, false, `${zoneName(start, timeZone)} (${city})`),
  };
}

/** Papers grouped under their headings: this conference first, then other venues, newest first. */
export function publicationGroups<P extends { group?: string | undefined; venue: { thisConference: boolean; year: number } }>(
  publications: readonly P[],
  conferenceName: string,
): { heading: string; items: P[] }[] {
  const headingOf = (p: P) => p.group ?? (p.venue.thisConference ? `Our papers at ${conferenceName}` : 'Other venues');
  const groups = Map.groupBy([...publications].sort((a, b) => Number(b.venue.thisConference) - Number(a.venue.thisConference) || b.venue.year - a.venue.year), headingOf);
  return [...groups].map(([heading, items]) => ({ heading, items }));
}

/** Items grouped by a key in first-seen order; items without one go last under `fallback`. */
export function groupInOrder<T>(items: readonly T[], key: (item: T) => string | undefined, fallback: string): { heading: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item) ?? fallback;
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  const out = [...groups].map(([heading, list]) => ({ heading, items: list }));
  return [...out.filter((g) => g.heading !== fallback), ...out.filter((g) => g.heading === fallback)];
}

export const eventKindLabels: Record<EventData['kind'], string> = {
  'industry-poster': 'Industry poster',
  talk: 'Talk',
  demo: 'Demo',
  meetup: 'Meetup',
  'office-hours': 'Office hours',
  panel: 'Panel',
  workshop: 'Workshop',
  social: 'Social',
  other: 'Event',
};

/**
 * A booth event as a calendar entry. The UID is stable across builds (sponsor, event and
 * site host), so re-importing an updated file updates the entry instead of duplicating it.
 */
export function eventIcs(
  sponsor: Pick<SponsorData, 'name' | 'events' | 'channels' | 'units'> & { id: string },
  event: EventData,
  context: { site: string; boothUrl: string; conference: Pick<Conference, 'chat' | 'name'> },
): IcsEvent {
  const host = new URL(context.site).hostname;
  const original = event.repeatOf ? sponsor.events.find((e) => e.id === event.repeatOf) : undefined;
  const channel = event.channel ? sponsor.channels.find((c) => c.id === event.channel) : undefined;
  const unit = event.unit ? sponsor.units.find((u) => u.id === event.unit) : undefined;
  const description = [
    event.description,
    original ? `Repeat of "${original.title}"${original.session ? ` (session ${original.session})` : ''} for other time zones.` : undefined,
    unit ? `With ${unit.name}.` : undefined,
    `${sponsor.name} booth at ${context.conference.name}: ${context.boothUrl}`,
  ].filter(Boolean);
  const location = channel?.url ?? (channel?.handle ? `${channel.handle}${context.conference.chat ? ` on ${context.conference.chat.label}` : ''}` : undefined);
  return {
    uid: `${sponsor.id}-${event.id}@${host}`,
    start: event.start,
    end: event.end,
    summary: `${event.title}${event.session ? ` (session ${event.session})` : ''} · ${sponsor.name}`,
    description: description.join('\n'),
    url: event.link ?? context.boothUrl,
    location: location ?? event.link,
    categories: [eventKindLabels[event.kind]],
  };
}
