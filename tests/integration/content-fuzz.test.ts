/**
 * The content fuzzer (scripts/lib/fuzz/content-run.ts) at a fixed seed: booths and roles made
 * from the demo's with values readers disagree on; what check:content accepts must build and
 * pass the site gate. `npm run fuzz:content -- --count N --seed S` runs it longer; it found the
 * cases of tests/unit/content-check.test.ts "a file the check passes is one the build reads the
 * same way and may publish".
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { fuzzContent } from '../../scripts/lib/fuzz/content-run.ts';
import { projectRoot } from '../support/project.ts';

it('what check:content accepts of 400 hostile booths and roles builds and passes the site gate', async () => {
  const report = await fuzzContent({ root: projectRoot, count: 400, seed: 1 });
  assert.deepEqual(report.leftOver, []);
  assert.deepEqual(report.build, { status: 0, errors: [] });
  assert.deepEqual(report.gate, { status: 0, problems: [] });
  // The run reaches: a good share of the cases pass the check and so reach the build.
  assert.ok(report.accepted.length > 50, `${report.accepted.length} accepted`);
});
