/**
 * What the importer reads as typed data from booth text: event times (zones, years,
 * weekdays, A/B repeats), papers (the forms booths write them in), and job links. Each
 * case that cannot be read with confidence must come back as a problem, not a guess.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readEvents } from '../../scripts/lib/jekyll/events.ts';
import { readJobs } from '../../scripts/lib/jekyll/jobs.ts';
import { readList, readParagraph } from '../../scripts/lib/jekyll/markdown.ts';
import { readPaper } from '../../scripts/lib/jekyll/papers.ts';
import { newTierLabel } from '../../scripts/lib/jekyll/site/new-tiers.ts';
import { readWhen } from '../../scripts/lib/jekyll/times.ts';
import { tierHeading } from '../../src/lib/display-text.ts';
import { loadProject } from '../../scripts/lib/project.ts';
import { projectRoot } from '../support/project.ts';

const year = { value: 2020, from: 'edition: in src/content/conference.yaml' };

describe('event times', () => {
  const when = (text: string, zone?: string) => {
    const result = readWhen(text, { year, zone });
    return result && ('problem' in result ? result.problem : [result.when.start, result.when.end, result.when.rest]);
  };

  it('reads the forms booths write, keeping the offset written', () => {
    assert.deepEqual(when('8A Thursday Oct 15th @ 17:35-18:55 UTC'), ['2020-10-15T17:35:00Z', '2020-10-15T18:55:00Z', '8A']);
    assert.deepEqual(when('Session B: Thursday Oct 15th @ 2:30 UTC'), ['2020-10-15T02:30:00Z', undefined, 'Session B']);
    assert.deepEqual(when('Oct 14, 2:30pm EDT'), ['2020-10-14T14:30:00-04:00', undefined, '']);
    assert.deepEqual(when('Live demo: Tuesday 13 October, 2-3pm EDT'), ['2020-10-13T14:00:00-04:00', '2020-10-13T15:00:00-04:00', 'Live demo']);
    assert.deepEqual(when('15 October 2020, 14:00-15:00 (UTC+8)'), ['2020-10-15T14:00:00+08:00', '2020-10-15T15:00:00+08:00', '']);
    assert.deepEqual(when('Poster 3B: Thu, Oct. 15, 17:35 UTC – 18:55 UTC'), ['2020-10-15T17:35:00Z', '2020-10-15T18:55:00Z', 'Poster 3B']);
    assert.deepEqual(when('2020-10-13 14:00–15:00 GMT+05:30'), ['2020-10-13T14:00:00+05:30', '2020-10-13T15:00:00+05:30', '']);
    assert.deepEqual(when('Panel on practice tools: Oct 14 at 11:00-12:00 CEST'), ['2020-10-14T11:00:00+02:00', '2020-10-14T12:00:00+02:00', 'Panel on practice tools']);
    // An end before the start is on the next day; "ET" follows New York's daylight saving time.
    assert.deepEqual(when('Oct 15, 23:30-00:30 UTC'), ['2020-10-15T23:30:00Z', '2020-10-16T00:30:00Z', '']);
    assert.deepEqual(when('Dec 14, 11:00-12:00 ET'), ['2020-12-14T11:00:00-05:00', '2020-12-14T12:00:00-05:00', '']);
    assert.deepEqual(when('Oct 14, 11:00-12:00 ET'), ['2020-10-14T11:00:00-04:00', '2020-10-14T12:00:00-04:00', '']);
    // A zone stated for the whole section ("Schedule (all times EDT)").
    assert.deepEqual(when('Poster: Oct 15, 9:35 – 10:55', 'EDT'), ['2020-10-15T09:35:00-04:00', '2020-10-15T10:55:00-04:00', 'Poster']);
  });

  it('says why, instead of guessing, when a zone, a year or a weekday is wrong or missing', () => {
    assert.equal(when('Oct 15, 10:00-11:00 CST'), 'the zone "CST" can mean US Central (UTC-6) or China (UTC+8)');
    assert.equal(when('Oct 15, 10:00-11:00 XYZ'), 'the zone "XYZ" is not one the importer knows');
    assert.equal(when('Oct 15, 10:00-11:00'), 'no time zone: write it after the time (e.g. "14:30 UTC" or "2:30pm EDT")');
    assert.equal(when('Friday Oct 15th, 12:00-13:00 UTC'), 'Friday does not match 2020-10-15, a Thursday (the year 2020 comes from edition: in src/content/conference.yaml)');
    assert.deepEqual(readWhen('Oct 15, 10:00 UTC', { year: undefined }), { problem: "no year: the line gives none, and neither --year, the old site's _config.yml nor src/content/conference.yaml says one" });
    // No day and time together: not an event line at all.
    assert.equal(when('Apply by Oct 30'), undefined);
    assert.equal(when('Our reading group meets every Thursday at noon'), undefined);
  });

  it('notes an abbreviation at odds with daylight saving time, and types it as written', () => {
    const result = readWhen('Oct 14, 11:00-12:00 EST', { year });
    assert.ok(result && 'when' in result);
    assert.equal(result.when.start, '2020-10-14T11:00:00-05:00');
    assert.deepEqual(result.when.notes, ['EST (UTC-05:00) on 2020-10-14, when New York was on UTC-04:00: check which was meant']);
  });
});

describe('event lists', () => {
  const events = (block: string, heading: string, leadIn = '', eventMinutes?: number) =>
    readEvents(readList(block) ?? readParagraph(block)!, { heading, leadIn, year, eventMinutes, usedIds: new Set() });

  it('types A/B sessions as one event and its repeat, titled by the heading', () => {
    const result = events('1. 8A Thursday Oct 15th @ 17:35-18:55 UTC\n2. 8B Friday Oct 16th @ 6:05-7:25 UTC', 'Industry Poster');
    assert.deepEqual(result.events, [
      { id: 'industry-poster-8a', kind: 'industry-poster', title: 'Industry Poster', session: '8A', start: '2020-10-15T17:35:00Z', end: '2020-10-15T18:55:00Z' },
      { id: 'industry-poster-8b', kind: 'industry-poster', title: 'Industry Poster', session: '8B', start: '2020-10-16T06:05:00Z', end: '2020-10-16T07:25:00Z', repeatOf: 'industry-poster-8a' },
    ]);
  });

  it('ends start-only sessions by a length stated nearby or on the command line, and reports them otherwise', () => {
    const block = '1. Session A: Wednesday Oct 14th @ 14:30 UTC\n2. Session B: Thursday Oct 15th @ 2:30 UTC';
    const stated = events(block, 'Meetup with Industry Session', 'Each meetup session lasts 45 minutes.');
    assert.deepEqual(stated.events.map((e) => [e.id, e.kind, e.session, e.end, e.repeatOf]), [
      ['meetup-with-industry-session-a', 'meetup', 'A', '2020-10-14T15:15:00Z', undefined],
      ['meetup-with-industry-session-b', 'meetup', 'B', '2020-10-15T03:15:00Z', 'meetup-with-industry-session-a'],
    ]);
    assert.deepEqual(events(block, 'Meetup with Industry Session', '', 30).events.map((e) => e.end), ['2020-10-14T15:00:00Z', '2020-10-15T03:00:00Z']);
    const unstated = events(block, 'Meetup with Industry Session');
    assert.deepEqual(unstated.events, []);
    assert.deepEqual(unstated.unread.map((u) => u.problem), Array(2).fill('it gives a start but no end; pass --event-minutes N (their length) or write the end time'));
  });

  it('reads titled lines of a paragraph, and keeps lines that are not events apart', () => {
    const result = events('**Live demo:** Tuesday Oct 13th, 2-3pm EDT<br />\n**Office hours:** Oct 14, 14:00–15:30 UTC+8 [Join on Zoom](https://acme.zoom.us/j/1)<br />\n**Happy hour:** Oct 15, 18:00-19:00 XYZ', 'Meet us');
    assert.deepEqual(result.events.map((e) => [e.id, e.kind, e.title, e.start, e.link]), [
      ['live-demo', 'demo', 'Live demo', '2020-10-13T14:00:00-04:00', undefined],
      ['office-hours', 'office-hours', 'Office hours', '2020-10-14T14:00:00+08:00', 'https://acme.zoom.us/j/1'],
    ]);
    assert.deepEqual(result.unread.map((u) => u.entry.source), ['**Happy hour:** Oct 15, 18:00-19:00 XYZ']);
  });
});

describe('papers', () => {
  const conference = { name: 'ISMIR 2020', edition: 2020 };
  const papers = (block: string, heading = 'Research', leadIn = '') => readList(block)!.map((entry) => readPaper(entry, { conference, heading, leadIn }));

  it('reads "*Title*, from A, **B** and C" with its nested links, bold authors as the sponsor\'s and the award', () => {
    const [paper] = papers('* *Expressive Timing Transfer with Flow Models*, from **L. Tremblay**, S. Lindgren and **Y. Takeda** (Sonority Tokyo), that won a **Best Paper Award**!\n    * [Talk](https://video.example/ismir2019/t) & [paper](https://arxiv.org/abs/1907.05512)', 'Research', 'Last year, we (co-)authored 2 papers at ISMIR:');
    assert.deepEqual(paper, {
      paper: {
        title: 'Expressive Timing Transfer with Flow Models',
        authors: [{ name: 'L. Tremblay', affiliated: true }, 'S. Lindgren', { name: 'Y. Takeda', affiliated: true }],
        venue: { name: 'ISMIR', year: 2019 },
        award: 'Best Paper Award',
        links: [
          { kind: 'talk', url: 'https://video.example/ismir2019/t' },
          { kind: 'paper', url: 'https://arxiv.org/abs/1907.05512' },
        ],
      },
      notes: [],
    });
  });

  it('takes the venue from the item, the links, the heading or the sentence before, else an arXiv id, else reports it', () => {
    const venue = (block: string, heading = 'Research', leadIn = '') => papers(block, heading, leadIn).map((r) => (r && 'paper' in r ? r.paper.venue : r));
    assert.deepEqual(venue('- [Section Leaders and the Timing of Orchestral Entries](https://example.org/p) - Ravi Kumar & Jane Doe, ICASSP 2020'), [{ name: 'ICASSP', year: 2020 }]);
    assert.deepEqual(venue('- *Score Following with Sparse Attention*, from K. Aoyama\n  - [Paper, poster & talk](https://program.ismir2020.example/poster_4-16.html)'), [{ name: 'ISMIR', year: 2020, thisConference: true }]);
    assert.deepEqual(venue('- *Score Following with Sparse Attention*, from K. Aoyama', 'Our Papers At ISMIR 2020'), [{ name: 'ISMIR', year: 2020, thisConference: true }]);
    assert.deepEqual(venue('- *Score Following with Sparse Attention*, from K. Aoyama', 'Research', 'This year, we have 2 papers at ISMIR:'), [{ name: 'ISMIR', year: 2020, thisConference: true }]);
    assert.deepEqual(venue('- *Listening Ahead: Anticipatory Beat Tracking*, from K. Aoyama\n  - [Paper](https://arxiv.org/abs/2009.04417)'), [{ name: 'arXiv', year: 2020 }]);
    assert.deepEqual(venue('- *Robust Stem Separation Under Stage Noise*, from A. Moreau and K. Aoyama'), [
      { problem: 'no venue or year in the item, its links, its heading or the sentence before the list', title: 'Robust Stem Separation Under Stage Noise' },
    ]);
    // Not a paper: no title in italics, quotes or a long link, or no list of names.
    assert.deepEqual(venue('- *Flow Machines*, from Sony\n- Our reading group meets every Thursday'), [undefined, undefined]);
  });
});

describe('job links', () => {
  const project = loadProject(projectRoot);
  const jobs = (block: string, heading = 'Hiring') =>
    readJobs(readList(block)!, { project, heading, sponsor: { name: 'Acme', link: 'https://acme.example/careers' }, posted: '2020-10-05', usedIds: new Set() });

  it('become draft role files with title, place, term and apply link from the link, and say what is missing', () => {
    const result = jobs(
      [
        '- [Research Intern, Audio ML (Summer 2021) – London](https://jobs.acme.example/101)',
        '- [Machine Learning Engineer – Remote (Germany)](https://jobs.acme.example/103)',
        '- [Data Scientist, Shanghai](https://jobs.acme.example/104)',
        '- Postdoc in source separation: [apply](https://jobs.acme.example/105)',
        '- [All open positions](https://jobs.acme.example/)',
      ].join('\n'),
    );
    assert.equal(result.careersUrl, 'https://jobs.acme.example/');
    assert.deepEqual(result.roles.map((r) => [r.id, r.title, r.applyUrl, r.missing]), [
      ['research-intern-audio-ml', 'Research Intern, Audio ML', 'https://jobs.acme.example/101', ['requirements']],
      ['machine-learning-engineer', 'Machine Learning Engineer', 'https://jobs.acme.example/103', ['its kind (written as full-time)', 'requirements']],
      ['data-scientist', 'Data Scientist', 'https://jobs.acme.example/104', ['its kind (written as full-time)', 'the place "Shanghai" (not in src/content/locations.yaml)', 'research areas', 'requirements']],
      ['postdoc-in-source-separation', 'Postdoc in source separation', 'https://jobs.acme.example/105', ['its places', 'requirements']],
    ]);
    const [intern, remote] = result.roles.map((r) => r.content);
    assert.match(intern!, /^draft: true$/m);
    assert.match(intern!, /\nterm: \{ season: summer, year: 2021 \}\n[\s\S]*\n {2}- location: london\n {4}applyUrl: https:\/\/jobs\.acme\.example\/101\n[\s\S]*\n {2}- machine-learning\n/);
    assert.match(remote!, /\n {2}- location: germany\n {4}workplace: remote\n/);
  });
});

describe('tiers the kit lacks', () => {
  it('are labelled as the old page words them, less the words that frame them', () => {
    const label = (text: string) => newTierLabel(text, 'ISMIR', undefined);
    assert.equal(label('Gold Partners'), 'Gold');
    assert.equal(label('Our Startup Sponsors'), 'Startup');
    assert.equal(label('ISMIR 2026 Keynote Sponsor'), 'Keynote');
    assert.equal(label('Supporters'), 'Supporter');
    assert.equal(label('Technically Co-Sponsored by IEEE Computer Society'), 'Technically Co-Sponsored by IEEE Computer Society');
    assert.equal(label('Bronze Partner & Best Paper Awards Sponsor'), 'Bronze Partner & Best Paper Award');
  });

  it('get a hall heading that says "sponsors" once', () => {
    assert.equal(tierHeading('Gold'), 'Gold sponsors');
    assert.equal(tierHeading('Technically Co-Sponsored by IEEE Computer Society'), 'Technically Co-Sponsored by IEEE Computer Society');
    assert.equal(tierHeading('Bronze Partner & Best Paper Award'), 'Bronze Partner & Best Paper Award');
  });
});
