/**
 * Where a booth image shows, and so which widths to make of it and the `sizes` that tell the
 * browser which to fetch. The figures follow the booth's CSS: the page is at most
 * --booth-width (72rem) with 1rem of padding on phones and 2rem from 48rem up; the body
 * column is at most 48rem (booths/[sponsor]/index.astro); cards sit in a grid of columns at
 * least 20rem wide (Section.astro); a person's photo is 4rem (People.astro). A sizes value a
 * little above the real width only costs a few bytes; one below it would blur the image, so
 * every value rounds up. A figure in a <Gallery> is sized for the column: a figure cannot
 * tell that it is in a gallery.
 */
export type ImagePlacement = 'column' | 'card' | 'portrait';

/**
 * `poster`: the one width of a video's poster, which cannot offer a srcset: enough for the
 * placement on a phone's dense screen, where most people watch.
 */
export const imagePlacements: Record<ImagePlacement, { sizes: string; widths: number[]; poster: number }> = {
  // The full body column: 48rem from a 52rem viewport, the viewport less the page padding below.
  column: { sizes: '(min-width: 52rem) 48rem, (min-width: 48rem) calc(100vw - 4rem), calc(100vw - 2rem)', widths: [400, 768, 1152, 1536], poster: 768 },
  // Cards of demos, media and units: about 22rem across from 48rem up, the whole width below.
  card: { sizes: '(min-width: 48rem) 22rem, calc(100vw - 2rem)', widths: [352, 704, 1056], poster: 704 },
  portrait: { sizes: '4rem', widths: [64, 128], poster: 128 },
};

/**
 * The widths to make of an image `original` px wide: the placement's widths that are clearly
 * smaller than the file (a copy 5 % smaller only adds a file), then the file's own width when
 * it is below the placement's largest.
 */
export function widthsFor(placement: ImagePlacement, original: number): number[] {
  const { widths } = imagePlacements[placement];
  if (original > widths.at(-1)!) return widths;
  return [...widths.filter((w) => w < original * 0.9), original];
}
