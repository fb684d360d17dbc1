/**
 * The site gate's work on a share of the pages: read each page once, parse it once, run every
 * rule on the facts. Runs in the main thread for a small site and in worker threads (one per
 * core) for a large one; either way it returns plain data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { localFile } from '../../../src/lib/built-site.ts';
import { weighImages } from '../built/image-choice.ts';
import { imageSourceFinder } from '../built/image-sources.ts';
import { readBuilt, type BuiltPage } from '../built/pages.ts';
import { readPage } from '../built/read-page.ts';
import { rulesFor } from './rules/index.ts';
import type { PageContext, PageProblem } from './types.ts';

export interface PagesJob {
  /** The project: its content files are the sources of the site's images. */
  root: string;
  outDir: string;
  /** Base path the site was built for, e.g. "/ISMIR2020/". */
  base: string;
  /** Origin the site is published at, e.g. "https://sponsors.example.org". */
  origin: string;
  /** This job's share of the pages. */
  pages: BuiltPage[];
}

export interface PageVerdict {
  file: string;
  /** URL path below the base, e.g. "/booths/acme/". */
  path: string;
  title: string | undefined;
  problems: PageProblem[];
}

export function checkPages(job: PagesJob): PageVerdict[] {
  const { outDir, base, origin } = job;
  /** Bytes a browser receives for each local file, computed once for all pages that load it: gzip for text, as sent. */
  const sent = new Map<string, number | undefined>();
  const sentBytes = (url: string): number | undefined => {
    const file = localFile(url, base);
    if (file === undefined) return undefined;
    if (!sent.has(file)) {
      try {
        const bytes = readFileSync(join(outDir, file));
        sent.set(file, /\.(css|svg|html?)$/i.test(file) ? gzipSync(bytes).length : bytes.length);
      } catch {
        sent.set(file, undefined); // a missing file is the link checker's to report
      }
    }
    return sent.get(file);
  };
  const sourceOf = imageSourceFinder(job.root, outDir);

  return job.pages.map(({ file, path, kind }) => {
    const bytes = readBuilt(outDir, { file });
    const facts = readPage(bytes.toString('utf8'));
    const page: PageContext = {
      file,
      path,
      kind,
      redirect: facts.refresh !== undefined,
      origin,
      gzipBytes: () => gzipSync(bytes).length + facts.stylesheets.reduce((sum, href) => sum + (sentBytes(href) ?? 0), 0),
      images: () => weighImages(facts.images, sentBytes),
      imageSource: (url) => {
        const file = localFile(url, base);
        return file === undefined ? undefined : sourceOf(file);
      },
    };
    const problems = rulesFor(page).flatMap((rule) => rule.check(facts, page));
    return { file, path, title: facts.title, problems };
  });
}
