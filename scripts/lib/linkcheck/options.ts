/**
 * Command-line flags (and the optional link-check.json beside astro.config.mjs) turned into
 * run options, read with the commands' one flag reader (scripts/lib/cli.ts). Every mistake is
 * a UsageError, which the command reports with exit code 3.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { closest } from '../../../src/core/suggest.ts';
import { oneOf, unknown, withSuggestion } from '../../../src/core/wording.ts';
import { siteFlags } from '../built/site-config.ts';
import { helpText, readFlags, UsageError, type FlagSpec } from '../cli.ts';
import { atsNames, type AtsName, type AtsSettings } from './ats.ts';
import { LinkCache, parseDuration } from './cache.ts';
import { DEFAULT_EXTERNAL, type ExternalOptions, type HostPolicy } from './external-options.ts';
import type { RunOptions } from './run.ts';
import { contentDir } from '../../../src/core/project.ts';

const flags = {
  external: { type: 'boolean', help: 'also check outside links over the network' },
  json: { type: 'boolean', help: 'print the report as JSON on stdout' },
  ...siteFlags,
  root: { type: 'string', help: `project root with astro.config.mjs and ${contentDir} (default: .)` },
  include: { type: 'string', multiple: true, help: 'only request outside URLs matching GLOB (repeatable)' },
  exclude: { type: 'string', multiple: true, help: "never request outside URLs matching GLOB (repeatable), e.g. '*.example.com/*'" },
  concurrency: { type: 'string', help: `requests in flight overall (default ${DEFAULT_EXTERNAL.concurrency})` },
  'per-host': { type: 'string', multiple: true, help: `N, or HOST=N for one host: requests in flight per host (default ${DEFAULT_EXTERNAL.perHost})` },
  unverifiable: { type: 'string', multiple: true, help: 'treat 403/429/999 from HOST as "unverifiable" (repeatable)' },
  timeout: { type: 'string', help: 'per request (default 10s)' },
  retries: { type: 'string', help: `retries after a 5xx, timeout or network error (default ${DEFAULT_EXTERNAL.retries})` },
  cache: { type: 'string', help: 'cache of successful outside checks (default node_modules/.cache/boothkit/link-check.json)' },
  'no-cache': { type: 'boolean', help: 'neither read nor write the cache' },
  'cache-max-age': { type: 'string', help: 'how long a success stays fresh (default 24h; e.g. 30m, 12h, 7d)' },
  config: { type: 'string', help: 'JSON settings (default: link-check.json in the project root, if present)' },
  markdown: { type: 'string', help: 'also write the report as one Markdown page for an issue: dead links and closed roles by sponsor, with the commands that fix them' },
  'close-roles': { type: 'boolean', help: 'write status: closed into each role whose postings have all closed at the company (with --external; never deletes a file)' },
  'ats-api': { type: 'string', multiple: true, help: `NAME=URL: ask NAME's posting API at URL instead (a proxy, a test server); NAME: ${atsNames.join(', ')} (repeatable)` },
  'ats-host': { type: 'string', multiple: true, help: "HOST=NAME: HOST (or HOST:PORT) serves NAME's posting pages too (repeatable)" },
  quiet: { type: 'boolean', help: 'no progress line' },
  help: { type: 'boolean', short: 'h', help: 'this help' },
} satisfies Record<string, FlagSpec>;

export const HELP = helpText(
  'npm run check:links -- [options]',
  flags,
  `Checks the built site (dist/) offline: internal links, images and every srcset candidate,
#fragments, redirect pages, the sitemap, base path, and known bad link forms. With
--external it also requests every outside URL once.

Apply links of roles are also asked whether the posting has closed at the company: the
posting API of Greenhouse, Lever, Ashby, Workable or SmartRecruiters, the words of the page
(scripts/lib/linkcheck/closed-phrases.yaml) and where it redirects.

Exit codes: 0 no problems, 1 broken links in the built site, 2 problems with outside links
only, 3 usage or configuration error. Notices (moved permanently, rate-limited,
unverifiable) are reported but never fail a run. docs/links.md explains every code.`,
);

interface FileSettings {
  include?: string[];
  exclude?: string[];
  concurrency?: number;
  perHost?: number;
  hosts?: Record<string, HostPolicy>;
  timeout?: string;
  retries?: number;
  cacheMaxAge?: string;
  ats?: { apis?: Record<string, string>; hosts?: Record<string, string> };
  closedPhrases?: string[];
}

export interface CliOptions {
  run: RunOptions;
  json: boolean;
  quiet: boolean;
  help: boolean;
  /** Write status: closed into the role files whose postings have closed. */
  closeRoles: boolean;
  /** Where to write the report as a Markdown page for an issue. */
  markdown: string | undefined;
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError('bad-option', `${flag} expects a whole number, got "${value}"`);
  return n;
}

function duration(value: string, flag: string): number {
  const ms = parseDuration(value);
  if (ms === undefined) throw new UsageError('bad-option', `${flag} expects a duration such as 10s, 30m, 12h or 7d, got "${value}"`);
  return ms;
}

function atsName(value: string, where: string): AtsName {
  if ((atsNames as readonly string[]).includes(value)) return value as AtsName;
  throw new UsageError(where.includes('settings file') ? 'link-settings' : 'bad-option', withSuggestion(`${where}: ${unknown('applicant-tracking system', value)}; expected ${oneOf(atsNames)}`, closest(value, atsNames)));
}

/** The ATS settings of the file and the flags (flags win), each name and address checked. */
function atsSettings(file: FileSettings['ats'], apiFlags: string[], hostFlags: string[]): AtsSettings {
  const settings: AtsSettings = { apis: {}, hosts: {} };
  if (file !== undefined && (typeof file !== 'object' || file === null)) throw new UsageError('link-settings', 'ats in the settings file must be { "apis": { NAME: URL }, "hosts": { HOST: NAME } }');
  const pair = (item: string, flag: string) => {
    const eq = item.indexOf('=');
    if (eq < 1) throw new UsageError('bad-option', `${flag} expects NAME=VALUE, got "${item}"`);
    return [item.slice(0, eq).trim(), item.slice(eq + 1).trim()] as const;
  };
  const api = (name: string, url: string, where: string) => {
    if (!/^https?:\/\/[^/]/.test(url)) throw new UsageError(where.includes('settings file') ? 'link-settings' : 'bad-option', `${where}: "${url}" is not an http(s) address such as https://proxy.example/greenhouse`);
    settings.apis[atsName(name, where)] = url;
  };
  for (const [name, url] of Object.entries(file?.apis ?? {})) api(name, String(url), 'ats.apis in the settings file');
  for (const [host, name] of Object.entries(file?.hosts ?? {})) settings.hosts[host.toLowerCase()] = atsName(String(name), 'ats.hosts in the settings file');
  for (const item of apiFlags) api(...pair(item, '--ats-api'), '--ats-api');
  for (const item of hostFlags) {
    const [host, name] = pair(item, '--ats-host');
    settings.hosts[host.toLowerCase()] = atsName(name, '--ats-host');
  }
  return settings;
}

function textList(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || !item.trim())) throw new UsageError('link-settings', `${where} must be a list of phrases, e.g. ["position filled"]`);
  return value;
}

function readSettings(file: string): FileSettings {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as FileSettings;
  } catch (error) {
    throw new UsageError('link-settings', `cannot read ${file}: ${(error as Error).message}`);
  }
}

export function parseCli(argv: string[], cwd = process.cwd()): CliOptions {
  const { values } = readFlags(argv, flags);
  const v = { ...values, include: values.include ?? [], exclude: values.exclude ?? [], 'per-host': values['per-host'] ?? [], unverifiable: values.unverifiable ?? [], 'ats-api': values['ats-api'] ?? [], 'ats-host': values['ats-host'] ?? [] };
  const root = resolve(cwd, v.root ?? '.');
  const settingsFile = v.config ? resolve(cwd, v.config) : resolve(root, 'link-check.json');
  if (v.config && !existsSync(settingsFile)) throw new UsageError('bad-option', `--config: no file ${settingsFile}`);
  const settings = existsSync(settingsFile) ? readSettings(settingsFile) : {};

  const run: RunOptions = { root, base: v.base, site: v.site, outDir: v.dist ? resolve(cwd, v.dist) : undefined };
  if (v.external) {
    const hosts: Record<string, HostPolicy> = { ...DEFAULT_EXTERNAL.hosts, ...settings.hosts };
    let perHost = settings.perHost ?? DEFAULT_EXTERNAL.perHost;
    for (const item of v['per-host']) {
      const eq = item.lastIndexOf('=');
      if (eq < 0) perHost = positiveInt(item, '--per-host');
      else hosts[item.slice(0, eq)] = { ...hosts[item.slice(0, eq)], maxInFlight: positiveInt(item.slice(eq + 1), '--per-host') };
    }
    for (const host of v.unverifiable) hosts[host] = { ...hosts[host], policy: 'unverifiable' };
    const maxAge = duration(v['cache-max-age'] ?? settings.cacheMaxAge ?? '24h', '--cache-max-age');
    const external: ExternalOptions = {
      ...DEFAULT_EXTERNAL,
      hosts,
      perHost,
      concurrency: v.concurrency ? positiveInt(v.concurrency, '--concurrency') : (settings.concurrency ?? DEFAULT_EXTERNAL.concurrency),
      timeoutMs: duration(v.timeout ?? settings.timeout ?? '10s', '--timeout'),
      retries: v.retries ? positiveInt(v.retries, '--retries') : (settings.retries ?? DEFAULT_EXTERNAL.retries),
      include: [...(settings.include ?? []), ...v.include],
      exclude: [...(settings.exclude ?? []), ...v.exclude],
      cache: v['no-cache'] ? undefined : new LinkCache(resolve(cwd, v.cache ?? resolve(root, 'node_modules/.cache/boothkit/link-check.json')), maxAge),
      ats: atsSettings(settings.ats, v['ats-api'], v['ats-host']),
      closedPhrases: textList(settings.closedPhrases, 'closedPhrases in the settings file'),
    };
    if (external.perHost < 1 || external.concurrency < 1) throw new UsageError('bad-option', '--per-host and --concurrency must be at least 1');
    run.external = external;
  } else if (v.include.length + v.exclude.length + v['per-host'].length + v['ats-api'].length + v['ats-host'].length > 0 || v.concurrency || v.timeout || v.retries || v['close-roles']) {
    throw new UsageError('bad-option', '--include, --exclude, --per-host, --concurrency, --timeout, --retries, --ats-api, --ats-host and --close-roles apply to outside links: add --external');
  }
  return { run, json: v.json ?? false, quiet: v.quiet ?? false, help: v.help ?? false, closeRoles: v['close-roles'] ?? false, markdown: v.markdown ? resolve(cwd, v.markdown) : undefined };
}
