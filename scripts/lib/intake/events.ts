/**
 * One block of the Events field → an entry of the sponsor's `events:` list. Dates are only
 * tidied ("2027-10-13 09:00 -04:00" → "2027-10-13T09:00:00-04:00", "UTC" → "Z"); a time
 * without its offset stays as written, so the schema refuses it with its own message.
 */
import { eventKinds } from '../../../src/schemas/booth.ts';
import { closest } from '../../../src/core/suggest.ts';
import type { Block, EventKey } from './blocks.ts';
import type { KeyProblem } from './roles.ts';
import { uniqueSlug } from './roles.ts';

export interface EventEntry {
  id: string;
  kind: string;
  title: string;
  session?: string;
  start: string;
  end: string;
  description?: string;
  link?: string;
}

/** "2027-10-13 9:00 UTC", "2027-10-13T09:00-0400" → ISO 8601 with seconds and a "±hh:mm" or "Z" offset. */
export function tidyDateTime(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!m) return text.trim();
  const [, day, hour, minute, second, zone] = m;
  const offset = !zone ? '' : /^(Z|UTC|GMT)$/i.test(zone) ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return `${day}T${hour!.padStart(2, '0')}:${minute}:${second ?? '00'}${offset}`;
}

export function eventFromBlock(block: Block<EventKey>, taken: Set<string>): { event?: EventEntry; problems: KeyProblem[] } {
  const v = block.values;
  const problems: KeyProblem[] = [];
  for (const [key, example] of [['title', 'Title: Meet our researchers'], ['start', 'Start: 2027-10-13 09:00 -04:00'], ['end', 'End: 2027-10-13 10:00 -04:00']] as const) {
    if (!v[key]) problems.push({ key, message: `is missing; add a line such as "${example}"` });
  }
  const kind = (v.kind ?? 'other').trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (!(eventKinds as readonly string[]).includes(kind)) {
    const best = closest(kind, eventKinds);
    problems.push({ key: 'kind', message: `unknown kind "${v.kind}"; expected one of ${eventKinds.join(', ')}${best ? `. Did you mean "${best}"?` : ''}` });
  }
  if (problems.length) return { problems };
  return {
    event: {
      id: uniqueSlug(v.title!, taken),
      kind,
      title: v.title!,
      ...(v.session ? { session: v.session } : {}),
      start: tidyDateTime(v.start!),
      end: tidyDateTime(v.end!),
      ...(v.description ? { description: v.description.replace(/\s*\n\s*/g, ' ') } : {}),
      ...(v.link ? { link: v.link } : {}),
    },
    problems: [],
  };
}
