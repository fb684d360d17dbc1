/**
 * The picture a link preview shows (Open Graph og:image, 1200 × 630 PNG) for a booth or a
 * role: the sponsor's logo on its plate, what the page is, its title, and the conference.
 * Made with sharp: an SVG template for the shapes and colours, the logo fitted into its plate,
 * and the words set by Pango with the DejaVu fonts of the `dejavu-fonts-ttf` package, so a
 * card looks the same on any machine, whatever fonts it has (a fresh CI machine has none
 * that sharp would find). Cards are kept in Astro's cache folder by a digest of everything
 * drawn on them: a rebuild makes only the cards whose content changed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import type { Plate } from '../schemas/shared.ts';

export const cardSize = { width: 1200, height: 630 } as const;

export interface CardContent {
  /** What the page is, above the title: "Booth · Gold sponsor", "Internship at Spotify". */
  kicker: string;
  /** The booth's sponsor or the role's title. */
  title: string;
  /** "ISMIR 2020 · 11–16 October 2020" */
  footer: string;
  /** The site's address without the scheme, at the bottom right. */
  site: string;
  logo?: { file: string; plate: Plate } | undefined;
}

/** Changes whenever the drawing below changes, so cached cards are made again. */
const DESIGN = 1;

const colours = { ink: '#16191f', muted: '#4d5562', accent: '#0a57a6', surface: '#f4f6f9', border: '#dde1e7', plate: { light: '#ffffff', dark: '#16191f' } };
const margin = 72;
const plateBox = { left: margin, top: 84, width: 360, height: 120, pad: 14 };

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const fonts = { regular: join(fontDir, 'DejaVuSans.ttf'), bold: join(fontDir, 'DejaVuSans-Bold.ttf') };

/** Text for Pango markup: sponsors' words are data, never markup. */
function markupText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface Layer {
  input: Buffer;
  raw: { width: number; height: number; channels: 4 };
}

/** A block of text as raw RGBA pixels, at most `width` wide and `maxHeight` tall (smaller type when it would not fit). */
async function textBlock(text: string, options: { bold?: boolean; size: number; width: number; maxHeight: number; colour: string }): Promise<Layer> {
  const render = (size: number) =>
    sharp({
      text: {
        text: `<span foreground="${options.colour}">${markupText(text)}</span>`,
        font: `DejaVu Sans ${options.bold ? 'Bold ' : ''}${size}px`,
        fontfile: options.bold ? fonts.bold : fonts.regular,
        width: options.width,
        wrap: 'word-char',
        rgba: true,
        spacing: Math.round(size * 0.2),
      },
    })
      .raw()
      .toBuffer({ resolveWithObject: true });
  let size = options.size;
  let { data, info } = await render(size);
  while (info.height > options.maxHeight && size > 20) {
    size = Math.floor(size * 0.85);
    ({ data, info } = await render(size));
  }
  // Still too long at the smallest type: the lines that fit (rows of pixels are contiguous).
  const height = Math.min(info.height, options.maxHeight);
  return { input: data.subarray(0, info.width * height * 4), raw: { width: info.width, height, channels: 4 } };
}

function template(content: CardContent): Buffer {
  const { width, height } = cardSize;
  const plate = content.logo ? colours.plate[content.logo.plate] : colours.plate.light;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <rect width="${width}" height="${height}" fill="#ffffff"/>
  <rect width="${width}" height="12" fill="${colours.accent}"/>
  <rect y="${height - 96}" width="${width}" height="96" fill="${colours.surface}"/>
  <rect y="${height - 97}" width="${width}" height="1" fill="${colours.border}"/>
  ${content.logo ? `<rect x="${plateBox.left + 0.5}" y="${plateBox.top + 0.5}" width="${plateBox.width - 1}" height="${plateBox.height - 1}" rx="12" fill="${plate}" stroke="${colours.border}"/>` : ''}
</svg>`;
  return Buffer.from(svg);
}

/** The logo fitted into the plate, centred. */
async function logoLayer(logo: NonNullable<CardContent['logo']>): Promise<OverlayOptions> {
  const inner = { width: plateBox.width - 2 * plateBox.pad, height: plateBox.height - 2 * plateBox.pad };
  // Read into memory first: an SVG given as bytes cannot reach other files on the machine.
  const { data, info } = await sharp(readFileSync(logo.file), { density: 300 })
    .resize({ ...inner, fit: 'inside' })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { input: data, left: plateBox.left + plateBox.pad + Math.round((inner.width - info.width) / 2), top: plateBox.top + plateBox.pad + Math.round((inner.height - info.height) / 2) };
}

/**
 * What every card of the site shares (the template with its plate, the conference and the
 * site's address) as raw pixels, made once per build and plate colour: a card then adds only
 * its logo and its words.
 */
const backgrounds = new Map<string, Promise<Layer>>();

function background(content: CardContent): Promise<Layer> {
  const key = JSON.stringify([content.logo?.plate, content.footer, content.site]);
  let made = backgrounds.get(key);
  if (!made) {
    made = (async () => {
      const { width, height } = cardSize;
      const textWidth = width - 2 * margin;
      const footer = await textBlock(content.footer, { bold: true, size: 28, width: Math.round(textWidth * 0.62), maxHeight: 40, colour: colours.ink });
      const site = await textBlock(content.site, { size: 24, width: Math.round(textWidth * 0.36), maxHeight: 36, colour: colours.muted });
      const layers: OverlayOptions[] = [
        { ...footer, left: margin, top: height - 48 - Math.round(footer.raw.height / 2) },
        { ...site, left: width - margin - site.raw.width, top: height - 48 - Math.round(site.raw.height / 2) },
      ];
      const { data, info } = await sharp(template(content)).composite(layers).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      return { input: data, raw: { width: info.width, height: info.height, channels: 4 } };
    })();
    backgrounds.set(key, made);
  }
  return made;
}

/** Draws a card. */
export async function drawCard(content: CardContent): Promise<Buffer> {
  const { width, height } = cardSize;
  const textWidth = width - 2 * margin;
  const top = content.logo ? plateBox.top + plateBox.height + 40 : 96;
  const kicker = await textBlock(content.kicker, { size: 30, width: textWidth, maxHeight: 44, colour: colours.muted });
  const titleTop = top + kicker.raw.height + 14;
  const title = await textBlock(content.title, { bold: true, size: 60, width: textWidth, maxHeight: height - 96 - 28 - titleTop, colour: colours.ink });
  const base = await background(content);
  const layers: OverlayOptions[] = [
    { ...kicker, left: margin, top },
    { ...title, left: margin, top: titleTop },
  ];
  if (content.logo) layers.push(await logoLayer(content.logo));
  // True-colour PNG at a low compression level: a palette would make it a third smaller but
  // take ten times as long, which a thousand sponsors would feel.
  return sharp(base.input, { raw: base.raw }).composite(layers).png({ compressionLevel: 3 }).toBuffer();
}

/** The digest of everything a card shows: its text, its design, and the logo file's bytes. */
export function cardKey(content: CardContent): string {
  const hash = createHash('sha256').update(JSON.stringify([DESIGN, content.kicker, content.title, content.footer, content.site, content.logo?.plate]));
  if (content.logo) hash.update(readFileSync(content.logo.file));
  return hash.digest('base64url');
}

/** A card from the cache in `cacheDir`, or drawn and kept there. */
export async function shareCard(content: CardContent, cacheDir: string): Promise<Buffer> {
  const file = join(cacheDir, `${cardKey(content)}.png`);
  try {
    return readFileSync(file);
  } catch {
    const card = await drawCard(content);
    mkdirSync(cacheDir, { recursive: true });
    // Written aside, then renamed: two builds at once never read half a card.
    writeFileSync(`${file}.${process.pid}`, card);
    renameSync(`${file}.${process.pid}`, file);
    return card;
  }
}
