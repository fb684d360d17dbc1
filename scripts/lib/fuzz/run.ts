/**
 * The guard fuzzer: seeded hostile bodies (bodies.ts) go through the two readings of a booth,
 * the source guard (what the author is told) and the check of the compiled code (what keeps code
 * out), and every body the chosen guard accepts is compiled as the build compiles it and run
 * with the trap (trap.ts). An escape is an accepted body whose code ran. The two readings are
 * also compared: a body the source guard accepts and the compiled-code check refuses is a place
 * where the guard reads the text differently from the compiler.
 */
import { boothCompiler } from '../../../src/lib/mdx-guard/compiler.ts';
import { guardSource } from '../../../src/lib/mdx-guard/check.ts';
import { emittedProblems } from '../../../src/lib/mdx-guard/emitted.ts';
import { hostileBody } from './bodies.ts';
import { bodySeed, seeded } from './random.ts';
import { startTrap } from './trap.ts';
import { contentLayout, contentPath } from '../../../src/core/project.ts';

/** Which check decides what is accepted: both (what check:content and the build run), or one alone. */
export type GuardMode = 'both' | 'source' | 'compiled';
export const guardModes: readonly GuardMode[] = ['both', 'source', 'compiled'];

export interface FuzzOptions {
  count: number;
  seed: number;
  guard: GuardMode;
  root: string;
}

export interface Found {
  /** The body's number: `hostileBody(seeded(bodySeed(seed, index)))` makes it again. */
  index: number;
  body: string;
  detail: string;
}

export interface FuzzReport {
  tried: number;
  /** Accepted by the source guard, by the compiled-code check, by both. */
  sourceAccepted: number;
  compiledAccepted: number;
  bothAccepted: number;
  /** Bodies the source guard accepts that the compiler or the compiled-code check refuses. */
  sourceOnly: Found[];
  /** Accepted by the chosen guard; those were compiled and rendered. */
  accepted: number;
  /** Accepted bodies whose code ran: the trap fired. */
  escapes: Found[];
  /** Accepted bodies that compiled but did not render (the build would fail on them). */
  renderFailures: Found[];
  seconds: number;
}


/** The file a body is compiled as: a booth with the least front matter. */
export const boothText = (body: string) => `---\nname: Fuzz\n---\n${body}`;

export async function fuzzGuard(options: FuzzOptions, onFound: (kind: 'escape' | 'render failure', found: Found) => void = () => {}): Promise<FuzzReport> {
  const started = performance.now();
  const compiler = await boothCompiler(options.root, { sourceGuard: false });
  const trap = await startTrap(options.root);
  const path = `${options.root}/${contentPath(contentLayout.sponsors, 'fuzz.mdx')}`;
  const report: FuzzReport = { tried: 0, sourceAccepted: 0, compiledAccepted: 0, bothAccepted: 0, sourceOnly: [], accepted: 0, escapes: [], renderFailures: [], seconds: 0 };
  for (let index = 0; index < options.count; index++) {
    const body = hostileBody(seeded(bodySeed(options.seed, index)));
    const text = boothText(body);
    report.tried++;
    const sourceOk = guardSource(text, 'fuzz.mdx').length === 0;
    let code: string | undefined;
    let compileError = '';
    try {
      code = await compiler.compile(text, path);
    } catch (error) {
      // Not MDX the compiler reads: the build would stop on it, nothing runs.
      compileError = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    }
    const refused = code === undefined ? [] : emittedProblems(code).map((p) => p.construct);
    const compiledOk = code !== undefined && refused.length === 0;
    report.sourceAccepted += Number(sourceOk);
    report.compiledAccepted += Number(compiledOk);
    report.bothAccepted += Number(sourceOk && compiledOk);
    if (sourceOk && !compiledOk) report.sourceOnly.push({ index, body, detail: code === undefined ? `does not compile: ${compileError}` : refused.join('; ') });
    const accepted = options.guard === 'both' ? sourceOk && compiledOk : options.guard === 'source' ? sourceOk : compiledOk;
    if (!accepted || code === undefined) continue;
    report.accepted++;
    const rendered = await trap.render(code);
    if (rendered.fired.length > 0) {
      const found = { index, body, detail: [...new Set(rendered.fired)].join(', ') };
      report.escapes.push(found);
      onFound('escape', found);
    } else if (rendered.error !== undefined) {
      const found = { index, body, detail: rendered.error.split('\n')[0]! };
      report.renderFailures.push(found);
      onFound('render failure', found);
    }
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}
