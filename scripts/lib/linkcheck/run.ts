/**
 * One link-check run: read the config, index the built site, check it offline, optionally
 * check outside URLs, and map every finding to the file to edit. Used by the CLI, the
 * benchmark and the tests; it prints nothing itself.
 */
import { resolve } from 'node:path';
import { closedRoles, type ClosedRole } from './closed-roles.ts';
import type { ExternalStats } from './external.ts';
import type { ExternalOptions } from './external-options.ts';
import { checkOffline } from './internal.ts';
import { groupFindings } from '../built/findings.ts';
import { readBuiltSiteConfig, type ConfigOverrides, type SiteConfig } from '../built/site-config.ts';
import { builtSource, SourceMap } from '../built/sources.ts';
import { applyRoles, isSkipMarked } from './in-content.ts';
import { indexSite } from './site-index.ts';
import type { LinkFinding } from './types.ts';

export interface RunOptions extends ConfigOverrides {
  root: string;
  external?: ExternalOptions | undefined;
  onProgress?: ((phase: string, done: number, total: number) => void) | undefined;
}

export interface RunResult {
  config: SiteConfig;
  findings: LinkFinding[];
  counts: { pages: number; files: number; links: number; internal: number; external: number; externalDistinct: number };
  externalStats?: ExternalStats;
  /** With --external: roles whose postings have closed at the company (all of them: closed; some: partly). */
  closedRoles?: { closed: ClosedRole[]; partly: ClosedRole[] };
  ms: { offline: number; external: number };
}

/** Exit codes: 0 clean, 1 internal breakage, 2 external problems only, 3 usage/config error. */
export function exitCode(findings: LinkFinding[]): 0 | 1 | 2 {
  const failing = findings.filter((f) => f.severity !== 'notice');
  if (failing.some((f) => f.mode === 'internal')) return 1;
  return failing.length > 0 ? 2 : 0;
}

export async function runLinkCheck(options: RunOptions): Promise<RunResult> {
  const root = resolve(options.root);
  const config = await readBuiltSiteConfig(root, options);
  const started = performance.now();
  const index = indexSite(config, (done, total) => options.onProgress?.('pages', done, total));
  const sources = new SourceMap(root);
  const offline = checkOffline(index, sources);
  const redirectPages = new Set([...index.pages.values()].filter((p) => p.links.some((l) => l.attr === 'meta[content]')).map((p) => p.file));

  const findings: LinkFinding[] = offline.findings.map((f) => ({
    ...f,
    source: offline.sources.get(f) ?? sources.locate(f.page, f.url, redirectPages.has(f.page)) ?? builtSource(root, config.outDir, f.page, f.pageLine),
  }));
  const offlineMs = performance.now() - started;

  let externalStats: ExternalStats | undefined;
  let closed: RunResult['closedRoles'];
  if (options.external) {
    const targets = [...offline.external.values()];
    for (const target of targets) {
      target.skip = isSkipMarked(sources, target.url) || target.uses.every((u) => u.href === '');
      // A role's apply link: also ask whether the posting has closed at the company.
      target.posting = applyRoles(sources, target.url).length > 0;
    }
    // Loaded only when asked for: the offline check never touches a network module.
    const { checkExternal } = await import('./external.ts');
    const result = await checkExternal(targets, options.external, (done, total) => options.onProgress?.('external', done, total));
    externalStats = result.stats;
    for (const f of result.findings) {
      // A closed posting is reported under the role it belongs to, wherever the link is shown.
      const role = f.closed ? applyRoles(sources, f.url.split('#')[0]!)[0] : undefined;
      findings.push({ ...f, source: role ?? sources.locate(f.page, f.url, redirectPages.has(f.page)) ?? builtSource(root, config.outDir, f.page, f.pageLine) });
    }
    closed = closedRoles(targets, result.findings, sources);
  }
  const result: RunResult = {
    config,
    findings: groupFindings(findings),
    counts: { ...offline.counts, externalDistinct: offline.external.size },
    ms: { offline: offlineMs, external: performance.now() - started - offlineMs },
  };
  if (externalStats) result.externalStats = externalStats;
  if (closed) result.closedRoles = closed;
  return result;
}
