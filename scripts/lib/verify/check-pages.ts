/**
 * The site gate's work on a share of the pages: read each page once, parse it once, run every
 * rule on the facts. Runs in the main thread for a small site and in worker threads (one per
 * core) for a large one; either way it returns plain data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { localFile, pageUrl, type SiteLayout } from '../../../src/lib/built-site.ts';
import { pageKind } from '../../../src/lib/page-kinds.ts';
import { readPage } from '../built/read-page.ts';
import { rulesFor } from './rules/index.ts';
import type { PageContext, PageProblem } from './types.ts';

export interface PagesJob {
  outDir: string;
  layout: SiteLayout;
  /** Origin the site is published at, e.g. "https://sponsors.example.org". */
  origin: string;
  /** HTML files relative to outDir. */
  files: string[];
}

export interface PageVerdict {
  file: string;
  /** URL path below the base, e.g. "/booths/acme/". */
  path: string;
  title: string | undefined;
  problems: PageProblem[];
}

export function checkPages(job: PagesJob): PageVerdict[] {
  const { outDir, layout, origin } = job;
  /** gzip size of each linked stylesheet, computed once for all pages that link it. */
  const stylesheetGzip = new Map<string, number>();
  const gzipOfStylesheet = (href: string): number => {
    const file = localFile(href, layout.base);
    if (file === undefined) return 0;
    let size = stylesheetGzip.get(file);
    if (size === undefined) {
      try {
        size = gzipSync(readFileSync(join(outDir, file))).length;
      } catch {
        size = 0; // a missing stylesheet is the link checker's to report
      }
      stylesheetGzip.set(file, size);
    }
    return size;
  };

  return job.files.map((file) => {
    const bytes = readFileSync(join(outDir, file));
    const facts = readPage(bytes.toString('utf8'));
    const path = `/${pageUrl(file, layout).slice(layout.base.length)}`;
    const page: PageContext = {
      file,
      path,
      kind: pageKind(path).kind,
      redirect: facts.refresh !== undefined,
      origin,
      gzipBytes: () => gzipSync(bytes).length + facts.stylesheets.reduce((sum, href) => sum + gzipOfStylesheet(href), 0),
    };
    const problems = rulesFor(page).flatMap((rule) => rule.check(facts, page));
    return { file, path, title: facts.title, problems };
  });
}
