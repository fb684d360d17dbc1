/**
 * End-to-end tests run against the production build (dist/), served by `astro preview`.
 * The browser is Playwright's own Chromium where installed, else Debian's /usr/bin/chromium;
 * CHROMIUM_PATH overrides both. JavaScript is off: the site must work without it.
 */
import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

const port = Number(process.env['E2E_PORT'] ?? 4329);

function browserPath(): string | undefined {
  if (process.env['CHROMIUM_PATH']) return process.env['CHROMIUM_PATH'];
  if (existsSync(chromium.executablePath())) return undefined; // Playwright's own browser
  return '/usr/bin/chromium';
}

const executablePath = browserPath();

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
    launchOptions: executablePath ? { executablePath } : {},
  },
  webServer: {
    command: `npm run preview -- --host 127.0.0.1 --port ${port}`,
    cwd: '..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
