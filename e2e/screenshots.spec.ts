/**
 * Full-page screenshots of the hall, a booth and the roles board at phone, tablet and desktop
 * widths in both colour schemes, attached to the test results (test-results/, and the HTML
 * report on CI) for a person to look at. Each also checks that the page fits its width.
 */
import { expect, test } from '@playwright/test';
import { keyPages } from './built-pages.ts';

const widths = [360, 768, 1280];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });
    for (const { name, path } of keyPages()) {
      for (const width of widths) {
        test(`screenshot: ${name} at ${width} px, ${colorScheme}`, async ({ page }, testInfo) => {
          await page.setViewportSize({ width, height: 900 });
          await page.goto(path);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          const body = await page.screenshot({ fullPage: true, path: testInfo.outputPath(`${name}-${width}-${colorScheme}.png`) });
          await testInfo.attach(`${name}-${width}-${colorScheme}.png`, { body, contentType: 'image/png' });
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        });
      }
    }
  });
}
