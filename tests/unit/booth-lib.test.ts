/** Pure helpers behind booth content: link unwrapping, offers by date, A/B runs, times, groups. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { eventRuns, eventTimes, publicationGroups, visibleOffers } from '../../src/lib/booth.ts';
import { allowedComponents } from '../../src/lib/mdx-guard/components.ts';
import { resourceFileTypes } from '../../src/schemas/booth.ts';
import { audioFileTypes, videoFileTypes } from '../../src/schemas/media.ts';
import { cleanUrl, isJobBoardHost, onHost, trackingParams, unwrapRedirect, urlProblem, wrapperProblem } from '../../src/core/urls.ts';
import { projectRoot } from '../support/project.ts';

describe('redirect wrappers and tracking parameters', () => {
  it('unwraps Proofpoint v2 and v3, safelinks, Google and nested wrappers', () => {
    assert.deepEqual(unwrapRedirect('https://urldefense.proofpoint.com/v2/url?u=https-3A__www.spotifyjobs.com_job_research-2Dlead_&d=DwMF&c=x'), {
      wrapper: 'Proofpoint urldefense',
      target: 'https://www.spotifyjobs.com/job/research-lead/',
    });
    // v3: each "*" stands for the next character of the base64 block after "__;".
    assert.equal(unwrapRedirect('https://urldefense.com/v3/__https://example.com/a*b__;Pw!!token$')?.target, 'https://example.com/a?b');
    assert.equal(unwrapRedirect('https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.com%2Fjobs&data=x')?.target, 'https://example.com/jobs');
    assert.equal(unwrapRedirect('https://www.google.com/url?q=https://example.com/x&sa=D')?.target, 'https://example.com/x');
    const nested = `https://nam02.safelinks.protection.outlook.com/?url=${encodeURIComponent('https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2Fdeep')}`;
    assert.deepEqual(unwrapRedirect(nested), { wrapper: 'Outlook safelinks', target: 'https://example.com/deep' });
    assert.equal(unwrapRedirect('https://example.com/?url=https://other.example'), undefined);
  });

  it('finds tracking parameters, host-specific ones only on their host', () => {
    assert.deepEqual(trackingParams('https://example.com/?utm_source=x&id=3&gclid=y'), ['utm_source', 'gclid']);
    assert.deepEqual(trackingParams('https://x.com/lumen/status/1?s=20&t=abc'), ['s', 't']);
    assert.deepEqual(trackingParams('https://example.com/search?s=20&t=abc'), []);
    assert.equal(cleanUrl('https://example.com/p?utm_medium=email&id=3#top'), 'https://example.com/p?id=3#top');
  });

  it('says what is wrong and names the clean address', () => {
    assert.equal(urlProblem('https://example.com/jobs'), undefined);
    assert.equal(urlProblem('https://example.com/jobs?utm_campaign=ismir'), 'carries tracking parameters (utm_campaign); use "https://example.com/jobs"');
  });

  it('keeps the tracking parameters inside a wrapper when asked (apply links)', () => {
    const wrapped = `https://l.instagram.com/?u=${encodeURIComponent('https://jobs.example/1?utm_source=ismir')}`;
    assert.equal(wrapperProblem(wrapped), 'is wrapped in an Instagram (l.instagram.com) redirect, which expires and tracks clicks; use the address inside: "https://jobs.example/1"');
    assert.match(wrapperProblem(wrapped, true)!, /use the address inside: "https:\/\/jobs\.example\/1\?utm_source=ismir"$/);
    assert.equal(wrapperProblem('https://jobs.example/1?utm_source=ismir'), undefined);
  });
});

describe('hosts', () => {
  it('a host is on a domain when it is the domain or a subdomain of it', () => {
    assert.ok(onHost('www.linkedin.com', 'linkedin.com'));
    assert.ok(onHost('linkedin.com', 'linkedin.com'));
    assert.ok(!onHost('notlinkedin.com', 'linkedin.com'));
  });

  it('knows job boards and applicant tracking systems', () => {
    for (const host of ['boards.greenhouse.io', 'jobs.lever.co', 'acme.wd5.myworkdayjobs.com', 'careers-acme.icims.com', 'www.linkedin.com', 'acme.teamtailor.com']) assert.ok(isJobBoardHost(host), host);
    for (const host of ['research.atspotify.com', 'www.spotifyjobs.com', 'notlever.co']) assert.ok(!isJobBoardHost(host), host);
  });
});

describe('booth helpers', () => {
  it('hides offers after their last day, keeps those without one', () => {
    const offers = [{ id: 'a', validUntil: '2020-10-31' }, { id: 'b', validUntil: '2026-01-01' }, { id: 'c' }];
    assert.deepEqual(visibleOffers(offers, '2026-01-01').map((o) => o.id), ['b', 'c']);
    assert.deepEqual(visibleOffers(offers, '2026-01-02').map((o) => o.id), ['c']);
  });

  it('orders events by time and links A/B repeats both ways', () => {
    const runs = eventRuns([
      { id: 'b', start: '2020-10-14T01:00:00Z', repeatOf: 'a' },
      { id: 'a', start: '2020-10-13T13:00:00Z' },
    ]);
    assert.deepEqual(runs.map((r) => [r.event.id, r.repeats.map((x) => x.id), r.original?.id]), [
      ['a', ['b'], undefined],
      ['b', [], 'a'],
    ]);
  });

  it('shows times in UTC and the conference zone, the end day only when it changes', () => {
    assert.deepEqual(eventTimes('2020-10-14T03:30:00Z', '2020-10-14T04:30:00Z', 'America/Toronto'), {
      startIso: '2020-10-14T03:30:00Z',
      endIso: '2020-10-14T04:30:00Z',
      utc: { start: 'Wed 14 Oct 2020, 03:30', end: '04:30 UTC' },
      local: { start: 'Tue 13 Oct, 23:30', end: 'Wed 14 Oct, 00:30 EDT (Toronto)' },
    });
  });

  it('groups papers: this conference first, then other venues, newest first; own groups kept', () => {
    const paper = (title: string, year: number, thisConference: boolean, group?: string) => ({ title, venue: { year, thisConference }, ...(group ? { group } : {}) });
    const groups = publicationGroups([paper('old', 2018, false), paper('here', 2020, true), paper('new', 2020, false), paper('journal', 2019, false, 'Journal articles')], 'ISMIR 2020');
    assert.deepEqual(groups.map((g) => [g.heading, g.items.map((p) => p.title)]), [
      ['Our papers at ISMIR 2020', ['here']],
      ['Other venues', ['new', 'old']],
      ['Journal articles', ['journal']],
    ]);
  });
});

describe('MDX components', () => {
  it('the booth page passes exactly the components the guard allows', () => {
    const source = readFileSync(join(projectRoot, 'src/components/mdx/index.ts'), 'utf8');
    const names = [...source.matchAll(/export const (?:sectionComponents|mdxComponents) = \{([^}]*)\}/g)].flatMap((m) =>
      m[1]!.split(',').map((s) => s.trim().split(':')[0]!.trim()).filter((s) => s && !s.startsWith('...')),
    );
    assert.deepEqual(names.sort(), Object.keys(allowedComponents).sort());
  });

  it('the booth page can load every kind of local file the schemas accept', () => {
    const source = readFileSync(join(projectRoot, 'src/components/booth/view.ts'), 'utf8');
    const globbed = /const files = import\.meta\.glob<string>\('[^']*\{([^}]*)\}'/.exec(source)![1]!.split(',');
    for (const type of [...videoFileTypes, ...audioFileTypes, 'vtt', ...resourceFileTypes]) assert.ok(globbed.includes(type), `.${type} files are not in the glob of src/components/booth/view.ts`);
  });
});
