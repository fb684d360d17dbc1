/**
 * Browser tests of the production build (dist/, or E2E_DIST), served as a static host serves
 * it, with JavaScript off: the site must work without it. Two projects:
 * - templates: every page template, tested on one page of each kind picked from the build,
 *   plus the build under a base path. Its number of tests is fixed: adding sponsors and roles
 *   adds no browser test. This is what a conference runs on its own content (npm run test:templates).
 * - demo: the kit's own checks of the demo content (the seed's Spotify booth, the rich booth).
 * The browser is the one every tool runs (scripts/lib/chromium.ts chromiumPath: CHROMIUM_PATH,
 * else Playwright's own Chromium where installed, else the system's).
 */
import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from '../scripts/lib/chromium.ts';
import { siteUnderTest } from './site-under-test.ts';

const port = Number(process.env['E2E_PORT'] ?? 4329);
const site = await siteUnderTest();

export default defineConfig({
  testDir: '.',
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  workers: 2,
  reporter: process.env['CI'] ? [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]] : 'list',
  outputDir: '../test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    javaScriptEnabled: false,
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: chromiumPath() },
  },
  projects: [
    { name: 'templates', testMatch: ['templates.spec.ts', 'base-path.spec.ts'] },
    { name: 'demo', testMatch: ['demo/*.spec.ts'] },
  ],
  webServer: {
    command: `node e2e/serve.ts ${port}`,
    cwd: '..',
    url: `http://127.0.0.1:${port}${site.base}`,
    reuseExistingServer: !process.env['CI'],
    timeout: 30_000,
  },
});
