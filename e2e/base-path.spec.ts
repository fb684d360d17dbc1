/**
 * The demo built for a GitHub Pages project site (BOOTHKIT_BASE=/ISMIR2020/) and served only
 * under that path, as GitHub Pages serves it (anything outside the base is a 404). Every
 * link, image, stylesheet, icon, redirect and machine-readable URL must carry the base, and
 * a visitor without JavaScript must be able to walk the site from the hall.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { parse } from 'yaml';
import { serveStatic } from '../scripts/lib/static-server.ts';
import { projectCopy } from '../tests/unit/project-copy.ts';

const base = '/ISMIR2020/';
let project: ReturnType<typeof projectCopy>;
let server: Server;
let origin = '';
/** Where the conference publishes the site (conference.yaml `site`), e.g. https://sponsors.ismir2020.net */
let site = '';

// One build and one server for the whole file.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, info) => {
  info.setTimeout(300_000);
  project = projectCopy();
  site = new URL(String(parse(readFileSync(project.content('conference.yaml'), 'utf8')).site)).origin;
  // Its own cache folder: the copy links node_modules, and Astro keeps its content store in
  // node_modules/.astro, which other builds running at the same time would overwrite.
  writeFileSync(join(project.root, 'base-path.config.mjs'), "import config from './astro.config.mjs';\nexport default { ...config, cacheDir: './.cache/' };\n");
  const astro = join(project.root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BOOTHKIT_BASE: base, BOOTHKIT_BUILD_DATE: '2020-10-12' };
  const build = spawnSync(process.execPath, [astro, 'build', '--config', 'base-path.config.mjs'], { cwd: project.root, encoding: 'utf8', env });
  expect(build.status, build.stdout + build.stderr).toBe(0);
  ({ server, origin } = await serveStatic(project.dist(), base));
});

test.afterAll(() => {
  server?.close();
  project?.remove();
});

/** Every URL a page points at: links, sources, srcset candidates, form actions, a meta refresh target. */
function references(html: string): string[] {
  const refs: string[] = [];
  for (const [, name, value] of html.matchAll(/\s(href|src|srcset|action|poster|content)="([^"]*)"/g)) {
    const text = value!.replaceAll('&amp;', '&');
    if (name === 'srcset') refs.push(...text.split(',').map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean));
    else if (name === 'content') {
      const target = /^\d+;\s*url=(.+)$/i.exec(text)?.[1];
      if (target) refs.push(target);
    } else refs.push(text);
  }
  return refs;
}

test('every page links only inside the base, and every link, asset and redirect resolves', async ({ request }) => {
  // 404.html is served for a missing page at any depth, so its links cannot be relative.
  const queue = [base, `${base}404.html`];
  const from = new Map<string, string>(queue.map((path) => [path, '(start)']));
  const problems: string[] = [];
  let pages = 0;
  while (queue.length > 0) {
    const path = queue.shift()!;
    const response = await request.get(origin + path, { maxRedirects: 0 });
    if (response.status() !== 200) {
      problems.push(`${path} (linked from ${from.get(path)}): HTTP ${response.status()}`);
      continue;
    }
    if (!response.headers()['content-type']?.includes('text/html')) continue;
    pages++;
    for (const ref of references(await response.text())) {
      if (/^(mailto|tel|data):/i.test(ref) || ref.startsWith('#')) continue;
      const url = new URL(ref, site + path);
      if (url.origin !== site) continue; // another website
      if (ref.startsWith('/') && !ref.startsWith(base)) problems.push(`${path}: "${ref}" does not start with ${base}`);
      else if (/^https?:/i.test(ref) && !url.pathname.startsWith(base)) problems.push(`${path}: "${ref}" leaves ${site}${base}`);
      const target = url.pathname;
      if (!from.has(target)) {
        from.set(target, path);
        queue.push(target);
      }
    }
  }
  expect(problems).toEqual([]);
  expect(pages, 'pages reached from the hall').toBeGreaterThan(20);
});

test('outside the base there is nothing: the site does not lean on the domain root', async ({ request }) => {
  for (const path of ['/', '/roles/', '/booths/spotify/', '/favicon.svg']) {
    expect((await request.get(origin + path)).status(), path).toBe(404);
  }
});

test('sitemap, feeds and structured data give absolute URLs under the base', async ({ request }) => {
  const prefix = `${site}${base}`;
  const sitemap = await (await request.get(`${origin}${base}sitemap.xml`)).text();
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  expect(locs.length).toBeGreaterThan(10);
  expect(locs.filter((loc) => !loc.startsWith(prefix))).toEqual([]);

  const robots = await (await request.get(`${origin}${base}robots.txt`)).text();
  expect(robots).toContain(`Sitemap: ${prefix}sitemap.xml`);

  const feed = (await (await request.get(`${origin}${base}roles.json`)).json()) as { home_page_url: string; feed_url: string; items: { url: string }[] };
  expect(feed.home_page_url.startsWith(prefix)).toBe(true);
  expect(feed.feed_url.startsWith(prefix)).toBe(true);
  expect(feed.items.filter((item) => !item.url.startsWith(prefix))).toEqual([]);

  const board = await (await request.get(`${origin}${base}roles/`)).text();
  expect(/<link rel="canonical" href="([^"]+)"/.exec(board)?.[1]).toBe(`${prefix}roles/`);
});

/** Fails the test on any failed request or HTTP error the browser meets on the way. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on('requestfailed', (req) => {
    // Leaving a page cancels the images still loading there; that is not a broken link.
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return problems;
}

const pathOf = (page: Page) => new URL(page.url()).pathname;

test('a visitor without JavaScript walks hall → booth → board → a role → its booth, and a facet', async ({ page }) => {
  const problems = watch(page);
  const booth = new RegExp(`^${base}booths/[^/]+/$`);
  await page.goto(`${origin}${base}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.locator(`main a[href^="${base}booths/"]`).first().click();
  expect(pathOf(page)).toMatch(booth);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Open roles' }).click();
  expect(pathOf(page)).toBe(`${base}roles/`);
  await page.locator('main table tbody tr th a').first().click();
  expect(pathOf(page)).toMatch(new RegExp(`^${base}roles/[^/]+/[^/]+/$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.locator(`main a[href^="${base}booths/"]`).first().click();
  expect(pathOf(page)).toMatch(booth);

  await page.goBack();
  await page.goBack();
  await page.locator(`main a[href="${base}roles/area/"]`).first().click();
  expect(pathOf(page)).toBe(`${base}roles/area/`);
  await page.locator(`main a[href^="${base}roles/area/"]:not([href="${base}roles/area/"])`).first().click();
  expect(pathOf(page)).toMatch(new RegExp(`^${base}roles/area/[^/]+/$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(problems).toEqual([]);
});

test("an old booth address under the base (the seed's /spotify/) reaches the booth without JavaScript", async ({ page }) => {
  const problems = watch(page);
  await page.goto(`${origin}${base}spotify/`);
  await page.waitForURL(`${origin}${base}booths/spotify/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Spotify' })).toBeVisible();
  expect(problems).toEqual([]);
});
