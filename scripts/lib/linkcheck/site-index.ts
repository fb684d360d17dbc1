/**
 * The built site in memory: every file that exists, and for each HTML page its URL, its
 * fragment targets and its links. Built once, in one pass over the output folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { scanHtml, type LinkRef } from './html.ts';
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

/** The URL path a built HTML file is served at, under the site's trailing-slash rule. */
export function pageUrl(file: string, config: SiteConfig): string {
  if (file === 'index.html') return config.base;
  if (file.endsWith('/index.html')) {
    const dir = file.slice(0, -'index.html'.length);
    return config.base + (config.trailingSlash === 'never' ? dir.slice(0, -1) : dir);
  }
  if (config.format === 'file' && file.endsWith('.html') && file !== '404.html') {
    return config.base + (config.trailingSlash === 'always' ? `${file.slice(0, -5)}/` : file.slice(0, -5));
  }
  return config.base + file;
}

function listFiles(outDir: string): string[] {
  const entries = readdirSync(outDir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const rel = relative(outDir, join(entry.parentPath, entry.name));
    files.push(sep === '/' ? rel : rel.split(sep).join('/'));
  }
  return files.sort();
}

export function indexSite(config: SiteConfig, onPage?: (done: number, total: number) => void): SiteIndex {
  const files = listFiles(config.outDir);
  const pages = new Map<string, Page>();
  const htmlFiles = files.filter((f) => f.endsWith('.html') || f.endsWith('.htm'));
  let done = 0;
  for (const file of htmlFiles) {
    const scanned = scanHtml(readFileSync(join(config.outDir, file), 'utf8'));
    const page: Page = { file, url: pageUrl(file, config), ids: scanned.ids, links: scanned.links };
    if (scanned.baseHref !== undefined) page.baseHref = scanned.baseHref;
    pages.set(file, page);
    onPage?.(++done, htmlFiles.length);
  }
  return { config, files: new Set(files), pages };
}
