/**
 * `npm run fuzz:svg -- --count N --seed S`: runs the SVG fuzzer (svg-run.ts) and prints how
 * many files were tried, how many the content check accepts, how many of those the check
 * refuses did run or fetch in the browser (the generator's reach), and every accepted file
 * that ran or fetched something, with the number that makes it again. Exit code 1 when there
 * is any. `npm test` runs a fixed-seed run (tests/integration/svg-boundary.test.ts).
 */
import { helpText, paint, readFlags, wholeFlag, type FlagSpec } from '../cli.ts';
import { count } from '../../../src/core/wording.ts';
import { fuzzSvg } from './svg-run.ts';

const flags = {
  count: { type: 'string', help: 'how many files to try; default 500' },
  seed: { type: 'string', help: 'the seed (a whole number); the same seed tries the same files; default 1' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
} satisfies Record<string, FlagSpec>;

export async function fuzzSvgCommand(argv: string[]): Promise<number> {
  const { values } = readFlags(argv, flags);
  if (values.help) {
    console.log(helpText('npm run fuzz:svg -- [--count N] [--seed S]', flags, 'docs/security.md says what the check of SVG files promises and how the browser judges it.'));
    return 0;
  }
  const seed = wholeFlag(values.seed, 'seed', 1, 0);
  const report = await fuzzSvg({ count: wholeFlag(values.count, 'count', 500, 1), seed }, (found) =>
    console.log(`${paint('red', 'ESCAPE')} #${found.index} ${found.ran ? 'ran a script' : ''}${found.requests.length ? ` asked for ${found.requests.join(', ')}` : ''}\n    ${JSON.stringify(found.svg)}`),
  );
  console.log(
    [
      `Tried ${count(report.tried, 'file')} (seed ${seed}) in ${report.seconds.toFixed(1)} s.`,
      `  the content check accepts ${report.accepted}; of those it refuses, ${report.refusedThatFired} ran a script or fetched something in Chromium`,
      `${report.escapes.length ? paint('red', '✗') : paint('green', '✓')} escapes (accepted, and Chromium ran or fetched something): ${report.escapes.length}`,
    ].join('\n'),
  );
  return report.escapes.length ? 1 : 0;
}
