/**
 * One run of the site gate: list the built site's pages, check each once (in worker threads
 * when the site is large: the cost is one read, one parse and one gzip per page), add the
 * checks that span pages (titles, JavaScript files), and map every problem to the content file
 * to edit with the link checker's source map. Prints nothing itself.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isHtmlFile, listFiles } from '../../../src/lib/built-site.ts';
import { ConfigError, readSiteConfig, type ConfigOverrides } from '../linkcheck/site-config.ts';
import { SourceMap } from '../linkcheck/sources.ts';
import type { SiteConfig, SourceLocation } from '../linkcheck/types.ts';
import { checkPages, type PagesJob, type PageVerdict } from './check-pages.ts';
import { rules } from './rules/index.ts';
import { duplicateTitles } from './rules/title.ts';

export interface VerifyOptions extends ConfigOverrides {
  root: string;
  /** Worker threads; by default one per core for a large site, none for a small one. */
  jobs?: number | undefined;
}

export interface GateFinding {
  code: string;
  message: string;
  fix: string;
  /** Built file, relative to the output folder. */
  page: string;
  pageLine?: number;
  /** Where to fix it: the content file the page is made from, or the built page when a template wrote it. */
  source: SourceLocation;
  /** Problems from templates are reported once, with the number of pages they show on. */
  pages?: number;
}

export interface VerifyResult {
  config: SiteConfig;
  findings: GateFinding[];
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

/** Same problem from the same template on many pages: one finding with a page count. */
function groupTemplateFindings(findings: GateFinding[]): GateFinding[] {
  const grouped = new Map<string, GateFinding>();
  const out: GateFinding[] = [];
  for (const f of findings) {
    if (!f.source.built) {
      out.push(f);
      continue;
    }
    const key = `${f.code}\u0000${f.message}`;
    const seen = grouped.get(key);
    if (seen) seen.pages = (seen.pages ?? 1) + 1;
    else grouped.set(key, { ...f });
  }
  return [...out, ...grouped.values()];
}

export async function runVerify(options: VerifyOptions): Promise<VerifyResult> {
  const started = performance.now();
  const root = resolve(options.root);
  const config = await readSiteConfig(root, options);
  if (!existsSync(config.outDir)) {
    throw new ConfigError(`no built site at ${relative(process.cwd(), config.outDir) || config.outDir}; run \`npm run build\` first (or pass --dist)`);
  }
  const files = listFiles(config.outDir);
  const pages = files.filter(isHtmlFile);
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), Math.floor(pages.length / PAGES_PER_WORKER)));
  const job = (share: string[]): PagesJob => ({ root, outDir: config.outDir, layout: config, origin: new URL(config.site).origin, files: share });
  const verdicts =
    jobs === 1
      ? checkPages(job(pages))
      : (await Promise.all(Array.from({ length: jobs }, (_, i) => runWorker(job(pages.filter((_, n) => n % jobs === i)))))).flat();

  const sources = new SourceMap(root);
  const builtFile = (file: string) => relative(root, resolve(config.outDir, file)).split('\\').join('/');
  const sourceOf = (page: string): SourceLocation => {
    const file = sources.pageSource(page);
    return file ? { file } : { file: builtFile(page), built: true };
  };
  const findings: GateFinding[] = [];
  for (const verdict of verdicts) {
    for (const p of verdict.problems) {
      findings.push({ code: p.code, message: p.message, fix: p.fix, page: verdict.file, ...(p.line ? { pageLine: p.line } : {}), source: sourceOf(verdict.file) });
    }
  }
  for (const [file, { title, first }] of duplicateTitles(verdicts)) {
    findings.push({ code: 'title', message: `has the same <title> as ${first}: "${title}"`, fix: 'give each page its own title (a sponsor or role name that repeats another one needs a word more)', page: file, source: sourceOf(file) });
  }
  for (const file of files.filter((f) => /\.(m?js|cjs)$/.test(f))) {
    findings.push({ code: 'script', message: `the build holds a JavaScript file, ${file}`, fix: 'find what emits it (a client: directive, a <script> in a component) and remove it', page: file, source: { file: builtFile(file), built: true } });
  }
  return { config, findings: groupTemplateFindings(findings), counts: { pages: pages.length, rules: rules.length, jobs }, ms: performance.now() - started };
}
