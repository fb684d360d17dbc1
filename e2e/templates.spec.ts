/**
 * Every page template in a real browser, on one page of each kind picked from the build
 * (site-under-test.ts): it loads cleanly without JavaScript and runs no script, axe finds
 * nothing in light and dark, it fits 360 px, Tab reaches every control in order with a visible
 * focus; the key pages print well and are photographed; the policy blocks an injected script,
 * style and image; the hero crop applies; a legacy address redirects; the CSS-only filter of
 * the board narrows its rows. What is true of every page's HTML (scripts, policy, titles,
 * headings, alt text, ids, JSON-LD, weight) is checked on every page by the site gate
 * (npm run verify), in Node.
 */
import { expect, test, type Page } from '@playwright/test';
import { pickPages, siteUnderTest, templates, type Picked, type Template } from './site-under-test.ts';
import { checkAccessibleAndNarrow, walkWithTab } from './page-checks.ts';
import { roleRows, visit } from './site.ts';

const site = await siteUnderTest();
let picked: Picked | undefined;

/** The page of a template in this build; skips the test, saying why, when the build has none. */
function pageOf(template: Template): string {
  picked ??= pickPages(site);
  const path = picked.pages[template];
  test.skip(!path, `this build has no page for ${templates[template]}`);
  return path!;
}

for (const [template, description] of Object.entries(templates) as [Template, string][]) {
  test.describe(`${description} (${template})`, () => {
    test('loads cleanly without JavaScript and runs no script', async ({ page }) => {
      const path = pageOf(template);
      const scriptRequests: string[] = [];
      page.on('request', (req) => {
        if (req.resourceType() === 'script') scriptRequests.push(req.url());
      });
      // The 404 page is what a host serves for any unknown address, with status 404.
      const { expectClean } = await visit(page, template === 'not-found' ? `${site.base}no-such-page/` : path, template === 'not-found' ? 404 : 200);
      // JSON-LD blocks are data; any other <script> would execute.
      expect(await page.locator('script:not([type="application/ld+json"])').count(), 'executable <script> elements').toBe(0);
      expect(scriptRequests).toEqual([]);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      expectClean();
    });

    test.describe(() => {
      // axe runs as a script injected by the test; the page's own policy still allows no script.
      test.use({ javaScriptEnabled: true });
      test('axe finds nothing in light and dark, and it fits 360 px', async ({ page }) => {
        const response = await page.goto(pageOf(template));
        if (template !== 'not-found') expect(response?.status()).toBe(200);
        await checkAccessibleAndNarrow(page);
      });
    });

    test('Tab reaches every control in order, each with a visible focus', async ({ page }) => {
      await page.goto(pageOf(template));
      await walkWithTab(page);
    });
  });
}

/** The pages a person reads most: printed and photographed. */
const keyPages = ['hall', 'booth-richest', 'board'] as const;

for (const template of keyPages) {
  test(`${templates[template]} prints without navigation and with the address of every outside link`, async ({ page }, testInfo) => {
    await page.goto(pageOf(template));
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
    await testInfo.attach(`${template}.pdf`, { body: pdf, contentType: 'application/pdf' });
  });

  test(`${templates[template]} at 360, 768 and 1280 px in both schemes: screenshots that fit their width`, async ({ page }, testInfo) => {
    await page.goto(pageOf(template));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of [360, 768, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        const name = `${template}-${width}-${colorScheme}.png`;
        const body = await page.screenshot({ fullPage: true, path: testInfo.outputPath(name) });
        await testInfo.attach(name, { body, contentType: 'image/png' });
        expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(width);
      }
    }
  });
}

test.describe('Content-Security-Policy, with JavaScript on so that only the policy stands in the way', () => {
  test.use({ javaScriptEnabled: true });

  test('an injected script, inline style and outside image are blocked', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    // Nothing may leave 127.0.0.1, even if the policy failed to stop the image.
    await page.route('https://tracker.invalid/**', (route) => route.abort());
    // Serve the real hall with an attacker's markup added, as a compromised host might.
    const hall = pageOf('hall');
    await page.route((url) => url.pathname === hall, async (route) => {
      const response = await route.fetch();
      const injected = [
        '<script>document.title = "injected"</script>',
        '<script src="/injected.js"></script>',
        '<p id="styled" style="color: rgb(255, 0, 0)">styled</p>',
        '<img id="tracker" alt="" src="https://tracker.invalid/pixel.gif">',
      ].join('');
      await route.fulfill({ response, body: (await response.text()).replace('</body>', `${injected}</body>`) });
    });
    await page.goto(hall);
    expect(await page.title()).not.toBe('injected');
    await expect(page.locator('#styled')).not.toHaveCSS('color', 'rgb(255, 0, 0)');
    expect(violations.some((v) => v.includes('script-src'))).toBe(true);
    expect(violations.some((v) => /style-src|style/.test(v))).toBe(true);
    expect(violations.some((v) => v.includes('img-src'))).toBe(true);
  });

  test('the hero crop, a hashed inline style, is applied and nothing of ours is blocked', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    await page.goto(pageOf('booth-hero'));
    const position = await page.locator('.hero').getAttribute('data-position');
    expect(position).toBeTruthy();
    await expect(page.locator('.hero-image')).toHaveCSS('object-position', position!);
    expect(violations).toEqual([]);
  });
});

test('an old booth address sends the visitor to the booth without JavaScript', async ({ page }) => {
  picked ??= pickPages(site);
  test.skip(!picked.redirect, 'this build has no legacy booth address');
  const { from, to } = picked.redirect!;
  await page.goto(from);
  await page.waitForURL(`**${to}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the sponsor schedule: day links reach their day, A/B sessions side by side on a wide screen and stacked on a phone, calendars download', async ({ page, request }) => {
  const { expectClean } = await visit(page, pageOf('schedule'));
  const days = page.getByRole('navigation', { name: 'Days' }).getByRole('link');
  test.skip((await days.count()) === 0, 'this build has no sponsor event');
  const firstDay = days.first();
  const target = (await firstDay.getAttribute('href'))!;
  await firstDay.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(`h2${target}`)).toBeInViewport();
  await expect(page.locator('main time[datetime]').first()).toBeAttached();

  // Every calendar link of the page answers with a calendar.
  const calendars = await page.locator('main a[download]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  for (const href of calendars) {
    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
    expect(response.headers()['content-type'], href).toMatch(/^text\/calendar/);
    expect(await response.text(), href).toMatch(/^BEGIN:VCALENDAR\r\n/);
  }

  // An event held twice: its sessions share a row at 1280 px and stack at 360 px.
  const pair = page.locator('.sessions:has(> li + li)').first();
  if ((await pair.count()) > 0) {
    const tops = () => pair.locator('> li').evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
    await page.setViewportSize({ width: 1280, height: 900 });
    const wide = await tops();
    expect(new Set(wide).size, 'sessions side by side').toBe(1);
    await page.setViewportSize({ width: 360, height: 740 });
    const narrow = await tops();
    expect(new Set(narrow).size, 'sessions stacked').toBe(narrow.length);
  }
  expectClean();
});

test.describe('the combined filter on the board, in CSS only', () => {
  /** Every role a filter value lists, over all pages of its list (the shareable page the filter links to). */
  async function rolesOfValue(page: Page, href: string): Promise<Set<string>> {
    const found = new Set<string>();
    for (let next: string | null = href; next; ) {
      await page.goto(next);
      for (const path of await roleRows(page)) found.add(path);
      const link = page.locator('a[rel="next"]');
      next = (await link.count()) > 0 ? await link.first().getAttribute('href') : null;
    }
    return found;
  }

  /** Each filter group of the page: its name, and per option the label, the value's page and the count it says. */
  function groups(page: Page) {
    return page.locator('form details').evaluateAll((details) =>
      details.map((d) => ({
        name: d.querySelector('summary')!.textContent!.trim(),
        options: [...d.querySelectorAll('li')].map((li) => ({
          label: li.querySelector('label')!.textContent!.trim(),
          href: li.querySelector('a')!.getAttribute('href')!,
          count: parseInt(li.querySelector('a')!.textContent!.trim(), 10),
        })),
      })),
    );
  }

  async function tick(page: Page, group: string, label: string) {
    const details = page.locator('details', { has: page.locator('summary', { hasText: group }) });
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
    await details.getByLabel(label, { exact: true }).check();
  }

  test('narrows the visible rows to the ticked values, alternatives within a group, and Clear filters restores them', async ({ page }) => {
    const board = pageOf('board');
    await visit(page, board);
    const all = (await roleRows(page, true)).sort();
    const offered = await groups(page);
    // Two groups to combine, the second with two values to offer alternatives.
    const first = offered.find((g) => g.options.length > 0);
    const second = offered.find((g) => g !== first && g.options.length > 1);
    test.skip(!first || !second, 'the board offers too few filter values to combine (fewer than two groups with values)');
    const a = await rolesOfValue(page, first!.options[0]!.href);
    const [b1, b2] = [await rolesOfValue(page, second!.options[0]!.href), await rolesOfValue(page, second!.options[1]!.href)];
    const visible = async () => (await roleRows(page, true)).sort();

    await visit(page, board);
    const status = page.locator('.rf-status');
    await expect(status).toBeHidden();
    await tick(page, first!.name, first!.options[0]!.label);
    expect(await visible()).toEqual(all.filter((p) => a.has(p)));

    await tick(page, second!.name, second!.options[0]!.label);
    expect(await visible()).toEqual(all.filter((p) => a.has(p) && b1.has(p)));
    await expect(status).toBeVisible();
    // A board of several pages filters the rows of this page.
    await expect(status).toContainText(new RegExp(`of ${all.length} roles (on this page )?match the ticked filters`));
    await page.screenshot({ path: test.info().outputPath('board-filtered.png'), fullPage: true });

    // Within one group, ticked values are alternatives.
    await tick(page, second!.name, second!.options[1]!.label);
    expect(await visible()).toEqual(all.filter((p) => a.has(p) && (b1.has(p) || b2.has(p))));

    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect(await visible()).toEqual(all);
    await expect(status).toBeHidden();
  });

  test('links each value to its shareable page, which lists as many roles as the filter says', async ({ page }) => {
    await visit(page, pageOf('board'));
    const option = (await groups(page)).flatMap((g) => g.options)[0];
    expect(option, 'the board offers a value to filter by').toBeTruthy();
    expect((await rolesOfValue(page, option!.href)).size).toBe(option!.count);
  });
});

test.describe('images sized for where they show', () => {
  test('every logo is drawn at the size its file was made for, and no file is wider than twice its plate', async ({ page }) => {
    for (const template of ['hall', 'booth-richest'] as const) {
      await page.goto(pageOf(template));
      await page.setViewportSize({ width: 1280, height: 900 });
      // Lazy logos load as they come near: bring each into view before reading it.
      const logos = page.locator('.logo-box img');
      for (let i = 0; i < (await logos.count()); i++) {
        const logo = logos.nth(i);
        await logo.scrollIntoViewIfNeeded();
        await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
        const m = await logo.evaluate((img: HTMLImageElement) => ({
          src: img.currentSrc,
          box: { width: img.clientWidth, height: img.clientHeight },
          natural: { width: img.naturalWidth, height: img.naturalHeight },
          attr: { width: Number(img.getAttribute('width')), height: Number(img.getAttribute('height')) },
          candidates: [...(img.parentElement?.querySelectorAll('source') ?? []), img].flatMap((el) => (el.getAttribute('srcset') ?? '').split(',').map((c) => Number(/(\d+)w\s*$/.exec(c.trim())?.[1] ?? 0))),
        }));
        // object-fit: contain draws the logo at its proportions within the plate's inside.
        const scale = Math.min(m.box.width / m.attr.width, m.box.height / m.attr.height);
        const drawn = m.attr.width * scale;
        expect(Math.abs(drawn - m.attr.width), `${template}: ${m.src} is drawn ${drawn.toFixed(1)} px wide, its width attribute says ${m.attr.width}`).toBeLessThanOrEqual(1);
        // A vector file has no pixels to count: it is sharp at any size.
        if (new URL(m.src).pathname.endsWith('.svg')) continue;
        expect(Math.max(m.natural.width, ...m.candidates), `${template}: ${m.src}, the widest file, against its ${m.box.width} px plate`).toBeLessThanOrEqual(2 * m.box.width);
      }
    }
  });

  test('images load at once only in the first screen of the hall and the booth', async ({ page }) => {
    for (const template of ['hall', 'booth-hero'] as const) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(pageOf(template));
      const eager = await page.locator('main img:not([loading="lazy"])').evaluateAll((imgs) => imgs.map((img) => ({ src: img.getAttribute('src'), top: img.getBoundingClientRect().top })));
      for (const img of eager) expect(img.top, `${template}: ${img.src} loads with the page but sits below the first screen`).toBeLessThan(900 * 1.5);
    }
  });

  test('sponsor names on hall cards break only between words, and stay inside their cards', async ({ page }) => {
    await page.goto(pageOf('hall'));
    for (const width of [360, 768, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      const broken = await page.locator('.card .name a').evaluateAll((links) =>
        links.flatMap((a) => {
          const text = a.firstChild as Text;
          const card = a.closest('.card')!.getBoundingClientRect();
          const problems: string[] = [];
          for (const match of text.data.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(text, match.index);
            range.setEnd(text, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1) problems.push(`"${match[0]}" is broken over ${lines.size} lines`);
            const box = range.getBoundingClientRect();
            if (box.right > card.right + 0.5) problems.push(`"${match[0]}" runs out of its card`);
          }
          return problems;
        }),
      );
      expect(broken, `at ${width} px`).toEqual([]);
    }
  });

  test('a printed booth carries a QR code of its address, which the screen does not show', async ({ page }, testInfo) => {
    await page.goto(pageOf('booth-richest'));
    const qr = page.getByRole('img', { name: /^QR code of https?:\/\// });
    await expect(qr).toBeHidden();
    await page.emulateMedia({ media: 'print' });
    await expect(qr).toBeVisible();
    await expect(page.locator('.print-qr figcaption')).toContainText(new URL(page.url()).pathname);
    const name = 'booth-print.png';
    await testInfo.attach(name, { body: await page.screenshot({ fullPage: true, path: testInfo.outputPath(name) }), contentType: 'image/png' });
  });
});
