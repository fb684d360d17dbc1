/**
 * Sponsor lists in a site's `_data/`, found the way Jekyll finds them: the `site.data.…`
 * expressions the sponsor pages, their layouts and includes loop over come first; data files
 * named for sponsors are read only when no page names one. A list kept per year or edition
 * (`2026:` keys, `_data/year-2026/`, rows with a year) is read for one year: `--year`, else
 * the current year the site names, else the import stops and asks.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { readDataFile, type JekyllSite, type Page } from './site.ts';
import { splitFrontMatter } from '../../../../src/core/front-matter.ts';
import { readSource } from '../source.ts';

/** Words that name people, not sponsors: such pages, includes and data files are never sponsor lists. */
export const peopleWords = /(^|[^a-z])(team|organi[sz]ers?|organi[sz]ing|committees?|volunteers?|people|staff|speakers?|keynotes?|chairs?|board|members|authors|reviewers|mentors?|students|attendees|contacts?)([^a-z]|$)/i;
/** Words that name sponsors in a file name, a data path or a loop variable. */
const sponsorPathWords = /sponsor|partner|supporter|exhibitor|patron|donor|funder/i;

export interface DataSource {
  /** "_data/sponsors.yml", "_data/conf.yml › sponsors" (a key of a file), "_data/sponsors.yml › 2026" (one year of it). */
  where: string;
  data: unknown;
  year?: number;
  /** The heading the page shows above its loop over this list ("## Academic Sponsors"): the tier of entries that name none. */
  heading?: string;
}

/** Data about the programme, not sponsors: "sponsorTalks.yaml", "_data/sponsor_sessions.yml". */
const programmePath = /talks?|sessions?|keynotes?|speakers?|schedule|program|agenda|navigation|nav|menus?|footer|header|sidebar/i;

export interface DataListing {
  sources: DataSource[];
  /** The year read, and the years left out, when the lists are kept by year. */
  years?: { chosen: number; from: string; others: number[] };
  notes: string[];
  errors: string[];
}

const yearOf = (text: string) => {
  const m = /(?:^|[^0-9])((?:19|20)\d\d)(?:[^0-9]|$)/.exec(text);
  return m ? Number(m[1]) : undefined;
};
/** "2026", "year-2026", "ismir2026", "2026-edition": a key that names a year and little else. */
const isYearKey = (key: string) => /^[a-z_-]{0,12}(19|20)\d\d[a-z_-]{0,12}$/i.test(key);

/**
 * Keys that name editions by one name and a two-digit year ("EnzymeCon23:", "EnzymeCon24:",
 * looked up as `site.data.sponsors[page.conference]`) → the year of each; undefined unless
 * there are two or more and they share the name. Years 69–99 are 19xx, as `%y` reads them.
 */
function editionYears(keys: string[]): Map<string, number> | undefined {
  const parts = keys.map((key) => /^([a-z][a-z_-]{0,15}?)[-_]?(\d\d)$/i.exec(key));
  if (parts.length < 2 || parts.some((p) => !p) || new Set(parts.map((p) => p![1]!.toLowerCase())).size !== 1) return undefined;
  return new Map(keys.map((key, i) => {
    const yy = Number(parts[i]![2]);
    return [key, yy >= 69 ? 1900 + yy : 2000 + yy];
  }));
}

/** A map whose keys are years ("2025:", "2026:") or editions ("EnzymeCon23:") → one value per year; undefined otherwise. */
function byYearKey(data: unknown): Map<number, unknown> | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const entries = Object.entries(data as Record<string, unknown>);
  const editions = editionYears(entries.map(([k]) => k));
  // An edition with nothing in it yet ("EnzymeCon24:" and no list) is a year with no sponsors.
  if (editions) return new Map(entries.map(([k, v]) => [editions.get(k)!, v ?? []]));
  const years = entries.filter(([k, v]) => isYearKey(k) && v && typeof v === 'object');
  if (years.length === 0 || years.length < entries.length / 2) return undefined;
  return new Map(years.map(([k, v]) => [yearOf(k)!, v]));
}

/** A list whose items each carry a year (`year: 2026`, a "Conference Year" column) → one list per year. */
function byYearField(data: unknown): Map<number, unknown[]> | undefined {
  if (!Array.isArray(data) || data.length === 0) return undefined;
  const yearField = (item: unknown) => {
    if (!item || typeof item !== 'object') return undefined;
    const entry = Object.entries(item as Record<string, unknown>).find(([k]) => /(^|[^a-z])(year|edition)$/i.test(k));
    return entry ? yearOf(String(entry[1])) : undefined;
  };
  const years = data.map(yearField);
  if (years.some((y) => y === undefined) || new Set(years).size < 2) return undefined;
  const out = new Map<number, unknown[]>();
  data.forEach((item, i) => out.set(years[i]!, [...(out.get(years[i]!) ?? []), item]));
  return out;
}

/** `site.data.a.b`, `site.data["a"].b` in Liquid → ["a", "b"], with the heading the text shows above it. */
function dataReferences(text: string): { path: string[]; variable?: string; heading?: string }[] {
  const found: { path: string[]; variable?: string; heading?: string }[] = [];
  const pattern = /(?:\{%-?\s*(?:for\s+([\w-]+)\s+in|assign\s+([\w-]+)\s*=)\s*)?site\.data((?:\.[A-Za-z0-9_-]+|\[\s*["'][^"'\]]+["']\s*\])+)/g;
  for (const m of text.matchAll(pattern)) {
    const path = [...m[3]!.matchAll(/\.([A-Za-z0-9_-]+)|\[\s*["']([^"']+)["']\s*\]/g)].map((p) => p[1] ?? p[2]!);
    const variable = m[1] ?? m[2];
    const before = text.slice(0, m.index);
    const heading = [...before.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$|<h[1-6][^>]*>([^<{]+)<\/h[1-6]>/gm)].at(-1);
    const headingText = (heading?.[1] ?? heading?.[2])?.trim();
    found.push({ path, ...(variable ? { variable } : {}), ...(headingText && !headingText.includes('{{') ? { heading: headingText } : {}) });
  }
  return found;
}

/** The data file a reference starts in, and the keys inside it: ["year-2026", "sponsors", "gold"] → _data/year-2026/sponsors.yml, ["gold"]. */
function dataFileOf(site: JekyllSite, path: string[]): { file: string; keys: string[] } | undefined {
  for (let i = path.length; i >= 1; i--) {
    const stem = join(site.root, '_data', ...path.slice(0, i));
    const file = site.dataFiles.find((f) => f.slice(0, f.lastIndexOf('.')) === stem);
    if (file) return { file, keys: path.slice(i) };
    if (existsSync(stem) && statSync(stem).isDirectory()) return undefined;
  }
  return undefined;
}

/** The files that make up what a page shows: the page, its layouts, and the includes they pull in. */
function sources(site: JekyllSite, page: Page): { path: string; text: string }[] {
  const seen = new Set<string>();
  const out: { path: string; text: string }[] = [];
  const add = (path: string, text: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({ path, text });
    for (const m of text.matchAll(/\{%-?\s*include(_relative)?\s+([\w./-]+)/g)) {
      // {% include x %} is under _includes/; {% include_relative x %} next to the including page.
      const file = m[1] ? resolve(site.root, dirname(path), m[2]!) : site.includes.get(m[2]!);
      if (file && resolve(file).startsWith(resolve(site.root) + sep) && existsSync(file) && statSync(file).isFile()) add(m[1] ? relative(site.root, file).split('\\').join('/') : `_includes/${m[2]}`, readSource(file).text);
    }
    const layout = /^layout:\s*["']?([\w./-]+)/m.exec(splitFrontMatter(text)?.yaml ?? '')?.[1];
    const layoutFile = layout ? site.layouts.get(layout) : undefined;
    if (layoutFile) add(`_layouts/${layout}`, readSource(layoutFile).text);
  };
  const layout = typeof page.front['layout'] === 'string' ? page.front['layout'] : undefined;
  add(page.path, page.body);
  const layoutFile = layout ? site.layouts.get(layout) : undefined;
  if (layoutFile) add(`_layouts/${layout}`, readSource(layoutFile).text);
  return out;
}

const rel = (site: JekyllSite, file: string) => relative(site.root, file).split('\\').join('/');

/** Whether a page is about people (a team or committee page), by its path and title. */
export function isPeoplePage(page: Page): boolean {
  const title = typeof page.front['title'] === 'string' ? page.front['title'] : '';
  return peopleWords.test(page.path) || (peopleWords.test(title) && !sponsorPathWords.test(title));
}

/**
 * The sponsor lists of the site's data: the ones its sponsor pages show, else the data files
 * named for sponsors, each split by year where it keeps several.
 */
export function readDataSources(site: JekyllSite, wantedYear: number | undefined): DataListing {
  const notes: string[] = [];
  const errors: string[] = [];
  const cache = new Map<string, ReturnType<typeof readDataFile>>();
  const read = (file: string) => {
    if (!cache.has(file)) {
      const result = readDataFile(file);
      cache.set(file, result);
      if (result.error) errors.push(`${rel(site, file)}: not YAML (${result.error}); fix it, Jekyll would refuse it too`);
      notes.push(...result.duplicates.map((d) => `${rel(site, file)}: ${d}`));
    }
    return cache.get(file)!;
  };

  // 1. What the sponsor pages loop over (site.data.sponsors.levels, site.data.year-2026.sponsors).
  const referenced = new Map<string, DataSource>();
  for (const page of site.pages.filter((p) => !isPeoplePage(p))) {
    for (const { path, text } of sources(site, page)) {
      if (peopleWords.test(basename(path))) continue;
      // A loop counts in a file about sponsors (the page, an include named for them); in a layout or another include, only a list or loop named for them.
      const context = sponsorPathWords.test(path);
      for (const ref of dataReferences(text)) {
        if (!context && !sponsorPathWords.test(ref.path.join('.')) && !sponsorPathWords.test(ref.variable ?? '')) continue;
        const at = dataFileOf(site, ref.path);
        if (!at || peopleWords.test(rel(site, at.file)) || programmePath.test(basename(at.file))) continue;
        // A file named for sponsors is read whole (its keys are tiers); in another file, the key the page names.
        const key = sponsorPathWords.test(basename(at.file)) ? undefined : at.keys[0];
        const where = key ? `${rel(site, at.file)} › ${key}` : rel(site, at.file);
        if (referenced.has(where)) continue;
        const data = read(at.file).data;
        const value = key ? (data as Record<string, unknown> | undefined)?.[key] : data;
        if (value !== undefined) referenced.set(where, { where, data: value, ...(ref.heading ? { heading: ref.heading } : {}) });
      }
    }
  }
  // 2. Otherwise the data files named for sponsors.
  const named = site.dataFiles.filter((f) => sponsorPathWords.test(rel(site, f)) && !peopleWords.test(rel(site, f).replace(/^_data\//, '')) && !programmePath.test(basename(f)));
  let found = [...referenced.values()];
  // The same list for the other years ("_data/year-2025/sponsors.yml" beside the referenced "year-2026"): they are to choose from.
  const yearless = (where: string) => where.replace(/(19|20)\d\d/g, 'YYYY');
  for (const file of named) {
    const where = rel(site, file);
    if (!referenced.has(where) && found.some((s) => s.where !== where && yearless(s.where) === yearless(where))) found.push({ where, data: read(file).data });
  }
  if (found.length === 0) found = named.map((f) => ({ where: rel(site, f), data: read(f).data }));
  else {
    const used = new Set(found.map((s) => s.where.replace(/ › .*$/, '')));
    const unused = named.map((f) => rel(site, f)).filter((w) => !used.has(w));
    if (unused.length) notes.push(`not read: ${unused.join(', ')} (no sponsor page of the site shows ${unused.length > 1 ? 'them' : 'it'}; the pages show ${[...used].join(', ')})`);
  }

  // A collection of sponsor documents (`_sponsors/acme.md` with `level:` and `image:`, shown as site.sponsors): one entry each.
  const collections = new Map<string, Page[]>();
  for (const page of site.pages) {
    const name = /^_([^/]+)\//.exec(page.path)?.[1];
    if (name && sponsorPathWords.test(name) && !peopleWords.test(name)) collections.set(name, [...(collections.get(name) ?? []), page]);
  }
  for (const [name, pages] of collections) found.push({ where: `_${name}/ (collection)`, data: pages.map((p) => p.front) });
  // Lists kept in a sponsor page's own front matter (`diamond: [{title:, image_path:, url:}]`, shown by the theme's includes).
  for (const page of site.pages.filter((p) => sponsorPathWords.test(`${p.path} ${String(p.front['title'] ?? '')}`) && !isPeoplePage(p))) {
    if (Object.values(page.front).some((v) => Array.isArray(v) && v.some((x) => x && typeof x === 'object'))) found.push({ where: `${page.path} › front matter`, data: page.front });
  }

  // 3. Lists kept by year: one source per year.
  const split: DataSource[] = found.flatMap((source) => {
    const fromPath = yearOf(source.where.replace(/ › .*$/, '').replace(/^_data\//, ''));
    if (fromPath) return [{ ...source, year: fromPath }];
    const perYear = byYearKey(source.data) ?? byYearField(source.data);
    if (!perYear) return [source];
    return [...perYear].map(([year, data]) => ({ where: `${source.where} › ${year}`, data, year }));
  });
  const years = [...new Set(split.flatMap((s) => (s.year ? [s.year] : [])))].sort((a, b) => a - b);
  if (years.length === 0) return { sources: split, notes, errors };
  const where = (year: number) => split.filter((s) => s.year === year).map((s) => s.where).join(', ');
  const choose = (): { chosen: number; from: string } | undefined => {
    if (wantedYear !== undefined) return { chosen: wantedYear, from: '--year' };
    for (const named of [site.currentYear, site.year]) if (named && years.includes(named.value)) return { chosen: named.value, from: named.from };
    return years.length === 1 ? { chosen: years[0]!, from: 'the only year it keeps' } : undefined;
  };
  const choice = choose();
  if (!choice) {
    errors.push(`the old site keeps its sponsors by year (${years.map((y) => `${y}: ${where(y)}`).join('; ')}) and names no current one; choose the year to import: --year ${years.at(-1)}`);
    return { sources: [], notes, errors };
  }
  if (!years.includes(choice.chosen)) {
    errors.push(`--year ${choice.chosen}: the old site keeps sponsors for ${years.join(', ')}, not ${choice.chosen}; choose one of those: --year ${years.at(-1)}`);
    return { sources: [], notes, errors };
  }
  // An edition announced with an empty list: say so, rather than "no sponsor list found".
  const listed = (year: number) => split.some((s) => s.year === year && !(Array.isArray(s.data) && s.data.length === 0));
  if (!listed(choice.chosen) && !split.some((s) => s.year === undefined)) {
    const withSponsors = years.filter(listed);
    errors.push(`${where(choice.chosen)} (the year chosen by ${choice.from}) lists no sponsors yet${withSponsors.length ? `; choose a year that has some: --year ${withSponsors.at(-1)}` : ''}`);
    return { sources: [], notes, errors };
  }
  return {
    sources: split.filter((s) => s.year === undefined || s.year === choice.chosen),
    years: { chosen: choice.chosen, from: choice.from, others: years.filter((y) => y !== choice.chosen) },
    notes,
    errors,
  };
}
