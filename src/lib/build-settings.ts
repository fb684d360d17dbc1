/**
 * How `astro build` uses the machine: how many worker threads render pages, how the content
 * store is kept between builds, and whether a rebuild reuses unchanged pages. The defaults were
 * chosen by measurement on the 2-core build machine (docs/performance.md, "Build settings");
 * each one has an environment variable so a bigger machine, or the bench, can choose another.
 */
import { explainedAt } from '../core/problem-codes.ts';

export interface BuildSettings {
  /** Worker threads that render pages (experimental.parallelPrerender); 0 renders them in the main thread. */
  workers: number;
  /** How the content store is written to node_modules/.astro (experimental.collectionStorage). */
  contentStore: 'single-file' | 'chunked';
  /** Astro's incremental build: a rebuild reuses every page whose code and page key are unchanged. */
  incremental: boolean;
}

/**
 * Measured at 1,000 booths × 10 roles on the shared 2-core machine (docs/performance.md):
 * two workers rendered no faster than the main thread (the main thread still writes every
 * page, and no core was free) and took 0.8 GB more; the chunked store saved nothing on a
 * rebuild; the incremental build costs a cold build CPU time and a second copy of every page.
 */
export const defaultBuildSettings: BuildSettings = { workers: 0, contentStore: 'single-file', incremental: false };

/** The variable of each setting, as documented in docs/performance.md. */
export const buildSettingVariables = {
  workers: 'BOOTHKIT_WORKERS',
  contentStore: 'BOOTHKIT_CONTENT_STORE',
  incremental: 'BOOTHKIT_INCREMENTAL',
} as const satisfies Record<keyof BuildSettings, string>;

/** The settings from the environment; a variable set to anything unexpected stops the build with the values it takes. */
export function buildSettings(env: Record<string, string | undefined> = process.env): BuildSettings {
  const read = <T>(key: keyof BuildSettings, parse: (text: string) => T | undefined, expected: string, fallback: T): T => {
    const name = buildSettingVariables[key];
    const text = env[name]?.trim();
    if (!text) return fallback;
    const value = parse(text);
    if (value === undefined) throw new Error(`${name} is "${text}"; expected ${expected} (see docs/performance.md, "Build settings"), or leave it unset for ${String(fallback)} (${explainedAt('build-setting')})`);
    return value;
  };
  return {
    workers: read('workers', (t) => (/^\d{1,3}$/.test(t) ? Number(t) : undefined), 'a number of worker threads such as 2, or 0 to render pages in the main thread', defaultBuildSettings.workers),
    contentStore: read('contentStore', (t) => (t === 'single-file' || t === 'chunked' ? t : undefined), '"single-file" or "chunked"', defaultBuildSettings.contentStore),
    incremental: read('incremental', (t) => (t === '1' ? true : t === '0' ? false : undefined), '1 (reuse unchanged pages) or 0', defaultBuildSettings.incremental),
  };
}

/** One line for the build log: the settings this build runs with, and where to change them. */
export function describeBuildSettings(settings: BuildSettings): string {
  const workers = settings.workers > 0 ? `pages render in ${settings.workers} worker thread${settings.workers === 1 ? '' : 's'}` : 'pages render in the main thread';
  const store = settings.contentStore === 'chunked' ? 'the content store in chunks' : 'the content store in one file';
  const incremental = settings.incremental ? 'unchanged pages reused (incremental build)' : 'every page rendered (no incremental build)';
  return `${workers}, ${store}, ${incremental}; set ${Object.values(buildSettingVariables).join(', ')} to change them`;
}
