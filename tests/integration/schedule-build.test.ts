/**
 * A real `astro build` of the demo with a second booth that has events (saved with a byte
 * order mark and Windows line ends, as a Windows editor writes it) and a Markdown resource:
 * the sponsor schedule (/events/, /events.ics) over the built HTML, and that both odd inputs build.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { projectCopy } from '../support/project.ts';

const buildDate = '2020-10-14';

/** Events added to Resonance Labs: one at the same time as Lumen's first poster, an A/B pair whose B is the next UTC day. */
const resonanceEvents = `events:
  - id: open-lab
    kind: demo
    title: Open lab tour
    start: 2020-10-13T13:00:00Z
    end: 2020-10-13T13:30:00Z
  - id: talk-a
    kind: talk
    title: Neural audio codecs for music
    session: 9A
    start: 2020-10-15T10:00:00-04:00
    end: 2020-10-15T10:30:00-04:00
  - id: talk-b
    kind: talk
    title: Neural audio codecs for music
    session: 9B
    start: 2020-10-16T02:00:00Z
    end: 2020-10-16T02:30:00Z
    repeatOf: talk-a
resources:
  - label: Reading list
    kind: page
    file: ./resonance-labs/reading-list.md
`;

/** The schedule's cards, each with its text and the event calendar files it links. */
function cards(html: string) {
  return html
    .split('<li class="card"')
    .slice(1)
    .map((card) => ({ html: card, calendars: [...card.matchAll(/href="(\/booths\/[^"]+\/events\/[^"]+\.ics)"/g)].map((m) => m[1]!) }));
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the sponsor schedule, built', () => {
  const copy = projectCopy();
  let build: { status: number | null; output: string };
  const read = (path: string) => readFileSync(copy.dist(path), 'utf8');

  before(() => {
    const resonance = copy.content('sponsors/resonance-labs.mdx');
    const source = readFileSync(resonance, 'utf8').replace(/^---\n/, '').replace('\n---\n', `\n${resonanceEvents}---\n`);
    writeFileSync(resonance, `\uFEFF---\n${source}`.replace(/\n/g, '\r\n'));
    writeFileSync(copy.content('sponsors/resonance-labs/reading-list.md'), '# Reading list\n\n- Neural audio codecs, a survey\n');
    // Bronze sponsors have no booth page, so their events are in no schedule either.
    const cadence = copy.content('sponsors/cadence-audio.mdx');
    writeFileSync(cadence, readFileSync(cadence, 'utf8').replace('\n---\n', '\nevents:\n  - { id: mixer, kind: social, title: Cadence mixer, start: "2020-10-14T20:00:00Z", end: "2020-10-14T21:00:00Z" }\n---\n'));
    build = copy.build({ BOOTHKIT_BUILD_DATE: buildDate });
  });
  after(() => copy.remove());

  it('builds', () => {
    assert.equal(build.status, 0, build.output.slice(-3000));
  });

  it('lists every booth event once, each linking its own calendar file', () => {
    const html = read('events/index.html');
    const linked = cards(html).flatMap((c) => c.calendars);
    const expected = ['poster-a', 'poster-b', 'demo-a', 'demo-b', 'office-hours', 'wimir-coffee'].map((id) => `/booths/lumen-audio/events/${id}.ics`).concat(['open-lab', 'talk-a', 'talk-b'].map((id) => `/booths/resonance-labs/events/${id}.ics`));
    assert.deepEqual([...linked].sort(), [...expected].sort());
    for (const path of linked) assert.ok(existsSync(copy.dist(path)), path);
    assert.doesNotMatch(html, /Cadence mixer/);
  });

  it('groups by conference day, in time order, then by booth', () => {
    const html = read('events/index.html');
    assert.deepEqual([...html.matchAll(/<h2 id="(day-[\d-]+)"[^>]*>([^<]+)<\/h2>/g)].map((m) => [m[1], m[2]]), [
      ['day-2020-10-13', 'Tuesday 13 October 2020'],
      ['day-2020-10-14', 'Wednesday 14 October 2020'],
      ['day-2020-10-15', 'Thursday 15 October 2020'],
      ['day-2020-10-16', 'Friday 16 October 2020'],
    ]);
    const order = cards(html).map((c) => c.calendars[0]!.replace(/^\/booths\/|\/events|\.ics$/g, ''));
    assert.deepEqual(order, ['lumen-audio/poster-a', 'resonance-labs/open-lab', 'lumen-audio/demo-a', 'resonance-labs/talk-a', 'lumen-audio/office-hours', 'lumen-audio/wimir-coffee']);
  });

  it('shows A/B repeats side by side in one entry, with session codes, in UTC and the conference zone', () => {
    const talk = cards(read('events/index.html')).find((c) => c.calendars.includes('/booths/resonance-labs/events/talk-a.ics'))!;
    assert.deepEqual(talk.calendars, ['/booths/resonance-labs/events/talk-a.ics', '/booths/resonance-labs/events/talk-b.ics']);
    const words = text(talk.html);
    assert.match(words, /Session 9A .*Thu 15 Oct 2020, 14:00 to 14:30 UTC Thu 15 Oct, 10:00 to 10:30 EDT \(Toronto\)/);
    // The B session is on Friday in UTC but Thursday evening in Toronto: it stays with its A.
    assert.match(words, /Session 9B .*Fri 16 Oct 2020, 02:00 to 02:30 UTC Thu 15 Oct, 22:00 to 22:30 EDT \(Toronto\)/);
    assert.match(talk.html, /<time datetime="2020-10-16T02:00:00Z"/);
    assert.match(talk.html, /href="\/booths\/resonance-labs\/#event-talk-a"/);
  });

  it('marks events that ended before the build date as past, and keeps them', () => {
    const past = cards(read('events/index.html')).filter((c) => /class="badge past"/.test(c.html));
    assert.deepEqual(past.map((c) => c.calendars[0]), ['/booths/lumen-audio/events/poster-a.ics', '/booths/resonance-labs/events/open-lab.ics']);
    assert.equal(read('events/index.html').match(/class="badge past"/g)?.length, 2, 'the B session of the first poster (14 Oct) is not past');
  });

  it('has no script, and is linked from the hall, the booths with events, and the sitemap', () => {
    const html = read('events/index.html');
    assert.doesNotMatch(html, /<script/i);
    assert.match(read('index.html'), /href="\/events\/"/);
    assert.match(read('booths/resonance-labs/index.html'), /<section[^>]*aria-labelledby="events"[\s\S]*href="\/events\/"/);
    assert.match(read('sitemap.xml'), /<loc>https:\/\/sponsors\.ismir2020\.net\/events\/<\/loc>/);
  });

  it('offers one calendar file with every event, with the UIDs of the booth files', () => {
    const all = read('events.ics');
    const uids = (ics: string) => [...ics.matchAll(/^UID:(.+)\r$/gm)].map((m) => m[1]!).sort();
    const booths = [...uids(read('booths/lumen-audio/events.ics')), ...uids(read('booths/resonance-labs/events.ics'))].sort();
    assert.equal(uids(all).length, 9);
    assert.deepEqual(uids(all), booths);
    assert.match(all, /^X-WR-CALNAME:Sponsor events at ISMIR 2020\r$/m);
    assert.match(read('events/index.html'), /href="\/events\.ics" download[^>]*>Add all 9 events to your calendar/);
  });

  it('builds a booth saved with a byte order mark, and its Markdown resource', () => {
    const booth = read('booths/resonance-labs/index.html');
    assert.match(booth, /<h1[^>]*>Resonance Labs<\/h1>/);
    const href = /<a href="([^"]+\.md)"[^>]*>Reading list/.exec(booth)?.[1];
    assert.ok(href, 'the booth links the reading list');
    assert.match(readFileSync(copy.dist(href), 'utf8'), /Neural audio codecs, a survey/);
  });
});
