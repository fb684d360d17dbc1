/**
 * The demo content as a visitor sees it: the hall by tier, the seed's Spotify booth with its
 * 11 roles and 21 apply links, the board, the old /spotify/ address, the call for sponsors,
 * the 404 page. The kit's own checks: a conference's content has other sponsors.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { roleRows, roleTable, visit } from '../site.ts';
import { contentDir } from '../../src/core/project.ts';

const root = join(import.meta.dirname, '..', '..');
const content = join(root, contentDir);

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

test('a job seeker filters by visa, remote scope and salary without JavaScript, and shares each filter as a page', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (req) => req.resourceType() === 'script' && scripts.push(req.url()));
  const { expectClean } = await visit(page, '/roles/');
  // Pay, visa and relocation in the row, under the title.
  await expect(page.getByRole('rowheader', { name: /^Score Following Research Intern/ }).getByRole('listitem')).toHaveText(['CA$32 to CA$38 per hour', 'Visa sponsorship available', 'Relocation support']);

  // Tick "Sponsored": only roles that sponsor a visa stay, and the count links to their page.
  const visa = page.locator('details', { has: page.locator('summary', { hasText: 'Visa sponsorship' }) });
  await visa.locator('summary').click();
  await visa.getByLabel('Sponsored', { exact: true }).check();
  const shown = await roleRows(page, true);
  expect(shown.sort()).toEqual(['/roles/lumen-audio/score-following-research-intern/', '/roles/resonance-labs/audio-research-engineer/']);
  const share = visa.getByRole('link', { name: '2 roles: Roles with visa sponsorship', exact: true });
  await share.click();
  await expect(page).toHaveURL(/\/roles\/visa\/yes\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roles with visa sponsorship');
  expect((await roleRows(page)).sort()).toEqual(shown.sort());

  // Remote from a region and from a time-zone band; roles that publish their pay.
  await visit(page, '/roles/remote/europe/');
  expect(await roleRows(page)).toEqual(['/roles/resonance-labs/music-ml-research-intern/']);
  await visit(page, '/roles/remote/');
  await expect(page.getByRole('link', { name: 'European time zones, UTC to UTC+3' })).toBeVisible();
  await visit(page, '/roles/salary/published/');
  expect((await roleRows(page)).length).toBeGreaterThanOrEqual(3);
  expect(scripts).toEqual([]);
  expectClean();
});

test('a role page says pay, visa and relocation at a glance', async ({ page }) => {
  await visit(page, '/roles/cadence-audio/dsp-engineer/');
  const glance = page.getByRole('list', { name: 'At a glance' });
  await expect(glance.getByRole('listitem')).toHaveText(['£55,000 to £70,000 per year', 'No visa sponsorship', 'No relocation support']);
  await expect(page.getByRole('link', { name: /^Apply for European time zones, UTC to UTC\+3 \(remote\)/ })).toBeVisible();
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
