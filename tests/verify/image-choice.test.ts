/** Which file a browser fetches for an image, worked out from the markup as the gate and the bench do. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chosenUrl, cssLength, mediaMatches, screens, sizesWidth, weighImages } from '../../scripts/lib/built/image-choice.ts';
import { readPage, srcsetCandidates } from '../../scripts/lib/built/read-page.ts';

const [phone, desktop] = screens as [(typeof screens)[number], (typeof screens)[number]];
const image = (html: string) => readPage(html).images[0]!;

describe('image choice', () => {
  it('reads srcset descriptors, commas in URLs included', () => {
    assert.deepEqual(srcsetCandidates('a.avif 400w, b,c.avif 800w,d.png 2x, e.png'), [{ url: 'a.avif', w: 400 }, { url: 'b,c.avif', w: 800 }, { url: 'd.png', x: 2 }, { url: 'e.png' }]);
  });

  it('reads lengths and media conditions as a browser does on a screen', () => {
    assert.equal(cssLength('48rem', 1000), 768);
    assert.equal(cssLength('calc(100vw - 2rem)', 412), 380);
    assert.equal(cssLength('min(22rem, calc((100vw - 4rem) / 3))', 1350), 352);
    assert.equal(cssLength('auto', 412), undefined);
    assert.equal(mediaMatches('(min-width: 52rem)', 832), true);
    assert.equal(mediaMatches('(min-width: 52rem) and (max-width: 60rem)', 1000), false);
    const column = '(min-width: 52rem) 48rem, (min-width: 48rem) calc(100vw - 4rem), calc(100vw - 2rem)';
    assert.equal(sizesWidth(column, 1350), 768);
    assert.equal(sizesWidth(column, 800), 736);
    assert.equal(sizesWidth(column, 412), 380);
    assert.equal(sizesWidth(undefined, 412), 412);
  });

  it('picks the smallest candidate that covers the screen density, the first source of a picture, and posters', () => {
    const logo = '<img src="l-160.webp" srcset="l-160.webp 160w, l-320.webp 320w" sizes="160px" alt="">';
    assert.equal(chosenUrl(image(logo), desktop), 'l-160.webp');
    assert.equal(chosenUrl(image(logo), phone), 'l-320.webp');
    const photo = '<picture><source type="image/avif" srcset="p-400.avif 400w, p-768.avif 768w, p-1152.avif 1152w" sizes="(min-width: 52rem) 48rem, calc(100vw - 2rem)"><img src="p.webp" srcset="p-400.webp 400w" alt=""></picture>';
    assert.equal(chosenUrl(image(photo), desktop), 'p-768.avif');
    assert.equal(chosenUrl(image(photo), phone), 'p-768.avif');
    assert.equal(chosenUrl(image('<img src="x.svg" width="100" alt="">'), phone), 'x.svg');
    assert.equal(chosenUrl(image('<video poster="v.webp" controls></video>'), phone), 'v.webp');
  });

  it('weighs each file once, with the page unless every use of it is lazy, on the heavier screen', () => {
    const html = '<img src="a.svg" alt=""><img src="a.svg" alt="" loading="lazy"><img srcset="b-1.webp 100w, b-2.webp 200w" sizes="100px" alt="" loading="lazy">';
    const bytes: Record<string, number> = { 'a.svg': 1000, 'b-1.webp': 2000, 'b-2.webp': 5000 };
    const weight = weighImages(readPage(html).images, (url) => bytes[url]);
    assert.deepEqual(weight, { firstScreen: 1000, total: 6000, loads: [{ url: 'b-2.webp', bytes: 5000, firstScreen: false }, { url: 'a.svg', bytes: 1000, firstScreen: true }] });
  });
});
