/** Page objects and shared checks for the e2e tests: role-based locators, no CSS guessing. */
import { expect, type Page } from '@playwright/test';

/** Opens a path and fails on a non-200 status, a console error or a failed request. */
export async function visit(page: Page, path: string) {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(200);
  await page.waitForLoadState('load');
  return {
    /** Call at the end of a test: no console errors, failed or 4xx/5xx requests happened. */
    expectClean: () => expect(problems, `problems on ${path}`).toEqual([]),
  };
}

/** The roles table(s) of a page, by caption. */
export function roleTable(page: Page, caption: string) {
  return page.getByRole('table', { name: caption });
}
