/**
 * The edit loop of `npm run dev`, measured: a copy of the project with generated content
 * (../shared/bench/ssg, as `npm run bench` makes it), `astro dev` started in it, then a
 * booth's MDX file edited again and again; each time, how long until the served booth page
 * shows the new text. Prints the dev server's start time (spawn to the first page served)
 * and the median, fastest and slowest edit. Not a test: it measures.
 *
 *   npm run bench:dev -- [--size 100x10] [--edits 10] [--port 4399] [--keep]
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { adaptNeutral } from './adapt.ts';
import { median } from './measure.ts';
import { readScriptFlags } from '../lib/cli.ts';
import { benchProject, projectNode, projectRoot } from './project.ts';
import { routes } from '../../src/lib/routes.ts';

const args = readScriptFlags('bench:dev', import.meta.filename, {
  size: { type: 'string', default: '100x10', help: 'booths x roles of the generated conference' },
  edits: { type: 'string', default: '10', help: 'booth text edits to time' },
  port: { type: 'string', default: '4399', help: "the dev server's port" },
  keep: { type: 'boolean', default: false, help: 'keep the copy after the run' },
  ssg: { type: 'string', default: resolve(projectRoot, '..', 'shared', 'bench', 'ssg'), help: 'the folder of the SSG peer benchmark' },
});
const [booths, roles] = args.size.split('x').map(Number);
const edits = Number(args.edits);
if (!booths || !roles || !(edits > 0)) {
  console.error('bench:dev: --size is BOOTHSxROLES (e.g. 100x10), --edits a positive number');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'boothkit-dev-loop-'));
const neutral = join(work, 'neutral');
await new Promise<void>((done, fail) =>
  spawn(projectNode, [join(args.ssg, 'gen.mjs'), '--sponsors', String(booths), '--roles-per-sponsor', String(roles), '--seed', '1', '--format', 'neutral', '--out', neutral], { stdio: 'ignore' }).on('exit', (code) =>
    code === 0 ? done() : fail(new Error(`gen.mjs exited with ${code}`)),
  ),
);
const project = benchProject(`dev-${args.size}`);
await adaptNeutral(neutral, project.contentDir, 'svg');
const slug = readdirSync(join(project.contentDir, 'sponsors')).filter((f) => f.endsWith('.mdx')).sort()[Math.floor(booths / 2)]!.replace(/\.mdx$/, '');
const origin = `http://127.0.0.1:${args.port}`;

/** GETs `path` until `ok` accepts the body; the milliseconds it took. */
async function until(path: string, ok: (body: string) => boolean, limitMs = 120_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    try {
      const response = await fetch(origin + path);
      if (response.ok && ok(await response.text())) return performance.now() - started;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > limitMs) throw new Error(`${path} did not change within ${limitMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const started = performance.now();
const server = spawn(projectNode, [join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--port', args.port, '--host', '127.0.0.1'], {
  cwd: project.root,
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BOOTHKIT_BUILD_DATE: '2030-10-01' },
  stdio: 'ignore',
  detached: true,
});
try {
  const boothPath = routes.booth({ id: slug });
  await until(boothPath, () => true, 300_000);
  const startMs = performance.now() - started;
  const times: number[] = [];
  for (let i = 1; i <= edits; i++) {
    const marker = `EDITLOOP${i}X${Date.now()}`;
    appendFileSync(join(project.contentDir, 'sponsors', `${slug}.mdx`), `\nAn edit for the dev loop, ${marker}.\n`);
    times.push(await until(boothPath, (body) => body.includes(marker)));
  }
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`dev server on ${booths} booths × ${roles} roles (${project.root}): first page served ${s(startMs)} after start`);
  console.log(`booth text edit → served page shows it: median ${s(median(times))}, fastest ${s(Math.min(...times))}, slowest ${s(Math.max(...times))} (${edits} edits: ${times.map((t) => (t / 1000).toFixed(2)).join(', ')})`);
} finally {
  process.kill(-server.pid!, 'SIGTERM');
  if (!args.keep) {
    project.remove();
    rmSync(work, { recursive: true, force: true });
  }
}
