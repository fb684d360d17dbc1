/**
 * Dates and times as booth pages write them ("Thursday Oct 15th @ 17:35-18:55 UTC",
 * "Oct 14, 2:30pm EDT", "15 October 2020, 14:00 (UTC+8)") → instants with their offset.
 * Only what the text states is used: the year comes from the text or the conference, the
 * zone from the text or its heading; an unknown or ambiguous zone, a missing year or a
 * weekday that does not match the date is a problem to report, never a guess.
 */
import { contentLayout, contentPath } from '../../../src/core/project.ts';

const weekdayPattern = 'mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?';
const monthPattern = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const datePatterns = [
  // 2020-10-15
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/i, read: (m: RegExpExecArray) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) },
  // Thursday Oct 15th, October 15, 2020
  {
    re: new RegExp(`\\b(?:(${weekdayPattern})\\.?,?\\s+)?(${monthPattern})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'i'),
    read: (m: RegExpExecArray) => ({ weekday: m[1], month: months.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1, day: Number(m[3]), year: m[4] ? Number(m[4]) : undefined }),
  },
  // Thursday 15th October 2020, 15 Oct
  {
    re: new RegExp(`\\b(?:(${weekdayPattern})\\.?,?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${monthPattern})\\.?(?:,?\\s+(\\d{4})\\b)?`, 'i'),
    read: (m: RegExpExecArray) => ({ weekday: m[1], day: Number(m[2]), month: months.indexOf(m[3]!.slice(0, 3).toLowerCase()) + 1, year: m[4] ? Number(m[4]) : undefined }),
  },
];

/** Fixed offsets (minutes east of UTC) of zone abbreviations, and the zone whose clocks they name. */
const abbreviations: Record<string, { offset: number; zone?: string }> = {
  UTC: { offset: 0 }, GMT: { offset: 0 }, Z: { offset: 0 }, WET: { offset: 0, zone: 'Europe/Lisbon' }, WEST: { offset: 60, zone: 'Europe/Lisbon' },
  BST: { offset: 60, zone: 'Europe/London' }, CET: { offset: 60, zone: 'Europe/Paris' }, CEST: { offset: 120, zone: 'Europe/Paris' },
  EET: { offset: 120, zone: 'Europe/Athens' }, EEST: { offset: 180, zone: 'Europe/Athens' }, MSK: { offset: 180 },
  EST: { offset: -300, zone: 'America/New_York' }, EDT: { offset: -240, zone: 'America/New_York' },
  CDT: { offset: -300, zone: 'America/Chicago' }, MST: { offset: -420 }, MDT: { offset: -360, zone: 'America/Denver' },
  PST: { offset: -480, zone: 'America/Los_Angeles' }, PDT: { offset: -420, zone: 'America/Los_Angeles' },
  AKST: { offset: -540 }, AKDT: { offset: -480 }, HST: { offset: -600 }, NST: { offset: -210 }, NDT: { offset: -150 }, ADT: { offset: -180 },
  JST: { offset: 540 }, KST: { offset: 540 }, HKT: { offset: 480 }, SGT: { offset: 480 }, PHT: { offset: 480 }, AWST: { offset: 480 },
  ICT: { offset: 420 }, WIB: { offset: 420 }, PKT: { offset: 300 }, NPT: { offset: 345 },
  AEST: { offset: 600, zone: 'Australia/Sydney' }, AEDT: { offset: 660, zone: 'Australia/Sydney' }, ACST: { offset: 570 }, ACDT: { offset: 630 },
  NZST: { offset: 720, zone: 'Pacific/Auckland' }, NZDT: { offset: 780, zone: 'Pacific/Auckland' },
  BRT: { offset: -180 }, ART: { offset: -180 }, SAST: { offset: 120 }, WAT: { offset: 60 }, CAT: { offset: 120 }, EAT: { offset: 180 },
  AOE: { offset: -720 },
};
/** Abbreviations that name more than one zone: the reader must say which. */
const ambiguous: Record<string, string> = {
  CST: 'US Central (UTC-6) or China (UTC+8)',
  IST: 'India (UTC+5:30), Ireland (UTC+1) or Israel (UTC+2)',
  AST: 'Atlantic (UTC-4) or Arabia (UTC+3)',
  GST: 'Gulf (UTC+4) or South Georgia (UTC-2)',
};
/** Zones named by region: the offset depends on the day (daylight saving time). */
const regionZones: Record<string, string> = { ET: 'America/New_York', EASTERN: 'America/New_York', CT: 'America/Chicago', CENTRAL: 'America/Chicago', MT: 'America/Denver', MOUNTAIN: 'America/Denver', PT: 'America/Los_Angeles', PACIFIC: 'America/Los_Angeles' };

const clock = String.raw`(\d{1,2})(?::(\d{2})|h(\d{2}))?\s*(?:([aApP])\.?[mM]\.?)?`;
const zoneToken = String.raw`(?:UTC|GMT)(?:\s*[+\-−]\s*\d{1,2}(?::?\d{2})?)?|(?:${[...Object.keys(abbreviations), ...Object.keys(ambiguous), 'ET', 'CT', 'MT', 'PT'].join('|')})\b|[A-Z]{1,4}T\b|AoE\b|(?:Eastern|Central|Mountain|Pacific)(?:\s+time)?`;
/** A time or a range, with a zone after either end: "17:35-18:55 UTC", "2:30pm EDT", "14:00 UTC – 15:00 UTC". */
const timePattern = new RegExp(String.raw`(?<![\d:.])${clock}(?:\s*\(?(${zoneToken})\)?)?(?:\s*(?:-|–|—|to|until|till)\s*${clock})?(?:\s*\(?\s*(${zoneToken})\s*\)?)?`, 'g');

/** Minutes east of UTC of an IANA zone at an instant. */
function zoneOffset(zone: string, utcMillis: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(utcMillis).find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

type Zone = { offset: number; label: string; zone?: string } | { region: string; label: string } | { problem: string };

/** A zone as written → its fixed offset, a region zone, or why it cannot be used. */
function readZone(text: string): Zone {
  const label = text.replace(/\s+/g, '').replace('−', '-');
  const upper = label.toUpperCase();
  const utc = /^(?:UTC|GMT)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(upper);
  if (utc) {
    const minutes = Number(utc[2]) * 60 + Number(utc[3] ?? 0);
    return minutes > 14 * 60 ? { problem: `"${text}" is not a UTC offset` } : { offset: (utc[1] === '-' ? -1 : 1) * minutes, label };
  }
  if (abbreviations[upper]) return { ...abbreviations[upper], label };
  if (ambiguous[upper]) return { problem: `the zone "${text}" can mean ${ambiguous[upper]}` };
  if (regionZones[upper]) return { region: regionZones[upper], label: text };
  return { problem: `the zone "${text}" is not one the importer knows` };
}

export interface WhenContext {
  /** The year of days written without one, and where it comes from (for messages). */
  year?: { value: number; from: string } | undefined;
  /** A zone stated for the whole section ("Schedule (all times UTC)"). */
  zone?: string | undefined;
}

export interface When {
  /** ISO 8601 with the offset the text gave, e.g. "2020-10-15T17:35:00Z", "2020-10-14T14:30:00-04:00". */
  start: string;
  end?: string;
  /** The text without the date, time and zone: what the line says besides when. */
  rest: string;
  /** Readings a person should confirm (e.g. EST written on a day New York was on EDT). */
  notes: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Hours and minutes of a clock match, with am/pm applied; undefined when it is not a time (no minutes and no am/pm). */
function clockTime(hour: string, minutes: string | undefined, ampm: string | undefined): { h: number; m: number; ampm?: string } | undefined {
  if (minutes === undefined && !ampm) return undefined;
  let h = Number(hour);
  const m = Number(minutes ?? 0);
  if (m > 59 || h > 24 || (ampm && (h < 1 || h > 12))) return undefined;
  if (ampm) h = (h % 12) + (ampm.toLowerCase() === 'p' ? 12 : 0);
  return { h, m, ...(ampm ? { ampm: ampm.toLowerCase() } : {}) };
}

/**
 * Reads the date, time (or time range) and zone of one line. Undefined when the line does
 * not give both a day and a time; `problem` when it does but cannot be typed with confidence.
 */
export function readWhen(text: string, context: WhenContext): { when: When } | { problem: string } | undefined {
  let rest = text;
  let date: { weekday?: string | undefined; year?: number | undefined; month: number; day: number } | undefined;
  for (const { re, read } of datePatterns) {
    const m = re.exec(rest);
    if (m) {
      date = read(m);
      rest = rest.slice(0, m.index) + ' ' + rest.slice(m.index + m[0].length);
      break;
    }
  }
  if (!date) return undefined;
  let time: { start: { h: number; m: number }; end?: { h: number; m: number }; zone?: string } | undefined;
  for (const m of rest.matchAll(timePattern)) {
    const end = m[6] ? clockTime(m[6], m[7] ?? m[8], m[9]) : undefined;
    // "2-3pm": a bare start hour takes the end's am/pm ("11-1pm" is 11am to 1pm).
    let start = clockTime(m[1]!, m[2] ?? m[3], m[4]) ?? (end?.ampm ? clockTime(m[1]!, m[2] ?? m[3], m[9]) : undefined);
    if (!start) continue;
    if (end?.ampm && !m[4]) {
      if (start.h >= 12 && start.h > end.h) start = { ...start, h: start.h - 12 };
      else if (start.h < 12 && end.h >= 12 && start.h + 12 <= end.h && m[2] !== undefined) start = { ...start, h: start.h + 12 };
    }
    // A capitalised word right after the time that is no zone we know: name it in the problem.
    const zone = m[10] ?? m[5] ?? /^\s*\(?([A-Z]{2,5})\b\)?/.exec(rest.slice(m.index + m[0].length))?.[1];
    time = { start, ...(end ? { end } : {}), ...(zone ? { zone } : {}) };
    rest = rest.slice(0, m.index) + ' ' + rest.slice(m.index + m[0].length);
    break;
  }
  if (!time) return undefined;

  const year = date.year ?? context.year?.value;
  if (!year) return { problem: `no year: the line gives none, and neither --year, the old site's _config.yml nor ${contentPath(contentLayout.conference)} says one` };
  if (date.month < 1 || date.day < 1 || date.day > 31) return { problem: 'the day is not a date' };
  const day = new Date(Date.UTC(year, date.month - 1, date.day));
  if (day.getUTCDate() !== date.day) return { problem: `${months[date.month - 1]} ${date.day} is not a day of ${year}` };
  if (date.weekday) {
    const expected = weekdays.indexOf(date.weekday.slice(0, 3).toLowerCase());
    if (expected !== day.getUTCDay()) {
      const yearFrom = date.year ? '' : ` (the year ${year} comes from ${context.year!.from})`;
      return { problem: `${weekdayNames[expected]} does not match ${year}-${pad(date.month)}-${pad(date.day)}, a ${weekdayNames[day.getUTCDay()]}${yearFrom}` };
    }
  }
  const zoneText = time.zone ?? context.zone;
  if (!zoneText) return { problem: 'no time zone: write it after the time (e.g. "14:30 UTC" or "2:30pm EDT")' };
  const zone = readZone(zoneText);
  if ('problem' in zone) return { problem: zone.problem };

  const notes: string[] = [];
  const localMillis = (t: { h: number; m: number }, plusDays = 0) => Date.UTC(year, date!.month - 1, date!.day + plusDays, t.h, t.m);
  const iso = (t: { h: number; m: number }, plusDays = 0): string => {
    const local = localMillis(t, plusDays);
    let offset: number;
    if ('region' in zone) {
      // The offset in force at that local time: first guess from the same wall-clock time read as UTC.
      offset = zoneOffset(zone.region, local - zoneOffset(zone.region, local) * 60_000);
    } else {
      offset = zone.offset;
      if (zone.zone) {
        const inForce = zoneOffset(zone.zone, local - offset * 60_000);
        if (inForce !== offset) notes.push(`${zone.label} (UTC${offsetText(offset).replace('Z', '')}) on ${new Date(local).toISOString().slice(0, 10)}, when ${zone.zone.split('/')[1]!.replace('_', ' ')} was on UTC${offsetText(inForce)}: check which was meant`);
      }
    }
    const d = new Date(local);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00${offsetText(offset)}`;
  };
  const start = iso(time.start);
  // An end earlier than the start is on the next day ("23:30-00:30 UTC").
  const end = time.end ? iso(time.end, time.end.h * 60 + time.end.m <= time.start.h * 60 + time.start.m ? 1 : 0) : undefined;
  // What joined the title to the time ("Poster on Oct 15 at 9:00", "8A Thursday @ 17:35") goes with it.
  const cleaned = rest.replace(/(?:[\s,;:|@–—-]|\b(?:at|on|from)\b)+$/i, '').replace(/^(?:[\s,;:|@–—-]|\b(?:at|on|from)\b)+/i, '').replace(/\s+/g, ' ').trim();
  return { when: { start, ...(end ? { end } : {}), rest: cleaned, notes: [...new Set(notes)] } };
}

/** A duration stated in words: "45 minutes", "(30 min)", "1 hour", "a 90-minute session", "1.5 hours". */
export function statedMinutes(text: string): number | undefined {
  const m = /\b(\d{1,3}(?:\.\d)?|an?|one|two)[\s-]*(minutes?|mins?|hours?|hrs?|h)\b/i.exec(text);
  if (!m) return undefined;
  const n = /^an?$|^one$/i.test(m[1]!) ? 1 : /^two$/i.test(m[1]!) ? 2 : Number(m[1]);
  const minutes = /^h/i.test(m[2]!) ? n * 60 : n;
  return minutes >= 5 && minutes <= 12 * 60 ? Math.round(minutes) : undefined;
}

/** `iso` moved on by `minutes`, keeping its offset. */
export function addMinutes(iso: string, minutes: number): string {
  const offset = /(Z|[+-]\d{2}:\d{2})$/.exec(iso)![1]!;
  const offsetMinutes = offset === 'Z' ? 0 : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(Date.parse(iso) + (offsetMinutes + minutes) * 60_000);
  return `${local.toISOString().slice(0, 16)}:00${offset}`;
}
