/** Reads `site` and `base` from the conference file for astro.config.mjs (one place to set them). */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export function siteSettings(conferenceFile: string): { site: string; base: string } {
  const data = parse(readFileSync(conferenceFile, 'utf8')) ?? {};
  // BOOTHKIT_BASE lets tests and previews build the same content under a GitHub Pages path.
  return { site: String(data.site ?? 'http://localhost'), base: process.env['BOOTHKIT_BASE'] ?? String(data.base ?? '/') };
}
