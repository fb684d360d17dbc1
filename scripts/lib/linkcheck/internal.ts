/**
 * Offline checks over the indexed site: every internal URL resolves to a built file under
 * the base path, every fragment to an id, redirect pages and the sitemap to real pages, and
 * no link has a known-bad form. Outside URLs are only collected here (for --external).
 * No network access.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closest } from '../../../src/lib/suggest.ts';
import type { LinkRef } from '../built/read-page.ts';
import { sitemapLocations } from '../built/read-sitemap.ts';
import { driveAccountProblem, localFileProblem, missingSchemeProblem, mixedContentProblem, scriptUrlProblem, wrapperProblem, type FormProblem } from './link-forms.ts';
import type { Page, SiteIndex } from './site-index.ts';
import type { SourceMap } from './sources.ts';
import type { Finding } from './types.ts';

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
}

export interface OfflineResult {
  findings: Omit<Finding, 'source'>[];
  /** Where the problem should be reported, when the offline check already knows (placeholders). */
  sources: Map<Omit<Finding, 'source'>, { file: string; line?: number }>;
  external: Map<string, ExternalTarget>;
  counts: { pages: number; files: number; links: number; internal: number; external: number };
}

type Target = { ok: true; file: string } | { ok: false; code: string; reason: string; suggestion?: string };

export function checkOffline(index: SiteIndex, sources: SourceMap): OfflineResult {
  const { config, files, pages } = index;
  const siteOrigin = new URL(config.site).origin;
  const siteIsHttps = siteOrigin.startsWith('https:');
  const findings: OfflineResult['findings'] = [];
  const known: OfflineResult['sources'] = new Map();
  const external = new Map<string, ExternalTarget>();
  const counts = { pages: pages.size, files: files.size, links: 0, internal: 0, external: 0 };

  const report = (page: Page, link: LinkRef, problem: FormProblem) => {
    const finding: Omit<Finding, 'source'> = {
      mode: 'internal', severity: 'error', code: problem.code, url: link.url, page: page.file, pageLine: link.line, attr: link.attr, reason: problem.reason,
    };
    if (link.text) finding.text = link.text;
    if (problem.suggestion) finding.suggestion = problem.suggestion;
    findings.push(finding);
    return finding;
  };

  /** Which built file a site path (base included, percent-decoded) is served from. */
  const resolvePath = (path: string): Target => {
    let rel: string;
    if (path.startsWith(config.base)) rel = path.slice(config.base.length);
    else if (`${path}/` === config.base) rel = '';
    else {
      const fixed = config.base + path.replace(/^\//, '');
      const withBase = resolvePath(fixed);
      return {
        ok: false,
        code: 'missing-base',
        reason: `outside the site's base path ${config.base}${withBase.ok ? '' : ' (and no such page under it either)'}`,
        ...(withBase.ok ? { suggestion: fixed } : {}),
      };
    }
    const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}.html`, `${rel}/index.html`];
    const file = candidates.find((c) => files.has(c));
    if (file) return { ok: true, file };
    const isPage = rel === '' || rel.endsWith('/') || !/\.[a-z0-9]{1,5}$/i.test(rel);
    const dir = rel.replace(/[^/]*\/?$/, '');
    const name = rel.slice(dir.length).replace(/\/$/, '');
    const siblings = new Set<string>();
    for (const f of files) {
      if (!f.startsWith(dir)) continue;
      const inside = f.slice(dir.length);
      const slash = inside.indexOf('/');
      siblings.add(slash < 0 ? inside : inside.slice(0, slash));
    }
    const near = name ? closest(name, siblings) : undefined;
    const target: Target = {
      ok: false,
      code: isPage ? 'missing-page' : 'missing-file',
      reason: isPage ? `no page ${path} in the built site` : `no file ${path} in the built site`,
    };
    if (near) target.suggestion = config.base + dir + near + (rel.endsWith('/') && files.has(`${dir}${near}/index.html`) ? '/' : '');
    return target;
  };

  const fragmentProblem = (target: Page, raw: string): FormProblem | undefined => {
    if (raw === '' || raw.startsWith(':~:')) return undefined;
    let id = raw;
    try {
      id = decodeURIComponent(raw);
    } catch {
      // an undecodable fragment is compared as written
    }
    if (target.ids.has(id) || target.ids.has(raw) || id.toLowerCase() === 'top') return undefined;
    const near = closest(id, target.ids);
    const listed = [...target.ids].slice(0, 8).map((x) => `#${x}`).join(', ');
    const problem: FormProblem = {
      code: 'missing-fragment',
      reason: target.ids.size === 0
        ? `${target.url} has no ids to link to`
        : `no id "${id}" on ${target.url}; ids there: ${listed}${target.ids.size > 8 ? `, … (${target.ids.size} in all)` : ''}`,
    };
    if (near) problem.suggestion = `#${near}`;
    return problem;
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
        const placeholder = sources.placeholder(page.file);
        if (placeholder) {
          const finding = report(page, link, { code: 'placeholder', reason: 'a placeholder link ("#") where a real address was meant' });
          known.set(finding, placeholder);
        }
        continue;
      }
      let url: URL;
      try {
        url = new URL(href, pageBase);
      } catch {
        report(page, link, { code: 'malformed-url', reason: 'not a valid URL' });
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
        report(page, link, { code: 'malformed-url', reason: 'broken percent-encoding in the path' });
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

/** Every `<loc>` of the sitemap(s) must be a built page under the site and base path. */
function checkSitemaps(index: SiteIndex, resolvePath: (path: string) => Target): Omit<Finding, 'source'>[] {
  const { config, files } = index;
  const prefix = config.site + config.base;
  const out: Omit<Finding, 'source'>[] = [];
  for (const file of files) {
    if (!/^sitemap[^/]*\.xml$/.test(file)) continue;
    for (const { loc, line } of sitemapLocations(readFileSync(join(config.outDir, file), 'utf8'))) {
      const base = { mode: 'internal' as const, severity: 'error' as const, url: loc, page: file, pageLine: line, attr: 'sitemap[loc]' };
      if (!loc.startsWith(prefix)) {
        out.push({ ...base, code: 'sitemap-outside', reason: `not under the site address ${prefix} from the Astro config` });
        continue;
      }
      let path: string;
      try {
        path = decodeURIComponent(new URL(loc).pathname);
      } catch {
        out.push({ ...base, code: 'malformed-url', reason: 'not a valid URL' });
        continue;
      }
      const target = resolvePath(path);
      if (!target.ok) out.push({ ...base, code: 'sitemap-missing', reason: `the sitemap lists ${path}, which was not built` });
    }
  }
  return out;
}
