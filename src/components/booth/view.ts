/**
 * What every booth section needs, computed once per booth page: the sponsor, the
 * conference (time zone, chat), the build day, and helpers for local files. The page puts
 * it on `Astro.locals.booth`, so sections placed inside the MDX body (which only receive
 * the author's props) can read it too.
 */
import type { ImageMetadata } from 'astro';
import type { Conference } from '../../schemas/conference.ts';
import type { Sponsor } from '../../lib/model.ts';
import { contentLayout, contentPath } from '../../core/project.ts';

export interface BoothView {
  sponsor: Sponsor;
  conference: Conference;
  /** The build day, YYYY-MM-DD: offers after their last day are hidden. */
  today: string;
  /** Ids of media items the body shows itself (`<Video id>`); the media section skips them. */
  placedMedia: readonly string[];
}

/** Reads the booth a section belongs to; fails loudly when a page forgot to set it. */
export function boothOf(locals: { booth?: BoothView }): BoothView {
  if (!locals.booth) throw new Error('Booth sections render inside a booth page (src/pages/booths/[sponsor]/index.astro sets Astro.locals.booth)');
  return locals.booth;
}

// Every local file of every booth, resolved by Vite to a URL of the built site. Lazy: only
// the files a page uses are loaded. Vite needs the extensions written out: every type the
// schemas accept for media, captions and resources (tests/unit/booth-lib.test.ts compares).
const files = import.meta.glob<string>('/src/content/sponsors/**/*.{mp4,webm,mp3,ogg,opus,m4a,wav,vtt,pdf,pptx,odp,key,csv,zip,txt,md}', { query: '?url', import: 'default' });
const images = import.meta.glob<ImageMetadata>('/src/content/sponsors/**/*.{png,jpg,jpeg,webp,avif,gif,svg}', { import: 'default' });

/** Sponsor files write paths from the sponsors folder, e.g. "./acme/demo.mp4". */
function key(path: string): string {
  return `/${contentPath(contentLayout.sponsors, decodeURI(path).replace(/^\.\//, ''))}`;
}

/** The built URL of a local video, captions or document file. */
export async function fileUrl(path: string): Promise<string> {
  const load = files[key(path)];
  if (!load) throw new Error(`No file ${key(path)}: local files live next to the sponsor file`);
  return load();
}

/** The image metadata of a local image written as a path (MDX props), for astro:assets. */
export async function localImage(path: string): Promise<ImageMetadata> {
  const load = images[key(path)];
  if (!load) throw new Error(`No image ${key(path)}: images live next to the sponsor file`);
  return load();
}
