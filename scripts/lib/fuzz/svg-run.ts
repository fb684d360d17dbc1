/**
 * The SVG fuzzer: seeded hostile SVG files (svg-bodies.ts) go through the content check's
 * reading (src/lib/plain-svg.ts), and every file it accepts is opened the way an attacker
 * would have a visitor open it: navigated to directly in Chromium, with JavaScript on, as
 * image/svg+xml from the site's own address. The browser is the judge, not a second reading
 * of the text: a file escapes when a script in it ran (it called `__ran()`) or when the
 * browser asked for anything but the file itself. Files the check refuses are opened too, so
 * a run shows the generator writes files that do run and fetch (otherwise finding nothing
 * would prove nothing).
 */
import { chromium } from 'playwright';
import { svgProblems } from '../../../src/lib/plain-svg.ts';
import { chromiumPath } from '../chromium.ts';
import { bodySeed, seeded } from './random.ts';
import { hostileSvg } from './svg-bodies.ts';

export interface SvgCase extends Opened {
  /** The file's number: `hostileSvg(seeded(bodySeed(seed, index)))` makes it again. */
  index: number;
  svg: string;
}

export interface SvgFuzzReport {
  tried: number;
  accepted: number;
  /** Accepted by the check, and the browser ran or fetched something. */
  escapes: SvgCase[];
  /** Refused by the check, and the browser ran or fetched something: the generator's reach. */
  refusedThatFired: number;
  seconds: number;
}

/** The address the files are served from; nothing else answers. */
const origin = 'http://booth-site.test';

/** What opening one file did: whether a script of it ran, and every address it asked for. */
export interface Opened {
  ran: boolean;
  requests: string[];
}

/** A Chromium that opens SVG files one at a time as documents of the site, JavaScript on. */
export async function svgBrowser(): Promise<{ open(svg: string): Promise<Opened>; close(): Promise<void> }> {
  const browser = await chromium.launch({ executablePath: chromiumPath() });
  const context = await browser.newContext({ javaScriptEnabled: true });
  let current: Opened = { ran: false, requests: [] };
  let file = '';
  await context.exposeBinding('__ran', () => {
    current.ran = true;
  });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === `${origin}/logo.svg`) return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: file });
    current.requests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  return {
    async open(svg) {
      file = svg;
      current = { ran: false, requests: [] };
      await page.goto(`${origin}/logo.svg`, { waitUntil: 'load' }).catch(() => {});
      // SMIL animations that start at 0s, and resources requested after load.
      await page.waitForTimeout(20);
      return current;
    },
    close: () => browser.close(),
  };
}

export async function fuzzSvg(options: { count: number; seed: number }, onEscape: (found: SvgCase) => void = () => {}): Promise<SvgFuzzReport> {
  const started = performance.now();
  const browser = await svgBrowser();
  const report: SvgFuzzReport = { tried: 0, accepted: 0, escapes: [], refusedThatFired: 0, seconds: 0 };
  try {
    for (let index = 0; index < options.count; index++) {
      const svg = hostileSvg(seeded(bodySeed(options.seed, index)));
      const accepted = svgProblems(svg).length === 0;
      const opened = await browser.open(svg);
      report.tried++;
      const fired = opened.ran || opened.requests.length > 0;
      if (accepted) {
        report.accepted++;
        if (fired) {
          const found = { index, svg, ...opened };
          report.escapes.push(found);
          onEscape(found);
        }
      } else if (fired) report.refusedThatFired++;
    }
  } finally {
    await browser.close();
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}
