/**
 * Which file a browser fetches for an image of a built page, worked out without a browser:
 * the first `<source>` of a `<picture>` whose media query matches (every image type the kit
 * writes is one current browsers show), then the `srcset` candidate whose density is the
 * smallest that covers the screen's, from the `sizes` the page gives. The site gate and the
 * bench weigh a page's images with it, on the two screens Lighthouse uses (npm run
 * bench:pages), so their figures and Lighthouse's agree.
 */
import type { ImageChoice, PageImage } from './read-page.ts';

export interface Screen {
  name: string;
  /** CSS pixels. */
  width: number;
  /** Device pixels per CSS pixel. */
  dpr: number;
}

/** Lighthouse's mobile (a Moto G Power) and desktop screens. */
export const screens: readonly Screen[] = [
  { name: 'phone', width: 412, dpr: 1.75 },
  { name: 'desktop', width: 1350, dpr: 1 },
];

/** CSS px per rem and em in media queries and sizes: the browser default. */
const REM = 16;

/** A length of `sizes` in CSS px: px, rem, em, vw, and calc()/min()/max() of them; undefined when it cannot be read. */
export function cssLength(text: string, viewport: number): number | undefined {
  const tokens = text.toLowerCase().match(/\d*\.?\d+(?:px|rem|em|vw)?|[-+*/(),]|[a-z]+(?=\()/g);
  if (!tokens || tokens.join('') !== text.toLowerCase().replace(/\s+/g, '')) return undefined;
  let at = 0;
  const unit: Record<string, number> = { px: 1, rem: REM, em: REM, vw: viewport / 100, '': 1 };
  // expr := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*; factor := number | fn '(' args ')' | '(' expr ')'
  const expr = (): number | undefined => {
    let value = term();
    while (value !== undefined && (tokens[at] === '+' || tokens[at] === '-')) {
      const op = tokens[at++];
      const right = term();
      value = right === undefined ? undefined : op === '+' ? value + right : value - right;
    }
    return value;
  };
  const term = (): number | undefined => {
    let value = factor();
    while (value !== undefined && (tokens[at] === '*' || tokens[at] === '/')) {
      const op = tokens[at++];
      const right = factor();
      value = right === undefined ? undefined : op === '*' ? value * right : value / right;
    }
    return value;
  };
  const factor = (): number | undefined => {
    const token = tokens[at++];
    if (token === undefined) return undefined;
    if (token === '(') {
      const value = expr();
      return tokens[at++] === ')' ? value : undefined;
    }
    if (token === 'calc' || token === 'min' || token === 'max') {
      if (tokens[at++] !== '(') return undefined;
      const args: (number | undefined)[] = [expr()];
      while (tokens[at] === ',') {
        at++;
        args.push(expr());
      }
      if (tokens[at++] !== ')' || args.some((a) => a === undefined)) return undefined;
      const values = args as number[];
      if (token === 'calc') return values.length === 1 ? values[0] : undefined;
      return token === 'min' ? Math.min(...values) : Math.max(...values);
    }
    const m = /^(\d*\.?\d+)(px|rem|em|vw)?$/.exec(token);
    return m ? Number(m[1]) * unit[m[2] ?? '']! : undefined;
  };
  const value = expr();
  return at === tokens.length ? value : undefined;
}

/** Whether a media condition holds on a screen `viewport` CSS px wide: min-width and max-width, joined by "and". */
export function mediaMatches(media: string | undefined, viewport: number): boolean {
  if (media === undefined || media.trim() === '' || media.trim() === 'all') return true;
  return media
    .toLowerCase()
    .split(/\s+and\s+/)
    .every((part) => {
      const m = /^\(\s*(min|max)-width\s*:\s*([^)]+)\)$/.exec(part.trim());
      if (!m) return part.trim() === 'screen' || part.trim() === 'all';
      const length = cssLength(m[2]!.trim(), viewport);
      if (length === undefined) return false;
      return m[1] === 'min' ? viewport >= length : viewport <= length;
    });
}

/** The width an image is shown at, from `sizes` (the first entry whose condition holds); 100vw when missing or unreadable, as browsers do. */
export function sizesWidth(sizes: string | undefined, viewport: number): number {
  if (sizes) {
    for (const entry of splitTopLevel(sizes)) {
      const m = /^(\(.*\))\s+(\S.*)$/.exec(entry.trim());
      const [condition, length] = m ? [m[1], m[2]!] : [undefined, entry.trim()];
      if (!mediaMatches(condition, viewport)) continue;
      const px = cssLength(length, viewport);
      if (px !== undefined) return px;
    }
  }
  return viewport;
}

function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts;
}

/** The URL of one `<img>` or `<source>` a browser fetches on `screen`: the smallest density that covers its own, else the densest. */
function pick(choice: ImageChoice, screen: Screen): string | undefined {
  const candidates = choice.srcset.length > 0 ? choice.srcset : choice.src ? [{ url: choice.src }] : [];
  if (candidates.length === 0) return undefined;
  const shown = sizesWidth(choice.sizes, screen.width);
  const density = (c: (typeof candidates)[number]) => ('w' in c && c.w ? c.w / shown : ('x' in c && c.x) || 1);
  const sorted = [...candidates].sort((a, b) => density(a) - density(b));
  return (sorted.find((c) => density(c) >= screen.dpr) ?? sorted.at(-1))!.url;
}

/** The file a browser fetches for `image` on `screen`. */
export function chosenUrl(image: PageImage, screen: Screen): string | undefined {
  const img = image.choices.at(-1);
  for (const source of image.choices.slice(0, -1)) {
    if (mediaMatches(source.media, screen.width) && source.srcset.length > 0) return pick(source, screen);
  }
  return img && pick(img, screen);
}

/** One file a page loads for its images. */
export interface ImageLoad {
  url: string;
  bytes: number;
  /** Loaded with the page (not lazy): the first screen. */
  firstScreen: boolean;
}

/** Bytes of the images a page loads: with the page (its first screen) and in all, on the screen where each is largest. */
export interface ImageWeight {
  firstScreen: number;
  total: number;
  /** The files of the screen with the largest total, heaviest first. */
  loads: ImageLoad[];
}

/** Weighs a page's images on each of `screens`; `sizeOf` gives a local URL's bytes (undefined: not a file of the site). */
export function weighImages(images: readonly PageImage[], sizeOf: (url: string) => number | undefined, on: readonly Screen[] = screens): ImageWeight {
  let weight: ImageWeight = { firstScreen: 0, total: 0, loads: [] };
  let firstScreen = 0;
  for (const screen of on) {
    const loads = new Map<string, ImageLoad>();
    for (const image of images) {
      const url = chosenUrl(image, screen);
      const bytes = url === undefined ? undefined : sizeOf(url);
      if (url === undefined || bytes === undefined) continue;
      const seen = loads.get(url);
      if (seen) seen.firstScreen ||= !image.lazy;
      else loads.set(url, { url, bytes, firstScreen: !image.lazy });
    }
    const list = [...loads.values()].sort((a, b) => b.bytes - a.bytes);
    const total = list.reduce((sum, l) => sum + l.bytes, 0);
    firstScreen = Math.max(firstScreen, list.filter((l) => l.firstScreen).reduce((sum, l) => sum + l.bytes, 0));
    if (total >= weight.total) weight = { firstScreen: 0, total, loads: list };
  }
  return { ...weight, firstScreen };
}
