/**
 * Placeholder images: an SVG that shows its own description, so a booth builds and reads
 * correctly before the real logo or photo arrives, and nobody mistakes it for the real one.
 */

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Splits text into lines of at most `width` characters at spaces (a long word stays whole). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.slice(0, 4);
}

const font = 'font-family="system-ui, sans-serif"';

/**
 * The line every generated stand-in image carries: `check:content --launch` counts a stand-in
 * file as replaced once the file at its path no longer has it (the real logo under the same name).
 */
export const standInMark = '<!-- boothkit stand-in: replace this file with the real one -->';

/** A text logo: the sponsor's name in a box the hall can size like any other logo. */
export function logoSvg(name: string): string {
  const size = name.length > 18 ? 20 : 26;
  const width = Math.max(120, Math.round(name.length * size * 0.62) + 32);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} 80" width="${width}" height="80">`,
    `  ${standInMark}`,
    `  <text x="${width / 2}" y="40" fill="#1a1a1a" ${font} font-size="${size}" font-weight="700" text-anchor="middle" dominant-baseline="central">${escapeXml(name)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

/**
 * A grey image that says what belongs there: the alt text, and a second line such as
 * "placeholder for image2.jpg". `shape` is "photo" (16:9) or "hero" (wide band).
 */
export function placeholderSvg(label: string, note: string, shape: 'photo' | 'hero' = 'photo'): string {
  const [width, height] = shape === 'hero' ? [1600, 500] : [1200, 675];
  const lines = wrap(label, shape === 'hero' ? 48 : 32);
  const size = 56;
  const top = height / 2 - ((lines.length - 1) * size * 1.2) / 2 - 20;
  const text = lines.map(
    (line, i) => `  <text x="${width / 2}" y="${Math.round(top + i * size * 1.2)}" fill="#333" ${font} font-size="${size}" font-weight="700" text-anchor="middle" dominant-baseline="middle">${escapeXml(line)}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `  ${standInMark}`,
    `  <rect width="${width}" height="${height}" fill="#e8e8e8"/>`,
    ...text,
    `  <text x="${width / 2}" y="${Math.round(top + lines.length * size * 1.2 + 10)}" fill="#666" ${font} font-size="30" text-anchor="middle" dominant-baseline="middle">${escapeXml(note)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
