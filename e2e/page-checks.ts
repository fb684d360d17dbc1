/** Checks the browser tests run on a page: axe in both schemes, the 360 px width, the Tab walk. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Lists axe violations as readable lines: rule, impact, help and the offending elements. */
function describe(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`));
}

/** The elements that stick out of the page at its current width (not out of their own scroller). */
function overflow(page: Page) {
  return page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    wide: [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5)
      .filter((el) => {
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
          if (getComputedStyle(up).overflowX !== 'visible') return false;
        }
        return true;
      })
      .slice(0, 5)
      .map((el) => el.outerHTML.slice(0, 120)),
  }));
}

/** What the keyboard can reach, in document order: links, form controls, players, tabindex >= 0. */
function focusables(page: Page) {
  return page.evaluate(() => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, video[controls], audio[controls], iframe, [tabindex]:not([tabindex="-1"])';
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => !el.matches(':disabled') && el.checkVisibility({ visibilityProperty: true }))
      .map((el) => el.outerHTML.slice(0, 160));
  });
}

/** Tabs through the page: every focusable element in order, each with a ring and in view. */
export async function walkWithTab(page: Page) {
  const expected = await focusables(page);
  expect(expected.length).toBeGreaterThan(3);
  const reached: string[] = [];
  // A media player's controls are several Tab stops inside one element: count it once.
  for (let presses = 0; reached.length < expected.length && presses < expected.length * 2 + 20; presses++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      return {
        html: el.outerHTML.slice(0, 160),
        // A focus ring: an outline of at least 2px, or a box shadow.
        ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
        // Focus moves the element into view (the skip link slides in when focused).
        inView: rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth,
        media: el instanceof HTMLMediaElement,
      };
    });
    expect(focus.ring, `visible focus ring on ${focus.html}`).toBe(true);
    expect(focus.inView, `focused element in view: ${focus.html}`).toBe(true);
    if (!(focus.media && reached.at(-1) === focus.html)) reached.push(focus.html);
  }
  expect(reached).toEqual(expected);
}

/** axe in both colour schemes, then the 360 px width. */
export async function checkAccessibleAndNarrow(page: Page) {
  // All of axe's default rules (WCAG 2.2 A and AA and best practices) in the light scheme.
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await new AxeBuilder({ page }).analyze();
  expect(describe(light.violations), 'light scheme').toEqual([]);
  // Guard against a run that checked nothing.
  expect(light.passes.length).toBeGreaterThan(10);
  // The dark scheme changes colour tokens only (src/styles/tokens.css): its rules are the colour ones.
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await new AxeBuilder({ page }).withRules(['color-contrast', 'link-in-text-block']).analyze();
  expect(describe(dark.violations), 'dark scheme').toEqual([]);
  expect(dark.passes.map((p) => p.id)).toContain('color-contrast');
  await page.setViewportSize({ width: 360, height: 740 });
  const wide = await overflow(page);
  expect(wide.scroll, `wider than 360 px: ${wide.wide.join('\n')}`).toBeLessThanOrEqual(360);
}
