/**
 * Rebuilds of a copy of the project with Astro's incremental build and pages rendered in two
 * worker threads (BOOTHKIT_INCREMENTAL=1, BOOTHKIT_WORKERS=2): a rebuild after editing a
 * booth's text renders that booth again and reuses the other pages; a rebuild after a data
 * change is never stale, whichever worker renders a page; a rebuild on another day renders
 * again what the day changes (the lists that print it, past events, closed roles) and reuses
 * the rest.
 */
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { listFiles } from '../../src/lib/built-site.ts';
import { projectCopy } from '../support/project.ts';

const copy = projectCopy();
const env = { BOOTHKIT_INCREMENTAL: '1', BOOTHKIT_WORKERS: '2', BOOTHKIT_BUILD_DATE: '2020-10-12' };
/** The pages a build log marks as reused rather than rendered. */
const reused = (output: string) => output.split('\n').filter((line) => /\((cached|restored)\)/.test(line)).length;
const page = (...parts: string[]) => readFileSync(copy.dist(...parts, 'index.html'), 'utf8');
/** Every page, feed and calendar of the build that contains `text` (images and styles aside). */
const filesWith = (text: string) => listFiles(copy.dist()).filter((file) => !file.startsWith('_astro/') && readFileSync(copy.dist(file), 'utf8').includes(text));

/** Whether the build log marks the page at `file` (e.g. "roles/index.html") as reused. */
const wasReused = (output: string, file: string) => output.split('\n').some((line) => line.includes(`/${file} (`) && /\((cached|restored)\)/.test(line));

function build(day = env.BOOTHKIT_BUILD_DATE) {
  const { status, output } = copy.build({ ...env, BOOTHKIT_BUILD_DATE: day });
  assert.equal(status, 0, output);
  assert.match(output, /pages render in 2 worker threads/, 'the build runs with its pages spread over two workers');
  return output;
}

before(() => {
  assert.equal(reused(build()), 0, 'the first build has nothing to reuse');
});
after(() => copy.remove());

it('a booth text edit re-renders that booth and reuses the other pages', () => {
  appendFileSync(copy.content('sponsors', 'resonance-labs.mdx'), '\nA sentence added by the incremental build test.\n');
  const output = build();
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
  build();
  for (const html of [page('roles', 'resonance-labs', 'music-ml-research-intern'), page('booths', 'resonance-labs'), page('roles')]) {
    assert.match(html, /Renamed Role For The Incremental Test/);
  }
});

it("a sponsor's new name reaches every page, feed and calendar that named it, whichever worker renders it", () => {
  const before = filesWith('Resonance Labs');
  assert.ok(before.length > 20, `the sponsor is named on the hall, its booth, its roles and the lists of roles: ${before.join(', ')}`);
  const sponsor = copy.content('sponsors', 'resonance-labs.mdx');
  writeFileSync(sponsor, readFileSync(sponsor, 'utf8').replace(/^name: Resonance Labs$/m, 'name: Resonance Works'));
  build();
  const renamed = filesWith('Resonance Works');
  assert.deepEqual(before.filter((file) => !renamed.includes(file)), [], 'no page left with the old name only');
  // The sponsor's own text still says "Resonance Labs" (its summary on the hall and the booth,
  // the booth's image descriptions); no other file may.
  assert.deepEqual(filesWith('Resonance Labs'), ['booths/resonance-labs/index.html', 'index.html']);
});

it('a rebuild on another day renders the lists that print the day, and what the day closes or makes past; it reuses the rest', () => {
  const reusedIn = (output: string, file: string, expected: boolean) => {
    const line = output.split('\n').find((l) => l.includes(`/${file}`)) ?? `(no line for ${file})`;
    assert.equal(wasReused(output, file), expected, `${file} ${expected ? 'reused' : 'rendered again'}: ${line}`);
  };
  const shows = (text: string, ...parts: string[]) => page(...parts).includes(text);

  // The next day changes no role's state and no booth: only the lists of roles, which print it.
  let output = build('2020-10-13');
  reusedIn(output, 'roles/spotify/research-lead-personalization/index.html', true);
  reusedIn(output, 'booths/lumen-audio/index.html', true);
  reusedIn(output, 'roles/area/machine-learning/index.html', false);
  assert.ok(shows('as of <time datetime="2020-10-13"', 'roles', 'area', 'machine-learning'), 'the list prints the new day');

  // Two days on, the first events of Lumen Audio's booth are over: that booth is rendered again.
  output = build('2020-10-15');
  reusedIn(output, 'booths/lumen-audio/index.html', false);
  assert.ok(shows('class="badge past"', 'booths', 'lumen-audio'), 'the booth marks its past events');
  reusedIn(output, 'booths/spotify/index.html', true);
  reusedIn(output, 'roles/spotify/research-lead-personalization/index.html', true);

  // After its closing date (2020-11-30) a role is closed on its page and gone from the lists.
  output = build('2020-12-01');
  reusedIn(output, 'roles/polyphonic-data/data-engineer/index.html', false);
  assert.ok(shows('This role is closed: applications ended on 2020-11-30.', 'roles', 'polyphonic-data', 'data-engineer'), 'the role page says it closed');
  assert.ok(!shows('/roles/polyphonic-data/data-engineer/', 'roles', 'sponsor', 'polyphonic-data'), "the sponsor's list no longer links the closed role");
});
