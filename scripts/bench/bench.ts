/**
 * `npm run bench`: builds generated conferences with boothkit (and, with --peers, with
 * Jekyll and Hugo on the same content) and prints a table of figures. Not a test: it asserts
 * nothing about speed; it measures.
 *
 *   npm run bench -- [--sizes 10x5,100x10,1000x10] [--format neutral] [--peers] [--reps N]
 *                    [--seed S] [--work DIR] [--keep] [--ssg DIR]
 *   --images jpeg               body images as photo-like JPEGs (default: small SVGs), to
 *                               measure the image transforms a booth with photos costs
 *   --profile                   one more cold build per size under node --cpu-prof (not timed);
 *                               prints where the time went and keeps the .cpuprofile
 *   npm run bench -- --demo     the project's own content instead: one cold build, and the
 *                               page weights against the budgets of src/lib/page-kinds.ts
 *   npm run bench -- --jekyll-site ROOT [--tier-as "Old=new" …]
 *                               a real Jekyll conference site's sponsors, imported with
 *                               import:jekyll --site into a copy: page weights, and each hall
 *                               logo's widest file against its plate (scripts/bench/jekyll-site.ts)
 *
 * For each size it writes the neutral format with ../shared/bench/ssg/gen.mjs, adapts it into
 * the src/content of a temporary copy of this project (scripts/bench/adapt.ts, project.ts),
 * and runs REPS cold builds (no dist, no cache), interleaved with the peers' cold builds.
 * Then it appends a paragraph to the middle sponsor (as run.sh does) and times the rebuild
 * with caches and output in place; then once more with BOOTHKIT_INCREMENTAL=1 (a cold build
 * that fills Astro's page cache, a second edit, the rebuild). Builds run under /usr/bin/time -v with the project's
 * Node 22. The machine is shared: each row also gives the load average before the run.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isHtmlFile, listFiles } from '../../src/lib/built-site.ts';
import { adaptNeutral, type BodyImages } from './adapt.ts';
import { median, requireGnuTime, timed, type Timing } from './measure.ts';
import { cleanPeer, missingPeers, peerBuild, peerOutput, peerRebuild, peers, peerVersion, type Peer } from './peers.ts';
import { benchJekyllSite } from './jekyll-site.ts';
import { benchProject, node22, projectRoot, type BenchProject } from './project.ts';
import { summariseProfile } from './profile.ts';
import { weighSite, weightTable } from './weights.ts';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10x5,100x10,1000x10' },
    format: { type: 'string', default: 'neutral' },
    peers: { type: 'boolean', default: false },
    reps: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    work: { type: 'string' },
    keep: { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
    'jekyll-site': { type: 'string' },
    'tier-as': { type: 'string', multiple: true, default: [] },
    profile: { type: 'boolean', default: false },
    images: { type: 'string', default: 'svg' },
    ssg: { type: 'string', default: resolve(projectRoot, '..', 'shared', 'bench', 'ssg') },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (args.help) {
  console.log(readFileSync(import.meta.filename, 'utf8').split('*/')[0]);
  process.exit(0);
}
if (args.images !== 'svg' && args.images !== 'jpeg') fail('--images must be svg or jpeg');
if (args.format !== 'neutral') fail(`--format ${args.format}: only "neutral" (the format of ${args.ssg}/README.md) is supported`);
const sizes = args.sizes.split(',').map((s) => {
  const m = /^(\d+)[x:](\d+)$/.exec(s.trim());
  if (!m) fail(`--sizes: "${s}" is not BOOTHSxROLES, e.g. 100x10`);
  return { n: Number(m[1]), r: Number(m[2]) };
});
const reps = Number(args.reps);
if (!Number.isInteger(reps) || reps < 1) fail('--reps must be a positive integer');
const gen = join(args.ssg, 'gen.mjs');
if (!args.demo && !args['jekyll-site'] && !existsSync(gen)) fail(`${gen} not found; pass --ssg DIR (the folder of the SSG peer benchmark)`);
try {
  requireGnuTime();
} catch (e) {
  fail((e as Error).message);
}
if (args.peers) {
  const missing = missingPeers();
  if (missing.length) fail(`--peers needs ${missing.join(' and ')} on PATH; install with: apt-get install -y jekyll hugo time`);
}

const work = args.work ? resolve(args.work) : mkdtempSync(join(tmpdir(), 'boothkit-bench-'));
mkdirSync(join(work, 'logs'), { recursive: true });
/** Fixed so the generated roles (posted up to 2030-09-30, no closing date) are all open. */
const buildDate = '2030-10-01';
const buildEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BOOTHKIT_BUILD_DATE: buildDate, BOOTHKIT_BASE: '/' };

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}
const say = (line: string) => process.stderr.write(`${line}\n`);

interface Row {
  engine: string;
  version: string;
  n: number;
  r: number;
  cold: Timing[];
  pages: number;
  outputBytes: number;
  rebuild?: { timing: Timing; updated: boolean; mode: string };
  /** boothkit: the site gate (npm run verify) and the offline link check over the cold build. */
  checks?: { verify: Timing; links: Timing };
  /** boothkit with BOOTHKIT_INCREMENTAL=1: the cold build that fills the page cache, then the rebuild. */
  incremental?: { prime: Timing; rebuild: Timing; updated: boolean };
}

/** Pages and bytes of a build's output (any engine's: a missing folder counts nothing). */
function countOutput(dir: string): { pages: number; bytes: number } {
  const files = existsSync(dir) ? listFiles(dir) : [];
  return { pages: files.filter(isHtmlFile).length, bytes: files.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0) };
}

const astroVersion = JSON.parse(readFileSync(join(projectRoot, 'node_modules', 'astro', 'package.json'), 'utf8')).version as string;
const nodeVersion = execFileSync(node22, ['--version'], { encoding: 'utf8' }).trim();
const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const line = (t: Timing) => `wall=${fmt(t.wallS)}s cpu=${fmt(t.cpuS)}s rss=${fmt(t.peakRssMb, 0)}MB load=${t.load1}${t.ok ? '' : ` FAILED (exit ${t.exitCode}, see ${t.log})`}`;

if (args.demo) {
  // The demo as of its conference's first day, when its roles are open: the fullest board.
  const project = benchProject('demo', true);
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BOOTHKIT_BUILD_DATE: process.env['BOOTHKIT_BUILD_DATE'] ?? '2020-10-12' };
  delete env['BOOTHKIT_BASE'];
  const t = await timed(project.buildCommand, project.root, join(work, 'logs', 'demo-cold.log'), env);
  say(`   demo cold build: ${line(t)}`);
  if (!t.ok) process.exit(1);
  const built = countOutput(project.dist);
  const report = [
    `boothkit demo (${project.root}, built as of ${env['BOOTHKIT_BUILD_DATE']}): ${built.pages} pages, ${(built.bytes / 1e6).toFixed(1)} MB; cold build ${fmt(t.wallS)} s wall, ${fmt(t.cpuS)} s CPU, ${fmt(t.peakRssMb, 0)} MB peak, load ${t.load1}.`,
    '',
    weightTable(weighSite(project.dist)),
  ].join('\n');
  console.log(report);
  writeFileSync(join(work, 'results.md'), `${report}\n`);
  if (!args.keep) project.remove();
  process.exit(0);
}

if (args['jekyll-site']) {
  const { report, ok, remove } = await benchJekyllSite(resolve(args['jekyll-site']), args['tier-as'], join(work, 'logs'));
  console.log(report);
  writeFileSync(join(work, 'results.md'), `${report}\n`);
  if (!args.keep) remove();
  process.exit(ok ? 0 : 1);
}

const rows: Row[] = [];
const weightTables: string[] = [];
const projects: BenchProject[] = [];

for (const { n, r } of sizes) {
  const tag = `${n}x${r}`;
  say(`== ${n} booths x ${r} roles`);
  const neutral = join(work, `neutral-${tag}`);
  const genArgs = ['--sponsors', String(n), '--roles-per-sponsor', String(r), '--seed', args.seed, '--force'];
  execFileSync(node22, [gen, ...genArgs, '--format', 'neutral', '--out', neutral], { stdio: ['ignore', 'ignore', 'inherit'] });
  const project = benchProject(tag);
  projects.push(project);
  const adapted = await adaptNeutral(neutral, project.contentDir, args.images as BodyImages);
  say(`   boothkit project ${project.root}: ${adapted.sponsors} sponsors, ${adapted.roles} roles, ${adapted.images} images`);
  const peerDirs = new Map<Peer, string>();
  if (args.peers) {
    for (const peer of peers) {
      const dir = join(work, `${peer}-${tag}`);
      execFileSync(node22, [gen, ...genArgs, '--format', peer, '--out', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
      peerDirs.set(peer, dir);
    }
  }

  const ours: Row = { engine: 'boothkit', version: `astro ${astroVersion}`, n, r, cold: [], pages: 0, outputBytes: 0 };
  const theirs = new Map<Peer, Row>([...peerDirs.keys()].map((p) => [p, { engine: p, version: peerVersion(p) ?? '?', n, r, cold: [], pages: 0, outputBytes: 0 }]));
  const dead = new Set<string>();
  for (let rep = 1; rep <= reps; rep++) {
    // Interleaved, so that load from other work on the machine hits every engine alike.
    if (!dead.has('boothkit')) {
      project.clean();
      const t = await timed(project.buildCommand, project.root, join(work, 'logs', `boothkit-${tag}-cold-${rep}.log`), buildEnv);
      ours.cold.push(t);
      say(`   boothkit cold #${rep}: ${line(t)}`);
      if (!t.ok) dead.add('boothkit');
    }
    for (const [peer, dir] of peerDirs) {
      if (dead.has(peer)) continue;
      cleanPeer(peer, dir);
      const t = await peerBuild(peer, dir, join(work, 'logs', `${peer}-${tag}-cold-${rep}.log`));
      theirs.get(peer)!.cold.push(t);
      say(`   ${peer.padEnd(8)} cold #${rep}: ${line(t)}`);
      if (!t.ok) dead.add(peer);
    }
  }

  if (args.profile && !dead.has('boothkit')) {
    const dir = join(work, 'profiles', tag);
    project.clean();
    const [node, ...rest] = project.buildCommand;
    const t = await timed([node!, '--cpu-prof', `--cpu-prof-dir=${dir}`, ...rest], project.root, join(work, 'logs', `boothkit-${tag}-profile.log`), buildEnv);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (t.ok && file) {
      const summary = summariseProfile(join(dir, file), 5);
      writeFileSync(join(dir, 'summary.txt'), `${summary}\n`);
      say(`   boothkit profiled build (${line(t)}), ${join(dir, file)}:\n${summary.replace(/^/gm, '     ')}`);
    }
  }

  // The rebuild test edits the middle sponsor in slug order, like run.sh.
  const slugs = readdirSync(join(neutral, 'sponsors')).map((f) => f.replace(/\.mdx$/, '')).sort();
  const slug = slugs[Math.floor(n / 2)]!;
  const marker = `ZZREBUILD${n}${r}${Date.now()}`;
  if (!dead.has('boothkit')) {
    const built = countOutput(project.dist);
    ours.pages = built.pages;
    ours.outputBytes = built.bytes;
    weightTables.push(`### ${n} booths x ${r} roles\n\n${weightTable(weighSite(project.dist))}`);
    // The checks every deploy runs after the build, over the same output.
    const check = (script: string, name: string) => timed([node22, join(projectRoot, 'scripts', `${script}.ts`)], project.root, join(work, 'logs', `boothkit-${tag}-${name}.log`), buildEnv);
    ours.checks = { verify: await check('verify', 'verify'), links: await check('check-links', 'links') };
    say(`   boothkit site gate: ${line(ours.checks.verify)}; link check: ${line(ours.checks.links)}`);
    const edit = (text: string) => appendFileSync(join(project.contentDir, 'sponsors', `${slug}.mdx`), `\nThis paragraph was added by the rebuild test, ${text}.\n`);
    const page = join(project.dist, 'booths', slug, 'index.html');
    const shows = (text: string) => existsSync(page) && readFileSync(page, 'utf8').includes(text);
    edit(marker);
    const timing = await timed(project.buildCommand, project.root, join(work, 'logs', `boothkit-${tag}-rebuild.log`), buildEnv);
    ours.rebuild = { timing, updated: shows(marker), mode: 'full' };
    say(`   boothkit rebuild: ${line(timing)}${ours.rebuild.updated ? '' : ' WARNING: the edited booth was not updated'}`);
    // The same edit with Astro's incremental build on: a cold build fills the page cache,
    // then a second edit and the rebuild, which renders only the pages whose keys changed.
    const incremental = { ...buildEnv, BOOTHKIT_INCREMENTAL: '1' };
    project.clean();
    const prime = await timed(project.buildCommand, project.root, join(work, 'logs', `boothkit-${tag}-incremental-prime.log`), incremental);
    edit(`${marker}B`);
    const rebuild = await timed(project.buildCommand, project.root, join(work, 'logs', `boothkit-${tag}-incremental-rebuild.log`), incremental);
    ours.incremental = { prime, rebuild, updated: shows(`${marker}B`) };
    say(`   boothkit incremental: cold ${line(prime)}; rebuild ${line(rebuild)}${ours.incremental.updated ? '' : ' WARNING: the edited booth was not updated'}`);
  }
  for (const [peer, dir] of peerDirs) {
    const row = theirs.get(peer)!;
    if (dead.has(peer)) continue;
    const out = countOutput(peerOutput(peer, dir));
    row.pages = out.pages;
    row.outputBytes = out.bytes;
    row.rebuild = await peerRebuild(peer, dir, slug, marker, join(work, 'logs', `${peer}-${tag}`));
    say(`   ${peer.padEnd(8)} rebuild: ${line(row.rebuild.timing)}${row.rebuild.updated ? '' : ' WARNING: the edited page was not updated'}`);
  }
  rows.push(ours, ...theirs.values());
  if (!args.keep) {
    project.remove();
    for (const dir of [neutral, ...peerDirs.values()]) rmSync(dir, { recursive: true, force: true });
  }
}

const cold = (row: Row, key: 'wallS' | 'cpuS' | 'peakRssMb') => (key === 'peakRssMb' ? Math.max(...row.cold.filter((t) => t.ok).map((t) => t.peakRssMb)) : median(row.cold.filter((t) => t.ok).map((t) => t[key])));
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '-');
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

const header = [
  `boothkit bench, ${new Date().toISOString()}: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}; node ${nodeVersion}; ${reps} cold run(s) per engine and size, interleaved; median wall and CPU, highest peak RSS.`,
  'Cold = no output and no cache. Rebuild = one sponsor body edited, then a build with output and caches in place (Jekyll: --incremental after a priming build; Hugo and boothkit: a full build). Incremental = boothkit with BOOTHKIT_INCREMENTAL=1 (Astro\'s experimental incremental build): its cold build, which also fills the page cache, and its rebuild after a second edit.',
  '',
  '| engine | version | booths × roles | pages | cold wall s | cold CPU s | peak RSS MB | pages/s | rebuild s | incremental: cold s / rebuild s | output MB |',
  '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
];
const table = rows.map((row) => {
  const wall = cold(row, 'wallS');
  return `| ${row.engine} | ${row.version} | ${row.n} × ${row.r} | ${row.pages} | ${fmt(wall)} | ${fmt(cold(row, 'cpuS'))} | ${fmt(cold(row, 'peakRssMb'), 0)} | ${fmt(row.pages / wall, 0)} | ${row.rebuild ? `${fmt(row.rebuild.timing.wallS)}${row.rebuild.updated ? '' : ' (stale!)'}` : '-'} | ${row.incremental ? `${fmt(row.incremental.prime.wallS)} / ${fmt(row.incremental.rebuild.wallS)}${row.incremental.updated ? '' : ' (stale!)'}` : '-'} | ${mb(row.outputBytes)} |`;
});
const out = [...header, ...table];
if (args.peers) {
  out.push('', 'boothkit ÷ peer (below 1× means boothkit is faster or smaller):', '', '| booths × roles | peer | cold wall | cold CPU | peak RSS | rebuild | incremental rebuild |', '|---|---|---:|---:|---:|---:|---:|');
  for (const row of rows.filter((x) => x.engine !== 'boothkit')) {
    const ours = rows.find((x) => x.engine === 'boothkit' && x.n === row.n && x.r === row.r)!;
    out.push(
      `| ${row.n} × ${row.r} | ${row.engine} | ${ratio(cold(ours, 'wallS'), cold(row, 'wallS'))} | ${ratio(cold(ours, 'cpuS'), cold(row, 'cpuS'))} | ${ratio(cold(ours, 'peakRssMb'), cold(row, 'peakRssMb'))} | ${ratio(ours.rebuild?.timing.wallS ?? NaN, row.rebuild?.timing.wallS ?? NaN)} | ${ratio(ours.incremental?.rebuild.wallS ?? NaN, row.rebuild?.timing.wallS ?? NaN)} |`,
    );
  }
}
const checked = rows.filter((row) => row.checks);
if (checked.length > 0) {
  out.push('', 'Checks over each cold build (what a deploy runs after building; exit code 0 = the site passed):', '', '| booths × roles | pages | site gate (npm run verify) wall s | CPU s | peak RSS MB | exit | link check wall s | peak RSS MB | exit |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { n, r, pages, checks } of checked) {
    const { verify, links } = checks!;
    out.push(`| ${n} × ${r} | ${pages} | ${fmt(verify.wallS)} | ${fmt(verify.cpuS)} | ${fmt(verify.peakRssMb, 0)} | ${verify.exitCode} | ${fmt(links.wallS)} | ${fmt(links.peakRssMb, 0)} | ${links.exitCode} |`);
  }
}
out.push('', 'Page weight of the boothkit builds (per page: HTML, linked CSS, JS, images shown; HTML+CSS gzip):', '', ...weightTables.flatMap((t) => [t, '']));
const report = out.join('\n');
console.log(report);
writeFileSync(join(work, 'results.md'), `${report}\n`);
say(`wrote ${join(work, 'results.md')} (build logs in ${join(work, 'logs')})${args.keep ? `; kept ${projects.map((p) => p.root).join(', ')}` : ''}`);
