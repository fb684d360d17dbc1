/**
 * Accessibility and page quality over the whole build: axe in both colour schemes, keyboard
 * order with a visible focus, no sideways scrolling at 360 px, printed link addresses, and
 * a Content-Security-Policy that blocks injected script and style but none of ours.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { boothsWithHero, contentPages, keyPages } from './built-pages.ts';

const pages = contentPages();

/** Lists axe violations as readable lines: rule, impact, help and the offending elements. */
function describe(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`));
}

test.describe('axe and width', () => {
  // axe runs as a script injected by the test; the pages' own policy still allows no script.
  test.use({ javaScriptEnabled: true });
  for (const { path } of pages) {
    test(`${path}: no axe violations in light and dark, no sideways scroll at 360 px`, async ({ page }) => {
      const response = await page.goto(path);
      // Check the page itself, not an error page in its place (404.html is served as a 404).
      if (path !== '/404.html') expect(response?.status(), `status of ${path}`).toBe(200);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        // All of axe's default rules: WCAG 2.2 A and AA plus its best practices.
        const results = await new AxeBuilder({ page }).analyze();
        expect(describe(results.violations), `${colorScheme} scheme`).toEqual([]);
        // Guard against a run that checked nothing.
        expect(results.passes.length).toBeGreaterThan(10);
      }
      await page.setViewportSize({ width: 360, height: 740 });
      const overflow = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        // The elements that stick out of the page (not out of their own scroller), to say what to fix.
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
      expect(overflow.scroll, `wider than 360 px: ${overflow.wide.join('\n')}`).toBeLessThanOrEqual(360);
    });
  }
});

/** What the keyboard can reach, in document order: links, form controls, players, tabindex >= 0. */
function focusables(page: Page) {
  return page.evaluate(() => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, video[controls], audio[controls], iframe, [tabindex]:not([tabindex="-1"])';
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => !el.matches(':disabled') && el.checkVisibility({ visibilityProperty: true }))
      .map((el) => el.outerHTML.slice(0, 160));
  });
}

for (const { path } of pages) {
  test(`${path}: Tab reaches every link in order, each with a visible focus`, async ({ page }) => {
    await page.goto(path);
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
  });
}

for (const { name, path } of keyPages()) {
  test(`the ${name} prints without navigation and with the address of every outside link`, async ({ page }, testInfo) => {
    await page.goto(path);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
    const links = await page.locator('main a[href^="http"]').evaluateAll((anchors) =>
      anchors
        .filter((a) => (a as HTMLElement).checkVisibility())
        .map((a) => ({ href: a.getAttribute('href')!, after: getComputedStyle(a, '::after').content })),
    );
    for (const link of links) expect(link.after, `printed address of ${link.href}`).toContain(link.href);
    // Keep the printed page itself as an artifact to look at.
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    await testInfo.attach(`${name}.pdf`, { body: pdf, contentType: 'application/pdf' });
  });
}

test.describe('Content-Security-Policy, with JavaScript on so that only the policy stands in the way', () => {
  test.use({ javaScriptEnabled: true });

  test('every page declares the policy and none of our styles or images is blocked', async ({ page }) => {
    test.setTimeout(20_000 + pages.length * 1_000);
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    for (const { path } of pages) {
      await page.goto(path);
      const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      const directives = new Map((policy ?? '').split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')] as const;
      }));
      expect(directives.get('script-src'), `${path} script-src`).toBe("'none'");
      expect(directives.get('default-src'), `${path} default-src`).toBe("'self'");
      expect(directives.get('object-src'), `${path} object-src`).toBe("'none'");
      expect(directives.get('base-uri'), `${path} base-uri`).toBe("'self'");
      expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('strict-origin-when-cross-origin');
      // No style="" attribute anywhere: the policy would block it.
      expect(await page.locator('[style]').count(), `${path} elements with style=""`).toBe(0);
    }
    expect(violations).toEqual([]);
  });

  // Every booth with a hero image (booths without one have no crop to check).
  for (const { path, position } of boothsWithHero()) {
    test(`${path}: the hero crop, a hashed inline style, is applied`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('.hero')).toHaveAttribute('data-position', position);
      await expect(page.locator('.hero-image')).toHaveCSS('object-position', position);
    });
  }

  test('an injected script, inline style and object are blocked', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    // Nothing may leave 127.0.0.1, even if the policy failed to stop the image.
    await page.route('https://tracker.invalid/**', (route) => route.abort());
    // Serve the real hall with an attacker's markup added, as a compromised host might.
    await page.route((url) => url.pathname === '/', async (route) => {
      const response = await route.fetch();
      const injected = [
        '<script>document.title = "injected"</script>',
        '<script src="/injected.js"></script>',
        '<p id="styled" style="color: rgb(255, 0, 0)">styled</p>',
        '<img id="tracker" alt="" src="https://tracker.invalid/pixel.gif">',
      ].join('');
      await route.fulfill({ response, body: (await response.text()).replace('</body>', `${injected}</body>`) });
    });
    await page.goto('/');
    expect(await page.title()).not.toBe('injected');
    await expect(page.locator('#styled')).not.toHaveCSS('color', 'rgb(255, 0, 0)');
    expect(violations.some((v) => v.includes('script-src'))).toBe(true);
    expect(violations.some((v) => /style-src|style/.test(v))).toBe(true);
    expect(violations.some((v) => v.includes('img-src'))).toBe(true);
  });
});
