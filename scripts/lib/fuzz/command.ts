/**
 * `npm run fuzz:guard -- --count N --seed S`: runs the guard fuzzer (run.ts) and prints how
 * many bodies were tried and accepted, and every body that escaped (its code ran) or was
 * accepted but could not be rendered, each with the number that makes it again. Exit code 1
 * when there is any. `npm test` runs a fixed-seed run of 2,000 bodies (tests/unit/fuzz-guard.test.ts).
 */
import { helpText, paint, readFlags, UsageError, wholeFlag, type FlagSpec } from '../cli.ts';
import { count } from '../../../src/core/wording.ts';
import { guardModes, fuzzGuard, type Found, type GuardMode } from './run.ts';

const flags = {
  count: { type: 'string', help: 'how many bodies to try; default 2000' },
  seed: { type: 'string', help: 'the seed (a whole number); the same seed tries the same bodies; default 1' },
  guard: { type: 'string', help: 'what decides "accepted": both (as check:content and the build), source (the source guard alone) or compiled (the compiled-code check alone); default both' },
  show: { type: 'string', help: 'also print this many bodies the source guard accepts and the compiler or the compiled-code check refuses; default 0' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
} satisfies Record<string, FlagSpec>;

/** A body as one line, every character that could hide something written as an escape. */
const shown = (found: Found) => `#${found.index} ${JSON.stringify(found.body).replace(/[^\x20-\x7e]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`)}\n    ${found.detail}`;

export async function fuzzGuardCommand(argv: string[], root: string): Promise<number> {
  const { values } = readFlags(argv, flags);
  if (values.help) {
    console.log(helpText('npm run fuzz:guard -- [--count N] [--seed S] [--guard both|source|compiled]', flags, 'docs/security.md says what the fuzzer proves and how its trap works.'));
    return 0;
  }
  const bodies = wholeFlag(values.count, 'count', 2000, 1);
  const seed = wholeFlag(values.seed, 'seed', 1, 0);
  const show = wholeFlag(values.show, 'show', 0, 0);
  const guard = (values.guard ?? 'both') as GuardMode;
  if (!guardModes.includes(guard)) throw new UsageError('bad-option', `--guard "${values.guard}" should be one of ${guardModes.join(', ')}`);
  const report = await fuzzGuard({ count: bodies, seed, guard, root }, (kind, found) => console.log(`${paint('red', kind === 'escape' ? 'ESCAPE' : 'RENDER FAILURE')} ${shown(found)}`));
  const lines = [
    `Tried ${count(report.tried, 'body', 'bodies')} (seed ${seed}) in ${report.seconds.toFixed(1)} s.`,
    `  source guard accepts ${report.sourceAccepted}, compiled-code check accepts ${report.compiledAccepted}, both accept ${report.bothAccepted}`,
    `  source guard accepts, compiler or compiled-code check refuses: ${report.sourceOnly.length}`,
    `  accepted (${guard}), compiled and rendered with the trap: ${report.accepted}`,
    `${report.escapes.length ? paint('red', '✗') : paint('green', '✓')} escapes (accepted, and their code ran): ${report.escapes.length}`,
    `${report.renderFailures.length ? paint('red', '✗') : paint('green', '✓')} accepted but not rendered: ${report.renderFailures.length}`,
  ];
  for (const found of report.sourceOnly.slice(0, show)) lines.push(`  source only ${shown(found)}`);
  console.log(lines.join('\n'));
  return report.escapes.length || report.renderFailures.length ? 1 : 0;
}
