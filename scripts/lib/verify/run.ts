/**
 * One run of the site gate: walk the built site, check each page once (in worker threads when
 * the site is large: the cost is one read, one parse and one gzip per page), add the checks
 * that span pages (titles, JavaScript files), and map every problem to the content file to
 * edit with the source map. Prints nothing itself.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { groupFindings, type Finding } from '../built/findings.ts';
import { walkSite } from '../built/pages.ts';
import { readBuiltSiteConfig, type ConfigOverrides, type SiteConfig } from '../built/site-config.ts';
import { builtSource, SourceMap, type SourceLocation } from '../built/sources.ts';
import { checkPages, type PagesJob, type PageVerdict } from './check-pages.ts';
import { rules } from './rules/index.ts';
import { script } from './rules/script.ts';
import { duplicateTitles, title as titleRule } from './rules/title.ts';

export interface VerifyOptions extends ConfigOverrides {
  root: string;
  /** Worker threads; by default one per core for a large site, none for a small one. */
  jobs?: number | undefined;
}

export interface VerifyResult {
  config: SiteConfig;
  findings: Finding[];
  counts: { pages: number; rules: number; jobs: number };
  ms: number;
}

/** Below this many pages, starting workers costs more than it saves. */
const PAGES_PER_WORKER = 300;

function runWorker(job: PagesJob): Promise<PageVerdict[]> {
  return new Promise((done, fail) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: job });
    worker.once('message', done);
    worker.once('error', fail);
    worker.once('exit', (code) => code !== 0 && fail(new Error(`a site gate worker stopped with exit code ${code}`)));
  });
}

export async function runVerify(options: VerifyOptions): Promise<VerifyResult> {
  const started = performance.now();
  const root = resolve(options.root);
  const config = await readBuiltSiteConfig(root, options);
  const { files, pages } = walkSite(config.outDir, config);
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), Math.floor(pages.length / PAGES_PER_WORKER)));
  const job = (share: PagesJob['pages']): PagesJob => ({ root, outDir: config.outDir, base: config.base, origin: new URL(config.site).origin, pages: share });
  const verdicts =
    jobs === 1
      ? checkPages(job(pages))
      : (await Promise.all(Array.from({ length: jobs }, (_, i) => runWorker(job(pages.filter((_, n) => n % jobs === i)))))).flat();

  const sources = new SourceMap(root);
  const sourceOf = (page: string): SourceLocation => {
    const file = sources.pageSource(page);
    return file ? { file } : builtSource(root, config.outDir, page);
  };
  const findings: Finding[] = [];
  const found = (finding: Omit<Finding, 'severity' | 'source'>) => findings.push({ severity: 'error', ...finding, source: sourceOf(finding.page) });
  for (const verdict of verdicts) {
    for (const p of verdict.problems) found({ code: p.code, message: p.message, fix: p.fix, page: verdict.file, ...(p.line ? { pageLine: p.line } : {}) });
  }
  for (const [file, { title, first }] of duplicateTitles(verdicts)) {
    found({ code: titleRule.code, message: `has the same <title> as ${first}: "${title}"`, fix: 'give each page its own title (a sponsor or role name that repeats another one needs a word more)', page: file });
  }
  for (const file of files.filter((f) => /\.(m?js|cjs)$/.test(f))) {
    findings.push({ severity: 'error', code: script.code, message: `the build holds a JavaScript file, ${file}`, fix: 'find what emits it (a client: directive, a <script> in a component) and remove it', page: file, source: builtSource(root, config.outDir, file) });
  }
  return { config, findings: groupFindings(findings), counts: { pages: pages.length, rules: rules.length, jobs }, ms: performance.now() - started };
}
