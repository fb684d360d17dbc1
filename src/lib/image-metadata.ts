/**
 * Reading a content image's facts without shipping its original file. Astro publishes an
 * image's original when its `src` is read while pages are built (it cannot tell a page that
 * links the original from one that only digests the metadata), so a 6,668-pixel logo would be
 * published beside the small copies made of it. Width, height and format are read freely; the
 * address only where the original is the file to show (SVG). tests/built checks that no
 * original image is published unless a page links it, so an Astro upgrade that changes this
 * fails there.
 */
import type { ImageMetadata } from 'astro';
import { getUntrackedImage } from 'astro/assets/image-asset';

/** Width, height and format of an image, leaving its original out of the build. */
export function imageFacts(image: ImageMetadata): Pick<ImageMetadata, 'width' | 'height' | 'format'> {
  const { width, height, format } = image;
  return { width, height, format };
}

/** The URL of the original file: used (and so published) for SVG, which is the right file at any size. */
export function originalUrl(image: ImageMetadata): string {
  return image.src;
}

/**
 * A JSON.stringify replacer that writes an image as its metadata without marking its original
 * as used (src/content.ts digests all content data for the incremental build's page keys).
 */
export function imagesUnused(_key: string, value: unknown): unknown {
  return getUntrackedImage(value);
}
