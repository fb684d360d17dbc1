/**
 * The demo content as a visitor sees it: the hall by tier, the seed's Spotify booth with its
 * 11 roles and 21 apply links, the board, the old /spotify/ address, the call for sponsors,
 * the 404 page. The kit's own checks: a conference's content has other sponsors.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { roleTable, visit } from '../site.ts';

const root = join(import.meta.dirname, '..', '..');
const content = join(root, 'src', 'content');

test('the hall lists every sponsor under its tier', async ({ page }) => {
  await visit(page, '/');
  const tiers = parse(readFileSync(join(content, 'tiers.yaml'), 'utf8')) as { id: string; label: string }[];
  const sponsorFiles = readdirSync(join(content, 'sponsors')).filter((f) => f.endsWith('.mdx'));
  expect(sponsorFiles.length).toBeGreaterThanOrEqual(4);
  for (const file of sponsorFiles) {
    const front = parse(readFileSync(join(content, 'sponsors', file), 'utf8').split('---')[1]!) as { name: string; tier: string; draft?: boolean };
    if (front.draft) continue;
    const tier = tiers.find((t) => t.id === front.tier)!;
    const section = page.getByRole('region', { name: `${tier.label} sponsors` });
    await expect(section.getByRole('link', { name: new RegExp(`^${front.name}\\b`) })).toBeVisible();
  }
});

test('sponsors of a tier without booths link to their website', async ({ page }) => {
  await visit(page, '/');
  const link = page.getByRole('region', { name: 'Bronze sponsors' }).getByRole('link', { name: /^Cadence Audio/ });
  await expect(link).toHaveAttribute('href', 'https://cadence-audio.example');
});

test('the Spotify booth shows 6 internships and 5 full-time roles with the seed apply links', async ({ page }) => {
  await visit(page, '/booths/spotify/');
  const internships = roleTable(page, 'Internships');
  const fullTime = roleTable(page, 'Full-time openings');
  await expect(internships.locator('tbody tr')).toHaveCount(6);
  await expect(fullTime.locator('tbody tr')).toHaveCount(5);
  await expect(page.locator('th[scope="col"]').first()).toBeVisible();

  // Every apply link of the seed page, in the seed's order, one per location.
  const seed = readFileSync(join(root, 'tests', 'fixtures', 'jekyll', 'spotify-booth.md'), 'utf8');
  const seedLinks = [...seed.matchAll(/<a href="(https:\/\/(?:www\.)?spotifyjobs\.com[^"]+)">/g)].map((m) => m[1]);
  expect(seedLinks).toHaveLength(21);
  // Apply links sit in the Locations cells (the title links to the role's own page).
  const shown = await page.locator('table tbody td[data-label="Locations"] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(shown).toEqual(seedLinks);

  // The seed's note on the audio role and its programme PDF link.
  await expect(fullTime.getByText('may be filled by ISMIR!')).toBeVisible();
  await expect(page.getByRole('link', { name: '2021 internship program' })).toHaveAttribute('href', /drive\.google\.com\/file\/d\/1cbOxipsgFzzhnEw32QveGgzx9sEstlD8/);
  // Seed images keep their alt text.
  await expect(page.getByRole('img', { name: 'Spotify Summer 2021 Internships' })).toBeVisible();
});

test('the hero band keeps the seed background position', async ({ page }) => {
  await visit(page, '/booths/spotify/');
  const position = await page.locator('.hero-image').evaluate((img) => getComputedStyle(img).objectPosition);
  expect(position).toBe('0% 35%');
});

test('the board lists every open role across sponsors and no closed one', async ({ page }) => {
  await visit(page, '/roles/');
  const rows = page.locator('table tbody tr');
  // 11 Spotify + 2 Resonance Labs + 1 upcoming Polyphonic Data + 1 Cadence Audio + 1 Lumen Audio; the expired one is gone.
  await expect(rows).toHaveCount(16);
  await expect(page.getByRole('rowheader', { name: /Data Engineer/ })).toHaveCount(0);
  await expect(page.getByRole('rowheader', { name: /Source Separation Research Intern/ })).toContainText('Upcoming');
  for (const sponsor of ['Spotify', 'Resonance Labs', 'Polyphonic Data', 'Cadence Audio']) {
    await expect(page.getByRole('cell', { name: sponsor, exact: true }).first()).toBeVisible();
  }
});

test('the legacy permalink /spotify/ reaches the Spotify booth', async ({ page }) => {
  await page.goto('/spotify/');
  await page.waitForURL('**/booths/spotify/');
  await expect(page.getByRole('heading', { level: 1, name: 'Spotify' })).toBeVisible();
});

test('the call for sponsors shows every tier with price and benefits', async ({ page }) => {
  await visit(page, '/call-for-sponsors/');
  const table = page.getByRole('table', { name: 'Sponsorship tiers' });
  // Four main-programme tiers and the WiMIR programme's tier.
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expect(table.getByRole('row', { name: /Platinum/ })).toContainText('$10,000');
});

test('an unknown path gets the 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-booth/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});
