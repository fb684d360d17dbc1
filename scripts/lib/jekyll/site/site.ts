/**
 * A Jekyll site on disk as the importer needs it: `_config.yml` (address, base path, the
 * conference year), its pages and collection documents with their front matter and the
 * addresses Jekyll serves them at, its includes and its data files. Read-only; files are
 * listed in sorted order so the import is the same on every machine.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { splitFrontMatter } from '../../../../src/core/front-matter.ts';
import { readFrontMatter } from '../booth.ts';
import { readJekyllYaml } from '../yaml.ts';
import { readSource } from '../source.ts';

export interface Page {
  /** Absolute path. */
  file: string;
  /** Path inside the site, with "/" separators. */
  path: string;
  front: Record<string, unknown>;
  body: string;
  /** Normalised addresses the page answers to (its permalink, redirects, the default path). */
  addresses: string[];
}

export interface JekyllSite {
  root: string;
  config: Record<string, unknown>;
  /** The site's own address and base path, which links and image paths may start with. */
  prefixes: string[];
  /** "https://ismir2020.net/ISMIR2020", for links to pages that are not imported. */
  url: string | undefined;
  pages: Page[];
  /** Include name ("sponsors.html") → absolute path. */
  includes: Map<string, string>;
  /** Layout name ("page") → absolute path. */
  layouts: Map<string, string>;
  /** Data files (_data/**), absolute paths. */
  dataFiles: string[];
  /** The conference year the site states (config `year`, or a year in its title), and where. */
  year?: { value: number; from: string };
  /** The edition a site that keeps every year's data names as the current one (`current_year: 2026`), and where. */
  currentYear?: { value: number; from: string };
  /** What a person should glance at: keys written twice (the last wins, as in Jekyll). */
  notes: string[];
}

/** A site path with "/" separators. */
const sitePath = (root: string, file: string) => relative(root, file).split('\\').join('/');

/** One row per line of a CSV or TSV data file, keyed by its header, as Jekyll reads them. */
function readTable(text: string, separator: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  const [header, ...body] = rows.filter((r) => r.some((v) => v.trim()));
  return header ? body.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), (r[i] ?? '').trim()]))) : [];
}

/** A data file's contents (YAML, JSON, CSV or TSV), with its repeated keys. */
export function readDataFile(file: string): ReturnType<typeof readJekyllYaml> {
  const { text } = readSource(file);
  const ext = extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') return { data: readTable(text, ext === '.csv' ? ',' : '\t'), duplicates: [] };
  return readJekyllYaml(text);
}

const yearKeys = ['current_year', 'currentYear', 'current_edition', 'active_year', 'activeYear', 'this_year', 'edition', 'year'];

/** A year a config or data file names as the current edition ("current_year: 2026"). */
function namedYear(data: unknown): { key: string; value: number } | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  for (const key of yearKeys) {
    const value = Number((data as Record<string, unknown>)[key]);
    if (Number.isInteger(value) && value > 1900 && value < 2200) return { key, value };
  }
  return undefined;
}

/** Folders that hold no pages of their own. */
const skipped = new Set(['_site', '_layouts', '_includes', '_sass', '_data', '_drafts', '_plugins', 'node_modules', 'vendor', '.git', '.jekyll-cache', '.sass-cache', '.bundle', 'assets']);

function walk(dir: string, keep: (path: string) => boolean, skip: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      // Symbolic links are passed over, as Jekyll's safe mode (GitHub Pages) does: one could lead
      // out of the site, or back into it for ever.
      if (entry.isDirectory()) return skip(entry.name) ? [] : walk(path, keep, skip);
      return entry.isFile() && keep(path) ? [path] : [];
    });
}

/** "/Spotify/index.html", "/spotify.html", "spotify" → "/spotify": the form addresses are compared in. */
function normaliseAddress(path: string, baseurl: string): string {
  let p = path.split(/[?#]/)[0]!.trim();
  if (baseurl && (p === baseurl || p.startsWith(`${baseurl}/`))) p = p.slice(baseurl.length);
  if (!p.startsWith('/')) p = `/${p}`;
  return p.replace(/\/index\.html?$/i, '/').replace(/\.html?$/i, '').replace(/\/+$/, '').toLowerCase() || '/';
}

function pageAddresses(path: string, front: Record<string, unknown>, config: Record<string, unknown>, baseurl: string): string[] {
  const stem = path.slice(0, path.length - extname(path).length);
  const collection = /^_([^/]+)\//.exec(path)?.[1];
  const collections = (config['collections'] ?? {}) as Record<string, { permalink?: string } | undefined>;
  const name = basename(stem);
  const fill = (pattern: string) =>
    pattern
      .replace(/:collection/g, collection ?? '')
      .replace(/:(name|slug|title|basename)/g, name)
      .replace(/:path/g, collection ? stem.replace(/^_[^/]+\//, '') : stem)
      .replace(/:output_ext/g, '');
  const written = [front['permalink'], ...[front['redirect_from']].flat()].filter((v): v is string => typeof v === 'string').map(fill);
  const defaults = [collection ? fill(collections[collection]?.permalink ?? `/:collection/:path`) : `/${stem.replace(/(^|\/)index$/, '')}`];
  return [...new Set([...written, ...defaults].map((a) => normaliseAddress(a, baseurl)))];
}

function configYear(config: Record<string, unknown>): JekyllSite['year'] {
  for (const key of ['year', 'edition']) {
    const value = Number(config[key]);
    if (Number.isInteger(value) && value > 1900 && value < 2200) return { value, from: `${key}: in _config.yml` };
  }
  const title = typeof config['title'] === 'string' ? config['title'] : '';
  const year = /\b((?:19|20)\d\d)\b/.exec(title)?.[1];
  if (year) return { value: Number(year), from: `the title "${title}" in _config.yml` };
  // A site per edition often lives under its year: baseurl: "/2026".
  const base = typeof config['baseurl'] === 'string' ? config['baseurl'] : '';
  const inBase = /(?:^|[^0-9])((?:19|20)\d\d)(?:[^0-9]|$)/.exec(base)?.[1];
  return inBase ? { value: Number(inBase), from: `baseurl: "${base}" in _config.yml` } : undefined;
}

/** Reads a Jekyll site, or throws a sentence saying why the folder is not one. */
export function readSite(folder: string, siteUrl?: string): JekyllSite {
  let root = folder;
  const configFile = ['_config.yml', '_config.yaml'].map((n) => join(root, n)).find(existsSync);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new Error(`--site ${root}: no such folder`);
  let config: Record<string, unknown> = {};
  const notes: string[] = [];
  if (configFile) {
    const read = readJekyllYaml(readFileSync(configFile, 'utf8'));
    if (read.error) throw new Error(`${relative(process.cwd(), configFile)}: not YAML (${read.error}); fix it, Jekyll would refuse it too`);
    config = read.data && typeof read.data === 'object' ? (read.data as Record<string, unknown>) : {};
    notes.push(...read.duplicates.map((d) => `${basename(configFile)}: ${d}`));
  } else if (!existsSync(join(root, '_includes')) && !existsSync(join(root, '_data')) && !existsSync(join(root, '_layouts'))) {
    throw new Error(`--site ${root}: not a Jekyll site (no _config.yml, _includes/, _data/ or _layouts/); pass the folder that holds _config.yml`);
  }
  // `source: src`: the pages, _data and assets live in that folder; _config.yml stays here.
  if (typeof config['source'] === 'string' && existsSync(join(root, config['source']))) {
    const source = resolve(root, config['source']);
    if (source.startsWith(resolve(root) + sep)) root = source;
    else notes.push(`_config.yml: source: ${config['source']} leads out of the site's folder; the folder itself is read instead`);
  }
  const baseurl = typeof config['baseurl'] === 'string' ? config['baseurl'].replace(/\/+$/, '') : '';
  const url = (siteUrl ?? (typeof config['url'] === 'string' ? config['url'] : undefined))?.replace(/\/+$/, '') || undefined;
  const excluded = new Set((Array.isArray(config['exclude']) ? config['exclude'] : []).map(String));
  const collections = Object.keys((config['collections'] ?? {}) as object);
  // `include: [_pages]` renders a folder Jekyll would skip for its "_".
  const included = new Set((Array.isArray(config['include']) ? config['include'] : []).map(String));
  const pageFiles = walk(root, (p) => /\.(md|markdown|html?)$/i.test(p), (name) => !included.has(name) && (skipped.has(name) || excluded.has(name) || (name.startsWith('_') && !collections.includes(name.slice(1))) || name.startsWith('.')));
  const pages: Page[] = [];
  for (const file of pageFiles) {
    const { text } = readSource(file);
    // Jekyll renders only files that start with front matter; others are copied as they are.
    if (!splitFrontMatter(text)) continue;
    const path = relative(root, file).split('\\').join('/');
    if (excluded.has(path)) continue;
    const { front, body, duplicates } = readFrontMatter(text);
    notes.push(...duplicates.map((d) => `${path}: ${d}`));
    pages.push({ file, path, front, body, addresses: pageAddresses(path, front, config, baseurl) });
  }
  const includesDir = join(root, '_includes');
  const includes = new Map(walk(includesDir, () => true, () => false).map((f) => [relative(includesDir, f).split('\\').join('/'), f]));
  const layoutsDir = join(root, '_layouts');
  const layouts = new Map(walk(layoutsDir, () => true, () => false).map((f) => [relative(layoutsDir, f).replace(/\.[^.]+$/, '').split('\\').join('/'), f]));
  const dataFiles = walk(join(root, '_data'), (p) => /\.(ya?ml|json|csv|tsv)$/i.test(p), () => false);
  const year = configYear(config);
  // The current edition of a site that keeps every year: _config.yml, else a small data file that names it.
  let currentYear: JekyllSite['currentYear'];
  const fromConfig = namedYear(config);
  if (fromConfig && fromConfig.key !== 'year' && fromConfig.key !== 'edition') currentYear = { value: fromConfig.value, from: `${fromConfig.key}: in _config.yml` };
  for (const file of dataFiles) {
    if (currentYear) break;
    const named = /\.(ya?ml|json)$/i.test(file) ? namedYear(readDataFile(file).data) : undefined;
    if (named) currentYear = { value: named.value, from: `${named.key}: in ${sitePath(root, file)}` };
  }
  return {
    root,
    config,
    prefixes: [...(url ? [`${url}${baseurl}`, url] : []), ...(baseurl ? [baseurl] : [])],
    url: url ? `${url}${baseurl}` : undefined,
    pages,
    includes,
    layouts,
    dataFiles,
    ...(year ? { year } : {}),
    ...(currentYear ? { currentYear } : {}),
    notes,
  };
}

/** The page a link of the site points to ("/spotify", "{{ site.baseurl }}/spotify/"), if any. */
export function pageAt(site: JekyllSite, href: string): Page | undefined {
  const prefix = site.prefixes.find((p) => /^https?:/.test(p) && href.startsWith(p));
  const path = prefix ? href.slice(prefix.length) : href;
  if (/^[a-z]+:|^\/\//i.test(path)) return undefined;
  const baseurl = site.prefixes.find((p) => p.startsWith('/')) ?? '';
  const address = normaliseAddress(path, baseurl);
  return site.pages.find((p) => p.addresses.includes(address));
}
