/**
 * Offline checks over the indexed site: every internal URL resolves to a built file under
 * the base path, every fragment to an id, redirect pages and the sitemap to real pages, and
 * no link has a known-bad form. Each rule is a file in rules/; this module sorts each link
 * into the rules that apply to it. Outside URLs are only collected here (for --external).
 * No network access.
 */
import type { LinkRef } from '../built/read-page.ts';
import { driveAccountProblem } from './rules/drive-account.ts';
import { fragmentProblem } from './rules/fragment.ts';
import { missingSchemeProblem } from './rules/missing-scheme.ts';
import { mixedContentProblem } from './rules/mixed-content.ts';
import { placeholderProblem } from './rules/placeholder.ts';
import { checkSitemaps } from './rules/sitemap.ts';
import { targetResolver } from './rules/target.ts';
import type { LinkProblem } from './rules/types.ts';
import { localFileProblem, scriptUrlProblem } from './rules/unsafe-scheme.ts';
import { wrapperProblem } from './rules/wrapped-url.ts';
import type { Page, SiteIndex } from './site-index.ts';
import type { SourceMap } from '../built/sources.ts';
import type { LinkFinding } from './types.ts';

/** A placeholder origin to resolve relative URLs against; never contacted. */
const ORIGIN = 'http://site.invalid';

/** One use of an outside URL on a built page. */
export interface ExternalUse {
  page: string;
  line: number;
  attr: string;
  text?: string;
  /** As written, fragment included. */
  href: string;
}

/** A distinct outside URL (fragment removed) and everywhere it is used. */
export interface ExternalTarget {
  url: string;
  uses: ExternalUse[];
  /** Fragments asked for on this URL, decoded. */
  fragments: Set<string>;
  skip: boolean;
  /** A role's apply link: also asked whether the posting has closed at the company (set by run.ts). */
  posting?: boolean;
}

export interface OfflineResult {
  findings: Omit<LinkFinding, 'source'>[];
  /** Where the problem should be reported, when the offline check already knows (placeholders). */
  sources: Map<Omit<LinkFinding, 'source'>, { file: string; line?: number }>;
  external: Map<string, ExternalTarget>;
  counts: { pages: number; files: number; links: number; internal: number; external: number };
}

export function checkOffline(index: SiteIndex, sources: SourceMap): OfflineResult {
  const { config, files, pages } = index;
  const resolvePath = targetResolver(index);
  const siteOrigin = new URL(config.site).origin;
  const siteIsHttps = siteOrigin.startsWith('https:');
  const findings: OfflineResult['findings'] = [];
  const known: OfflineResult['sources'] = new Map();
  const external = new Map<string, ExternalTarget>();
  const counts = { pages: pages.size, files: files.size, links: 0, internal: 0, external: 0 };

  const report = (page: Page, link: LinkRef, problem: LinkProblem) => {
    const finding: Omit<LinkFinding, 'source'> = {
      mode: 'internal', severity: 'error', code: problem.code, url: link.url, page: page.file, pageLine: link.line, attr: link.attr, message: problem.message,
    };
    if (link.text) finding.text = link.text;
    if (problem.suggestion) finding.suggestion = problem.suggestion;
    findings.push(finding);
    return finding;
  };

  const collect = (page: Page, link: LinkRef, url: URL) => {
    const hash = url.hash;
    url.hash = '';
    const key = url.href;
    let target = external.get(key);
    if (!target) {
      target = { url: key, uses: [], fragments: new Set(), skip: false };
      external.set(key, target);
    }
    const use: ExternalUse = { page: page.file, line: link.line, attr: link.attr, href: link.url };
    if (link.text) use.text = link.text;
    target.uses.push(use);
    if (hash.length > 1 && !hash.startsWith('#:~:')) {
      try {
        target.fragments.add(decodeURIComponent(hash.slice(1)));
      } catch {
        target.fragments.add(hash.slice(1));
      }
    }
    counts.external++;
  };

  for (const page of pages.values()) {
    const pageBase = page.baseHref ? new URL(page.baseHref, ORIGIN + page.url).href : ORIGIN + page.url;
    for (const link of page.links) {
      counts.links++;
      const href = link.url;
      if (link.skip || href === '') continue;
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
      if (scheme && scheme !== 'http' && scheme !== 'https') {
        // mailto:, tel:, data: … are not checked; javascript: and file: are always wrong here.
        const problem = scriptUrlProblem(href) ?? localFileProblem(href);
        if (problem) report(page, link, problem);
        continue;
      }
      if (href === '#') {
        // "#" is a valid link to the top of the page; it is a placeholder when an author wrote it in content.
        const placeholder = placeholderProblem(page.file, sources);
        if (placeholder) known.set(report(page, link, placeholder.problem), placeholder.at);
        continue;
      }
      let url: URL;
      try {
        url = new URL(href, pageBase);
      } catch {
        report(page, link, { code: 'malformed-url', message: 'not a valid URL' });
        continue;
      }
      const isAbsolute = scheme !== undefined || href.startsWith('//');
      if (isAbsolute && url.origin !== siteOrigin) {
        const problem = wrapperProblem(href) ?? driveAccountProblem(href) ?? mixedContentProblem(href, link.subresource, siteIsHttps);
        if (problem) report(page, link, problem);
        collect(page, link, url);
        continue;
      }
      counts.internal++;
      let path: string;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        report(page, link, { code: 'malformed-url', message: 'broken percent-encoding in the path' });
        continue;
      }
      const target = resolvePath(path);
      if (!target.ok) {
        const wrongForm = !isAbsolute && !href.startsWith('/') && !href.startsWith('.') ? missingSchemeProblem(href) : undefined;
        report(page, link, wrongForm ?? target);
        continue;
      }
      if (url.hash.length > 1) {
        const targetPage = pages.get(target.file);
        const problem = targetPage ? fragmentProblem(targetPage, url.hash.slice(1)) : undefined;
        if (problem) report(page, link, problem);
      }
    }
  }

  findings.push(...checkSitemaps(index, resolvePath));
  return { findings, sources: known, external, counts };
}
