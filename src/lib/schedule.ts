/**
 * The sponsor schedule: every booth event of the conference in one list, by the conference
 * day it starts on (in the conference's time zone, where the programme is scheduled). An
 * A/B pair is one entry with its sessions side by side, placed at its first session. Pure:
 * the /events/ page renders it, /events.ics lists the same events.
 */
import type { EventData } from '../schemas/booth.ts';
import { eventRuns } from './booth.ts';

export interface ScheduleEntry<S> {
  sponsor: S;
  /** The first session, then its repeats for other time zones, in time order. */
  sessions: EventData[];
}

export interface ScheduleDay<S> {
  /** YYYY-MM-DD in the conference's zone, e.g. "2020-10-13". */
  day: string;
  /** "Tuesday 13 October 2020" */
  label: string;
  entries: ScheduleEntry<S>[];
}

/** The conference day of an instant: its date in `timeZone`, YYYY-MM-DD. */
export function dayIn(instant: string, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

function dayLabel(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(instant)).replace(',', '');
}

/** Every event of `sponsors`, by conference day; within a day by start, then sponsor name. */
export function sponsorSchedule<S extends { name: string; events: readonly EventData[] }>(sponsors: readonly S[], timeZone: string): ScheduleDay<S>[] {
  const entries = sponsors.flatMap((sponsor) =>
    eventRuns(sponsor.events)
      .filter(({ event }) => event.repeatOf === undefined)
      .map(({ event, repeats }) => ({ sponsor, sessions: [event, ...repeats] })),
  );
  entries.sort((a, b) => a.sessions[0]!.start.localeCompare(b.sessions[0]!.start) || a.sponsor.name.localeCompare(b.sponsor.name) || a.sessions[0]!.title.localeCompare(b.sessions[0]!.title));
  const days = new Map<string, ScheduleDay<S>>();
  for (const entry of entries) {
    const start = entry.sessions[0]!.start;
    const day = dayIn(start, timeZone);
    if (!days.has(day)) days.set(day, { day, label: dayLabel(start, timeZone), entries: [] });
    days.get(day)!.entries.push(entry);
  }
  return [...days.values()];
}
