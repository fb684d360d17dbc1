/**
 * The roles board in a browser with JavaScript off: every facet page lists exactly the
 * roles the content files say it should, the CSS-only filter narrows the visible rows,
 * closed roles leave the lists but keep a page with a banner, open role pages carry valid
 * JobPosting data, and the feeds and the sitemap hold what they should.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jobPostingProblems } from '../src/lib/jsonld.ts';
import { builtPages, dist } from './built-pages.ts';
import { expectedRoles } from './roles-oracle.ts';
import { visit } from './site.ts';

/** The build's "today", as the board states it. */
const today = /<time datetime="(\d{4}-\d{2}-\d{2})"/.exec(readFileSync(join(dist, 'roles', 'index.html'), 'utf8'))![1]!;
const roles = expectedRoles(today);
const listed = roles.filter((r) => r.state !== 'closed');
const facetPages = builtPages()
  .map((p) => p.path)
  .filter((p) => /^\/roles\/(kind|level|area|country|location|workplace|season|sponsor)\/[^/]+\/$/.test(p));

/** Role page paths of the rows in a page's roles table, in order. */
async function rowPaths(page: Page, visibleOnly = false): Promise<string[]> {
  const rows = page.locator(`table tbody tr${visibleOnly ? ':visible' : ''} th a`);
  return (await rows.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).map(String);
}

const pathsOf = (list: { path: string }[]) => list.map((r) => r.path).sort();

test('the demo build has a page for every facet value its roles use', () => {
  expect(facetPages.length).toBeGreaterThan(40);
  const used = new Set(listed.flatMap((r) => r.facetPages.map((f) => `/roles/${f}/`)));
  expect([...used].filter((p) => !facetPages.includes(p))).toEqual([]);
});

for (const path of facetPages) {
  test(`${path} lists exactly its open and upcoming roles`, async ({ page }) => {
    const { expectClean } = await visit(page, path);
    const key = path.slice('/roles/'.length, -1);
    const expected = listed.filter((r) => r.facetPages.includes(key));
    if (expected.length === 0) {
      await expect(page.getByText('No open or upcoming roles right now')).toBeVisible();
      await expect(page.locator('table')).toHaveCount(0);
    } else {
      expect((await rowPaths(page)).sort()).toEqual(pathsOf(expected));
      await expect(page.getByText(`${expected.length === 1 ? '1 open or upcoming role' : `${expected.length} open or upcoming roles`}`)).toBeVisible();
    }
    expectClean();
  });
}

test.describe('the combined filter on the board, in CSS only', () => {
  const withPages = (...keys: string[][]) => listed.filter((r) => keys.every((anyOf) => anyOf.some((k) => r.facetPages.includes(k))));

  async function tick(page: Page, group: string, value: string) {
    const details = page.locator('details', { has: page.locator('summary', { hasText: group }) });
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
    await details.getByLabel(value, { exact: true }).check();
  }

  test('narrows the visible rows when two facets are ticked, and Clear filters restores them', async ({ page }) => {
    await visit(page, '/roles/');
    const all = await rowPaths(page, true);
    expect(all.sort()).toEqual(pathsOf(listed));
    const status = page.locator('.rf-status');
    await expect(status).toBeHidden();

    await tick(page, 'Kind of role', 'Internship');
    const internships = withPages(['kind/internship']);
    expect((await rowPaths(page, true)).sort()).toEqual(pathsOf(internships));
    expect(internships.length).toBeLessThan(listed.length);

    await tick(page, 'Level', 'PhD student');
    const phdInternships = withPages(['kind/internship'], ['level/phd-student']);
    expect((await rowPaths(page, true)).sort()).toEqual(pathsOf(phdInternships));
    expect(phdInternships.length).toBeLessThan(internships.length);
    await expect(status).toBeVisible();
    await expect(status).toContainText(`of ${listed.length} roles match the ticked filters`);
    await page.screenshot({ path: test.info().outputPath('board-filter-internship-phd.png'), fullPage: true });

    // Within one facet, ticked values are alternatives.
    await tick(page, 'Level', "Master's student");
    expect((await rowPaths(page, true)).sort()).toEqual(pathsOf(withPages(['kind/internship'], ['level/phd-student', 'level/master-student'])));

    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect((await rowPaths(page, true)).sort()).toEqual(pathsOf(listed));
    await expect(status).toBeHidden();
  });

  test('links each value to its shareable page with its count', async ({ page }) => {
    await visit(page, '/roles/');
    await page.locator('summary', { hasText: 'Kind of role' }).click();
    const count = listed.filter((r) => r.facetPages.includes('kind/internship')).length;
    const link = page.getByRole('link', { name: `${count} roles: Internships` });
    await expect(link).toHaveAttribute('href', '/roles/kind/internship/');
  });
});

test.describe('status and expiry', () => {
  const closed = roles.filter((r) => r.state === 'closed');

  test('the demo content has a closed role and an upcoming one', () => {
    expect(closed.length).toBeGreaterThan(0);
    expect(roles.some((r) => r.state === 'upcoming')).toBe(true);
  });

  test('closed roles are absent from the board and keep a page with a banner, no apply link and no JSON-LD', async ({ page }) => {
    await visit(page, '/roles/');
    const board = await rowPaths(page);
    for (const role of closed) {
      expect(board).not.toContain(role.path);
      await visit(page, role.path);
      await expect(page.getByRole('note', { name: 'Status' })).toContainText(/This role (is closed|has been filled)/);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(role.title);
      await expect(page.getByRole('link', { name: /^Apply/ })).toHaveCount(0);
      await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    }
  });

  test('upcoming roles show as upcoming on the board and on their page, without JSON-LD', async ({ page }) => {
    for (const role of roles.filter((r) => r.state === 'upcoming')) {
      await visit(page, '/roles/');
      await expect(page.locator(`tbody tr:has(th a[href="${role.path}"])`)).toContainText('Upcoming');
      await visit(page, role.path);
      await expect(page.getByRole('note', { name: 'Status' })).toContainText('not open yet');
      await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
    }
  });

  test('every open role page carries one valid JobPosting', async ({ page }) => {
    for (const role of roles.filter((r) => r.state === 'open')) {
      await visit(page, role.path);
      const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
      expect(blocks, role.path).toHaveLength(1);
      const ld = JSON.parse(blocks[0]!) as Record<string, unknown>;
      expect(jobPostingProblems(ld), role.path).toEqual([]);
      expect(ld['title']).toBe(role.title);
      expect(new URL(String(ld['url'])).pathname).toBe(role.path);
      await expect(page.getByRole('link', { name: /^Apply/ }).first()).toBeVisible();
    }
  });
});

test.describe('feeds and sitemap', () => {
  const open = roles.filter((r) => r.state === 'open');

  test('roles.json is a JSON Feed of exactly the open roles', async ({ request }) => {
    const response = await request.get('/roles.json');
    expect(response.status()).toBe(200);
    const feed = (await response.json()) as { version: string; title: string; items: { id: string; url: string; _boothkit: { status: string } }[] };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBeTruthy();
    expect(feed.items.map((i) => new URL(i.url).pathname).sort()).toEqual(pathsOf(open));
    expect(new Set(feed.items.map((i) => i._boothkit.status))).toEqual(new Set(['open']));
  });

  test('roles.xml is an Atom feed a browser parses without error', async ({ page, request }) => {
    const response = await page.goto('/roles.xml');
    expect(response?.status()).toBe(200);
    await expect(page.locator('parsererror')).toHaveCount(0);
    const xml = await (await request.get('/roles.xml')).text();
    const entries = [...xml.matchAll(/<entry>\s*<id>([^<]+)<\/id>/g)].map((m) => new URL(m[1]!).pathname);
    expect(entries.sort()).toEqual(pathsOf(open));
  });

  test('the sitemap lists the board, open role pages and filled facet pages, and nothing noindex', async ({ request }) => {
    const xml = await (await request.get('/sitemap.xml')).text();
    const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(paths).toContain('/roles/');
    for (const role of listed) expect(paths).toContain(role.path);
    for (const role of roles.filter((r) => r.state === 'closed')) expect(paths).not.toContain(role.path);
    const used = new Set(listed.flatMap((r) => r.facetPages.map((f) => `/roles/${f}/`)));
    for (const path of facetPages) expect(paths.includes(path), path).toBe(used.has(path));
    expect(paths).not.toContain('/404.html');
    expect(paths.filter((p) => p === '/spotify/')).toEqual([]);
  });
});
