/**
 * The built site on disk: which files it holds, and the URL each HTML file is served at (and
 * back), under the site's base path, trailing-slash rule and build format. One module, used by
 * the finish pass after the build, the site gate, the link checker, the bench and the e2e
 * suite, so that "which page is this file" has one answer.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** How Astro laid the pages out: the parts of the Astro config that decide file ↔ URL. */
export interface SiteLayout {
  /** Base path with leading and trailing slash, e.g. "/" or "/ISMIR2020/". */
  base: string;
  trailingSlash: 'always' | 'never' | 'ignore';
  format: 'directory' | 'file' | 'preserve';
}

/** "/ISMIR2020/" from "ISMIR2020", "/ISMIR2020" or "/ISMIR2020/"; "/" from "". */
export function normalizeBase(base: string): string {
  let b = base.trim() || '/';
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b += '/';
  return b;
}

/** Every file below `outDir`, relative to it, with forward slashes, sorted. */
export function listFiles(outDir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = relative(outDir, join(entry.parentPath, entry.name));
    files.push(sep === '/' ? rel : rel.split(sep).join('/'));
  }
  return files.sort();
}

export const isHtmlFile = (file: string) => file.endsWith('.html') || file.endsWith('.htm');

/** The URL path (base included) a built HTML file is served at, e.g. "booths/acme/index.html" → "/booths/acme/". */
export function pageUrl(file: string, layout: SiteLayout): string {
  if (file === 'index.html') return layout.base;
  if (file.endsWith('/index.html')) {
    const dir = file.slice(0, -'index.html'.length);
    return layout.base + (layout.trailingSlash === 'never' ? dir.slice(0, -1) : dir);
  }
  if (layout.format === 'file' && file.endsWith('.html') && file !== '404.html') {
    return layout.base + (layout.trailingSlash === 'always' ? `${file.slice(0, -5)}/` : file.slice(0, -5));
  }
  return layout.base + file;
}

/**
 * The file below the output folder that a URL on the page names, when it is one of the
 * site's own (a path under the base, no scheme): "/ISMIR2020/_astro/a.css" → "_astro/a.css".
 */
export function localFile(url: string, base: string): string | undefined {
  if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) return undefined;
  let path: string;
  try {
    path = decodeURI(url.split(/[?#]/)[0]!);
  } catch {
    return undefined;
  }
  return path.startsWith(base) ? path.slice(base.length) : undefined;
}

/**
 * The files a static host may answer a path with (below the base, no leading slash), in the
 * order it tries them: "roles/" is roles/index.html; "roles" is the file roles, then
 * roles.html, then roles/index.html.
 */
export function servedFiles(path: string): string[] {
  return path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}.html`, `${path}/index.html`];
}

/** The route of a built page without its slashes: "booths/acme/index.html" → "booths/acme", "404.html" → "404". */
export function routeOfFile(file: string): string {
  return file.replace(/(^|\/)index\.html?$/, '').replace(/\.html?$/, '').replace(/\/$/, '');
}

/**
 * The files a route's pathname (below the base, as Astro reports it: "/booths/acme/",
 * "/404.html") may have been written to, most likely first: /x/ is x/index.html with
 * build.format 'directory' and x.html with 'file'; endpoints (feeds, CSS) have neither.
 */
export function pageFiles(pathname: string): string[] {
  const path = pathname.replace(/^\//, '');
  if (path.endsWith('.html')) return [path];
  const dir = path.replace(/\/$/, '');
  return dir ? [`${dir}/index.html`, `${dir}.html`] : ['index.html'];
}

/**
 * Where a build records the content file each of its images was made from (in Astro's cache
 * folder, never published), so the site gate can name the file to fix when a page's images
 * are too heavy. Written by src/integrations/finish-pages.ts, read by scripts/lib/built/image-sources.ts.
 */
export const imageSourcesFile = 'node_modules/.astro/boothkit-image-sources.json';
