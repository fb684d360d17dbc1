/** Runs one command under GNU time (`/usr/bin/time -v`) and returns wall, CPU and peak memory. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Timing {
  ok: boolean;
  exitCode: number | null;
  wallS: number;
  /** user + system CPU seconds of the process tree. */
  cpuS: number;
  peakRssMb: number;
  /** The 1-minute load average just before the run: context for noisy wall times. */
  load1: number;
  /** Where stdout and stderr went. */
  log: string;
}

export const gnuTime = '/usr/bin/time';

export function requireGnuTime() {
  if (!existsSync(gnuTime)) throw new Error(`${gnuTime} not found; install it with: apt-get install -y time`);
}

export function load1(): number {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return NaN;
  }
}

/** `command` runs in `cwd`; its output goes to `log`. Never throws on a failing command. */
export async function timed(command: string[], cwd: string, log: string, env: NodeJS.ProcessEnv = process.env): Promise<Timing> {
  const dir = mkdtempSync(join(tmpdir(), 'boothkit-time-'));
  const report = join(dir, 'time.txt');
  const load = load1();
  const started = performance.now();
  const { code, output } = await new Promise<{ code: number | null; output: string }>((done) => {
    const child = spawn(gnuTime, ['-v', '-o', report, ...command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('close', (c) => done({ code: c, output: Buffer.concat(chunks).toString('utf8') }));
  });
  const wallS = (performance.now() - started) / 1000;
  writeFileSync(log, output);
  const text = existsSync(report) ? readFileSync(report, 'utf8') : '';
  rmSync(dir, { recursive: true, force: true });
  const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(text)?.[1] ?? NaN);
  return {
    ok: code === 0,
    exitCode: code,
    wallS,
    cpuS: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'),
    peakRssMb: field('Maximum resident set size \\(kbytes\\)') / 1024,
    load1: load,
    log,
  };
}

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
