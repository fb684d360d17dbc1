/**
 * Where the site is published and how its pages are laid out: the one place astro.config.mjs
 * and the post-build checks (site gate, link check, browser suite, bench) read them from, so
 * the checks never parse the Astro config. `site` and `base` come from the conference file.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { SiteLayout } from './built-site.ts';

export interface SiteSettings extends SiteLayout {
  /** Origin the site is published at, e.g. "https://sponsors.ismir2020.net". */
  site: string;
  /** The build's output folder, relative to the project. */
  outDir: string;
}

/** Every page is a folder with an index.html, and its address ends with a slash. */
export const pageLayout = { trailingSlash: 'always', format: 'directory' } as const satisfies Omit<SiteLayout, 'base'>;

export function siteSettings(conferenceFile: string): SiteSettings {
  const data = parse(readFileSync(conferenceFile, 'utf8')) ?? {};
  return {
    site: String(data.site ?? 'http://localhost'),
    // BOOTHKIT_BASE lets tests and previews build the same content under a GitHub Pages path.
    base: process.env['BOOTHKIT_BASE'] ?? String(data.base ?? '/'),
    ...pageLayout,
    outDir: 'dist',
  };
}
