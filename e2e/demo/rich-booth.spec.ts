/**
 * The demo's rich booth (Lumen Audio) uses every kind of booth content. With JavaScript off
 * every section is there, nothing is fetched from another host, no iframe appears, media
 * is a poster and a link (or the browser's own player with captions), times carry
 * `<time datetime>`, calendars download, and no private value is anywhere in dist/.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listFiles } from '../../src/lib/built-site.ts';
import { visit } from '../site.ts';
import { contentLayout, contentPath } from '../../src/core/project.ts';

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');
const boothPath = '/booths/lumen-audio/';
const source = readFileSync(join(root, contentPath(contentLayout.sponsors, 'lumen-audio.mdx')), 'utf8');
const front = parse(source.split(/^---$/m)[1]!) as { private: unknown; offers: { code?: string; validUntil?: string }[] };

/** Every file of the build, as absolute paths. */
const builtFiles = () => listFiles(dist).map((file) => join(dist, file));

/** Every text leaf of a YAML value, e.g. each private contact's name, e-mail and phone. */
function leaves(value: unknown): string[] {
  if (typeof value === 'string' || typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value && typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [];
}

/** Scrolls every image into view so lazy ones load, then waits for all of them. */
async function loadAllImages(page: Page) {
  for (const img of await page.locator('img').all()) await img.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
}

test('every section of the rich booth is there without JavaScript', async ({ page }) => {
  const { expectClean } = await visit(page, boothPath);
  await expect(page.getByRole('heading', { level: 1, name: 'Lumen Audio' })).toBeVisible();
  for (const name of [
    'Who is at the Lumen booth',
    'About Lumen Audio',
    'Watch our keynote',
    'Publications',
    'Booth events',
    'Demos and products',
    'Videos and media',
    'People to meet',
    'Offers for attendees',
    'Resources',
    'Roles at Lumen Audio',
    'Talk to us',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name, exact: true }), name).toHaveCount(1);
  }
  // Two units, each with its logo and website.
  for (const unit of ['Lumen Labs', 'Lumen Institute for Music AI']) {
    await expect(page.getByRole('img', { name: unit })).toBeVisible();
    await expect(page.getByRole('link', { name: `${unit} website` })).toBeVisible();
  }
  // Papers: the award, the paper's chat channel, affiliation marks explained once.
  await expect(page.getByText('Best Paper Award')).toBeVisible();
  await expect(page.getByText('Discuss in #p3-07 on ISMIR 2020 Slack')).toBeVisible();
  await expect(page.getByText('Authors marked * Lumen Institute for Music AI, † Lumen Labs, ‡ Lumen Audio.')).toBeVisible();
  // People grouped by city; the recruiting note; the role placed under its kind.
  await expect(page.getByRole('heading', { level: 3, name: 'Montreal' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Tokyo' })).toBeVisible();
  await expect(page.getByText('More internships open in January 2021')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Internships' }).locator('tbody tr')).toHaveCount(1);
  // Channels: the conference chat handle, e-mail with mailto:, socials per platform.
  await expect(page.getByRole('link', { name: '#sponsor-lumen-audio on ISMIR 2020 Slack' })).toHaveAttribute('href', 'https://ismir2020.slack.com');
  await expect(page.getByRole('link', { name: 'Ask our recruiters' })).toHaveAttribute('href', 'mailto:research-jobs@lumen-audio.example');
  await expect(page.getByRole('link', { name: 'Mastodon' })).toHaveAttribute('href', 'https://sigmoid.social/@lumenaudio');
  // An image with words in it repeats them as text.
  await expect(page.getByText('Text in this image')).toBeVisible();
  expectClean();
});

test('events show UTC and the conference zone with <time datetime>, A/B repeats linked, calendars', async ({ page, request }) => {
  await visit(page, boothPath);
  const poster = page.locator('#event-poster-a');
  await expect(poster.locator('time[datetime="2020-10-13T13:00:00Z"]')).toHaveText('Tue 13 Oct 2020, 13:00');
  await expect(poster).toContainText('Tue 13 Oct, 09:00 to 10:00 EDT (Toronto)');
  await expect(poster.getByRole('link', { name: 'session 3B' })).toHaveAttribute('href', '#event-poster-b');
  // The B session was written in Tokyo time (+09:00): the same instant, shown in UTC.
  await expect(page.locator('#event-poster-b time').first()).toHaveAttribute('datetime', '2020-10-14T01:00:00Z');
  await expect(page.locator('#event-poster-b').getByRole('link', { name: 'session 3A' })).toBeVisible();

  const one = await request.get(`${boothPath}events/poster-b.ics`);
  expect(one.status()).toBe(200);
  const text = await one.text();
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(text).toContain('DTSTART:20201014T010000Z\r\n');
  const all = await (await request.get(`${boothPath}events.ics`)).text();
  expect(all.match(/BEGIN:VEVENT/g)).toHaveLength(6);
  await expect(page.getByRole('link', { name: 'Add all 6 events to your calendar (.ics)' })).toHaveAttribute('href', `${boothPath}events.ics`);
});

test('media: posters and links, a local video with captions, no iframe, nothing from another host', async ({ page, request }) => {
  const hosts = new Set<string>();
  page.on('request', (req) => hosts.add(new URL(req.url()).host));
  await visit(page, boothPath);
  await loadAllImages(page);
  expect([...hosts]).toEqual([new URL(page.url()).host]);
  await expect(page.locator('iframe, embed, object')).toHaveCount(0);

  await expect(page.getByRole('link', { name: 'Watch “Keynote: listening machines for musicians” on YouTube' })).toHaveAttribute('href', 'https://www.youtube.com/watch?v=lumen0keyn1');
  await expect(page.getByRole('link', { name: /on bilibili$/ })).toHaveAttribute('href', /bilibili\.com\/video\//);

  const video = page.locator('video');
  await expect(video).toHaveCount(1);
  await expect(video).toHaveAttribute('preload', 'none');
  await expect(video).toHaveAttribute('controls', '');
  const track = video.locator('track[kind="captions"]');
  await expect(track).toHaveAttribute('srclang', 'en');
  for (const src of [await video.locator('source').getAttribute('src'), await track.getAttribute('src'), await video.getAttribute('poster')]) {
    expect((await request.get(src!)).status(), src!).toBe(200);
  }
  expect(await (await request.get((await track.getAttribute('src'))!)).text()).toMatch(/^WEBVTT/);
});

test('booth images are optimised local files with sizes, modern formats and lazy loading', async ({ page }) => {
  await visit(page, boothPath);
  await loadAllImages(page);
  const images = await page.locator('main img').evaluateAll((imgs) =>
    (imgs as HTMLImageElement[]).map((i) => ({ src: i.getAttribute('src')!, width: i.getAttribute('width'), height: i.getAttribute('height'), loading: i.getAttribute('loading'), top: i.getBoundingClientRect().top + window.scrollY, loaded: i.naturalWidth > 0 })),
  );
  expect(images.length).toBeGreaterThan(10);
  for (const img of images) {
    expect(img.src, 'local, processed by Astro').toMatch(/^\/_astro\//);
    expect(img.width && img.height, `${img.src} has width and height`).toBeTruthy();
    expect(img.loaded, `${img.src} loads`).toBe(true);
    if (img.top > 1200) expect(img.loading, `${img.src} below the fold is lazy`).toBe('lazy');
  }
  // AVIF for current browsers, WebP in the <img> for the rest: never the original JPEG or PNG.
  await expect(page.locator('main picture source[type="image/avif"]').first()).toBeAttached();
  const fallbacks = await page.locator('main picture img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src')!));
  expect(fallbacks.length).toBeGreaterThan(5);
  for (const src of fallbacks) expect(src, 'the fallback of a picture').toMatch(/\.webp$/);
});

test('offers: valid ones shown, the expired one absent from the whole build', async ({ page }) => {
  await visit(page, boothPath);
  const valid = front.offers.find((o) => o.validUntil === '2099-12-31')!;
  const expired = front.offers.find((o) => o.validUntil === '2020-10-31')!;
  await expect(page.getByText(valid.code!, { exact: true })).toBeVisible();
  const hits = builtFiles().filter((file) => readFileSync(file).includes(expired.code!));
  expect(hits).toEqual([]);
});

test('no private value of the demo content is anywhere in dist/', () => {
  const values = leaves(front.private).filter((v) => v.length >= 6);
  expect(values.length).toBeGreaterThanOrEqual(5);
  const files = builtFiles();
  const found: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const value of values) if (bytes.includes(value)) found.push(`${value} in ${file}`);
  }
  expect(found).toEqual([]);
});
