/**
 * `npm run bench:links` — a benchmark, not a test: runs our checker, linkinator (npm, via
 * npx) and html-proofer (Debian `ruby-html-proofer`) side by side on the inputs in
 * ../shared/bench/links (a 1,000-page site with 75 known breaks and 80 tricky-valid links;
 * 2,000 outside URLs on a local server at 50 ms latency) and prints wall time, peak memory,
 * breaks found, false positives, requests per URL and the ratios to ours.
 *
 * Options: --shared DIR (bench inputs), --dir DIR (work folder), --pages N (default 1000),
 * --only-ours (skip the other tools), --runs N (offline runs of ours, default 3).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readScriptFlags } from './lib/cli.ts';

const root = resolve(import.meta.dirname, '..');
const opts = readScriptFlags('bench:links', import.meta.filename, {
  shared: { type: 'string', help: 'the bench inputs (default: ../shared/bench/links)' },
  dir: { type: 'string', help: 'the work folder' },
  pages: { type: 'string', help: 'pages of the generated site (default 1000)' },
  runs: { type: 'string', help: 'offline runs of ours (default 3)' },
  'only-ours': { type: 'boolean', help: 'skip the other tools' },
});
const shared = resolve(opts.shared ?? resolve(root, '../shared/bench/links'));
const dir = resolve(opts.dir ?? join(tmpdir(), 'boothkit-bench-links'));
const node = process.execPath;
const ours = [node, '--max-semi-space-size=4', join(root, 'scripts/check-links.ts')];
const others = !opts['only-ours'];

interface Truth {
  breaks: { token: string }[];
  edges: { target: string }[];
  external: { url: string; expect: 'ok' | 'broken' | 'info'; cat: string }[];
}
interface Measured {
  seconds: number;
  mib: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command under GNU time for wall time and peak resident memory. */
function measure(command: string[], cwd = root): Measured {
  const timing = join(dir, 'time.txt');
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', timing, ...command], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, CI: 'true', NO_COLOR: '1', PATH: `${join(root, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}` },
  });
  const [seconds = '0', kb = '0'] = readFileSync(timing, 'utf8').trim().split('\n').at(-1)!.split(' ');
  return { seconds: Number(seconds), mib: Number(kb) / 1024, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function generate(out: string, args: string[]): Truth {
  const result = spawnSync(node, [join(shared, 'gen-site.mjs'), '--out', out, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(readFileSync(`${out}.truth.json`, 'utf8')) as Truth;
}

/** Offline score: a report line naming a break token is a find; any other problem is a false positive. */
function scoreOffline(problems: string[], truth: Truth) {
  const tokens = new Set(truth.breaks.map((b) => b.token));
  const found = new Set<string>();
  let falsePositives = 0;
  for (const p of problems) {
    const token = /brk\d{3}/.exec(p)?.[0];
    if (token && tokens.has(token)) found.add(token);
    else falsePositives++;
  }
  return { found: found.size, falsePositives, key: [...found].sort().join(',') };
}

function oursProblems(m: Measured): string[] {
  const report = JSON.parse(m.stdout) as { findings: { url: string; severity: string; pages?: number }[] };
  return report.findings.filter((f) => f.severity !== 'notice').flatMap((f) => Array<string>(f.pages ?? 1).fill(f.url));
}

function linkinatorProblems(m: Measured): string[] {
  const start = m.stdout.indexOf('{');
  const report = JSON.parse(m.stdout.slice(start)) as { links: { url: string; state: string; failureDetails?: unknown[] }[] };
  return report.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.url} ${JSON.stringify(l.failureDetails ?? '')}`);
}

function prooferProblems(m: Measured): string[] {
  return `${m.stdout}\n${m.stderr}`.split('\n').filter((l) => /^\s*\*\s/.test(l));
}

/** The server's counters; a fresh connection each time (the runs in between block this process for long). */
function stats(base: string, path: '__stats' | '__reset'): Promise<{ requests: number; maxInflight: number } | undefined> {
  return new Promise((resolveStats, reject) => {
    http
      .get(`${base}/${path}`, { agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolveStats(path === '__stats' ? (JSON.parse(body) as { requests: number; maxInflight: number }) : undefined));
      })
      .on('error', reject);
  });
}

function scoreExternal(reported: (url: string) => boolean, truth: Truth) {
  let right = 0;
  let scored = 0;
  for (const e of truth.external) {
    if (e.expect === 'info') continue;
    scored++;
    if (reported(e.url) === (e.expect === 'broken')) right++;
  }
  return { right, scored };
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const ratio = (theirs: number, ours: number) => (ours > 0 ? `${fmt(theirs / ours)}×` : '–');

async function main() {
  if (!existsSync(join(shared, 'gen-site.mjs'))) throw new Error(`no benchmark inputs at ${shared} (pass --shared DIR)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pages = Number(opts.pages ?? 1000);
  const hasProofer = spawnSync('htmlproofer', ['--version']).status === 0;
  const linkinator = ['npx', '--yes', 'linkinator@8.1.0'];

  // ---- offline
  console.error(`generating a ${pages}-page site …`);
  const site = join(dir, 'site-int');
  const truth = generate(site, ['--pages', String(pages)]);
  const offline: { tool: string; m: Measured; score: ReturnType<typeof scoreOffline>; note?: string }[] = [];
  const keys = new Set<string>();
  const runs: Measured[] = [];
  for (let i = 0; i < Number(opts.runs ?? 3); i++) {
    console.error(`ours offline, run ${i + 1} …`);
    const m = measure([...ours, '--dist', site, '--base', '/', '--json']);
    runs.push(m);
    keys.add(scoreOffline(oursProblems(m), truth).key);
  }
  const median = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
  offline.push({ tool: 'boothkit check:links', m: median, score: scoreOffline(oursProblems(median), truth), note: `${runs.length} runs, ${keys.size === 1 ? 'identical findings' : 'FINDINGS DIFFER'}; max ${fmt(Math.max(...runs.map((r) => r.seconds)), 2)} s, ${fmt(Math.max(...runs.map((r) => r.mib)), 0)} MiB` });
  if (others) {
    console.error('linkinator offline (takes minutes) …');
    // Run from inside the site so its local server root is the site root; outside hosts skipped.
    const skip = 'linkedin\\.com|github\\.com|google\\.com|youtube\\.com|arxiv\\.org|example-sponsor\\.com|twitter\\.com|example\\.org';
    const m = measure([...linkinator, '.', '--recurse', '--check-fragments', '--skip', skip, '--format', 'json', '--verbosity', 'error'], site);
    offline.push({ tool: 'linkinator 8.1 (--recurse --check-fragments)', m, score: scoreOffline(linkinatorProblems(m), truth) });
    if (hasProofer) {
      console.error('html-proofer offline …');
      const p = measure(['htmlproofer', site, '--disable-external', '--allow-hash-href', '--empty-alt-ignore', '--root-dir', site], dir);
      offline.push({ tool: 'html-proofer 3.19 (--disable-external)', m: p, score: scoreOffline(prooferProblems(p), truth) });
    }
  }

  // ---- linear in pages
  const scale: { pages: number; seconds: number; mib: number }[] = [];
  for (const n of [250, 500, 2000, 4000]) {
    const out = join(dir, `site-${n}`);
    generate(out, ['--pages', String(n)]);
    const m = measure([...ours, '--dist', out, '--base', '/', '--json']);
    scale.push({ pages: n, seconds: m.seconds, mib: m.mib });
    rmSync(out, { recursive: true, force: true });
  }
  scale.splice(2, 0, { pages, seconds: median.seconds, mib: median.mib });

  // ---- external
  const server = spawn(node, [join(shared, 'ext-server.mjs'), '--port', '0', '--latency', '50', '--max-seconds', '1800'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolvePort, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      const match = /LISTENING (\d+)/.exec(chunk.toString());
      if (match) resolvePort(Number(match[1]));
    });
    server.on('exit', () => reject(new Error('ext-server exited')));
  });
  const extBase = `http://127.0.0.1:${port}`;
  const external: { tool: string; m: Measured; requests: number; maxInflight: number; right: number; scored: number }[] = [];
  try {
    const extSite = join(dir, 'site-ext');
    const extTruth = generate(extSite, ['--pages', '200', '--ext', '20', '--ext-base', extBase, '--no-breaks']);
    const distinct = extTruth.external.length;
    const cache = join(dir, 'link-cache.json');
    const runOurs = async (label: string, extra: string[]) => {
      await stats(extBase, '__reset');
      console.error(`${label} …`);
      const m = measure([...ours, '--dist', extSite, '--base', '/', '--external', '--json', ...extra]);
      const s = (await stats(extBase, '__stats'))!;
      const report = JSON.parse(m.stdout) as { findings: { url: string; mode: string; severity: string }[] };
      const broken = new Set(report.findings.filter((f) => f.mode === 'external' && f.severity !== 'notice').map((f) => f.url));
      external.push({ tool: label, m, requests: s.requests, maxInflight: s.maxInflight, ...scoreExternal((u) => broken.has(u), extTruth) });
    };
    await runOurs('boothkit check:links --external (cold cache)', ['--cache', cache]);
    await runOurs('boothkit, warm re-run (same cache)', ['--cache', cache]);
    await runOurs('boothkit --per-host 16 (no cache)', ['--no-cache', '--per-host', '16']);
    if (others) {
      await stats(extBase, '__reset');
      console.error('linkinator external …');
      const m = measure([...linkinator, '.', '--recurse', '--retry', '--retry-errors', '--format', 'json', '--verbosity', 'error'], extSite);
      let s = (await stats(extBase, '__stats'))!;
      const broken = new Set(linkinatorProblems(m).map((p) => p.split(' ')[0]!));
      external.push({ tool: 'linkinator 8.1 (--retry --retry-errors)', m, requests: s.requests, maxInflight: s.maxInflight, ...scoreExternal((u) => broken.has(u), extTruth) });
      if (hasProofer) {
        await stats(extBase, '__reset');
        console.error('html-proofer external …');
        const p = measure(['htmlproofer', extSite, '--external_only', '--root-dir', extSite], dir);
        s = (await stats(extBase, '__stats'))!;
        const text = prooferProblems(p).join('\n');
        const mentioned = (u: string) => new RegExp(`${u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w/])`).test(text);
        external.push({ tool: 'html-proofer 3.19 (--external_only)', m: p, requests: s.requests, maxInflight: s.maxInflight, ...scoreExternal(mentioned, extTruth) });
      }
    }
    // ---- report
    const o0 = offline[0]!;
    console.log(`\n## Offline: ${pages.toLocaleString('en-US')} pages, ${truth.breaks.length} known breaks, ${truth.edges.length} tricky-valid links\n`);
    console.log(row(['tool', 'wall s', 'peak MiB', 'breaks found', 'false positives', 'time ratio', 'memory ratio', 'note']));
    console.log(row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---']));
    for (const r of offline) {
      console.log(row([r.tool, fmt(r.m.seconds, 2), fmt(r.m.mib, 0), `${r.score.found}/${truth.breaks.length}`, r.score.falsePositives, ratio(r.m.seconds, o0.m.seconds), ratio(r.m.mib, o0.m.mib), r.note ?? `exit ${r.m.status}`]));
    }
    console.log('\n### Ours, by site size (linear in pages?)\n');
    console.log(row(['pages', 'wall s', 'peak MiB', 'ms per page']));
    console.log(row(['---:', '---:', '---:', '---:']));
    for (const s of scale) console.log(row([s.pages, fmt(s.seconds, 2), fmt(s.mib, 0), fmt((s.seconds * 1000) / s.pages, 2)]));
    const e0 = external[0]!;
    console.log(`\n## External: ${distinct.toLocaleString('en-US')} URLs on a local server at 50 ms latency\n`);
    console.log(row(['tool', 'wall s', 'peak MiB', 'requests', 'requests/URL', 'max in flight', 'verdicts right', 'time ratio']));
    console.log(row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
    for (const r of external) {
      console.log(row([r.tool, fmt(r.m.seconds, 2), fmt(r.m.mib, 0), r.requests, fmt(r.requests / distinct, 3), r.maxInflight, `${r.right}/${r.scored}`, ratio(r.m.seconds, e0.m.seconds)]));
    }
    if (!hasProofer && others) console.log('\n(html-proofer not installed: `apt-get install -y ruby-html-proofer`)');
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
