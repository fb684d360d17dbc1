/**
 * Writes dist/sitemap.xml after the build from the pages Astro built, leaving out every page
 * marked noindex (see src/lib/sitemap.ts). Only each page's <head> is read, so a site of
 * 10,000 roles costs a fraction of a second here.
 */
import type { AstroIntegration } from 'astro';
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNoindex, sitemapFiles } from '../lib/sitemap.ts';

/** The start of a file up to its </head> (the whole file if it has none); undefined if missing. */
async function head(path: string): Promise<string | undefined> {
  const file = await open(path).catch(() => undefined);
  if (!file) return undefined;
  try {
    let text = '';
    const buffer = Buffer.alloc(16_384);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      text += buffer.subarray(0, bytesRead).toString('latin1');
      if (bytesRead === 0 || /<\/head>/i.test(text)) return text;
    }
  } finally {
    await file.close();
  }
}

export function sitemap(): AstroIntegration {
  let origin = '';
  return {
    name: 'boothkit:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!config.site) throw new Error('The sitemap needs `site` in the Astro config (it comes from src/content/conference.yaml)');
        origin = new URL(config.base.endsWith('/') ? config.base : `${config.base}/`, config.site).href;
      },
      'astro:build:done': async ({ pages, dir, logger }) => {
        const root = fileURLToPath(dir);
        const urls: string[] = [];
        for (const { pathname } of pages) {
          // Pages are directories with an index.html; endpoints (feeds, CSS) are not pages.
          const file = pathname.endsWith('.html') ? pathname : join(pathname, 'index.html');
          const html = await head(join(root, file));
          if (html === undefined || !/<html\b/i.test(html) || isNoindex(html)) continue;
          urls.push(new URL(pathname.replace(/^\//, ''), origin).href);
        }
        const files = sitemapFiles(urls, origin);
        for (const [name, xml] of files) await writeFile(join(root, name), xml);
        logger.info(`sitemap.xml lists ${urls.length} of ${pages.length} pages (the rest are noindex or not pages)`);
      },
    },
  };
}
