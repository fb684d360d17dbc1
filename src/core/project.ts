/**
 * Where a boothkit project keeps its content, and the day it is built for: the one place the
 * content folder is named. The build, the content check, the commands, the post-build tools
 * and the tests read their paths from here.
 */

/** The content folder, relative to the project. */
export const contentDir = 'src/content';

/** Where each kind of content lives, relative to the content folder. */
export const contentLayout = {
  conference: 'conference.yaml',
  tiers: 'tiers.yaml',
  areas: 'areas.yaml',
  locations: 'locations.yaml',
  sponsors: 'sponsors',
  roles: 'roles',
} as const;

/** A path in the content folder, relative to the project: `contentPath(contentLayout.tiers)` → "src/content/tiers.yaml". */
export function contentPath(...parts: string[]): string {
  return [contentDir, ...parts].join('/');
}

/**
 * The day the site is built for, YYYY-MM-DD. Roles whose closing date is before it are
 * closed. BOOTHKIT_BUILD_DATE fixes it for tests and reproducible builds.
 */
export function buildDate(env: Record<string, string | undefined> = process.env): string {
  const fixed = env['BOOTHKIT_BUILD_DATE'];
  if (fixed) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(fixed)) throw new Error(`BOOTHKIT_BUILD_DATE is "${fixed}"; expected a date written as YYYY-MM-DD`);
    return fixed;
  }
  return new Date().toISOString().slice(0, 10);
}
