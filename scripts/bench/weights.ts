/**
 * Page weight of a built site, per kind of page: HTML, the CSS files each page links, JS
 * (must be 0), HTML+CSS gzip-compressed (what a first visit downloads before images), and the
 * images it loads with the page (first screen) and in all, on the screen where they weigh most
 * (scripts/lib/built/image-choice.ts, as the site gate weighs them), against the budgets of
 * each kind (src/lib/page-budgets.ts).
 *
 *   node scripts/bench/weights.ts [DIST]      (default: dist)
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { listFiles, localFile, type SiteLayout } from '../../src/lib/built-site.ts';
import { imageBudgets, pageBudgets } from '../../src/lib/page-budgets.ts';
import { pageKinds, type PageKind } from '../../src/lib/routes.ts';
import { weighImages } from '../lib/built/image-choice.ts';
import { readBuilt, walkSite } from '../lib/built/pages.ts';
import { pageLayout } from '../../src/lib/site-settings.ts';
import { readPage } from '../lib/built/read-page.ts';
import { dataScriptTypes } from '../../src/lib/csp.ts';

export interface PageWeight {
  path: string;
  kind: PageKind;
  html: number;
  css: number;
  js: number;
  /** Image bytes loaded with the page (SVG gzip-compressed). */
  imagesFirstScreen: number;
  /** Image bytes loaded by a visitor who scrolls to the end. */
  images: number;
  /** gzip of the HTML plus gzip of each linked stylesheet. */
  gzip: number;
  /** Resources the browser would fetch by itself from another origin (stylesheets, fonts, scripts, images, frames). */
  thirdParty: number;
}

/** Weighs every page of `dist`, laid out as the kit builds it (a page per folder), under `base`. */
export function weighSite(dist: string, base = '/'): PageWeight[] {
  const layout: SiteLayout = { ...pageLayout, base };
  const sizes = new Map<string, { bytes: number; gzip: number }>();
  /** Size and gzip size of a local URL's file, or undefined when it is not a file of the build. */
  const local = (url: string): { bytes: number; gzip: number } | undefined => {
    const rel = localFile(url, base);
    if (rel === undefined) return undefined;
    let size = sizes.get(rel);
    if (!size) {
      try {
        const bytes = readFileSync(join(dist, rel));
        size = { bytes: bytes.length, gzip: gzipSync(bytes).length };
      } catch {
        return undefined;
      }
      sizes.set(rel, size);
    }
    return size;
  };

  return walkSite(dist, layout).pages.map(({ file, path, kind }) => {
    const html = readBuilt(dist, { file });
    const facts = readPage(html.toString('utf8'));
    const styles = facts.stylesheets.map(local).filter((s) => s !== undefined);
    const js = facts.scripts.filter((s) => !dataScriptTypes.has(s.type) || s.src).reduce((sum, s) => sum + (s.src ? (local(s.src)?.bytes ?? 0) : s.text.length || 1), 0);
    const images = weighImages(facts.images, (url) => {
      const size = local(url);
      return size && (/\.svg$/i.test(url) ? size.gzip : size.bytes);
    });
    return {
      path,
      kind,
      html: html.length,
      css: styles.reduce((sum, s) => sum + s.bytes, 0),
      js,
      imagesFirstScreen: images.firstScreen,
      images: images.total,
      gzip: gzipSync(html).length + styles.reduce((sum, s) => sum + s.gzip, 0),
      thirdParty: facts.links.filter((l) => l.subresource && /^(https?:)?\/\//i.test(l.url)).length,
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
  /** The page of the kind that loads the most image bytes. */
  mostImages: PageWeight;
  medianGzip: number;
  totalHtml: number;
}

export function summarise(weights: PageWeight[]): KindSummary[] {
  return pageKinds.flatMap((kind) => {
    const pages = weights.filter((w) => w.kind === kind);
    if (pages.length === 0) return [];
    const byGzip = [...pages].sort((a, b) => a.gzip - b.gzip);
    const mostImages = pages.reduce((a, b) => (b.images > a.images ? b : a));
    return [{ kind, pages: pages.length, thirdParty: pages.reduce((s, p) => s + p.thirdParty, 0), heaviest: byGzip.at(-1)!, mostImages, medianGzip: byGzip[Math.floor(byGzip.length / 2)]!.gzip, totalHtml: pages.reduce((s, p) => s + p.html, 0) }];
  });
}

const kb = (n: number) => (n / 1024).toFixed(1);

/**
 * A Markdown table: one row per page kind, with its budgets and whether the heaviest page meets
 * them: HTML+CSS gzip (figures of the page heaviest by it), then images with the page and in
 * all (figures of the page that loads most images).
 */
export function weightTable(weights: PageWeight[]): string {
  const verdict = (bytes: number, budget: number) => `${bytes <= budget ? 'met' : 'MISSED'}: <= ${kb(budget)}`;
  const rows = summarise(weights).map((s) => {
    const images = imageBudgets[s.kind];
    const m = s.mostImages;
    return `| ${s.kind} | ${s.pages} | ${kb(s.medianGzip)} | ${kb(s.heaviest.gzip)} | ${verdict(s.heaviest.gzip, pageBudgets[s.kind])} | ${kb(s.heaviest.html)} | ${kb(s.heaviest.css)} | ${s.heaviest.js} | ${s.heaviest.path} | ${kb(m.imagesFirstScreen)} | ${kb(m.images)} | ${verdict(m.imagesFirstScreen, images.firstScreen)}; ${verdict(m.images, images.total)} | ${m.path} | ${s.thirdParty} |`;
  });
  return [
    '| page kind | pages | HTML+CSS gzip KB, median | HTML+CSS gzip KB, heaviest | budget | HTML KB | CSS KB | JS bytes | heaviest page | images KB, first screen | images KB, in all | image budgets | page with most images | third-party loads |',
    '|---|---:|---:|---:|---|---:|---:|---:|---|---:|---:|---|---|---:|',
    ...rows,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? 'dist');
  const weights = weighSite(dist, process.env['BOOTHKIT_BASE'] ?? '/');
  const jsFiles = listFiles(dist).filter((f) => /\.(m?js|cjs)$/.test(f)).length;
  console.log(`${weights.length} pages in ${dist}; .js files in the output: ${jsFiles}\n`);
  console.log(weightTable(weights));
}
