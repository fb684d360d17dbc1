/**
 * Images in the Logo and Booth text fields. GitHub writes a dragged file as a Markdown image
 * or, in newer editors, as an <img> tag; both become a file next to the sponsor file, and
 * the text then points to it. Anything that is not an upload (a link to another site, a
 * relative path) is refused before anything is fetched.
 */
import { attachmentProblem, downloadImage, type Download, type DownloadLimits } from './attachments.ts';
import { pictureFile } from '../../../src/core/pictures.ts';

export interface ImageRef {
  url: string;
  alt: string;
  /** 1-based line within the field. */
  line: number;
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);

/** Every image of a field, in order: Markdown images, <img> tags, and bare addresses. */
export function imageRefs(text: string, bareUrls = false): ImageRef[] {
  const refs: ImageRef[] = [];
  text.split('\n').forEach((lineText, i) => {
    for (const m of lineText.matchAll(/!\[([^\]]*)\]\(\s*<?([^\s)>]+)>?(?:\s+["'][^"']*["'])?\s*\)/g)) refs.push({ url: m[2]!, alt: m[1]!, line: i + 1 });
    for (const m of lineText.matchAll(/<img\b[^>]*>/gi)) refs.push({ url: attr(m[0], 'src') ?? '', alt: attr(m[0], 'alt') ?? '', line: i + 1 });
    if (bareUrls && !/!\[|<img\b/i.test(lineText)) for (const m of lineText.matchAll(/\bhttps?:\/\/\S+/g)) refs.push({ url: m[0], alt: '', line: i + 1 });
  });
  return refs;
}

/** Alt texts GitHub fills in by itself: "Image", or the uploaded file's name. */
export function isDefaultAlt(alt: string): boolean {
  return /^(image|img|screenshot|logo)?$/i.test(alt.trim()) || pictureFile.test(alt.trim()) || /^(image|screenshot)[\s_-]?\d*$/i.test(alt.trim());
}

export type FetchedImage = { ref: ImageRef } & Exclude<Download, { error: string }>;

/** Downloads `ref` if it is an upload; the error is a sentence for the sponsor. */
export async function fetchRef(ref: ImageRef, limits: DownloadLimits): Promise<FetchedImage | { error: string }> {
  if (!/^https?:/i.test(ref.url)) return { error: `"${ref.url.slice(0, 80)}" is not an uploaded file; drag the image into the field so GitHub uploads it` };
  const refused = attachmentProblem(ref.url, limits.hosts);
  if (refused) return { error: refused };
  const result = await downloadImage(ref.url, limits);
  return 'error' in result ? result : { ref, ...result };
}

/**
 * The booth text with each uploaded image pointing to its file, <img> tags written as
 * Markdown images on the same line (so line numbers stay those of the field).
 */
export function pointToFiles(text: string, files: Map<string, string>): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/<img\b[^>]*>/gi, (tag) => {
          const src = attr(tag, 'src') ?? '';
          return files.has(src) ? `![${(attr(tag, 'alt') ?? '').replace(/[[\]]/g, '')}](${files.get(src)})` : tag;
        })
        .replace(/(!\[[^\]]*\]\(\s*<?)([^\s)>]+)/g, (whole, head: string, url: string) => (files.has(url) ? `${head}${files.get(url)}` : whole)),
    )
    .join('\n');
}
