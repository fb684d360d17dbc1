/**
 * The site gate on a real build of the demo: clean as built; then one page of many broken in
 * each way the gate exists for (an image without alt, a script, a duplicate id, no h1, a
 * JobPosting without a required property), and each is named with its built page and the
 * content file to edit, and the run fails.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { projectCopy } from '../unit/project-copy.ts';

const env = { BOOTHKIT_BUILD_DATE: '2020-10-12' };
let project: ReturnType<typeof projectCopy>;

interface Report {
  counts: { pages: number };
  findings: { code: string; message: string; page: string; source: { file: string; built?: boolean } }[];
}

before(() => {
  project = projectCopy();
  const build = project.build(env);
  assert.equal(build.status, 0, build.output);
});

after(() => project.remove());

/** Replaces `from` (which must occur) in a built page. */
function breakPage(page: string, from: string | RegExp, to: string) {
  const file = project.dist(page);
  const html = readFileSync(file, 'utf8');
  const broken = html.replace(from, to);
  assert.notEqual(broken, html, `${from} not found in ${page}`);
  writeFileSync(file, broken);
}

it('passes the demo as built', () => {
  const result = project.run('verify', ['--json'], env);
  const report = JSON.parse(result.stdout) as Report;
  assert.deepEqual(report.findings, []);
  assert.ok(report.counts.pages > 80, `${report.counts.pages} pages`);
  assert.equal(result.status, 0);
});

it('names each broken page and the content file to edit, and fails', () => {
  const role = readdirSync(project.dist('roles', 'spotify'))[0]!;
  breakPage('booths/spotify/index.html', /(<main[\s\S]*?<img\b[^>]*?)\salt="[^"]+"/, '$1');
  breakPage('booths/resonance-labs/index.html', '</body>', '<script>document.title = "x"</script></body>');
  breakPage('booths/lumen-audio/index.html', '</main>', '<p id="roles">again</p></main>');
  breakPage('roles/index.html', /<h1([^>]*)>([\s\S]*?)<\/h1>/, '<p$1>$2</p>');
  breakPage(`roles/spotify/${role}/index.html`, /"datePosted":"[^"]*",?/, '');

  const result = project.run('verify', ['--json'], env);
  const report = JSON.parse(result.stdout) as Report;
  const found = report.findings.map((f) => [f.code, f.page, f.source.file, f.source.built ?? false]).sort();
  assert.deepEqual(found, [
    ['duplicate-id', 'booths/lumen-audio/index.html', 'src/content/sponsors/lumen-audio.mdx', false],
    ['headings', 'roles/index.html', 'dist/roles/index.html', true],
    ['img-alt', 'booths/spotify/index.html', 'src/content/sponsors/spotify.mdx', false],
    ['json-ld', `roles/spotify/${role}/index.html`, `src/content/roles/spotify/${role}.yaml`, false],
    ['script', 'booths/resonance-labs/index.html', 'src/content/sponsors/resonance-labs.mdx', false],
  ], result.stdout);
  assert.match(report.findings.find((f) => f.code === 'json-ld')!.message, /datePosted is required/);
  assert.equal(result.status, 1);

  // The same run for a person: grouped under the file to edit, with the built page and the fix.
  const text = project.run('verify', [], env);
  assert.equal(text.status, 1);
  assert.match(text.stdout, /src\/content\/sponsors\/spotify\.mdx \(1 problem\)\n {2}✗ img-alt +image without alt text .*\n {4}fix: .*\n {4}on booths\/spotify\/index\.html:\d+/);
  assert.match(text.stdout, /Pages no content file makes \(1 problem;.*\n {2}✗ headings +has no <h1>/);
  assert.match(text.stdout, /✗ 5 problems on 5 pages, from 4 content files and templates\./);
});
