/**
 * Uploaded SVG files. An SVG from the intake is never shipped: it is drawn to a PNG with sharp
 * (`svgToPng`), and only the PNG is written. Before it is drawn it must be a plain drawing
 * (src/lib/plain-svg.ts), which keeps the renderer away from anything that could load or run.
 */
import sharp from 'sharp';

/** The longer side of a logo drawn from an SVG: room for a 2x screen at the largest logo size. */
const drawnSide = 1200;

/**
 * A plain SVG (see svgProblems) drawn to a PNG whose longer side is `drawnSide` pixels, sharp
 * reading it at the density that gives that size, so small drawings stay sharp.
 */
export async function svgToPng(svg: Uint8Array): Promise<Uint8Array> {
  const { width = drawnSide, height = drawnSide } = await sharp(svg).metadata();
  const density = Math.min(2400, Math.max(1, (72 * drawnSide) / Math.max(width, height, 1)));
  return sharp(svg, { density }).resize({ width: drawnSide, height: drawnSide, fit: 'inside' }).png().toBuffer();
}
