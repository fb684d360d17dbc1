/**
 * The built site in memory for the link check: every file that exists, and for each HTML page
 * its URL, its fragment targets and its links. Built once, in one walk over the output folder.
 */
import { readBuilt, walkSite } from '../built/pages.ts';
import { readPage, type LinkRef } from '../built/read-page.ts';
import type { SiteConfig } from '../built/site-config.ts';

export interface Page {
  /** Path relative to the output folder, with forward slashes. */
  file: string;
  /** Path part of the URL the page is served at, base included. */
  url: string;
  ids: Set<string>;
  links: LinkRef[];
  baseHref?: string;
}

export interface SiteIndex {
  config: SiteConfig;
  /** Every file in the output folder, relative, forward slashes. */
  files: Set<string>;
  /** HTML pages by relative file path. */
  pages: Map<string, Page>;
}

export function indexSite(config: SiteConfig, onPage?: (done: number, total: number) => void): SiteIndex {
  const site = walkSite(config.outDir, config);
  const pages = new Map<string, Page>();
  let done = 0;
  for (const built of site.pages) {
    const scanned = readPage(readBuilt(config.outDir, built).toString('utf8'));
    const page: Page = { file: built.file, url: built.url, ids: scanned.ids, links: scanned.links };
    if (scanned.baseHref !== undefined) page.baseHref = scanned.baseHref;
    pages.set(built.file, page);
    onPage?.(++done, site.pages.length);
  }
  return { config, files: new Set(site.files), pages };
}
