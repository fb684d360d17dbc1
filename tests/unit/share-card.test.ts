/**
 * Share cards (src/lib/share-card.ts): a 1200 × 630 PNG with the sponsor's words as text (never
 * as markup), the same pixels on a machine without any font, and kept in the cache by what
 * they show.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import sharp from 'sharp';
import { cardKey, drawCard, shareCard, type CardContent } from '../../src/lib/share-card.ts';
import { projectRoot } from '../support/project.ts';

const dir = mkdtempSync(join(tmpdir(), 'boothkit-cards-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// A logo of shapes only: an SVG with text would use the machine's fonts, as a browser does.
const logoFile = join(dir, 'logo.svg');
writeFileSync(logoFile, '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><circle cx="50" cy="50" r="40" fill="#0a57a6"/><rect x="110" y="30" width="170" height="40" fill="#16191f"/></svg>');
const content: CardContent = {
  kicker: 'Booth · Gold sponsor',
  title: 'Acme <b>Audio</b> & Friends',
  footer: 'ISMIR 2020 · 11–16 October 2020',
  site: 'sponsors.example.org',
  logo: { file: logoFile, plate: 'light' },
};

describe('share cards', () => {
  it('are 1200 × 630 PNGs with words on them', async () => {
    const card = await drawCard(content);
    const meta = await sharp(card).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['png', 1200, 630]);
    const { channels } = await sharp(card).stats();
    assert.ok(channels[0]!.min < 60, 'dark marks: words and a logo on white');
  });

  it('come out the same on a machine without fonts: the words use the fonts of an npm package', async () => {
    const draw = (env: Record<string, string>) => {
      const script = `import { drawCard } from ${JSON.stringify(join(projectRoot, 'src/lib/share-card.ts'))};
        process.stdout.write((await drawCard(${JSON.stringify(content)})).toString('base64'));`;
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, ...env } });
      assert.equal(result.status, 0, result.stderr);
      return sharp(Buffer.from(result.stdout, 'base64')).greyscale().raw().toBuffer();
    };
    // A fontconfig that knows no font at all, as on a fresh machine without font packages.
    const fontless = join(dir, 'no-fonts.conf');
    writeFileSync(fontless, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><cachedir>${join(dir, 'fc-cache')}</cachedir></fontconfig>`);
    const [here, bare] = await Promise.all([draw({}), draw({ FONTCONFIG_FILE: fontless })]);
    // The same glyphs in the same places; only the system's hinting settings may shift an edge
    // pixel (a missing font would leave empty boxes or nothing: thousands of pixels apart).
    let apart = 0;
    for (let i = 0; i < here.length; i++) if (Math.abs(here[i]! - bare[i]!) > 64) apart++;
    assert.ok(apart < here.length * 0.005, `${apart} of ${here.length} pixels differ`);
  });

  it('are kept by a digest of what they show, and read back from the cache', async () => {
    const cache = join(dir, 'cache');
    const first = await shareCard(content, cache);
    const [file] = readdirSync(cache);
    assert.equal(file, `${cardKey(content)}.png`);
    // What the cache holds is what a build uses: a card is drawn once.
    const marker = await sharp({ create: { width: 1200, height: 630, channels: 3, background: '#ff0000' } }).png().toBuffer();
    writeFileSync(join(cache, file!), marker);
    assert.deepEqual(await shareCard(content, cache), marker);
    assert.notDeepEqual(first, marker);
    // Anything drawn on the card changes its key: the words, the plate, the logo's bytes.
    assert.notEqual(cardKey({ ...content, title: 'Acme Audio' }), cardKey(content));
    assert.notEqual(cardKey({ ...content, logo: { file: logoFile, plate: 'dark' } }), cardKey(content));
    const before = cardKey(content);
    writeFileSync(logoFile, '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><rect width="300" height="100" fill="#0a57a6"/></svg>');
    assert.notEqual(cardKey(content), before);
  });
});
