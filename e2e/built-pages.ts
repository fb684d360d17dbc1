/**
 * The pages of the production build, read from dist/ so that every page is covered, however
 * many booths the content has. Redirect stubs (legacy permalinks) are marked: they navigate
 * away at once and have nothing to check.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface BuiltPage {
  /** URL path as served, e.g. "/booths/spotify/" or "/404.html". */
  path: string;
  /** Size of the HTML file in bytes. */
  bytes: number;
  /** A <meta http-equiv="refresh"> stub that sends the visitor elsewhere. */
  redirect: boolean;
}

export const dist = join(import.meta.dirname, '..', 'dist');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every file of the build, as absolute paths. */
export function builtFiles(): string[] {
  return walk(dist);
}

export function builtPages(): BuiltPage[] {
  return walk(dist)
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      return {
        path: '/' + relative(dist, file).replace(/\\/g, '/').replace(/(^|\/)index\.html$/, '$1'),
        bytes: Buffer.byteLength(html),
        redirect: /<meta\s+http-equiv="refresh"/i.test(html),
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Booth pages whose hero band has an image, with the crop it asks for ("0% 35%"). */
export function boothsWithHero(): { path: string; position: string }[] {
  return contentPages().flatMap(({ path }) => {
    if (!path.startsWith('/booths/')) return [];
    const position = /class="hero[^"]*"[^>]*\bdata-position="([^"]+)"/.exec(readFileSync(join(dist, path, 'index.html'), 'utf8'))?.[1];
    return position ? [{ path, position }] : [];
  });
}

/** Pages a visitor reads (everything but redirect stubs). */
export function contentPages(): BuiltPage[] {
  return builtPages().filter((p) => !p.redirect);
}

/**
 * The three pages the issue names: the hall, the roles board and one booth (the largest, so
 * the one with the most kinds of content; BOOTH=/booths/<id>/ picks another).
 */
export function keyPages(): { name: string; path: string }[] {
  const booths = contentPages().filter((p) => p.path.startsWith('/booths/'));
  const booth = process.env['BOOTH'] ?? booths.toSorted((a, b) => b.bytes - a.bytes)[0]?.path;
  if (!booth) throw new Error('the build has no booth page');
  return [
    { name: 'hall', path: '/' },
    { name: 'booth', path: booth },
    { name: 'board', path: '/roles/' },
  ];
}
