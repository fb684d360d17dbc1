/**
 * Every picture file in the content folder, read as the build reads it: Astro's imageMetadata
 * (the probe its image pipeline runs on each image before anything else) and sharp's pixel limit
 * (the image service resizes nothing larger). A file that fails either stops the build at the
 * first page that shows it; the content check names it first, with the fix. A renamed file or a
 * download that saved an error page as logo.png is the usual cause. Files no booth names are
 * read too: the next edit may name them. SVG files have their own check (plain-svg.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { imageMetadata } from 'astro/assets/utils';
import type { Problem } from '../core/problems.ts';
import { rasterFile } from '../core/pictures.ts';


/** sharp's default limitInputPixels, which Astro's image service keeps: 16,383 × 16,383. */
const maxPixels = 0x3fff * 0x3fff;

export async function imageFileProblems(root: string, contentDir: string): Promise<Problem[]> {
  const dir = join(root, contentDir);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => rasterFile.test(path) && !path.split(/[\\/]/).some((part) => part.startsWith('.')))
    .sort();
  const problems: Problem[] = [];
  for (const path of files) {
    const file = relative(root, join(dir, path)).split('\\').join('/');
    let size: { width: number; height: number };
    try {
      size = await imageMetadata(readFileSync(join(dir, path)), file);
    } catch {
      problems.push({ code: 'unreadable-image', file, field: '(file)', message: 'cannot be read as a picture (its first bytes are not those of a PNG, JPEG, WebP, AVIF or GIF file: a renamed file, or a page saved instead of the picture); save the picture again as PNG or JPEG' });
      continue;
    }
    if (size.width * size.height > maxPixels) {
      const megapixels = Math.round((size.width * size.height) / 1e6);
      problems.push({ code: 'unreadable-image', file, field: '(file)', message: `is ${size.width} × ${size.height} pixels (${megapixels} megapixels), more than the image pipeline opens (${Math.floor(maxPixels / 1e6)} megapixels); save it at most 4,000 pixels wide` });
    }
  }
  return problems;
}
