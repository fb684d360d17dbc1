/**
 * Which Chromium the tools run; and a headless one with a throw-away profile and a DevTools
 * port, for Lighthouse (npm run bench:pages). Stopping it leaves nothing behind. Chromium's helper processes (GPU, network,
 * storage) outlive the browser process by a moment and keep writing into the profile, so
 * removing the profile as soon as the browser process exits fails now and then with
 * ENOTEMPTY. The browser is therefore started as the leader of its own process group, asked
 * to close over DevTools, and the profile is removed only once every process of the group is gone.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium as playwright } from 'playwright';

/**
 * The Chromium every tool runs, the browser suite as much as Lighthouse: CHROMIUM_PATH when
 * set, else Playwright's own browser when it is installed (npx playwright install chromium),
 * else the system's (Debian/Ubuntu: apt-get install chromium).
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env['CHROMIUM_PATH'];
  if (chosen) return chosen;
  const own = playwright.executablePath();
  return existsSync(own) ? own : '/usr/bin/chromium';
}

export interface Chromium {
  /** The DevTools port, for Lighthouse's `port` option. */
  port: number;
  /** The throw-away profile folder; gone after stop(). */
  profile: string;
  /** Closes the browser, waits for all its processes, removes the profile. */
  stop(): Promise<void>;
}

/** How long a browser may take to close, and its helpers to follow, before they are killed. */
const closeTimeoutMs = 10_000;

/** Starts `executable` headless; resolves once DevTools listens. */
export function launchChromium(executable = chromiumPath()): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'boothkit-chromium-'));
  const child = spawn(executable, ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its own process group, so that stop() can wait for (and if need be kill) its helpers too.
    detached: true,
  });
  const group = child.pid;
  const killGroup = () => {
    if (group === undefined) return;
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  // A detached browser does not get the terminal's Ctrl-C: end it with us, then die of the signal.
  const onSignal = (signal: NodeJS.Signals) => {
    killGroup();
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let endpoint = '';
  const stop = async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      // Browser.close lets Chromium end its helpers and write its profile; a signal is the fallback.
      await settles(closeOverDevTools(endpoint).catch(() => child.kill('SIGTERM')), closeTimeoutMs);
      if (!(await settles(exited, closeTimeoutMs))) {
        killGroup();
        await exited;
      }
    }
    if (group !== undefined && !(await groupEnds(group, closeTimeoutMs))) {
      killGroup();
      await groupEnds(group, closeTimeoutMs);
    }
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  };

  return new Promise((resolve, reject) => {
    let log = '';
    const fail = (message: string) => {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
      reject(new Error(message));
    };
    child.on('error', (error) => fail(`cannot start ${executable}: ${error.message}; set CHROMIUM_PATH`));
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const found = /DevTools listening on (ws:\/\/[^:/]+:(\d+)\/\S+)/.exec(log);
      if (found && !endpoint) {
        endpoint = found[1]!;
        resolve({ port: Number(found[2]), profile, stop });
      }
    });
    child.on('exit', (code) => {
      if (!endpoint) fail(`${executable} exited (${code}) before it was ready:\n${log}`);
    });
  });
}

/** Sends DevTools' Browser.close to the browser at `endpoint`; rejects when it cannot. */
async function closeOverDevTools(endpoint: string): Promise<void> {
  if (!endpoint) throw new Error('no DevTools endpoint');
  const socket = new WebSocket(endpoint);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('error', () => reject(new Error(`cannot reach ${endpoint}`)));
  });
  socket.send(JSON.stringify({ id: 1, method: 'Browser.close' }));
}

/** True when `promise` settles within `ms`. */
async function settles(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const timeout = sleep(ms, false, { ref: false });
  return Promise.race([promise.then(() => true), timeout]);
}

/** Waits until no live process is left in process group `group`; false after `ms`. */
async function groupEnds(group: number, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(50)) {
    if (!groupAlive(group)) return true;
  }
  return !groupAlive(group);
}

function groupAlive(group: number): boolean {
  // On Linux, read the process table, so that zombies (a container whose first process does
  // not reap orphans) do not count as alive; elsewhere ask the kernel for the group.
  if (existsSync('/proc/self/stat')) {
    return readdirSync('/proc').some((pid) => {
      if (!/^\d+$/.test(pid)) return false;
      try {
        // "pid (name) state ppid pgrp …": the name may hold spaces and parentheses.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(pgrp) === group && state !== 'Z';
      } catch {
        return false;
      }
    });
  }
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}
