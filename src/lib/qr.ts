/**
 * A QR code as one SVG path, made at build time: the booth page prints it so that a poster
 * or a table at a physical booth can point to the booth's page. The `uqr` package encodes the
 * address; the path is ours, so the markup is a single element without style attributes
 * (the page's policy forbids them).
 */
import { encode } from 'uqr';

export interface QrSvg {
  /** Width and height in modules, the quiet zone included. */
  size: number;
  /** The dark modules, one run of a row per subpath. */
  path: string;
}

/** The quiet zone around the code, in modules: the four that the QR standard asks for. */
const QUIET = 4;

export function qrSvg(text: string): QrSvg {
  const { data } = encode(text, { ecc: 'M', border: 0 });
  const parts: string[] = [];
  data.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      parts.push(`M${start + QUIET} ${y + QUIET}h${x - start + 1}v1h-${x - start + 1}z`);
    }
  });
  return { size: data.length + 2 * QUIET, path: parts.join('') };
}
