/**
 * The walk over a built site: every file of the output folder, and for each HTML page the
 * addresses it is served at and its kind. The one walk the tools that read a build share: the
 * link checker's index, the site gate, the bench's page weights, the browser suite's choice of
 * pages and the Node tests of the demo's pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isHtmlFile, listFiles, pageUrl, type SiteLayout } from '../../../src/lib/built-site.ts';
import { pageKind, type PageKind } from '../../../src/lib/routes.ts';

export interface BuiltPage {
  /** Path relative to the output folder, with forward slashes, e.g. "booths/acme/index.html". */
  file: string;
  /** URL path the page is served at, base included, e.g. "/ISMIR2020/booths/acme/". */
  url: string;
  /** URL path below the base, e.g. "/booths/acme/". */
  path: string;
  kind: PageKind;
  /** Its number in a paginated list (1 for the first page and for pages that are not lists). */
  number: number;
}

export interface BuiltSite {
  /** Every file of the output folder, relative to it, sorted. */
  files: string[];
  /** Every HTML page, in the order of `files`. */
  pages: BuiltPage[];
}

/** A built HTML file as a page of a site laid out as `layout` says. */
export function builtPage(file: string, layout: SiteLayout): BuiltPage {
  const url = pageUrl(file, layout);
  const path = `/${url.slice(layout.base.length)}`;
  const { kind, page } = pageKind(path);
  return { file, url, path, kind, number: page };
}

/** Walks `outDir` once: its files, and its pages with their addresses and kinds. */
export function walkSite(outDir: string, layout: SiteLayout): BuiltSite {
  const files = listFiles(outDir);
  return { files, pages: files.filter(isHtmlFile).map((file) => builtPage(file, layout)) };
}

/** A page's bytes. */
export function readBuilt(outDir: string, page: Pick<BuiltPage, 'file'>): Buffer {
  return readFileSync(join(outDir, page.file));
}
