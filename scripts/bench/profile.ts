/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per package or source
 * file, and per phase of the build in fixed windows, so a slow build points at its cause.
 *
 *   node scripts/bench/profile.ts FILE.cpuprofile [--window SECONDS]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** "astro", "@astrojs/mdx", "src/lib/model.ts", or a V8 bucket such as "(garbage collector)". */
function owner(frame: ProfileNode['callFrame']): string {
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (pkg) return pkg[1]!;
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : `(${frame.functionName || 'native'})`;
  const own = /\/((src|scripts)\/.*|dist\/\.prerender\/.*)$/.exec(frame.url);
  return own ? own[1]!.replace(/(chunks\/[^_.]+)[_.][^/]*$/, '$1') : frame.url.replace(/^file:\/\//, '');
}

export function summariseProfile(file: string, windowS = 0, top = 12): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const total = new Map<string, number>();
  const windows: Map<string, number>[] = [];
  let t = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    const key = owner(frames.get(id)!);
    total.set(key, (total.get(key) ?? 0) + dt);
    if (windowS > 0) {
      const w = (windows[Math.floor(t / (windowS * 1e6))] ??= new Map());
      w.set(key, (w.get(key) ?? 0) + dt);
    }
  });
  const s = (us: number) => (us / 1e6).toFixed(2);
  const ranked = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  const lines = [`self time by owner (${s(t)} s sampled):`, ...ranked(total, top).map(([k, v]) => `${s(v).padStart(8)}  ${k}`)];
  if (windowS > 0) {
    lines.push('', `by ${windowS} s window (top 4):`);
    windows.forEach((w, i) => {
      if (w) lines.push(`${String(i * windowS).padStart(5)} s  ${ranked(w, 4).map(([k, v]) => `${k} ${s(v)}`).join(' | ')}`);
    });
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, flag, value] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node scripts/bench/profile.ts FILE.cpuprofile [--window SECONDS]');
    process.exit(2);
  }
  console.log(summariseProfile(file, flag === '--window' ? Number(value) : 0));
}
