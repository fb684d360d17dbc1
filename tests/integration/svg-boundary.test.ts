/**
 * The check of SVG files (src/lib/plain-svg.ts) against the judge that matters: Chromium,
 * opening each file as a document of the site with JavaScript on. A fixed-seed run of the
 * SVG fuzzer must find no accepted file that runs or fetches anything, while the files the
 * check refuses must run and fetch often enough to show the generator reaches that far. The
 * files that escaped the check as it was before the fuzzer are kept as cases of their own.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { svgProblems } from '../../src/lib/plain-svg.ts';
import { fuzzSvg, svgBrowser } from '../../scripts/lib/fuzz/svg-run.ts';

const svg = (inside: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect id="a" width="10" height="10"/>${inside}</svg>`;

/** Each escaped the search for known dangers that the closed lists replaced. */
const escapedBefore = {
  'a style sheet cut by an element': svg('<style>rect { fill: <g/>u\\72l(http://elsewhere.test/a) }</style>'),
  'a style sheet cut by a comment': svg('<style>rect { fill: u<!---->rl(http://elsewhere.test/b) }</style>'),
  'image-set() without url()': svg('<style><![CDATA[svg { background-image: image-set("http://elsewhere.test/c.png" 1x) }]]></style>'),
  'an element inside a style sheet, then @import': svg('<style><g/>@import url(http://elsewhere.test/d.css);</style>'),
};

describe('SVG files, judged by a browser', () => {
  let browser: Awaited<ReturnType<typeof svgBrowser>>;
  before(async () => {
    browser = await svgBrowser();
  });
  after(() => browser.close());

  for (const [name, file] of Object.entries(escapedBefore)) {
    it(`refuses what fetched in Chromium: ${name}`, async () => {
      const opened = await browser.open(file);
      assert.ok(opened.requests.length > 0, 'the browser fetches something for this file');
      assert.notDeepEqual(svgProblems(file), []);
    });
  }

  it('accepts what real design tools write, and Chromium fetches nothing for it', async () => {
    const exported = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
  <!ENTITY ns_svg "http://www.w3.org/2000/svg">
]>
<svg xmlns="&ns_svg;" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 40 20">
  <style type="text/css">.st0{fill:#1DB954;} .st1{fill:url(#g);} @media (prefers-color-scheme: dark) { .st0 { fill: rgb(255 255 255 / 0.9) } }</style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs>
  <rect class="st0" width="10" height="10" transform="translate(2 2) rotate(5)"/>
  <image width="1" height="1" xlink:href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="/>
</svg>`;
    assert.deepEqual(svgProblems(exported), []);
    assert.deepEqual(await browser.open(exported), { ran: false, requests: [] });
  });
});

describe('the SVG fuzzer', () => {
  it('finds no accepted file that runs or fetches in Chromium (200 files, seed 1)', async () => {
    const report = await fuzzSvg({ count: 200, seed: 1 });
    assert.deepEqual(report.escapes.map((e) => `#${e.index} ${e.ran ? 'ran' : ''} ${e.requests.join(' ')} ${e.svg}`), []);
    // Enough accepted files to have looked, and a generator that does run and fetch.
    assert.ok(report.accepted >= 10, `${report.accepted} files accepted`);
    assert.ok(report.refusedThatFired >= 80, `${report.refusedThatFired} refused files ran or fetched`);
  });
});
