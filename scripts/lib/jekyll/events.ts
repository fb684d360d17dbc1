/**
 * Booth events written as text → typed events. A list under an "Industry Poster" heading
 * with items like "8A Thursday Oct 15th @ 17:35-18:55 UTC", or lines like "Meet & Greet:
 * Tuesday Oct 13th, 10:00-11:00 UTC+8", become events with start and end (and their offset);
 * items of one list with the same title are A/B repeats of the first. A line that gives a
 * day and a time but cannot be typed with confidence stays text and is reported.
 */
import type { eventKinds } from '../../../src/schemas/booth.ts';
import { slugify } from '../project.ts';
import type { Entry } from './markdown.ts';
import { addMinutes, readWhen, statedMinutes, type WhenContext } from './times.ts';

export interface EventDraft {
  id: string;
  kind: (typeof eventKinds)[number];
  title: string;
  session?: string;
  start: string;
  end: string;
  repeatOf?: string;
  link?: string;
}

const kindWords: [EventDraft['kind'], RegExp][] = [
  ['industry-poster', /\bposters?\b/i],
  ['office-hours', /\boffice[- ]hours?\b/i],
  ['panel', /\bpanels?\b/i],
  ['workshop', /\b(workshops?|tutorials?|hackathons?)\b/i],
  ['demo', /\bdemos?\b|\bdemonstrations?\b/i],
  ['meetup', /\bmeet[- ]?ups?\b|\bmeet (and|&) greet\b|\bnetworking\b|\bcoffee\b/i],
  ['social', /\b(socials?|reception|happy hour|party|dinner|lunch|breakfast|mixer)\b/i],
  ['talk', /\b(talks?|presentations?|keynotes?|lectures?|spotlights?|industry sessions?)\b/i],
];

/** Headings that announce events without naming a kind. */
export const eventHeading = /\b(events?|schedule|sessions?|agenda|programme|program|where to find us|meet us|join us|timetable)\b/i;

export function eventKind(text: string): EventDraft['kind'] | undefined {
  return kindWords.find(([, pattern]) => pattern.test(text))?.[0];
}

/** "8A", "Session A", "Slot 2", "Poster 3B" → the session code, and the text without it. */
function session(text: string): { code?: string; text: string } {
  const named = /\b(?:session|slot|block|repeat)\s+([A-Z0-9]{1,3})\b[:.,]?/i.exec(text);
  const coded = named ?? /(?:^|\s)(\d{1,2}[A-Z]|[A-Z]\d{1,2})\b[:.,]?/.exec(text);
  if (!coded) return { text };
  return { code: coded[1]!.toUpperCase(), text: `${text.slice(0, coded.index)} ${text.slice(coded.index + coded[0].length)}` };
}

export interface EventContext extends WhenContext {
  /** Text of the heading the lines sit under ("Industry Poster"). */
  heading: string;
  /** The paragraph just before the list, if any ("Each session lasts 45 minutes"). */
  leadIn: string;
  /** Length of events that give only a start, from --event-minutes. */
  eventMinutes?: number | undefined;
  /** Event ids already used in this booth. */
  usedIds: Set<string>;
}

export interface EventResult {
  events: EventDraft[];
  /** Entries that are not events (no day and time): they stay text. */
  other: Entry[];
  /** Entries with a day and a time that could not be typed, with why. */
  unread: { entry: Entry; problem: string }[];
  /** Readings to confirm (zone abbreviations at odds with daylight saving time, …). */
  notes: string[];
}

const genericLink = /^(join|zoom|link|here|register|rsvp|sign[ -]?up|meeting|watch|live|stream|room)\b/i;

const cleanTitle = (text: string) => text.replace(/^[\s,;:|–—-]+|[\s,;:|–—-]+$/g, '').replace(/\s+/g, ' ').trim();

/** Reads event lines; `entries` are the items of one list (or the lines of one paragraph). */
export function readEvents(entries: Entry[], ctx: EventContext): EventResult {
  const result: EventResult = { events: [], other: [], unread: [], notes: [] };
  const read: { entry: Entry; title: string; code?: string | undefined; start: string; end?: string | undefined }[] = [];
  for (const entry of entries) {
    const when = readWhen(entry.text, ctx);
    if (!when) result.other.push(entry);
    else if ('problem' in when) result.unread.push({ entry, problem: when.problem });
    else {
      result.notes.push(...when.when.notes);
      // "[Join on Zoom](…)" says how to join, not what the event is.
      const rest = entry.links.filter((l) => genericLink.test(l.text)).reduce((t, l) => t.replace(l.text, ' '), when.when.rest);
      const { code, text } = session(rest);
      // A line that says only when and where takes its title from the heading.
      const own = cleanTitle(text);
      const title = own.length >= 3 && /\p{L}{3}/u.test(own) ? own : cleanTitle(ctx.heading) || 'Event';
      read.push({ entry, title, code, start: when.when.start, end: when.when.end });
    }
  }
  const stated = statedMinutes(ctx.heading) ?? statedMinutes(ctx.leadIn);
  for (const item of read) {
    let end = item.end;
    if (!end) {
      // The repeat of a session lasts as long as the session; else a length stated nearby or on the command line.
      const sibling = read.find((r) => r.title === item.title && r.end);
      const minutes = sibling ? (Date.parse(sibling.end!) - Date.parse(sibling.start)) / 60_000 : (statedMinutes(item.entry.text) ?? stated ?? ctx.eventMinutes);
      if (!minutes) {
        result.unread.push({ entry: item.entry, problem: 'it gives a start but no end; pass --event-minutes N (their length) or write the end time' });
        continue;
      }
      end = addMinutes(item.start, minutes);
    }
    const kind = eventKind(item.title) ?? eventKind(ctx.heading) ?? 'other';
    const base = slugify(item.title).slice(0, 40).replace(/-$/, '') || 'event';
    let id = item.code ? `${base}-${item.code.toLowerCase()}` : base;
    for (let n = 2; ctx.usedIds.has(id); n++) id = `${base}-${n}`;
    ctx.usedIds.add(id);
    const first = result.events.find((e) => e.title === item.title && !e.repeatOf);
    const link = item.entry.links.find((l) => /^https?:\/\//.test(l.url))?.url;
    result.events.push({ id, kind, title: item.title, ...(item.code ? { session: item.code } : {}), start: item.start, end, ...(first ? { repeatOf: first.id } : {}), ...(link ? { link } : {}) });
  }
  return result;
}
