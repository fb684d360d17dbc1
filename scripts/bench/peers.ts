/**
 * The peer engines of ../shared/bench/ssg, driven the way its run.sh drives them (same
 * commands, same cold-build cleaning, same rebuild edit), so their builds can be interleaved
 * with boothkit's in one run: Jekyll and Hugo building the booths (the formats `jekyll` and
 * `hugo`), and `hugo-full`, Hugo building the same page set as boothkit (a page per role,
 * the roles list and taxonomy pages paginated at 100): the equal-work peer. Installs
 * nothing: it expects the Debian `jekyll` and `hugo` packages.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { timed, type Timing } from './measure.ts';

export type Peer = 'jekyll' | 'hugo' | 'hugo-full';
export const peers: Peer[] = ['jekyll', 'hugo', 'hugo-full'];
/** The program each peer runs. */
const program = (peer: Peer) => (peer === 'jekyll' ? 'jekyll' : 'hugo');

const spec = {
  jekyll: {
    out: '_site',
    caches: ['_site', '.jekyll-cache', '.jekyll-metadata'],
    full: ['jekyll', 'build', '--quiet'],
    incremental: ['jekyll', 'build', '--quiet', '--incremental'],
    sponsorFile: (slug: string) => `_sponsors/${slug}.md`,
  },
  hugo: {
    out: 'public',
    caches: ['public', 'resources', '.hugo_build.lock'],
    full: ['hugo', '--quiet'],
    incremental: ['hugo', '--quiet'],
    sponsorFile: (slug: string) => `content/sponsors/${slug}/_index.md`,
  },
} as const;
const specOf = (peer: Peer) => spec[peer === 'hugo-full' ? 'hugo' : peer];

export function peerVersion(peer: Peer): string | undefined {
  try {
    const text = execFileSync(program(peer), peer === 'jekyll' ? ['--version'] : ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return peer === 'jekyll' ? text.trim().split(' ')[1] : /v(\d+\.\d+\.\d+)/.exec(text)?.[1];
  } catch {
    return undefined;
  }
}

export function missingPeers(): string[] {
  return [...new Set(peers.filter((p) => !peerVersion(p)).map(program))];
}

export function cleanPeer(peer: Peer, dir: string) {
  for (const entry of specOf(peer).caches) rmSync(join(dir, entry), { recursive: true, force: true });
}

export async function peerBuild(peer: Peer, dir: string, log: string, mode: 'full' | 'incremental' = 'full'): Promise<Timing> {
  return timed([...specOf(peer)[mode]], dir, log);
}

export function peerOutput(peer: Peer, dir: string): string {
  return join(dir, specOf(peer).out);
}

/**
 * The rebuild test of run.sh: append a paragraph to one sponsor's body, rebuild (Jekyll:
 * after a priming --incremental build, then --incremental; Hugo: a plain build with
 * public/ in place), and check that the sponsor's page shows the new text.
 */
export async function peerRebuild(peer: Peer, dir: string, slug: string, marker: string, logPrefix: string): Promise<{ timing: Timing; updated: boolean; mode: string }> {
  if (peer === 'jekyll') {
    cleanPeer(peer, dir);
    await peerBuild(peer, dir, `${logPrefix}-prime.log`, 'incremental');
  }
  appendFileSync(join(dir, specOf(peer).sponsorFile(slug)), `\nThis paragraph was added by the rebuild test, ${marker}.\n`);
  const timing = await peerBuild(peer, dir, `${logPrefix}-rebuild.log`, 'incremental');
  const page = join(peerOutput(peer, dir), 'sponsors', slug, 'index.html');
  const updated = existsSync(page) && readFileSync(page, 'utf8').includes(marker);
  return { timing, updated, mode: peer === 'jekyll' ? 'incremental' : 'full' };
}
