/**
 * The roles feeds: JSON Feed 1.1 with its required fields and our typed extension, Atom that
 * a strict XML parser accepts, open roles only, nothing private; and the sitemap files.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sax from 'sax';
import { descriptionHtml } from '../../src/lib/description.ts';
import { atomFeed, jsonFeed, roleFields, type FeedEntry, type FeedOptions } from '../../src/lib/feeds.ts';
import { routes } from '../../src/lib/routes.ts';
import { roleSummaryHtml } from '../../src/lib/jsonld.ts';
import type { Model } from '../../src/lib/model.ts';
import { isNoindex, sitemapFiles, urlsPerSitemap } from '../../src/lib/sitemap.ts';
import { fixtureModel } from '../support/roles-fixture.ts';

const site = 'https://sponsors.testconf.example';

/** The feed entries the site would publish: open roles only, as the feed endpoints do. */
function entries(model: Model): FeedEntry[] {
  return model.roles
    .filter((r) => r.state === 'open')
    .map((role) => ({ role, url: `${site}/roles/${role.id}/`, contentHtml: role.description ? descriptionHtml(role.description) : roleSummaryHtml(role) }));
}

const options: FeedOptions = {
  title: 'Open roles · TESTCONF 2027',
  description: 'Internships & jobs <from> the sponsors',
  homePageUrl: `${site}/roles/`,
  feedUrl: `${site}/roles.json`,
  nextUrl: `${site}/roles-2.json`,
  updated: '2027-02-01',
};

const model = fixtureModel('2027-02-01');
const feed = jsonFeed(entries(model), options);
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Problems with a JSON Feed 1.1 document, from the spec's required and typed fields. */
function jsonFeedProblems(doc: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (doc['version'] !== 'https://jsonfeed.org/version/1.1') problems.push('version');
  if (typeof doc['title'] !== 'string' || !doc['title']) problems.push('title');
  if (!Array.isArray(doc['items'])) return [...problems, 'items'];
  for (const key of ['home_page_url', 'feed_url', 'next_url']) if (doc[key] !== undefined && !URL.canParse(String(doc[key]))) problems.push(key);
  const ids = new Set<string>();
  (doc['items'] as Record<string, unknown>[]).forEach((item, i) => {
    if (typeof item['id'] !== 'string' || !item['id']) problems.push(`items[${i}].id`);
    if (ids.has(String(item['id']))) problems.push(`items[${i}].id is not unique`);
    ids.add(String(item['id']));
    if (typeof item['content_html'] !== 'string' && typeof item['content_text'] !== 'string') problems.push(`items[${i}] needs content_html or content_text`);
    for (const key of ['date_published', 'date_modified']) if (item[key] !== undefined && !rfc3339.test(String(item[key]))) problems.push(`items[${i}].${key}`);
    for (const key of Object.keys(item)) if (!key.startsWith('_') && !['id', 'url', 'external_url', 'title', 'content_html', 'content_text', 'summary', 'image', 'banner_image', 'date_published', 'date_modified', 'authors', 'tags', 'language', 'attachments'].includes(key)) problems.push(`items[${i}].${key} is not a JSON Feed field`);
  });
  return problems;
}

/** Parses XML strictly; throws on anything not well-formed. Returns the element names seen. */
function parseXml(xml: string): string[] {
  const parser = sax.parser(true, { xmlns: true });
  const names: string[] = [];
  parser.onerror = (error: Error) => {
    throw error;
  };
  parser.onopentag = (node: { name: string }) => {
    names.push(node.name);
  };
  parser.write(xml).close();
  return names;
}

describe('JSON Feed', () => {
  it('has every required field of JSON Feed 1.1', () => {
    assert.deepEqual(jsonFeedProblems(JSON.parse(JSON.stringify(feed))), []);
    assert.equal(feed.next_url, `${site}/roles-2.json`);
  });

  it('lists open roles only, newest first', () => {
    assert.deepEqual(feed.items.map((i) => i.id), [`${site}/roles/beta/remote-engineer/`, `${site}/roles/acme/phd-research-intern/`, `${site}/roles/acme/research-scientist/`]);
  });

  it('carries our typed fields in the _boothkit extension', () => {
    const item = feed.items.find((i) => i.id.endsWith('/acme/research-scientist/'))!;
    assert.equal(item.title, 'Research Scientist <Audio> & "Music" at Acme Audio');
    assert.equal(item.date_published, '2027-01-10T00:00:00Z');
    assert.deepEqual(item.tags, ['Search & Recommendations']);
    const ext = item._boothkit;
    assert.equal(ext.employmentType, 'full-time');
    assert.equal(ext.status, 'open');
    assert.deepEqual(ext.locations, [
      { id: 'new-york', label: 'New York', city: 'New York', region: 'NY', country: 'US', workplace: 'onsite', applyUrl: 'https://acme.example/jobs/2-nyc' },
      { id: 'berlin', label: 'Berlin', city: 'Berlin', country: 'DE', workplace: 'hybrid', applyUrl: 'https://acme.example/jobs/2-berlin' },
    ]);
    assert.deepEqual(ext.researchAreas, [{ id: 'search-recommendations', label: 'Search & Recommendations' }]);
    assert.deepEqual(ext.eligibility, { enrolledIn: [], educationRequired: 'phd', minYearsExperience: 3 });
    assert.deepEqual(ext.salary, { currency: 'EUR', min: 70000, max: 90000, per: 'year' });
    assert.equal(ext.identifier, 'R-1042');
    assert.equal(ext.visaSponsorship, 'yes');
    assert.equal(ext.relocation, 'yes');
    const remote = feed.items.find((i) => i.id.endsWith('/beta/remote-engineer/'))!._boothkit;
    assert.deepEqual(remote.locations.map((l) => [l.id, 'country' in l ? l.country : null, 'countries' in l ? l.countries : null, 'utcOffsets' in l ? l.utcOffsets : null]), [
      ['germany', 'DE', null, null],
      ['europe', null, ['DE', 'FR', 'NL'], null],
      ['americas-hours', null, null, { from: -8, to: -3 }],
    ]);
  });

  it('never publishes private or internal fields', () => {
    const text = JSON.stringify(feed) + atomFeed(entries(model), options);
    for (const secret of ['PRIVATE-NOTE-7731', 'pat.recruiter@acme.example', 'Pat Recruiter', 'roles/acme/research-scientist.yaml', 'sponsors/acme.mdx']) {
      assert.ok(!text.includes(secret), secret);
    }
    const fields = Object.keys(roleFields(model.roles.find((r) => r.id === 'acme/research-scientist')!)).sort();
    assert.deepEqual(fields, ['datePosted', 'eligibility', 'employmentType', 'id', 'identifier', 'locations', 'relocation', 'requirements', 'researchAreas', 'salary', 'seniority', 'sponsor', 'status', 'title', 'visaSponsorship']);
  });

  it('leaves a role out once it has expired, and takes it in the day before', () => {
    const before = jsonFeed(entries(fixtureModel('2027-01-31')), options).items.map((i) => i.id);
    assert.ok(before.includes(`${site}/roles/acme/expired-engineer/`));
    assert.ok(!feed.items.some((i) => i.id.includes('expired-engineer') || i.id.includes('filled') || i.id.includes('upcoming')));
  });

  it('pages by path', () => {
    assert.equal(routes.feed('json', 1), '/roles.json');
    assert.equal(routes.feed('xml', 3), '/roles-3.xml');
  });
});

describe('Atom feed', () => {
  const xml = atomFeed(entries(model), options);

  it('is well-formed XML, special characters included', () => {
    const names = parseXml(xml);
    assert.equal(names[0], 'feed');
    assert.equal(names.filter((n) => n === 'entry').length, 3);
    assert.match(xml, /<title>Research Scientist &lt;Audio&gt; &amp; &quot;Music&quot; at Acme Audio<\/title>/);
    // Control characters are not allowed in XML 1.0 and are dropped.
    assert.doesNotThrow(() => parseXml(atomFeed(entries(model), { ...options, title: 'bell\u0007 & <tag>' })));
  });

  it('has the elements Atom requires, in the Atom namespace', () => {
    assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    assert.match(xml, /<id>https:\/\/sponsors.testconf.example\/roles\/<\/id>/);
    assert.match(xml, /<updated>2027-02-01T00:00:00Z<\/updated>/);
    assert.match(xml, /<link rel="next" type="application\/atom\+xml" href="https:\/\/sponsors.testconf.example\/roles-2.json"\/>/);
    for (const entry of xml.split('<entry>').slice(1)) {
      for (const element of ['id', 'title', 'updated', 'author']) assert.match(entry, new RegExp(`<${element}>`), element);
    }
  });

  it('is rejected by the parser when broken, so the check can fail', () => {
    assert.throws(() => parseXml(xml.replace('</feed>', '')));
    assert.throws(() => parseXml('<feed><title>a & b</title></feed>'));
  });
});

describe('sitemap', () => {
  it('tells pages marked noindex', () => {
    assert.equal(isNoindex('<html><head><meta name="robots" content="noindex"></head><body></body></html>'), true);
    assert.equal(isNoindex('<html><head><meta content="noindex, follow" name="robots" /></head>'), true);
    assert.equal(isNoindex('<html><head><link rel="canonical" href="/x/"></head><body><meta name="robots" content="noindex"></body></html>'), false);
  });

  it('writes one well-formed file, or an index beyond 50,000 URLs', () => {
    const small = sitemapFiles([`${site}/roles/`, `${site}/a?b&c`], `${site}/`);
    assert.deepEqual([...small.keys()], ['sitemap.xml']);
    assert.deepEqual(parseXml(small.get('sitemap.xml')!), ['urlset', 'url', 'loc', 'url', 'loc']);
    const many = sitemapFiles(Array.from({ length: urlsPerSitemap + 1 }, (_, i) => `${site}/p/${i}/`), `${site}/base/`);
    assert.deepEqual([...many.keys()], ['sitemap-1.xml', 'sitemap-2.xml', 'sitemap.xml']);
    assert.match(many.get('sitemap.xml')!, /<sitemap><loc>https:\/\/sponsors.testconf.example\/base\/sitemap-2.xml<\/loc><\/sitemap>/);
  });
});
