import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sitemapLocations } from '../../built/read-sitemap.ts';
import type { SiteIndex } from '../site-index.ts';
import type { LinkFinding } from '../types.ts';
import type { Target } from './target.ts';

/** Every `<loc>` of the sitemap(s) must be a built page under the site and base path. */
export function checkSitemaps(index: SiteIndex, resolvePath: (path: string) => Target): Omit<LinkFinding, 'source'>[] {
  const { config, files } = index;
  const prefix = config.site + config.base;
  const out: Omit<LinkFinding, 'source'>[] = [];
  for (const file of files) {
    if (!/^sitemap[^/]*\.xml$/.test(file)) continue;
    for (const { loc, line } of sitemapLocations(readFileSync(join(config.outDir, file), 'utf8'))) {
      const base = { mode: 'internal' as const, severity: 'error' as const, url: loc, page: file, pageLine: line, attr: 'sitemap[loc]' };
      if (!loc.startsWith(prefix)) {
        out.push({ ...base, code: 'sitemap-outside', message: `not under the site address ${prefix} from the Astro config` });
        continue;
      }
      let path: string;
      try {
        path = decodeURIComponent(new URL(loc).pathname);
      } catch {
        out.push({ ...base, code: 'malformed-url', message: 'not a valid URL' });
        continue;
      }
      const target = resolvePath(path);
      if (!target.ok) out.push({ ...base, code: 'sitemap-missing', message: `the sitemap lists ${path}, which was not built` });
    }
  }
  return out;
}
