/**
 * iCalendar (RFC 5545) files for booth events: one per event and one per booth, so an
 * attendee can add a session to any calendar without JavaScript. CRLF line ends, lines
 * folded at 75 octets (never inside a UTF-8 character), TEXT values escaped, times in UTC.
 */

export interface IcsEvent {
  /** Globally unique and stable across builds, e.g. "acme-poster-a@sponsors.ismir2020.net". */
  uid: string;
  /** Start and end as ISO 8601 instants. */
  start: string;
  end: string;
  summary: string;
  description?: string | undefined;
  /** Where to join or read more. */
  url?: string | undefined;
  location?: string | undefined;
  categories?: string[] | undefined;
}

export interface IcsCalendar {
  /** Calendar name shown by clients (X-WR-CALNAME). */
  name: string;
  /** When the file was made: DTSTAMP of every event. */
  stamp: string;
  events: readonly IcsEvent[];
}

/** "2020-10-13T13:00:00Z" (or any instant) → "20201013T130000Z". */
export function icsTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`not a date and time: "${iso}"`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). A line
 * break is CRLF, LF or a lone CR: a raw CR would end the content line for some readers.
 */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** A URI value: has no escaping of its own, so a control character (a CR, an LF) is written percent-encoded. */
function uriValue(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const encoder = new TextEncoder();

/**
 * Folds one content line into pieces of at most 75 octets, each continuation starting with
 * a space (RFC 5545 §3.1). Splits only between characters, so UTF-8 stays valid.
 */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first piece holds 75 octets; later ones 74 plus their leading space.
    const limit = pieces.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

/** The whole VCALENDAR text. */
export function icsCalendar(calendar: IcsCalendar): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//boothkit//booth events//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(calendar.name)}`];
  const stamp = icsTime(calendar.stamp);
  for (const event of calendar.events) {
    lines.push('BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${stamp}`, `DTSTART:${icsTime(event.start)}`, `DTEND:${icsTime(event.end)}`, `SUMMARY:${escapeText(event.summary)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.categories?.length) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
    if (event.url) lines.push(`URL:${uriValue(event.url)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
