/**
 * Page weight of a built site, per kind of page: HTML, the CSS files each page links, JS
 * (must be 0), the images it shows, and HTML+CSS gzip-compressed (what a first visit
 * downloads before images).
 *
 *   node scripts/bench/weights.ts [DIST]      (default: dist)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { facetNames } from '../../src/lib/facets.ts';

export type PageKind = 'hall' | 'booth' | 'board' | 'facet' | 'role' | 'other';

/**
 * The kind of a page from its path below the base: the hall, a booth, the board and its
 * numbered pages (/roles/page/2/), a facet's index or one of its values and their pages
 * (/roles/area/, /roles/area/machine-learning/page/2/), a role (/roles/<sponsor>/<role>/).
 */
export function pageKind(path: string): PageKind {
  if (path === '/') return 'hall';
  if (/^\/booths\/[^/]+\/$/.test(path)) return 'booth';
  if (/^\/roles\/(page\/\d+\/)?$/.test(path)) return 'board';
  const [, first, rest] = /^\/roles\/([^/]+)\/(.*)$/.exec(path) ?? [];
  if (first && (facetNames as readonly string[]).includes(first)) return 'facet';
  if (first && /^[^/]+\/$/.test(rest!)) return 'role';
  return 'other';
}

export interface PageWeight {
  path: string;
  kind: PageKind;
  html: number;
  css: number;
  js: number;
  images: number;
  /** gzip of the HTML plus gzip of each linked stylesheet. */
  gzip: number;
  /** Resources the browser would fetch by itself from another origin (stylesheets, fonts, scripts, images, frames). */
  thirdParty: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(2).find((v) => v !== undefined);

/** Weighs every .html page of `dist`, built under `base` (e.g. "/ISMIR2020/"). */
export function weighSite(dist: string, base = '/'): PageWeight[] {
  const gz = new Map<string, number>();
  const sizeOf = new Map<string, number>();
  // A local URL (with or without the base) → its file in dist, or undefined.
  const local = (url: string | undefined): string | undefined => {
    if (!url || /^([a-z]+:|\/\/)/i.test(url) || !url.startsWith('/')) return undefined;
    const path = decodeURI(url.split(/[?#]/)[0]!);
    const inDist = path.startsWith(base) ? path.slice(base.length - 1) : path;
    const file = join(dist, inDist);
    return existsSync(file) && statSync(file).isFile() ? file : undefined;
  };
  const bytes = (file: string) => {
    let size = sizeOf.get(file);
    if (size === undefined) sizeOf.set(file, (size = statSync(file).size));
    return size;
  };
  const gzipBytes = (file: string) => {
    let size = gz.get(file);
    if (size === undefined) gz.set(file, (size = gzipSync(readFileSync(file)).length));
    return size;
  };

  return walk(dist)
    .filter((f) => f.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      const path = '/' + relative(dist, file).split('\\').join('/').replace(/(^|\/)index\.html$/, '$1');
      const tags = (name: string) => html.match(new RegExp(`<${name}\\b[^>]*>`, 'gi')) ?? [];
      const styles = tags('link')
        .filter((t) => /rel\s*=\s*["']?stylesheet/i.test(t))
        .map((t) => local(attr(t, 'href')))
        .filter((f): f is string => !!f);
      let js = 0;
      for (const t of tags('script')) {
        if (/type\s*=\s*["']?application\/(ld\+)?json/i.test(t)) continue;
        const src = local(attr(t, 'src'));
        js += src ? bytes(src) : 1; // an inline script counts as non-zero
      }
      const images = new Set(tags('img').map((t) => local(attr(t, 'src'))).filter((f): f is string => !!f));
      const css = styles.reduce((sum, f) => sum + bytes(f), 0);
      const loads = [
        ...tags('link').filter((t) => /rel\s*=\s*["']?(stylesheet|preload|modulepreload|icon)/i.test(t)).map((t) => attr(t, 'href')),
        ...['script', 'img', 'iframe', 'video', 'audio', 'source', 'embed'].flatMap((name) => tags(name).map((t) => attr(t, 'src'))),
        ...[...html.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g)].map((m) => m[1]),
      ];
      const thirdParty = loads.filter((url) => url && /^(https?:)?\/\//i.test(url)).length;
      return {
        path,
        kind: pageKind(path),
        html: Buffer.byteLength(html),
        css,
        js,
        images: [...images].reduce((sum, f) => sum + bytes(f), 0),
        gzip: gzipSync(html).length + styles.reduce((sum, f) => sum + gzipBytes(f), 0),
        thirdParty,
      };
    });
}

export interface KindSummary {
  kind: PageKind;
  pages: number;
  /** Third-party loads summed over every page of the kind (0 is the goal). */
  thirdParty: number;
  /** The heaviest page of the kind by HTML+CSS gzip, and its figures. */
  heaviest: PageWeight;
  medianGzip: number;
  totalHtml: number;
}

export function summarise(weights: PageWeight[]): KindSummary[] {
  const kinds: PageKind[] = ['hall', 'booth', 'board', 'facet', 'role', 'other'];
  return kinds.flatMap((kind) => {
    const pages = weights.filter((w) => w.kind === kind);
    if (pages.length === 0) return [];
    const byGzip = [...pages].sort((a, b) => a.gzip - b.gzip);
    return [{ kind, pages: pages.length, thirdParty: pages.reduce((s, p) => s + p.thirdParty, 0), heaviest: byGzip.at(-1)!, medianGzip: byGzip[Math.floor(byGzip.length / 2)]!.gzip, totalHtml: pages.reduce((s, p) => s + p.html, 0) }];
  });
}

const kb = (n: number) => (n / 1024).toFixed(1);

/** A Markdown table: one row per page kind; `goals` (HTML+CSS gzip bytes) add a column. */
export function weightTable(weights: PageWeight[], goals: Partial<Record<PageKind, number>> = {}): string {
  const withGoals = Object.keys(goals).length > 0;
  const rows = summarise(weights).map((s) => {
    const goal = goals[s.kind];
    const verdict = goal === undefined ? '' : `${s.heaviest.gzip <= goal ? 'met' : 'MISSED'}: <= ${kb(goal)}`;
    return `| ${s.kind} | ${s.pages} | ${kb(s.medianGzip)} | ${kb(s.heaviest.gzip)} | ${withGoals ? `${verdict} | ` : ''}${kb(s.heaviest.html)} | ${kb(s.heaviest.css)} | ${s.heaviest.js} | ${kb(s.heaviest.images)} | ${s.thirdParty} | ${s.heaviest.path} |`;
  });
  return [
    `| page kind | pages | HTML+CSS gzip KB, median | HTML+CSS gzip KB, heaviest |${withGoals ? ' goal |' : ''} HTML KB | CSS KB | JS bytes | images KB | third-party loads | heaviest page |`,
    `|---|---:|---:|---:|${withGoals ? '---|' : ''}---:|---:|---:|---:|---:|---|`,
    ...rows,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? 'dist');
  const base = process.env['BOOTHKIT_BASE'] ?? '/';
  const weights = weighSite(dist, base);
  const jsFiles = walk(dist).filter((f) => /\.(m?js|cjs)$/.test(f)).length;
  console.log(`${weights.length} pages in ${dist}; .js files in the output: ${jsFiles}\n`);
  console.log(weightTable(weights));
}
