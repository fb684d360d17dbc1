/** The sponsor schedule: booth events of every sponsor by conference day, A/B repeats in one entry. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPast } from '../../src/lib/booth.ts';
import { dayIn, sponsorSchedule } from '../../src/lib/schedule.ts';
import type { EventData } from '../../src/schemas/booth.ts';

const event = (id: string, start: string, end: string, extra: Partial<EventData> = {}): EventData => ({ id, kind: 'talk', title: id, start, end, ...extra });

const lumen = {
  name: 'Lumen Audio',
  events: [
    event('poster-b', '2020-10-14T01:00:00Z', '2020-10-14T02:00:00Z', { repeatOf: 'poster-a', session: '3B' }),
    event('poster-a', '2020-10-13T13:00:00Z', '2020-10-13T14:00:00Z', { session: '3A' }),
    event('late-talk', '2020-10-14T02:30:00Z', '2020-10-14T03:00:00Z'),
  ],
};
const acme = { name: 'Acme', events: [event('demo', '2020-10-13T13:00:00Z', '2020-10-13T13:30:00Z')] };

describe('sponsorSchedule', () => {
  const days = sponsorSchedule([lumen, acme], 'America/Toronto');

  it('groups by the conference day in its time zone', () => {
    // 02:30 UTC on the 14th is 22:30 on the 13th in Toronto.
    assert.deepEqual(days.map((d) => [d.day, d.label]), [['2020-10-13', 'Tuesday 13 October 2020']]);
    assert.equal(dayIn('2020-10-14T02:30:00Z', 'Asia/Tokyo'), '2020-10-14');
  });

  it('keeps an A/B pair together at its first session, in time order, then by sponsor', () => {
    assert.deepEqual(
      days[0]!.entries.map((e) => [e.sponsor.name, e.sessions.map((s) => s.id)]),
      [
        ['Acme', ['demo']],
        ['Lumen Audio', ['poster-a', 'poster-b']],
        ['Lumen Audio', ['late-talk']],
      ],
    );
  });

  it('lists every event once', () => {
    const listed = days.flatMap((d) => d.entries.flatMap((e) => e.sessions.map((s) => s.id)));
    assert.equal(listed.length, lumen.events.length + acme.events.length);
  });

  it('puts a repeat on a later day with its first session', () => {
    const tokyo = sponsorSchedule([lumen], 'Asia/Tokyo');
    assert.deepEqual(tokyo.map((d) => [d.day, d.entries.map((e) => e.sessions.map((s) => s.id))]), [
      ['2020-10-13', [['poster-a', 'poster-b']]],
      ['2020-10-14', [['late-talk']]],
    ]);
  });

  it('is empty without events', () => {
    assert.deepEqual(sponsorSchedule([{ name: 'Quiet', events: [] }], 'UTC'), []);
  });
});

describe('isPast', () => {
  it('marks events that ended before the build day, not those of the day itself', () => {
    assert.equal(isPast({ end: '2020-10-13T23:59:00Z' }, '2020-10-14'), true);
    assert.equal(isPast({ end: '2020-10-14T00:30:00Z' }, '2020-10-14'), false);
    assert.equal(isPast({ end: '2020-10-15T10:00:00Z' }, '2020-10-14'), false);
  });
});
