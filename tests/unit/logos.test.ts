/** Logo plates from the brand tokens, logos fitted into them, and whether a logo shows on its plate. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { dateRange } from '../../src/lib/display-text.ts';
import { fitInto, plateColourTokens, plateGeometry, plateInner, rasterWidths } from '../../src/lib/logo-box.ts';
import { hexColour, logoContrast, readsOnPlate } from '../../src/lib/logo-contrast.ts';
import { projectRoot } from '../support/project.ts';

const tokens = readFileSync(join(projectRoot, 'src', 'styles', 'tokens.css'), 'utf8');

describe('logo plates', () => {
  it('are read from tokens.css: widths, ratio, padding, colours', () => {
    const plates = plateGeometry(tokens);
    assert.deepEqual(plates, { widths: { xl: 256, l: 192, m: 144, s: 112 }, ratio: 3, padding: { block: 9.6, inline: 14.4 } });
    // The inside of a bronze plate: 112 px less padding and border across, a third of that high less the same.
    const inner = plateInner(plates, 's');
    assert.deepEqual([inner.width.toFixed(1), inner.height.toFixed(1)], ['81.2', '16.1']);
    assert.deepEqual(plateColourTokens(tokens), { light: '#ffffff', dark: '#16191f' });
  });

  it('say which token is wrong and what it should be', () => {
    assert.throws(() => plateGeometry(tokens.replace(/--booth-logo-m: [^;]+;/, '--booth-logo-m: large;')), /^Error: src\/styles\/tokens\.css: --booth-logo-m is "large"; expected a length in rem or px, e.g\. 9rem \(docs\/errors\.md#brand-token\)$/);
    assert.throws(() => plateGeometry(tokens.replace(/--booth-logo-ratio: [^;]+;/, '')), /--booth-logo-ratio is missing/);
    assert.throws(() => plateColourTokens(tokens.replace(/--booth-color-logo-dark-bg: [^;]+;/, '--booth-color-logo-dark-bg: black;')), /expected a colour written as #rrggbb/);
  });

  it('fit a logo by its proportions and make 1x and 2x, never wider than the file', () => {
    // The 6,668 × 2,834 logo of the ISMIR 2020 site in a bronze plate: as tall as the plate allows.
    assert.deepEqual(fitInto({ width: 81.2, height: 16.1 }, { width: 6668, height: 2834 }), { width: 38, height: 16 });
    assert.deepEqual(fitInto({ width: 225.2, height: 64.1 }, { width: 300, height: 52 }), { width: 225, height: 39 });
    assert.deepEqual(rasterWidths(38, 6668), [38, 76]);
    assert.deepEqual(rasterWidths(191, 300), [191, 300]);
    assert.deepEqual(rasterWidths(191, 150), [150]);
  });
});

describe('logo contrast', () => {
  /** A square logo: a share `ink` of its pixels in `colour`, the rest transparent. */
  const logo = (colour: string, ink: number, alpha = 255) => {
    const [r, g, b] = hexColour(colour)!;
    const pixels = new Uint8Array(100 * 4);
    for (let i = 0; i < 100 * ink; i++) pixels.set([r, g, b, alpha], i * 4);
    return pixels;
  };
  const white = hexColour('#ffffff')!;
  const dark = hexColour('#16191f')!;

  it('finds a white or pale logo invisible on a white plate, and fine on a dark one', () => {
    assert.equal(readsOnPlate(logoContrast(logo('#ffffff', 0.5), white)), false);
    assert.deepEqual(logoContrast(logo('#ffffff', 0.5), white), { ink: 0, contrast: 1 });
    assert.equal(readsOnPlate(logoContrast(logo('#f0e68c', 0.5), white)), false);
    assert.equal(readsOnPlate(logoContrast(logo('#ffffff', 0.5), dark)), true);
  });

  it('lets brand colours and dark marks read, and counts half-transparent pixels as drawn', () => {
    assert.equal(readsOnPlate(logoContrast(logo('#1ed760', 0.4), white)), true);
    assert.equal(readsOnPlate(logoContrast(logo('#000000', 0.4, 40), white)), false);
    assert.equal(readsOnPlate(logoContrast(logo('#000000', 0.4, 200), white)), true);
  });
});

describe('conference dates', () => {
  it('are written as one range', () => {
    assert.equal(dateRange('2020-10-11', '2020-10-16'), '11–16 October 2020');
    assert.equal(dateRange('2020-09-30', '2020-10-02'), '30 September – 2 October 2020');
    assert.equal(dateRange('2020-12-30', '2021-01-02'), '30 December 2020 – 2 January 2021');
    assert.equal(dateRange('2020-10-11', '2020-10-11'), '11 October 2020');
  });
});
