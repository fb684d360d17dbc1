/**
 * One pass over the built pages after the build, reading each file once (at 10,000+ pages the
 * reads are what costs; two passes took 5 s at 1,000 booths and 10,000 roles, this one 2 s):
 *
 * - Content-Security-Policy: script-src becomes exactly 'none' in every page (see
 *   src/lib/csp.ts for why Astro's own tag needs this), and the build fails when a page has
 *   no policy or contains a <script> a browser would run. The sealed policy is never longer
 *   than Astro's, so it is padded to the same length and written over the old one in place.
 *   (Sealing in a middleware cost more: every page went through Response streams twice.)
 * - Sitemap: dist/sitemap.xml lists every page that is not marked noindex (404, redirects,
 *   closed roles, empty filter pages; see src/lib/sitemap.ts).
 *
 * The pages come from Astro's list (no directory walk), plus HTML files copied from public/,
 * which are sealed but not listed in the sitemap.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { open, readdir, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { executableScripts, pagePolicy, sealScriptSrc } from '../lib/csp.ts';
import { isNoindex, sitemapFiles } from '../lib/sitemap.ts';

interface PageResult {
  /** The page's file, relative to the output folder. */
  name: string;
  problems: string[];
  noindex: boolean;
}

/** The first of `names` (relative to `root`) that exists, opened for reading and writing. */
async function openFirst(root: string, names: string[]): Promise<{ name: string; file: FileHandle } | undefined> {
  for (const name of names) {
    const file = await open(join(root, name), 'r+').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw e;
    });
    if (file) return { name, file };
  }
  return undefined;
}

/**
 * Seals one page in place; reports its problems and whether it asks not to be indexed.
 * `names` are the files the page may have been written to (see pageFiles); undefined when it
 * has none, i.e. it is not an HTML page.
 */
async function finishPage(root: string, names: string[]): Promise<PageResult | undefined> {
  const opened = await openFirst(root, names);
  if (!opened) return undefined;
  const { name, file } = opened;
  try {
    // latin1 maps bytes to characters one to one, so string offsets are file offsets; the
    // policy and the tags looked for are ASCII.
    const html = (await file.readFile()).toString('latin1');
    const noindex = isNoindex(html);
    const problems = executableScripts(html).map((tag) => `${name}: contains an executable script ${tag}`);
    const sealed = sealScriptSrc(html);
    if (sealed === undefined) return { name, problems: [...problems, `${name}: has no Content-Security-Policy <meta> tag`], noindex };
    if (sealed !== html) {
      const before = pagePolicy(html)!;
      const after = pagePolicy(sealed)!;
      const at = html.indexOf(`"${before}"`) + 1;
      if (after.length <= before.length && at > 0) await file.write(Buffer.from(after.padEnd(before.length), 'latin1'), 0, before.length, at);
      else {
        await file.truncate(0);
        await file.write(Buffer.from(sealed, 'latin1'), 0, undefined, 0);
      }
    }
    return { name, problems, noindex };
  } finally {
    await file.close();
  }
}

/** Runs `task` over `items`, `limit` at a time, so file reads overlap. */
async function eachLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Where Astro may have written a page's pathname: with build.format 'directory', /x/ is
 * x/index.html but 404 is 404.html; endpoints (feeds, CSS) have neither.
 */
function pageFiles(pathname: string): string[] {
  return pathname.endsWith('.html') ? [pathname] : [join(pathname, 'index.html'), `${pathname.replace(/\/$/, '')}.html`];
}

export function finishPages(): AstroIntegration {
  let publicDir = '';
  let origin = '';
  return {
    name: 'boothkit:finish-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!config.site) throw new Error('The sitemap needs `site` in the Astro config (it comes from src/content/conference.yaml)');
        publicDir = fileURLToPath(config.publicDir);
        origin = new URL(config.base.endsWith('/') ? config.base : `${config.base}/`, config.site).href;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const root = fileURLToPath(dir);
        const finished = await eachLimited(pages, 16, async ({ pathname }) => {
          const result = await finishPage(root, pageFiles(pathname));
          return result && { ...result, url: new URL(pathname.replace(/^\//, ''), origin).href };
        });
        const rendered = finished.filter((r) => r !== undefined);
        const renderedFiles = new Set(rendered.map((r) => r.name));
        const copied = existsSync(publicDir) ? (await readdir(publicDir, { recursive: true })).filter((f) => f.endsWith('.html') && !renderedFiles.has(f)) : [];
        const copies = (await eachLimited(copied, 16, (f) => finishPage(root, [f]))).filter((r) => r !== undefined);

        const problems = [...rendered, ...copies].flatMap((r) => r.problems);
        if (problems.length > 0) {
          throw new Error(`The site must run no JavaScript and carry its Content-Security-Policy:\n  ${problems.join('\n  ')}`);
        }
        const urls = rendered.flatMap((r) => (r.noindex ? [] : [r.url]));
        for (const [name, xml] of sitemapFiles(urls, origin)) await writeFile(join(root, name), xml);
        logger.info(`script-src 'none' on all ${rendered.length + copies.length} pages; sitemap.xml lists ${urls.length} of them (the rest are noindex)`);
      },
    },
  };
}
