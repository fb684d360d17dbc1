/**
 * `npm run bench`: builds generated conferences with boothkit (and, with --peers, with
 * Jekyll and Hugo on the same content) and prints a table of figures. Not a test: it asserts
 * nothing about speed; it measures.
 *
 *   npm run bench -- [--sizes 10x5,100x10,1000x10] [--format neutral] [--peers] [--reps N]
 *                    [--seed S] [--work DIR] [--keep] [--ssg DIR]
 *   --peer hugo-full            one peer only (repeatable; --peers builds jekyll, hugo and hugo-full)
 *   --levers                    boothkit once per lever: none (serial), each alone (workers,
 *                               chunked content store, incremental build), all together
 *   --variant NAME:VAR=VALUE,…  boothkit with these build settings (repeatable), e.g.
 *                               --variant w1:BOOTHKIT_WORKERS=1; "default" is the project's
 *                               own settings, and the only variant when none is given
 *   --timings                   builds run with `astro build --timings`; prints where each
 *                               variant's last cold build spent its time, phase by phase
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
 * and runs REPS rounds; each round builds every variant cold (no dist, no cache), then each
 * peer cold, so that load from other work on the machine hits every build alike. In the last
 * round, right after each variant's cold build, it appends a paragraph to the middle sponsor
 * (as run.sh does), times the rebuild with that variant's output and caches in place, checks
 * that the booth shows the paragraph, and takes it out again. Builds run under /usr/bin/time
 * -v with the project's Node. The machine may be shared: every figure carries the load
 * average before its run.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { isHtmlFile, listFiles } from '../../src/lib/built-site.ts';
import { adaptNeutral, type BodyImages } from './adapt.ts';
import { median, requireGnuTime, timed, type Timing } from './measure.ts';
import { cleanPeer, missingPeers, peerBuild, peerOutput, peerRebuild, peers, peerVersion, type Peer } from './peers.ts';
import { benchJekyllSite } from './jekyll-site.ts';
import { buildPhases, phaseTable, type Phase } from './phases.ts';
import { readScriptFlags } from '../lib/cli.ts';
import { benchProject, projectNode, projectRoot, type BenchProject } from './project.ts';
import { summariseProfile } from './profile.ts';
import { leverVariants, parseVariant, variantEnv, type Variant } from './variants.ts';
import { weighSite, weightTable } from './weights.ts';

const args = readScriptFlags('bench', import.meta.filename, {
  sizes: { type: 'string', default: '10x5,100x10,1000x10', help: 'conferences to build, booths x roles each' },
  format: { type: 'string', default: 'neutral', help: "the generator's format (neutral)" },
  peers: { type: 'boolean', default: false, help: 'also build the same content with Jekyll, Hugo and hugo-full' },
  peer: { type: 'string', multiple: true, default: [], help: 'one peer only (repeatable)' },
  reps: { type: 'string', default: '1', help: 'builds of each size' },
  seed: { type: 'string', default: '1', help: "the generator's seed" },
  work: { type: 'string', help: 'the work folder (default: a temporary one)' },
  keep: { type: 'boolean', default: false, help: 'keep the copies after the run' },
  demo: { type: 'boolean', default: false, help: 'bench the demo content' },
  'jekyll-site': { type: 'string', help: 'bench an imported Jekyll site' },
  'tier-as': { type: 'string', multiple: true, default: [], help: '--tier-as for the Jekyll import (repeatable)' },
  profile: { type: 'boolean', default: false, help: 'profile the largest build' },
  images: { type: 'string', default: 'svg', help: 'body images: svg or jpeg' },
  levers: { type: 'boolean', default: false, help: 'bench each build setting alone and together' },
  variant: { type: 'string', multiple: true, default: [], help: 'a build-settings variant (repeatable)' },
  timings: { type: 'boolean', default: false, help: 'report the phases of each cold build' },
  ssg: { type: 'string', default: resolve(projectRoot, '..', 'shared', 'bench', 'ssg'), help: 'the folder of the SSG peer benchmark' },
});

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
let variants: Variant[];
try {
  variants = [...(args.levers ? leverVariants() : []), ...args.variant.map(parseVariant)];
} catch (e) {
  fail((e as Error).message);
}
if (variants.length === 0) variants = [{ name: 'default', env: {} }];
if (new Set(variants.map((v) => v.name)).size < variants.length) fail('two variants have the same name');
for (const peer of args.peer) if (!peers.includes(peer as Peer)) fail(`--peer ${peer}: one of ${peers.join(', ')}`);
/** The peers built alongside boothkit: all with --peers, or those named with --peer. */
const chosenPeers = args.peers ? peers : peers.filter((p) => args.peer.includes(p));
if (chosenPeers.length > 0) {
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
  /** boothkit: the name of the build settings (see variants.ts); peers: "". */
  variant: string;
  version: string;
  n: number;
  r: number;
  cold: Timing[];
  pages: number;
  outputBytes: number;
  rebuild?: { timing: Timing; updated: boolean; mode: string };
  /** boothkit, first variant: the site gate (npm run verify) and the offline link check over a cold build. */
  checks?: { verify: Timing; links: Timing };
  /** boothkit with --timings: the phases of the last cold build. */
  phases?: Phase[];
}

/** Pages and bytes of a build's output (any engine's: a missing folder counts nothing). */
function countOutput(dir: string): { pages: number; bytes: number } {
  const files = existsSync(dir) ? listFiles(dir) : [];
  return { pages: files.filter(isHtmlFile).length, bytes: files.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0) };
}

const astroVersion = JSON.parse(readFileSync(join(projectRoot, 'node_modules', 'astro', 'package.json'), 'utf8')).version as string;
const nodeVersion = execFileSync(projectNode, ['--version'], { encoding: 'utf8' }).trim();
const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const line = (t: Timing) => `wall=${fmt(t.wallS)}s cpu=${fmt(t.cpuS)}s rss=${fmt(t.peakRssMb, 0)}MB load=${t.load1}${t.ok ? '' : ` FAILED (exit ${t.exitCode}, see ${t.log})`}`;

if (args.demo) {
  // The demo as of its conference's first day, when its roles are open: the fullest board.
  const project = benchProject('demo', true);
  const env = variantEnv({ ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BOOTHKIT_BUILD_DATE: process.env['BOOTHKIT_BUILD_DATE'] ?? '2020-10-12' }, variants[0]!);
  delete env['BOOTHKIT_BASE'];
  const t = await timed(project.buildCommand, project.root, join(work, 'logs', 'demo-cold.log'), env);
  say(`   demo cold build: ${line(t)}`);
  if (!t.ok) process.exit(1);
  const built = countOutput(project.dist);
  const report = [
    `boothkit demo (${project.root}, built as of ${env['BOOTHKIT_BUILD_DATE']}, variant ${variants[0]!.name}): ${built.pages} pages, ${(built.bytes / 1e6).toFixed(1)} MB; cold build ${fmt(t.wallS)} s wall, ${fmt(t.cpuS)} s CPU, ${fmt(t.peakRssMb, 0)} MB peak, load ${t.load1}.`,
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
const phaseTables: string[] = [];
const projects: BenchProject[] = [];

for (const { n, r } of sizes) {
  const tag = `${n}x${r}`;
  say(`== ${n} booths x ${r} roles`);
  const neutral = join(work, `neutral-${tag}`);
  const genArgs = ['--sponsors', String(n), '--roles-per-sponsor', String(r), '--seed', args.seed, '--force'];
  execFileSync(projectNode, [gen, ...genArgs, '--format', 'neutral', '--out', neutral], { stdio: ['ignore', 'ignore', 'inherit'] });
  const project = benchProject(tag);
  projects.push(project);
  const adapted = await adaptNeutral(neutral, project.contentDir, args.images as BodyImages);
  say(`   boothkit project ${project.root}: ${adapted.sponsors} sponsors, ${adapted.roles} roles, ${adapted.images} images`);
  const peerDirs = new Map<Peer, string>();
  if (chosenPeers.length > 0) {
    for (const peer of chosenPeers) {
      const dir = join(work, `${peer}-${tag}`);
      execFileSync(projectNode, [gen, ...genArgs, '--format', peer, '--out', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
      peerDirs.set(peer, dir);
    }
  }

  // The rebuild test edits the middle sponsor in slug order, like run.sh.
  const slugs = readdirSync(join(neutral, 'sponsors')).map((f) => f.replace(/\.mdx$/, '')).sort();
  const slug = slugs[Math.floor(n / 2)]!;
  const marker = `ZZREBUILD${n}${r}${Date.now()}`;
  const sponsorFile = join(project.contentDir, 'sponsors', `${slug}.mdx`);
  const boothPage = join(project.dist, 'booths', slug, 'index.html');
  const buildCommand = args.timings ? [...project.buildCommand, '--timings'] : project.buildCommand;

  const ours = new Map<Variant, Row>(variants.map((v) => [v, { engine: 'boothkit', variant: v.name, version: `astro ${astroVersion}`, n, r, cold: [], pages: 0, outputBytes: 0 }]));
  const theirs = new Map<Peer, Row>([...peerDirs.keys()].map((p) => [p, { engine: p, variant: '', version: peerVersion(p) ?? '?', n, r, cold: [], pages: 0, outputBytes: 0 }]));
  const dead = new Set<string>();
  for (let rep = 1; rep <= reps; rep++) {
    for (const [variant, row] of ours) {
      const name = `boothkit ${variant.name}`;
      if (dead.has(name)) continue;
      const env = variantEnv(buildEnv, variant);
      const logName = `boothkit-${tag}-${variant.name}`;
      project.clean();
      const t = await timed(buildCommand, project.root, join(work, 'logs', `${logName}-cold-${rep}.log`), env);
      row.cold.push(t);
      say(`   ${name} cold #${rep}: ${line(t)}`);
      if (!t.ok) {
        dead.add(name);
        continue;
      }
      if (rep < reps) continue;
      if (args.timings) row.phases = buildPhases(readFileSync(t.log, 'utf8'));
      const built = countOutput(project.dist);
      row.pages = built.pages;
      row.outputBytes = built.bytes;
      if (variant === variants[0]) {
        weightTables.push(`### ${n} booths x ${r} roles\n\n${weightTable(weighSite(project.dist))}`);
        // The checks every deploy runs after the build, over the same output.
        const check = (script: string, what: string) => timed([projectNode, join(projectRoot, 'scripts', `${script}.ts`)], project.root, join(work, 'logs', `${logName}-${what}.log`), env);
        row.checks = { verify: await check('verify', 'verify'), links: await check('check-links', 'links') };
        say(`   ${name} site gate: ${line(row.checks.verify)}; link check: ${line(row.checks.links)}`);
      }
      // One booth's text edited, then a build with this variant's output and caches in place.
      const original = readFileSync(sponsorFile, 'utf8');
      appendFileSync(sponsorFile, `\nThis paragraph was added by the rebuild test, ${marker}.\n`);
      const timing = await timed(buildCommand, project.root, join(work, 'logs', `${logName}-rebuild.log`), env);
      const updated = existsSync(boothPage) && readFileSync(boothPage, 'utf8').includes(marker);
      row.rebuild = { timing, updated, mode: variant.env['BOOTHKIT_INCREMENTAL'] === '1' ? 'incremental' : 'full' };
      say(`   ${name} rebuild: ${line(timing)}${updated ? '' : ' WARNING: the edited booth was not updated'}`);
      writeFileSync(sponsorFile, original);
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

  if (args.profile && !dead.has(`boothkit ${variants[0]!.name}`)) {
    const dir = join(work, 'profiles', tag);
    project.clean();
    const [node, ...rest] = project.buildCommand;
    const t = await timed([node!, '--cpu-prof', `--cpu-prof-dir=${dir}`, ...rest], project.root, join(work, 'logs', `boothkit-${tag}-profile.log`), variantEnv(buildEnv, variants[0]!));
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (t.ok && file) {
      const summary = summariseProfile(join(dir, file), 5);
      writeFileSync(join(dir, 'summary.txt'), `${summary}\n`);
      say(`   boothkit profiled build (${line(t)}), ${join(dir, file)}:\n${summary.replace(/^/gm, '     ')}`);
    }
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
  const withPhases = [...ours.values()].filter((row) => row.phases?.length);
  if (withPhases.length > 0) phaseTables.push(`### ${n} booths x ${r} roles (seconds, last cold build of each variant)\n\n${phaseTable(new Map(withPhases.map((row) => [row.variant, row.phases!])))}`);
  rows.push(...ours.values(), ...theirs.values());
  if (!args.keep) {
    project.remove();
    for (const dir of [neutral, ...peerDirs.values()]) rmSync(dir, { recursive: true, force: true });
  }
}

const ok = (row: Row) => row.cold.filter((t) => t.ok);
const cold = (row: Row, key: 'wallS' | 'cpuS' | 'peakRssMb') => (key === 'peakRssMb' ? Math.max(...ok(row).map((t) => t.peakRssMb)) : median(ok(row).map((t) => t[key])));
const loads = (row: Row) => {
  const values = row.cold.map((t) => t.load1).filter(Number.isFinite);
  return values.length ? `${fmt(Math.min(...values), 1)}–${fmt(Math.max(...values), 1)}` : '-';
};
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '-');
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const label = (row: Row) => (row.variant ? `${row.engine} ${row.variant}` : row.engine);
const rebuildCell = (row: Row) => (row.rebuild ? `${fmt(row.rebuild.timing.wallS)} (${row.rebuild.mode}, load ${row.rebuild.timing.load1})${row.rebuild.updated ? '' : ' (stale!)'}` : '-');

const header = [
  `boothkit bench, ${new Date().toISOString()}: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}; node ${nodeVersion}; ${reps} cold run(s) per build and size, interleaved; median wall and CPU, highest peak RSS; load = 1-minute load average before each cold run.`,
  `Variants: ${variants.map((v) => `${v.name} (${Object.entries(v.env).map(([k, x]) => `${k}=${x}`).join(' ') || 'project defaults'})`).join('; ')}.`,
  'Cold = no output and no cache. Rebuild = one sponsor body edited, then a build with output and caches in place (Jekyll: --incremental after a priming build; Hugo: a full build; boothkit: its variant\'s settings, right after its last cold build).',
  '',
  '| build | version | booths × roles | pages | cold wall s | cold CPU s | peak RSS MB | pages/s | load | rebuild s | output MB |',
  '|---|---|---|---:|---:|---:|---:|---:|---|---:|---:|',
];
const table = rows.map((row) => {
  const wall = cold(row, 'wallS');
  return `| ${label(row)} | ${row.version} | ${row.n} × ${row.r} | ${row.pages} | ${fmt(wall)} | ${fmt(cold(row, 'cpuS'))} | ${fmt(cold(row, 'peakRssMb'), 0)} | ${fmt(row.pages / wall, 0)} | ${loads(row)} | ${rebuildCell(row)} | ${mb(row.outputBytes)} |`;
});
const out = [...header, ...table];
if (chosenPeers.length > 0) {
  out.push('', 'boothkit ÷ peer, same size and run (below 1× means boothkit is faster or smaller):', '', '| booths × roles | boothkit | peer | cold wall | cold CPU | peak RSS | rebuild |', '|---|---|---|---:|---:|---:|---:|');
  for (const peer of rows.filter((x) => x.engine !== 'boothkit')) {
    for (const ours of rows.filter((x) => x.engine === 'boothkit' && x.n === peer.n && x.r === peer.r)) {
      out.push(
        `| ${peer.n} × ${peer.r} | ${ours.variant} | ${peer.engine} | ${ratio(cold(ours, 'wallS'), cold(peer, 'wallS'))} | ${ratio(cold(ours, 'cpuS'), cold(peer, 'cpuS'))} | ${ratio(cold(ours, 'peakRssMb'), cold(peer, 'peakRssMb'))} | ${ratio(ours.rebuild?.timing.wallS ?? NaN, peer.rebuild?.timing.wallS ?? NaN)} |`,
      );
    }
  }
}
const checked = rows.filter((row) => row.checks);
if (checked.length > 0) {
  out.push('', 'Checks over a cold build (what a deploy runs after building; exit code 0 = the site passed):', '', '| booths × roles | pages | site gate (npm run verify) wall s | CPU s | peak RSS MB | exit | link check wall s | peak RSS MB | exit |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { n, r, pages, checks } of checked) {
    const { verify, links } = checks!;
    out.push(`| ${n} × ${r} | ${pages} | ${fmt(verify.wallS)} | ${fmt(verify.cpuS)} | ${fmt(verify.peakRssMb, 0)} | ${verify.exitCode} | ${fmt(links.wallS)} | ${fmt(links.peakRssMb, 0)} | ${links.exitCode} |`);
  }
}
if (phaseTables.length > 0) out.push('', 'Where the time went (astro build --timings):', '', ...phaseTables.flatMap((t) => [t, '']));
out.push('', `Page weight of the boothkit builds (variant ${variants[0]!.name}; per page: HTML, linked CSS, JS, images shown; HTML+CSS gzip):`, '', ...weightTables.flatMap((t) => [t, '']));
const report = out.join('\n');
console.log(report);
writeFileSync(join(work, 'results.md'), `${report}\n`);
say(`wrote ${join(work, 'results.md')} (build logs in ${join(work, 'logs')})${args.keep ? `; kept ${projects.map((p) => p.root).join(', ')}` : ''}`);
