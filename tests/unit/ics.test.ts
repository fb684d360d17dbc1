/**
 * The .ics files are valid RFC 5545: CRLF line ends, lines folded at 75 octets without
 * splitting a UTF-8 character, escaped TEXT, UID/DTSTAMP/DTSTART/DTEND in UTC. A small
 * parser reads them back and the times are checked against the demo booth's offsets.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventIcs } from '../../src/lib/booth.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { escapeText, foldLine, icsCalendar, icsTime } from '../../src/lib/ics.ts';
import { channelSchema } from '../../src/schemas/socials.ts';
import { projectRoot } from '../support/project.ts';

interface Property {
  name: string;
  params: string;
  value: string;
}

/** Unfolds and splits an iCalendar text into components of properties (RFC 5545 §3.1). */
function parseIcs(text: string): { calendar: Property[]; events: Property[][] } {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
  for (const raw of text.split('\r\n')) assert.ok(Buffer.byteLength(raw, 'utf8') <= 75, `at most 75 octets: ${raw}`);
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  const calendar: Property[] = [];
  const events: Property[][] = [];
  let current: Property[] | undefined;
  const stack: string[] = [];
  for (const line of lines) {
    const match = /^([A-Z0-9-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    assert.ok(match, `content line: ${line}`);
    const [, name, params, value] = match;
    if (name === 'BEGIN') {
      stack.push(value!);
      if (value === 'VEVENT') events.push((current = []));
    } else if (name === 'END') {
      assert.equal(stack.pop(), value, 'BEGIN and END nest');
      if (value === 'VEVENT') current = undefined;
    } else (current ?? calendar).push({ name: name!, params: params!, value: value! });
  }
  assert.deepEqual(stack, []);
  return { calendar, events };
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const get = (props: Property[], name: string) => props.find((p) => p.name === name)?.value;

describe('iCalendar building blocks', () => {
  it('times become UTC basic format', () => {
    assert.equal(icsTime('2020-10-13T09:00:00-04:00'), '20201013T130000Z');
    assert.equal(icsTime('2020-10-14T10:00:00+09:00'), '20201014T010000Z');
  });

  it('escapes backslash, semicolon, comma and newlines', () => {
    assert.equal(escapeText('a\\b; c, d\ne'), 'a\\\\b\\; c\\, d\\ne');
  });

  it('escapes a lone CR and CRLF as a line break too, so no raw CR ends a content line early', () => {
    assert.equal(escapeText('a\rb\r\nc'), 'a\\nb\\nc');
    const text = icsCalendar({ name: 'x', stamp: '2026-01-01T00:00:00Z', events: [{ uid: 'u@x', start: '2026-01-01T00:00:00Z', end: '2026-01-01T01:00:00Z', summary: 'Talk\rX-INJECTED:1', location: 'Room\r', url: 'https://x.example/a\r\nX-INJECTED:2' }] });
    const { events } = parseIcs(text);
    assert.deepEqual(events[0]!.map((p) => p.name), ['UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'LOCATION', 'URL']);
    assert.equal(get(events[0]!, 'URL'), 'https://x.example/a%0D%0AX-INJECTED:2');
  });

  it('a channel address is kept as the URL reader reads it: no line break of the file reaches a page or a calendar', () => {
    const channel = channelSchema.parse({ kind: 'zoom', url: ' https://zoom.us/j/555\r\n0100\t' });
    assert.equal(channel.url, 'https://zoom.us/j/5550100');
  });

  it('folds at 75 octets and never inside a character', () => {
    const line = `SUMMARY:${'乐谱跟随'.repeat(20)}`;
    const folded = foldLine(line).split('\r\n');
    for (const piece of folded) assert.ok(Buffer.byteLength(piece) <= 75);
    for (const piece of folded.slice(1)) assert.ok(piece.startsWith(' '));
    assert.equal(folded.map((p, i) => (i ? p.slice(1) : p)).join(''), line);
    assert.equal(foldLine('SHORT:line'), 'SHORT:line');
  });
});

describe('the rich booth calendar', () => {
  const lumen = checkContent(projectRoot, { today: '2026-01-01' }).model!.sponsors.find((s) => s.id === 'lumen-audio')!;
  const context = { site: 'https://sponsors.ismir2020.net', boothUrl: 'https://sponsors.ismir2020.net/booths/lumen-audio/', conference: { name: 'ISMIR 2020', chat: { kind: 'slack' as const, label: 'ISMIR 2020 Slack', url: 'https://ismir2020.slack.com' } } };
  const text = icsCalendar({ name: 'Lumen Audio at ISMIR 2020', stamp: '2026-01-01T00:00:00Z', events: lumen.events.map((e) => eventIcs(lumen, e, context)) });
  const { calendar, events } = parseIcs(text);

  it('has the calendar properties', () => {
    assert.equal(get(calendar, 'VERSION'), '2.0');
    assert.ok(get(calendar, 'PRODID'));
    assert.equal(get(calendar, 'X-WR-CALNAME'), 'Lumen Audio at ISMIR 2020');
  });

  it('holds every event with a unique UID, DTSTAMP and UTC times', () => {
    assert.equal(events.length, 6);
    const uids = events.map((e) => get(e, 'UID'));
    assert.equal(new Set(uids).size, 6);
    assert.ok(uids.every((u) => u?.endsWith('@sponsors.ismir2020.net')));
    for (const e of events) {
      assert.equal(get(e, 'DTSTAMP'), '20260101T000000Z');
      assert.match(get(e, 'DTSTART')!, /^\d{8}T\d{6}Z$/);
      assert.ok(get(e, 'DTEND')! > get(e, 'DTSTART')!);
    }
  });

  it('turns the source offsets into the right UTC times (A at 09:00 Toronto, B at 10:00 Tokyo)', () => {
    const byUid = (id: string) => events.find((e) => get(e, 'UID') === `lumen-audio-${id}@sponsors.ismir2020.net`)!;
    assert.equal(get(byUid('poster-a'), 'DTSTART'), '20201013T130000Z');
    assert.equal(get(byUid('poster-a'), 'DTEND'), '20201013T140000Z');
    assert.equal(get(byUid('poster-b'), 'DTSTART'), '20201014T010000Z');
    assert.equal(get(byUid('demo-b'), 'DTSTART'), '20201015T040000Z');
  });

  it('escapes and unfolds text back to the source', () => {
    const office = events.find((e) => get(e, 'UID')!.startsWith('lumen-audio-office-hours'))!;
    const description = unescapeText(get(office, 'DESCRIPTION')!);
    assert.ok(description.startsWith('Internships, full-time roles; questions about visas, relocation or remote work: drop in, no appointment needed.\n'));
    assert.equal(get(office, 'LOCATION'), '#sponsor-lumen-audio on ISMIR 2020 Slack');
    const poster = events.find((e) => get(e, 'UID')!.startsWith('lumen-audio-poster-b'))!;
    assert.equal(unescapeText(get(poster, 'SUMMARY')!), 'Industry poster: following a score, live (session 3B) · Lumen Audio');
    assert.match(unescapeText(get(poster, 'DESCRIPTION')!), /Repeat of "Industry poster: following a score, live" \(session 3A\) for other time zones\./);
  });
});
