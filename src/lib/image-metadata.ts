/**
 * Reading a content image's facts without shipping its original file. Astro keeps an
 * image's original in the build when any of its metadata is read (it cannot tell a page that
 * links the original from one that only asks its size), so a 6,668-pixel logo read for its
 * width would be published beside the small copies made of it. Astro's own <Picture> reads a
 * hidden copy of the metadata instead, and so do these helpers. tests/built checks that no
 * original image is published unless a page links it.
 */
import type { ImageMetadata } from 'astro';

type Hidden = ImageMetadata & { clone?: ImageMetadata };

/** Width, height and format of an image, leaving its original out of the build. */
export function imageFacts(image: ImageMetadata): Pick<ImageMetadata, 'width' | 'height' | 'format'> {
  const { width, height, format } = (image as Hidden).clone ?? image;
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
  return (value as Hidden | null)?.clone ?? value;
}
