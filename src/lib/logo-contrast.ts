/**
 * Whether a logo can be seen on the plate it sits on: a white logo made for dark paper all
 * but disappears on the hall's white plates. Works on the logo's pixels (RGBA, as sharp
 * decodes them), laid over the plate colour as a browser draws them: the "ink" is every pixel
 * that differs from the plate, and the logo reads when its strongest ink (the darkest tenth
 * on a light plate) reaches 1.5:1 against the plate. WCAG sets no contrast for logotypes, and
 * brand colours are often light (Spotify's green is 1.9:1 on white, and reads); below 1.5:1
 * (light grey, pale yellow, white) a shape is hard to tell from its plate. A logo on its own
 * opaque background reads by its marks on it. Pure: scripts/lib/check-content/logos.ts decodes the files.
 */

/** A colour as 0–255 red, green, blue. */
export type Rgb = readonly [number, number, number];

/** Relative luminance of an sRGB colour (WCAG 2). */
function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG contrast ratio of two luminances, 1 to 21. */
function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** "#16191f" → [22, 25, 31]. */
export function hexColour(hex: string): Rgb | undefined {
  const m = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex.trim());
  if (!m) return undefined;
  const digits = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as unknown as Rgb;
}

/** The least contrast a logo's strongest ink must reach against its plate. */
export const minLogoContrast = 1.5;
/** Pixels that differ from the plate by less than this are the plate, not the logo. */
const INK = 1.1;

export interface LogoContrast {
  /** Share of the logo's area that differs from the plate, 0–1. */
  ink: number;
  /** Contrast of the strongest tenth of the ink against the plate (1 when there is no ink). */
  contrast: number;
}

/** Measures a logo's pixels (RGBA, 4 bytes each) drawn on a plate of colour `plate`. */
export function logoContrast(rgba: Uint8Array, plate: Rgb): LogoContrast {
  const plateLum = luminance(plate);
  const ratios: number[] = [];
  const pixels = rgba.length / 4;
  for (let i = 0; i < rgba.length; i += 4) {
    const alpha = rgba[i + 3]! / 255;
    if (alpha === 0) continue;
    const over = (c: number, p: number) => c * alpha + p * (1 - alpha);
    const ratio = contrast(luminance([over(rgba[i]!, plate[0]), over(rgba[i + 1]!, plate[1]), over(rgba[i + 2]!, plate[2])]), plateLum);
    if (ratio >= INK) ratios.push(ratio);
  }
  if (ratios.length === 0) return { ink: 0, contrast: 1 };
  ratios.sort((a, b) => a - b);
  return { ink: ratios.length / pixels, contrast: ratios[Math.floor(ratios.length * 0.9)]! };
}

/** Whether a measured logo reads on its plate. */
export function readsOnPlate(measured: LogoContrast): boolean {
  return measured.ink >= 0.005 && measured.contrast >= minLogoContrast;
}
