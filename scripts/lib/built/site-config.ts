/**
 * The built site's settings: `site`, `base`, `trailingSlash`, `build.format` and `outDir`.
 * In a boothkit project they come from src/lib/site-settings.ts, the module astro.config.mjs
 * takes them from (importing the Astro config itself would load Astro and every integration:
 * a second and 170 MiB). Any other Astro project's config is imported as it is.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { normalizeBase, type SiteLayout } from '../../../src/lib/built-site.ts';
import type { SiteSettings } from '../../../src/lib/site-settings.ts';
import { UsageError, type FlagSpec } from '../cli.ts';
import { contentLayout, contentPath } from '../../../src/core/project.ts';

const CONFIG_NAMES = ['astro.config.mjs', 'astro.config.ts', 'astro.config.mts', 'astro.config.js'];
const DEFAULTS = { site: 'http://localhost', base: '/', trailingSlash: 'ignore', format: 'directory', outDir: 'dist' } as const;
/** Where a boothkit project keeps its settings, and the file they are read from. */
const SETTINGS_MODULE = 'src/lib/site-settings.ts';
const CONFERENCE_FILE = contentPath(contentLayout.conference);

/** What the tools that read a build need to know about how the site was built. */
export interface SiteConfig extends SiteLayout {
  /** Origin and path the site is published at, e.g. "https://sponsors.example.org". */
  site: string;
  /** Absolute path of the built site. */
  outDir: string;
  /** Where these values came from, for the report header. */
  from: string;
}

/** The flags of the commands that read a build, for another build than the one the config names. */
export const siteFlags = {
  dist: { type: 'string', help: 'the built site (default: outDir from the Astro config, dist/)' },
  base: { type: 'string', help: 'base path the site was built for (default: from the Astro config)' },
  site: { type: 'string', help: 'address the site is published at (default: from the Astro config)' },
} satisfies Record<string, FlagSpec>;

export interface ConfigOverrides {
  base?: string | undefined;
  site?: string | undefined;
  outDir?: string | undefined;
}

type Raw = { site?: unknown; base?: unknown; trailingSlash?: unknown; format?: unknown; outDir?: unknown };

async function readByImport(file: string): Promise<Raw> {
  const module = (await import(pathToFileURL(file).href)) as { default?: Raw & { build?: { format?: unknown } } };
  const config = module.default ?? {};
  return { ...config, format: config.build?.format };
}

/** The raw settings and where they came from. */
async function readRaw(root: string): Promise<{ raw: Raw; from: string }> {
  const settings = join(root, SETTINGS_MODULE);
  if (existsSync(settings) && existsSync(join(root, CONFERENCE_FILE))) {
    const module = (await import(pathToFileURL(settings).href)) as { siteSettings: (file: string) => SiteSettings };
    return { raw: module.siteSettings(join(root, CONFERENCE_FILE)), from: `${SETTINGS_MODULE} and ${CONFERENCE_FILE}` };
  }
  const file = CONFIG_NAMES.map((name) => resolve(root, name)).find((path) => existsSync(path));
  return file ? { raw: await readByImport(file), from: file.slice(resolve(root).length + 1) } : { raw: {}, from: 'Astro defaults (no astro.config found)' };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError('site-config', `${name} in the Astro config is ${JSON.stringify(value)}; expected one of ${allowed.join(', ')}`);
}

/** The built site's settings; `overrides` come from command-line flags. */
export async function readSiteConfig(root: string, overrides: ConfigOverrides = {}): Promise<SiteConfig> {
  let read: Awaited<ReturnType<typeof readRaw>>;
  try {
    read = await readRaw(root);
  } catch (error) {
    throw new UsageError('site-config', `cannot read the site's settings in ${root}: ${(error as Error).message}`);
  }
  const { raw, from } = read;
  const site = overrides.site ?? (typeof raw.site === 'string' && raw.site ? raw.site : DEFAULTS.site);
  try {
    new URL(site);
  } catch {
    throw new UsageError('site-config', `site ${JSON.stringify(site)} is not an absolute URL`);
  }
  return {
    site: site.replace(/\/+$/, ''),
    base: normalizeBase(overrides.base ?? (typeof raw.base === 'string' ? raw.base : DEFAULTS.base)),
    trailingSlash: oneOf(raw.trailingSlash, ['always', 'never', 'ignore'] as const, DEFAULTS.trailingSlash, 'trailingSlash'),
    format: oneOf(raw.format, ['directory', 'file', 'preserve'] as const, DEFAULTS.format, 'build.format'),
    outDir: resolve(root, overrides.outDir ?? (typeof raw.outDir === 'string' ? raw.outDir : DEFAULTS.outDir)),
    from,
  };
}

/** The settings of a site that has been built: a usage error, saying how to build it, when it has not. */
export async function readBuiltSiteConfig(root: string, overrides: ConfigOverrides = {}): Promise<SiteConfig> {
  const config = await readSiteConfig(root, overrides);
  if (!existsSync(config.outDir)) {
    throw new UsageError('no-build', `no built site at ${relative(process.cwd(), config.outDir) || config.outDir}; run \`npm run build\` first (or pass --dist)`);
  }
  return config;
}
