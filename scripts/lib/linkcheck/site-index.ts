/**
 * The built site in memory: every file that exists, and for each HTML page its URL, its
 * fragment targets and its links. Built once, in one pass over the output folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isHtmlFile, listFiles, pageUrl } from '../../../src/lib/built-site.ts';
import { readPage, type LinkRef } from '../built/read-page.ts';
import type { SiteConfig } from './types.ts';

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
  const files = listFiles(config.outDir);
  const pages = new Map<string, Page>();
  const htmlFiles = files.filter(isHtmlFile);
  let done = 0;
  for (const file of htmlFiles) {
    const scanned = readPage(readFileSync(join(config.outDir, file), 'utf8'));
    const page: Page = { file, url: pageUrl(file, config), ids: scanned.ids, links: scanned.links };
    if (scanned.baseHref !== undefined) page.baseHref = scanned.baseHref;
    pages.set(file, page);
    onPage?.(++done, htmlFiles.length);
  }
  return { config, files: new Set(files), pages };
}
