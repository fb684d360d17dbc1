/**
 * One pass over the built pages after the build, reading each file once and writing none:
 *
 * - The build fails when a page contains a <script> a browser would run, or has no
 *   Content-Security-Policy <meta> (a page that does not use the layout). The site gate
 *   (npm run verify) checks every page more thoroughly; this keeps `npm run build` honest
 *   on its own.
 * - Sitemap: dist/sitemap.xml lists every page that is not marked noindex (404, redirects,
 *   closed roles, empty filter pages; see src/lib/sitemap.ts).
 *
 * - Image sources: which content file each built image was made from, for the site gate's
 *   messages (src/lib/built-site.ts imageSourcesFile).
 *
 * The pages come from Astro's list (no directory walk), plus HTML files copied from public/,
 * which are checked but not listed in the sitemap.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { imageSourcesFile, normalizeBase, pageFiles } from '../lib/built-site.ts';
import { executableScripts } from '../lib/page-scripts.ts';
import { isNoindex, sitemapFiles } from '../lib/sitemap.ts';
import { contentLayout, contentPath } from '../core/project.ts';

/** Pages read at once, so that file reads overlap. */
const READS_AT_ONCE = 16;

interface PageResult {
  /** The page's file, relative to the output folder. */
  name: string;
  problems: string[];
  noindex: boolean;
}

/** The first of `names` (relative to `root`) that exists, read; undefined when none does (an endpoint, not a page). */
async function readFirst(root: string, names: string[]): Promise<{ name: string; html: string } | undefined> {
  for (const name of names) {
    const html = await readFile(join(root, name), 'latin1').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw e;
    });
    if (html !== undefined) return { name, html };
  }
  return undefined;
}

/** Checks one page; `names` are the files it may have been written to (built-site.ts). */
async function finishPage(root: string, names: string[]): Promise<PageResult | undefined> {
  const page = await readFirst(root, names);
  if (!page) return undefined;
  const { name, html } = page;
  const problems = executableScripts(html).map((tag) => `${name}: contains an executable script ${tag}`);
  if (!/<meta\s+http-equiv="content-security-policy"/i.test(html)) problems.push(`${name}: has no Content-Security-Policy <meta> tag (use src/layouts/Base.astro)`);
  return { name, problems, noindex: isNoindex(html) };
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
 * Built image → its source, relative to `root`, from the list of transforms Astro keeps while
 * it builds (an internal of astro:assets: when a newer Astro moves it, the list is empty and
 * the gate's messages name the image without its source; tests/verify fails to say so).
 */
function imageSources(root: string): Record<string, string> {
  type Transforms = Map<string, { originalSrcPath?: string; transforms: Map<string, { finalPath: string }> }>;
  const list = (globalThis as { astroAsset?: { staticImages?: Transforms } }).astroAsset?.staticImages;
  const sources: Record<string, string> = {};
  for (const [original, { originalSrcPath, transforms }] of list ?? []) {
    if (!originalSrcPath) continue;
    const source = relative(root, originalSrcPath).split('\\').join('/');
    for (const path of [original, ...[...transforms.values()].map((t) => t.finalPath)]) sources[path.replace(/^\//, '')] = source;
  }
  return sources;
}

export function finishPages(): AstroIntegration {
  let publicDir = '';
  let origin = '';
  let projectRoot = '';
  return {
    name: 'boothkit:finish-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!config.site) throw new Error(`The sitemap needs \`site\` in the Astro config (it comes from ${contentPath(contentLayout.conference)})`);
        publicDir = fileURLToPath(config.publicDir);
        projectRoot = fileURLToPath(config.root);
        origin = new URL(normalizeBase(config.base), config.site).href;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const root = fileURLToPath(dir);
        const finished = await eachLimited(pages, READS_AT_ONCE, async ({ pathname }) => {
          const result = await finishPage(root, pageFiles(pathname));
          return result && { ...result, url: new URL(pathname.replace(/^\//, ''), origin).href };
        });
        const rendered = finished.filter((r) => r !== undefined);
        const renderedFiles = new Set(rendered.map((r) => r.name));
        const copied = existsSync(publicDir) ? (await readdir(publicDir, { recursive: true })).filter((f) => f.endsWith('.html') && !renderedFiles.has(f)) : [];
        const copies = (await eachLimited(copied, READS_AT_ONCE, (f) => finishPage(root, [f]))).filter((r) => r !== undefined);

        const problems = [...rendered, ...copies].flatMap((r) => r.problems);
        if (problems.length > 0) {
          throw new Error(`The site must run no JavaScript and carry its Content-Security-Policy:\n  ${problems.join('\n  ')}`);
        }
        const sourcesFile = join(projectRoot, imageSourcesFile);
        await mkdir(dirname(sourcesFile), { recursive: true });
        await writeFile(sourcesFile, JSON.stringify(imageSources(projectRoot)));
        const urls = rendered.flatMap((r) => (r.noindex ? [] : [r.url]));
        for (const [name, xml] of sitemapFiles(urls, origin)) await writeFile(join(root, name), xml);
        logger.info(`no script and a policy on all ${rendered.length + copies.length} pages; sitemap.xml lists ${urls.length} of them (the rest are noindex)`);
      },
    },
  };
}
