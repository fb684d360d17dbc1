/**
 * BOOTHKIT_INCREMENTAL=1 (Astro's incremental build with the page keys of src/content.ts):
 * real builds of a copy of the project. A rebuild after editing a booth's text renders that
 * booth again and reuses the other pages; a rebuild after a data change is never stale.
 */
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { projectCopy } from '../support/project.ts';

const copy = projectCopy();
const env = { BOOTHKIT_INCREMENTAL: '1', BOOTHKIT_BUILD_DATE: '2020-10-12' };
/** The pages a build log marks as reused rather than rendered. */
const reused = (output: string) => output.split('\n').filter((line) => /\((cached|restored)\)/.test(line)).length;
const page = (...parts: string[]) => readFileSync(copy.dist(...parts, 'index.html'), 'utf8');

before(() => {
  const first = copy.build(env);
  assert.equal(first.status, 0, first.output);
  assert.equal(reused(first.output), 0, 'the first build has nothing to reuse');
});
after(() => copy.remove());

it('a booth text edit re-renders that booth and reuses the other pages', () => {
  appendFileSync(copy.content('sponsors', 'resonance-labs.mdx'), '\nA sentence added by the incremental build test.\n');
  const { status, output } = copy.build(env);
  assert.equal(status, 0, output);
  assert.match(page('booths', 'resonance-labs'), /A sentence added by the incremental build test\./);
  assert.ok(reused(output) > 50, `most pages are reused:\n${output}`);
  assert.doesNotMatch(output, /booths\/resonance-labs\/index\.html \((cached|restored)\)/);
});

it('a role data edit reaches its page, its booth and the board', () => {
  const role = copy.content('roles', 'resonance-labs', 'music-ml-research-intern.yaml');
  const text = readFileSync(role, 'utf8');
  const title = /^title: (.+)$/m.exec(text)?.[1];
  assert.ok(title, `a title line in ${role}`);
  writeFileSync(role, text.replace(/^title: .+$/m, 'title: Renamed Role For The Incremental Test'));
  const { status, output } = copy.build(env);
  assert.equal(status, 0, output);
  for (const html of [page('roles', 'resonance-labs', 'music-ml-research-intern'), page('booths', 'resonance-labs'), page('roles')]) {
    assert.match(html, /Renamed Role For The Incremental Test/);
  }
});
