/**
 * The logo plates' geometry, read from src/styles/tokens.css (the file a conference edits to
 * rebrand), so the images made at build are exactly as large as the plates they sit in: a
 * logo is fitted into the plate's inner box (its width over its height, less padding and
 * border) and made at 1× and 2× of that fitted size, never larger than the file it comes from.
 * Pure: the components pass the stylesheet's text in.
 */
import type { Plate } from '../schemas/shared.ts';
import { logoSizes } from '../schemas/tier.ts';
import { explainedAt } from '../core/problem-codes.ts';

export type LogoSize = (typeof logoSizes)[number];

/** The plate's border, in CSS pixels (the plate's CSS in src/components/images/Logo.astro draws it). */
const plateBorder = 1;
/** CSS pixels per rem: the tokens are in rem, and browsers start at 16 px. */
const REM = 16;

export interface PlateGeometry {
  /** Outer width of each plate size, CSS px. */
  widths: Record<LogoSize, number>;
  /** Width over height of every plate. */
  ratio: number;
  /** Padding inside the plate, CSS px. */
  padding: { block: number; inline: number };
}

/** A box in CSS pixels. */
export interface Box {
  width: number;
  height: number;
}

const tokensFile = 'src/styles/tokens.css';

/** "16rem" or "12px" in CSS px; undefined for anything else. */
function length(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?|\.\d+)(rem|px)$/.exec(value.trim());
  if (!m) return undefined;
  return Number(m[1]) * (m[2] === 'rem' ? REM : 1);
}

/** A token the build cannot read: the file, the property, the form expected, and where docs/errors.md explains it. */
function tokenError(problem: string): Error {
  return new Error(`${tokensFile}: ${problem} (${explainedAt('brand-token')})`);
}

/** The plates as tokens.css declares them; throws naming the file, the property and the form expected. */
export function plateGeometry(tokensCss: string): PlateGeometry {
  const declared = (name: string): string => {
    const m = new RegExp(`--${name}\\s*:\\s*([^;]+);`).exec(tokensCss);
    if (!m) throw tokenError(`--${name} is missing; the logo plates are sized from it (e.g. --booth-logo-m: 9rem)`);
    return m[1]!.trim();
  };
  const bad = (name: string, value: string, expected: string) => tokenError(`--${name} is "${value}"; expected ${expected}`);
  const widths = {} as Record<LogoSize, number>;
  for (const size of logoSizes) {
    const name = `booth-logo-${size}`;
    const value = declared(name);
    const px = length(value);
    if (px === undefined || px <= 0) throw bad(name, value, 'a length in rem or px, e.g. 9rem');
    widths[size] = px;
  }
  const ratioText = declared('booth-logo-ratio');
  const ratio = Number(ratioText);
  if (!(ratio > 0)) throw bad('booth-logo-ratio', ratioText, 'a number, the plate width over its height, e.g. 3');
  const paddingText = declared('booth-logo-padding');
  const parts = paddingText.split(/\s+/).map(length);
  if (parts.length < 1 || parts.length > 2 || parts.some((p) => p === undefined)) throw bad('booth-logo-padding', paddingText, 'one or two lengths (block, inline), e.g. 0.6rem 0.9rem');
  const [block, inline = block] = parts as number[];
  return { widths, ratio, padding: { block: block!, inline: inline! } };
}

/** The inner box of a plate: where the logo is drawn. */
export function plateInner(geometry: PlateGeometry, size: LogoSize): Box {
  const width = geometry.widths[size];
  const height = width / geometry.ratio;
  return {
    width: width - 2 * (geometry.padding.inline + plateBorder),
    height: height - 2 * (geometry.padding.block + plateBorder),
  };
}

/** The size a logo of `image`'s proportions is drawn at inside `box` (object-fit: contain), in whole CSS px. */
export function fitInto(box: Box, image: Box): Box {
  const scale = Math.min(box.width / image.width, box.height / image.height);
  return { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) };
}

/**
 * The widths to make of a raster logo drawn `drawn` px wide: 1× and 2× (for high-density
 * screens), never above the width of the file itself (a larger copy only adds bytes).
 */
export function rasterWidths(drawn: number, original: number): number[] {
  return [...new Set([drawn, drawn * 2].map((w) => Math.min(w, original)))];
}

/** The plates' colours as tokens.css declares them (--booth-color-logo-bg, --booth-color-logo-dark-bg), as hex. */
export function plateColourTokens(tokensCss: string): Record<Plate, string> {
  const colour = (name: string) => {
    const value = new RegExp(`--${name}\\s*:\\s*([^;]+);`).exec(tokensCss)?.[1]?.trim();
    if (!value || !/^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(value)) throw tokenError(`--${name} is ${value ? `"${value}"` : 'missing'}; expected a colour written as #rrggbb`);
    return value;
  };
  return { light: colour('booth-color-logo-bg'), dark: colour('booth-color-logo-dark-bg') };
}
