/**
 * Downloads an image a sponsor dragged into the form. Only GitHub's attachment hosts are
 * asked (every redirect is checked again), the size is capped before and while reading,
 * and the type is read from the file's first bytes, never from its name or the server's
 * word. An SVG must pass svgProblems (refused, not cleaned) and is then drawn to a PNG: the
 * intake never writes an SVG file.
 */
import { svgProblems } from '../../../src/lib/plain-svg.ts';
import { svgToPng } from './svg.ts';

/** An address prefix images may come from. */
export interface AttachmentHost {
  /** "https://github.com": scheme, host and port must match exactly. */
  origin: string;
  /** The path must start with this, e.g. "/user-attachments/". */
  pathPrefix: string;
}

/** Where GitHub stores files dragged into an issue: the only hosts the intake asks. */
export const githubAttachmentHosts: readonly AttachmentHost[] = [
  { origin: 'https://github.com', pathPrefix: '/user-attachments/' },
  { origin: 'https://user-images.githubusercontent.com', pathPrefix: '/' },
  { origin: 'https://private-user-images.githubusercontent.com', pathPrefix: '/' },
];

export interface DownloadLimits {
  hosts: readonly AttachmentHost[];
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Time for the whole download, redirects included. */
  timeoutMs: number;
}

/** A logo is small; 2 MB leaves room for a large PNG and stops anything else early. */
export const defaultLimits: DownloadLimits = { hosts: githubAttachmentHosts, maxBytes: 2 * 1024 * 1024, timeoutMs: 20_000 };

export type ImageType = 'png' | 'jpg' | 'webp' | 'svg';
/** A downloaded image: its bytes and type as written (an SVG arrives as the PNG drawn from it, `from: 'svg'`). */
export type Download = { bytes: Uint8Array; type: Exclude<ImageType, 'svg'>; from?: 'svg' } | { error: string };

const hostList = (hosts: readonly AttachmentHost[]) => hosts.map((h) => `${h.origin}${h.pathPrefix}`).join(', ');
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1).replace(/\.0+$/, '')} MB`;

/** Why `raw` may not be fetched, or undefined when it is an attachment address. */
export function attachmentProblem(raw: string, hosts: readonly AttachmentHost[]): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw.slice(0, 80)}" is not an address; drag the file into the field so GitHub uploads it`;
  }
  const allowed = hosts.some((h) => url.origin === h.origin && url.pathname.startsWith(h.pathPrefix)) && !url.username && !url.password;
  if (allowed) return undefined;
  return `"${raw.slice(0, 80)}" is not a file uploaded to GitHub; images are taken only from GitHub's attachment addresses (${hostList(hosts)}): drag the file into the field instead of linking to it`;
}

/** The image type from the first bytes; undefined for anything else. */
export function sniffImage(bytes: Uint8Array): ImageType | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpg';
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') return 'webp';
  const head = new TextDecoder().decode(bytes.slice(0, 4096)).replace(/^\uFEFF/, '');
  if (/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head)) return 'svg';
  return undefined;
}

/** Downloads one attachment within `limits`; every failure is a sentence for the sponsor. */
export async function downloadImage(raw: string, limits: DownloadLimits = defaultLimits): Promise<Download> {
  const refused = attachmentProblem(raw, limits.hosts);
  if (refused) return { error: refused };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    let url = raw;
    for (let hop = 0; ; hop++) {
      const response = await fetch(url, { redirect: 'manual', signal: controller.signal, headers: { accept: 'image/*' } });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        url = new URL(location, url).href;
        // GitHub sends attachment requests on to its image host: that hop must be allowed too.
        const elsewhere = attachmentProblem(url, limits.hosts);
        if (elsewhere) return { error: `the upload at "${raw}" redirects elsewhere: ${elsewhere}` };
        if (hop >= 3) return { error: `the upload at "${raw}" redirects too often; upload the file again` };
        continue;
      }
      if (response.status !== 200) {
        await response.body?.cancel();
        return { error: `could not download "${raw}" (HTTP ${response.status}); upload the file again` };
      }
      const declared = Number(response.headers.get('content-length'));
      if (declared > limits.maxBytes) {
        await response.body?.cancel();
        return { error: `the file at "${raw}" is ${megabytes(declared)}; at most ${megabytes(limits.maxBytes)} (export a smaller PNG, or an SVG)` };
      }
      const bytes = await readCapped(response, limits.maxBytes);
      if (!bytes) return { error: `the file at "${raw}" is larger than ${megabytes(limits.maxBytes)}; export a smaller PNG, or an SVG` };
      return await checkImage(bytes, raw);
    }
  } catch (error) {
    const why = controller.signal.aborted ? `no answer within ${limits.timeoutMs / 1000} s` : (error as Error).message;
    return { error: `could not download "${raw}" (${why}); try again later or upload the file again` };
  } finally {
    clearTimeout(timer);
  }
}

/** The body, or undefined as soon as it passes `max` bytes (the download is then cancelled). */
async function readCapped(response: Response, max: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    total += chunk.value.byteLength;
    if (total > max) {
      await reader!.cancel();
      return undefined;
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks);
}

async function checkImage(bytes: Uint8Array, raw: string): Promise<Download> {
  const type = sniffImage(bytes);
  if (!type) {
    const head = [...bytes.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    return { error: `the file at "${raw}" is not a PNG, JPEG, WebP or SVG image (it starts with the bytes ${head || '(empty file)'})` };
  }
  if (type === 'svg') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { error: `the SVG at "${raw}" is not UTF-8 text; export it again` };
    }
    const problems = svgProblems(text);
    if (problems.length) return { error: `the SVG at "${raw}" is refused because ${problems.join('; ')}. Export a plain SVG, or upload a PNG` };
    try {
      return { bytes: await svgToPng(bytes), type: 'png', from: 'svg' };
    } catch (error) {
      return { error: `the SVG at "${raw}" could not be drawn (${(error as Error).message.split('\n')[0]}); export it again, or upload a PNG` };
    }
  }
  return { bytes, type };
}
