/** Shared steps of the browser tests: role-based locators, no CSS guessing. */
import { expect, type Page, type Request } from '@playwright/test';

/** Opens a path and expects its status (200 by default); `expectClean` then asserts no console error, failed request or HTTP error happened. */
export async function visit(page: Page, path: string, status = 200) {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !(status >= 400 && /status of \d+/.test(msg.text()))) problems.push(`console error: ${msg.text()}`);
  });
  // A request still loading when the test moves to another page (a favicon, say) is aborted by
  // the browser: that is the test leaving, not the page failing, so it is not counted. The
  // browser may report the abort before the next document is counted, so the decision waits
  // until the test ends, when every later document has been.
  let documents = 0;
  const startedIn = new WeakMap<Request, number>();
  const aborted: { url: string; document: number }[] = [];
  page.on('framenavigated', (frame) => frame === page.mainFrame() && documents++);
  page.on('request', (req) => startedIn.set(req, documents));
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText;
    if (error === 'net::ERR_ABORTED') aborted.push({ url: req.url(), document: startedIn.get(req) ?? documents });
    else problems.push(`request failed: ${req.url()} ${error}`);
  });
  page.on('response', (res) => {
    // The page's own status is checked below; this is about what the page loads.
    if (res.status() >= 400 && !res.request().isNavigationRequest()) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(status);
  await page.waitForLoadState('load');
  return {
    /** Call at the end of a test: no console errors, failed or 4xx/5xx requests happened. */
    expectClean: () => {
      const abortedHere = aborted.filter((a) => a.document === documents).map((a) => `request failed: ${a.url} net::ERR_ABORTED`);
      expect([...problems, ...abortedHere], `problems on ${path}`).toEqual([]);
    },
  };
}

/** The roles table(s) of a page, by caption. */
export function roleTable(page: Page, caption: string) {
  return page.getByRole('table', { name: caption });
}

/** Role page paths of the rows of a page's role tables, in order; only the visible rows if asked. */
export async function roleRows(page: Page, visibleOnly = false): Promise<string[]> {
  const links = page.locator(`table tbody tr${visibleOnly ? ':visible' : ''} th a`);
  return links.evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}
