/**
 * Reads `site`, `base`, `trailingSlash`, `build.format` and `outDir` from the project's Astro
 * config, with no flags. Importing astro.config.mjs loads Astro and every integration (about
 * a second and 170 MiB here), so the config text is read first: literal values are taken as
 * written, and values that come from the project's `siteSettings()` helper are computed by
 * calling that small module. Anything else falls back to importing the config itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { normalizeBase } from '../../../src/lib/built-site.ts';
import type { SiteConfig } from './types.ts';

const CONFIG_NAMES = ['astro.config.mjs', 'astro.config.ts', 'astro.config.mts', 'astro.config.js'];
const DEFAULTS = { site: 'http://localhost', base: '/', trailingSlash: 'ignore', format: 'directory', outDir: 'dist' } as const;

export class ConfigError extends Error {}

export interface ConfigOverrides {
  base?: string | undefined;
  site?: string | undefined;
  outDir?: string | undefined;
}

type Raw = { site?: unknown; base?: unknown; trailingSlash?: unknown; format?: unknown; outDir?: unknown };

/** A literal string value of `key:` in the config text; null when the key is there but not a literal. */
function literal(text: string, key: string): string | null | undefined {
  const found = new RegExp(`(?:^|[\\s{,])${key}\\s*:\\s*(['"\`])([^'"\`]*)\\1`, 'm').exec(text);
  if (found) return found[2];
  return new RegExp(`(?:^|[\\s{,])${key}\\s*[:,}\\n]`, 'm').test(text) ? null : undefined;
}

async function fromSiteSettings(text: string, configDir: string): Promise<{ site?: unknown; base?: unknown } | undefined> {
  const imported = /import\s*\{[^}]*\bsiteSettings\b[^}]*\}\s*from\s*['"](\.[^'"]+)['"]/.exec(text);
  const call = /siteSettings\(\s*['"]([^'"]+)['"]\s*\)/.exec(text);
  if (!imported?.[1] || !call?.[1]) return undefined;
  const module = (await import(pathToFileURL(resolve(configDir, imported[1])).href)) as {
    siteSettings?: (file: string) => { site?: unknown; base?: unknown };
  };
  return module.siteSettings?.(resolve(configDir, call[1]));
}

async function readStatically(file: string): Promise<Raw | undefined> {
  const text = readFileSync(file, 'utf8');
  const dir = dirname(file);
  const raw: Raw = {};
  const keys = ['site', 'base', 'trailingSlash', 'format', 'outDir'] as const;
  let settings: { site?: unknown; base?: unknown } | undefined;
  for (const key of keys) {
    const value = literal(text, key);
    if (typeof value === 'string') raw[key] = value;
    else if (value === null) {
      if (key !== 'site' && key !== 'base') return undefined;
      settings ??= await fromSiteSettings(text, dir);
      if (!settings) return undefined;
      raw[key] = settings[key];
    }
  }
  return raw;
}

async function readByImport(file: string): Promise<Raw> {
  const module = (await import(pathToFileURL(file).href)) as { default?: Raw & { build?: { format?: unknown } } };
  const config = module.default ?? {};
  return { ...config, format: config.build?.format };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(`${name} in the Astro config is ${JSON.stringify(value)}; expected one of ${allowed.join(', ')}`);
}

/** The built site's settings; `overrides` come from command-line flags. */
export async function readSiteConfig(root: string, overrides: ConfigOverrides = {}): Promise<SiteConfig> {
  const file = CONFIG_NAMES.map((name) => resolve(root, name)).find((path) => existsSync(path));
  let raw: Raw = {};
  let from = 'Astro defaults (no astro.config found)';
  if (file) {
    try {
      const fast = await readStatically(file);
      raw = fast ?? (await readByImport(file));
      from = file.slice(resolve(root).length + 1);
    } catch (error) {
      throw new ConfigError(`cannot read ${file}: ${(error as Error).message}`);
    }
  }
  const site = overrides.site ?? (typeof raw.site === 'string' && raw.site ? raw.site : DEFAULTS.site);
  try {
    new URL(site);
  } catch {
    throw new ConfigError(`site ${JSON.stringify(site)} is not an absolute URL`);
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
