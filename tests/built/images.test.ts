/**
 * What the demo's build says when a page is shared, printed, or loads its images: Open Graph
 * tags read with the site gate's parser, the share cards' files read with sharp, the printed
 * QR code read back with a QR decoder, and every published image file linked by a page.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { readPage } from '../../scripts/lib/built/read-page.ts';
import { listFiles, localFile } from '../../src/lib/built-site.ts';
import { pageKind } from '../../src/lib/routes.ts';
import { siteSettings } from '../../src/lib/site-settings.ts';
import { all, dist, fileOf, page, pagePaths } from './dist.ts';

const { site, base } = siteSettings(join(import.meta.dirname, '..', '..', 'src', 'content', 'conference.yaml'));
const origin = new URL(base, site).href;
const facts = (path: string) => readPage(readFileSync(fileOf(path), 'utf8'));
const property = (path: string, name: string) => facts(path).metaProperties.filter((m) => m.property === name).map((m) => m.content);
const paths = pagePaths().filter((p) => !facts(p).refresh);
const shared = paths.filter((p) => ['booth', 'role'].includes(pageKind(p).kind));

describe('Open Graph and Twitter card tags', () => {
  it('are on every page: title, description, type, site name, a card type, and its own absolute URL on pages for search engines', () => {
    for (const path of paths) {
      const page = facts(path);
      const indexed = page.metaNames.get('robots') !== 'noindex';
      for (const name of ['og:title', 'og:description', 'og:type', 'og:site_name', ...(indexed ? ['og:url'] : [])]) {
        assert.equal(property(path, name).length, 1, `${path}: one ${name}`);
        assert.notEqual(property(path, name)[0]!.trim(), '', `${path}: ${name} is empty`);
      }
      if (indexed) assert.equal(property(path, 'og:url')[0], new URL(path.slice(1), origin).href, `${path}: og:url is the page's absolute address`);
      assert.match(page.metaNames.get('twitter:card') ?? '', /^summary(_large_image)?$/, path);
    }
  });

  it('give booth and role pages an image that exists, 1200 × 630 PNG, with its size, type and alt', async () => {
    assert.ok(shared.length >= 10, `booth and role pages found: ${shared.length}`);
    for (const path of shared) {
      const [image] = property(path, 'og:image');
      assert.ok(image, `${path}: og:image`);
      assert.ok(image.startsWith(origin), `${path}: og:image ${image} is an absolute URL of this site`);
      const file = localFile(new URL(image).pathname, base);
      assert.ok(file, `${path}: ${image} is under the base ${base}`);
      const meta = await sharp(join(dist, file)).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['png', 1200, 630], `${path}: ${file}`);
      assert.deepEqual([property(path, 'og:image:width')[0], property(path, 'og:image:height')[0], property(path, 'og:image:type')[0]], ['1200', '630', 'image/png'], path);
      assert.notEqual(property(path, 'og:image:alt')[0] ?? '', '', `${path}: og:image:alt`);
      assert.equal(facts(path).metaNames.get('twitter:card'), 'summary_large_image', path);
    }
  });

  it('draw the card with the sponsor on it: not a blank picture', async () => {
    const file = localFile(new URL(property('/booths/lumen-audio/', 'og:image')[0]!).pathname, base)!;
    const { channels } = await sharp(join(dist, file)).stats();
    // Words and a logo on white: dark pixels in every colour channel, far below white.
    assert.ok(channels.slice(0, 3).every((c) => c.min < 80), `the card has dark marks: ${channels.map((c) => c.min).join(', ')}`);
  });
});

describe('printed booth pages', () => {
  it('carry a QR code that reads as the booth page address', async () => {
    const path = '/booths/lumen-audio/';
    const svg = all('.print-qr svg', page(path));
    assert.equal(svg.length, 1);
    const viewBox = svg[0]!.attribs['viewBox'];
    const d = all('path', svg[0]!)[0]!.attribs['d'];
    const drawn = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" width="400" height="400" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path d="${d}"/></svg>`;
    const { data, info } = await sharp(Buffer.from(drawn)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const read = jsQR(new Uint8ClampedArray(data), info.width, info.height);
    assert.equal(read?.data, new URL('booths/lumen-audio/', origin).href);
  });
});

describe('published images', () => {
  it('are each linked by a page or a stylesheet: no original is published beside the copies made of it', () => {
    const linked = new Set<string>();
    for (const path of pagePaths()) {
      for (const link of facts(path).links) {
        const file = localFile(link.url, base);
        if (file) linked.add(file);
      }
    }
    for (const css of listFiles(dist).filter((f) => f.endsWith('.css'))) {
      for (const [, url] of readFileSync(join(dist, css), 'utf8').matchAll(/url\(["']?([^"')]+)/g)) linked.add(localFile(url!, base) ?? url!);
    }
    const images = listFiles(dist).filter((f) => /^_astro\/.*\.(png|jpe?g|webp|avif|gif|svg)$/i.test(f));
    assert.ok(images.length > 20, `images built: ${images.length}`);
    assert.deepEqual(images.filter((f) => !linked.has(f)), []);
  });
});
