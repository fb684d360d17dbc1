/**
 * The roles of the demo build against what the content files say (roles-oracle.ts works it
 * out from the YAML, independently of the site's code): every filter page lists exactly its
 * open and upcoming roles, closed roles leave every list but keep a page, open roles carry a
 * valid JobPosting, and the feeds and the sitemap hold what they should. Over every page of
 * the build, in Node: milliseconds a page.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import sax from 'sax';
import { sitemapLocations } from '../../scripts/lib/built/read-sitemap.ts';
import { jobPostingProblems } from '../../src/lib/jsonld.ts';
import { all, fileOf, one, page, pagePaths, rowPaths, text } from './dist.ts';
import { expectedRoles } from './roles-oracle.ts';
import { pageKind } from '../../src/lib/routes.ts';

/** The build's "today", as the board states it. */
const today = one('time[datetime]', page('/roles/'))!.attribs['datetime']!;
const roles = expectedRoles(today);
const listed = roles.filter((r) => r.state !== 'closed');
const facetPages = pagePaths().filter((p) => pageKind(p).kind === 'filter' && pageKind(p).page === 1);
const pathsOf = (list: { path: string }[]) => list.map((r) => r.path).sort();
const boardRows = rowPaths(page('/roles/'));

describe('filter pages', () => {
  it('exist for every filter value the roles use', () => {
    assert.ok(facetPages.length > 40, `${facetPages.length} filter pages`);
    // The demo uses every decision facet: remote from a country, a region and a time-zone band; visa; salary.
    for (const used of ['remote/united-kingdom', 'remote/europe', 'remote/european-time-zones', 'visa/yes', 'visa/no', 'visa/case-by-case', 'salary/published']) {
      assert.ok(listed.some((r) => r.facetPages.includes(used)), used);
    }
    const used = new Set(listed.flatMap((r) => r.facetPages.map((f) => `/roles/${f}/`)));
    assert.deepEqual([...used].filter((p) => !facetPages.includes(p)), []);
  });

  it('each list exactly its open and upcoming roles, and say how many', () => {
    const wrong: string[] = [];
    for (const path of facetPages) {
      const doc = page(path);
      const key = path.slice('/roles/'.length, -1);
      const expected = listed.filter((r) => r.facetPages.includes(key));
      const body = text(one('main', doc));
      if (expected.length === 0) {
        if (!body.includes('No open or upcoming roles right now') || one('table', doc)) wrong.push(`${path}: should say it has no roles`);
        continue;
      }
      const rows = rowPaths(doc).sort();
      if (JSON.stringify(rows) !== JSON.stringify(pathsOf(expected))) wrong.push(`${path}: lists ${rows.join(', ')}; expected ${pathsOf(expected).join(', ')}`);
      const count = expected.length === 1 ? '1 open or upcoming role' : `${expected.length} open or upcoming roles`;
      if (!body.includes(count)) wrong.push(`${path}: does not say "${count}"`);
    }
    assert.deepEqual(wrong, []);
  });
});

describe('status and expiry', () => {
  const closed = roles.filter((r) => r.state === 'closed');
  const upcoming = roles.filter((r) => r.state === 'upcoming');

  it('the demo content has a closed role and an upcoming one', () => {
    assert.ok(closed.length > 0);
    assert.ok(upcoming.length > 0);
  });

  it('the board lists the open and upcoming roles, and no closed one', () => {
    assert.deepEqual([...boardRows].sort(), pathsOf(listed));
  });

  it('closed roles keep a page with a banner, no apply link, no JSON-LD, and noindex', () => {
    for (const role of closed) {
      const doc = page(role.path);
      assert.match(text(one('[role="note"][aria-label="Status"]', doc)), /This role (is closed|has been filled)/, role.path);
      assert.ok(text(one('h1', doc)).includes(role.title), role.path);
      assert.deepEqual(all('a', doc).filter((a) => /^Apply/.test(text(a))).length, 0, role.path);
      assert.equal(all('script[type="application/ld+json"]', doc).length, 0, role.path);
      assert.equal(one('meta[name="robots"]', doc)?.attribs['content'], 'noindex', role.path);
    }
  });

  it('upcoming roles show as upcoming on the board and on their page, without JSON-LD', () => {
    const board = page('/roles/');
    for (const role of upcoming) {
      const row = all('tbody tr', board).find((tr) => one(`th a[href="${role.path}"]`, tr));
      assert.ok(row && text(row).includes('Upcoming'), role.path);
      const doc = page(role.path);
      assert.match(text(one('[role="note"][aria-label="Status"]', doc)), /not open yet/, role.path);
      assert.equal(all('script[type="application/ld+json"]', doc).length, 0, role.path);
    }
  });

  it('every open role page carries one valid JobPosting about itself, and apply links', () => {
    for (const role of roles.filter((r) => r.state === 'open')) {
      const doc = page(role.path);
      const blocks = all('script[type="application/ld+json"]', doc).map((s) => JSON.parse(text(s)) as Record<string, unknown>);
      assert.equal(blocks.length, 1, role.path);
      assert.deepEqual(jobPostingProblems(blocks[0]!), [], role.path);
      assert.equal(blocks[0]!['title'], role.title);
      assert.equal(new URL(String(blocks[0]!['url'])).pathname, role.path);
      assert.ok(all('a', doc).some((a) => /^Apply/.test(text(a))), `${role.path} has an apply link`);
    }
  });
});

describe('feeds and sitemap', () => {
  const open = roles.filter((r) => r.state === 'open');

  it('roles.json is a JSON Feed of exactly the open roles', () => {
    const feed = JSON.parse(readFileSync(fileOf('/roles.json'), 'utf8')) as { version: string; title: string; items: { url: string; _boothkit: { status: string } }[] };
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.ok(feed.title);
    assert.deepEqual(feed.items.map((i) => new URL(i.url).pathname).sort(), pathsOf(open));
    assert.deepEqual(new Set(feed.items.map((i) => i._boothkit.status)), new Set(['open']));
  });

  it('roles.xml is well-formed Atom with an entry per open role', () => {
    const ids: string[] = [];
    const parser = sax.parser(true);
    let inEntryId = false;
    const depth: string[] = [];
    parser.onopentag = (tag) => {
      depth.push(tag.name);
      inEntryId = depth.at(-2) === 'entry' && tag.name === 'id';
    };
    parser.onclosetag = () => {
      depth.pop();
      inEntryId = false;
    };
    parser.ontext = (value) => {
      if (inEntryId) ids.push(new URL(value).pathname);
    };
    parser.write(readFileSync(fileOf('/roles.xml'), 'utf8')).close();
    assert.equal(depth.length, 0);
    assert.deepEqual(ids.sort(), pathsOf(open));
  });

  it('the sitemap lists the board, listed role pages and filled filter pages, and nothing noindex', () => {
    const paths = sitemapLocations(readFileSync(fileOf('/sitemap.xml'), 'utf8')).map(({ loc }) => new URL(loc).pathname);
    assert.ok(paths.includes('/roles/'));
    for (const role of listed) assert.ok(paths.includes(role.path), role.path);
    for (const role of roles.filter((r) => r.state === 'closed')) assert.ok(!paths.includes(role.path), role.path);
    const used = new Set(listed.flatMap((r) => r.facetPages.map((f) => `/roles/${f}/`)));
    for (const path of facetPages) assert.equal(paths.includes(path), used.has(path), path);
    assert.ok(!paths.includes('/404.html'));
    assert.ok(!paths.includes('/spotify/'));
  });
});
