/**
 * The site built for a GitHub Pages project site (BOOTHKIT_BASE=/ISMIR2020/) and served only
 * under that path, as GitHub Pages serves it (anything outside the base is a 404). The copy
 * is built with short list pages (rolesPerPage: a third of the role files), so the later
 * pages of the board and of a filter exist whatever the number of roles, and their template
 * is tested here. Every link, asset, redirect and sitemap entry is checked by the link
 * checker over the copy's build (in Node); the browser walks the site without JavaScript.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { runLinkCheck } from '../scripts/lib/linkcheck/run.ts';
import { readSiteConfig } from '../scripts/lib/built/site-config.ts';
import { serveStatic } from '../scripts/lib/static-server.ts';
import { projectCopy, type ProjectCopy } from '../tests/support/project.ts';
import { pickPages } from './site-under-test.ts';
import { checkAccessibleAndNarrow, walkWithTab } from './page-checks.ts';

const base = '/ISMIR2020/';
let project: ProjectCopy;
let server: Server;
let origin = '';
/** Where the conference publishes the site (conference.yaml `site`), e.g. https://sponsors.ismir2020.net */
let site = '';
let picked: ReturnType<typeof pickPages>;
/** The later pages whose template only a long list has. */
const laterPages = { board: 'a later page of the roles board', filter: 'a later page of a filter' } as const;
const later: Partial<Record<keyof typeof laterPages, string>> = {};

// One build and one server for the whole file.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, info) => {
  info.setTimeout(600_000);
  project = projectCopy();
  const conferenceFile = project.content('conference.yaml');
  site = new URL(String(parse(readFileSync(conferenceFile, 'utf8')).site)).origin;
  const roleFiles = readdirSync(project.content('roles'), { recursive: true }).filter((f) => /\.ya?ml$/.test(String(f))).length;
  const conference = parseDocument(readFileSync(conferenceFile, 'utf8'));
  conference.set('rolesPerPage', Math.max(2, Math.ceil(roleFiles / 3)));
  writeFileSync(conferenceFile, conference.toString());
  // Its own cache folder: the copy links node_modules, and Astro keeps its content store in
  // node_modules/.astro, which other builds running at the same time would overwrite.
  writeFileSync(join(project.root, 'base-path.config.mjs'), "import config from './astro.config.mjs';\nexport default { ...config, cacheDir: './.cache/' };\n");
  const astro = join(project.root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BOOTHKIT_BASE: base };
  const build = spawnSync(process.execPath, [astro, 'build', '--config', 'base-path.config.mjs'], { cwd: project.root, encoding: 'utf8', env });
  expect(build.status, build.stdout + build.stderr).toBe(0);
  ({ server, origin } = await serveStatic(project.dist(), base));
  picked = pickPages(await readSiteConfig(project.root, { base }));
  if (picked.laterBoard) later.board = picked.laterBoard;
  const files = readdirSync(project.dist('roles'), { recursive: true }).map(String);
  const filterPage2 = files.find((f) => /^[^/]+\/[^/]+\/page\/2\/index\.html$/.test(f) && !f.startsWith('page/'));
  if (filterPage2) later.filter = `${base}roles/${filterPage2.replace(/index\.html$/, '')}`;
});

test.afterAll(() => {
  server?.close();
  project?.remove();
});

test('every link, asset, redirect and sitemap entry stays under the base and resolves', async () => {
  const result = await runLinkCheck({ root: project.root, base });
  expect(result.findings.filter((f) => f.severity !== 'notice').map((f) => `${f.page}: ${f.url} ${f.message}`)).toEqual([]);
  expect(result.counts.pages).toBeGreaterThan(20);
});

test('outside the base there is nothing: the site does not lean on the domain root', async ({ request }) => {
  for (const path of ['/', '/roles/', '/favicon.svg', `/${readdirSync(project.dist('booths'))[0]}/`]) {
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

test('a visitor without JavaScript walks hall → booth → board → a role → its booth, and a filter', async ({ page }) => {
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

test('an old booth address under the base reaches the booth without JavaScript', async ({ page }) => {
  test.skip(!picked.redirect, 'this build has no legacy booth address');
  const problems = watch(page);
  await page.goto(`${origin}${picked.redirect!.from}`);
  await page.waitForURL(`${origin}${picked.redirect!.to}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(problems).toEqual([]);
});

for (const [kind, description] of Object.entries(laterPages) as [keyof typeof laterPages, string][]) {
  test.describe(`${description} (page 2)`, () => {
    const path = () => {
      test.skip(!later[kind], `this build has no ${description}`);
      return `${origin}${later[kind]}`;
    };

    test('links back to page 1 and on, and the Tab order reaches every control with a visible focus', async ({ page }) => {
      const problems = watch(page);
      await page.goto(path());
      const pages = page.getByRole('navigation', { name: 'Pages of this list' });
      await expect(pages.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
      await expect(pages.locator('a[rel="prev"]')).toHaveAttribute('href', later[kind]!.replace(/page\/2\/$/, ''));
      await walkWithTab(page);
      expect(problems).toEqual([]);
    });

    test.describe(() => {
      test.use({ javaScriptEnabled: true });
      test('axe finds nothing in light and dark, and it fits 360 px', async ({ page }) => {
        await page.goto(path());
        await checkAccessibleAndNarrow(page);
      });
    });
  });
}
