/**
 * Reading an outside server's answer as text: uncompressed while it is read when the server
 * compressed it though asked not to (so the byte limit applies to what it unpacks to, and a
 * small bomb stays small), then decoded in the charset the server or the page declares, UTF-8
 * when the declaration is missing or names no charset this runtime knows.
 */
import zlib from 'node:zlib';
import type { Transform } from 'node:stream';

/**
 * A stream that undoes a Content-Encoding; null when there is nothing to undo, undefined for
 * an encoding we cannot undo. Flushing instead of finishing reads a body that is cut short.
 */
export function decompressor(contentEncoding: string | undefined): Transform | null | undefined {
  const encoding = (contentEncoding ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return null;
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
  if (encoding === 'deflate') return zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
  if (encoding === 'br') return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
  return undefined;
}

/** The charset named by Content-Type, else by the page's first kilobyte (a BOM, or <meta charset>). */
function charsetOf(bytes: Buffer, contentType: string): string {
  const declared = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
  if (declared) return declared;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = bytes.subarray(0, 1024).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ?? 'utf-8';
}

/** The bytes of a page or an API answer as text. */
export function decodeText(bytes: Buffer, contentType: string | undefined): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charsetOf(bytes, contentType ?? ''));
  } catch {
    decoder = new TextDecoder('utf-8'); // a label no runtime knows: read it as the web's default
  }
  return decoder.decode(bytes);
}
