/**
 * The sitemap: every page a search engine should index. A page leaves it by saying so
 * itself with <meta name="robots" content="noindex"> (404, redirects, closed roles, empty
 * filter pages), so drafts (which have no page) and closed roles never need a second list.
 * Pure; src/integrations/finish-pages.ts reads the built pages and writes the files.
 */
import { xmlText } from './feeds.ts';

/** The sitemap protocol's limit of URLs per file. */
export const urlsPerSitemap = 50_000;

/** Whether a page's <head> asks search engines not to index it. */
export function isNoindex(html: string): boolean {
  const end = html.search(/<\/head>/i);
  const head = end === -1 ? html : html.slice(0, end);
  return [...head.matchAll(/<meta\b[^>]*>/gi)].some(
    ([tag]) => /\bname\s*=\s*["']?robots\b/i.test(tag) && /\bcontent\s*=\s*["'][^"']*\bnoindex\b/i.test(tag),
  );
}

function sitemapXml(urls: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `<url><loc>${xmlText(u)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
}

function sitemapIndexXml(sitemaps: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...sitemaps.map((u) => `<sitemap><loc>${xmlText(u)}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
}

/**
 * The files to write, by name: "sitemap.xml" alone, or, beyond 50,000 URLs, "sitemap.xml"
 * as an index of "sitemap-1.xml", "sitemap-2.xml", … `origin` is the site with its base.
 */
export function sitemapFiles(urls: readonly string[], origin: string): Map<string, string> {
  const sorted = [...urls].sort();
  if (sorted.length <= urlsPerSitemap) return new Map([['sitemap.xml', sitemapXml(sorted)]]);
  const files = new Map<string, string>();
  for (let i = 0; i * urlsPerSitemap < sorted.length; i++) {
    files.set(`sitemap-${i + 1}.xml`, sitemapXml(sorted.slice(i * urlsPerSitemap, (i + 1) * urlsPerSitemap)));
  }
  files.set('sitemap.xml', sitemapIndexXml([...files.keys()].map((name) => new URL(name, origin).href)));
  return files;
}
