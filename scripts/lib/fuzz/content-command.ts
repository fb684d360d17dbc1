/**
 * `npm run fuzz:content -- --count N --seed S`: runs the content fuzzer (content-run.ts) and
 * prints how many booths and roles were tried and accepted, whether the build of what was
 * accepted and the site gate over it passed, and every accepted case their errors name, with
 * the field values it was given. Exit code 1 when the build or the gate failed, or the accepted
 * files did not pass together. `npm test` runs a fixed-seed run
 * (tests/integration/content-fuzz.test.ts).
 */
import { helpText, paint, readFlags, wholeFlag, type FlagSpec } from '../cli.ts';
import { count } from '../../../src/core/wording.ts';
import { fuzzContent } from './content-run.ts';

const flags = {
  count: { type: 'string', help: 'how many booths and roles to write; default 300' },
  seed: { type: 'string', help: 'the seed (a whole number); the same seed writes the same files; default 1' },
  keep: { type: 'boolean', help: 'keep the project copy (its folder is printed), to look at a failed build' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
} satisfies Record<string, FlagSpec>;

export async function fuzzContentCommand(argv: string[], root: string): Promise<number> {
  const { values } = readFlags(argv, flags);
  if (values.help) {
    console.log(helpText('npm run fuzz:content -- [--count N] [--seed S] [--keep]', flags, 'docs/security.md says what the content check promises and how this fuzzer judges it.'));
    return 0;
  }
  const seed = wholeFlag(values.seed, 'seed', 1, 0);
  const report = await fuzzContent({ root, count: wholeFlag(values.count, 'count', 300, 1), seed, keep: values.keep === true });
  const passed = report.build.status === 0 && report.gate.status === 0 && report.leftOver.length === 0;
  const lines = [
    `Tried ${count(report.tried, 'booth or role', 'booths and roles')} (seed ${seed}) in ${report.seconds.toFixed(1)} s; check:content accepted ${report.accepted.length}.`,
    `${report.leftOver.length ? paint('red', '✗') : paint('green', '✓')} problems left once the refused files were deleted: ${report.leftOver.length}`,
    ...report.leftOver.slice(0, 10).map((line) => `    ${line}`),
    `${report.build.status === 0 ? paint('green', '✓') : paint('red', '✗')} the build of what the check accepted ${report.build.status === 0 ? 'passed' : `failed (exit ${report.build.status})`}`,
    ...report.build.errors.map((line) => `    ${line.trim()}`),
    ...(report.build.status === 0 ? [`${report.gate.status === 0 ? paint('green', '✓') : paint('red', '✗')} the site gate over that build ${report.gate.status === 0 ? 'passed' : `failed (exit ${report.gate.status})`}`] : []),
    ...report.gate.problems.map((line) => `    ${line.trim()}`),
    ...report.blamed.map((c) => `  #${c.index} ${c.file} (from ${c.from}): ${c.changed.map((line) => JSON.stringify(line)).join(', ')}`),
  ];
  if (values.keep) lines.push(`The project copy: ${report.copy}`);
  console.log(lines.join('\n'));
  return passed ? 0 : 1;
}
