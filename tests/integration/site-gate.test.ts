/**
 * The site gate on a real build of the demo: clean as built; then one page of many broken in
 * each way the gate exists for (an image without alt, a script, a duplicate id, no h1, a
 * JobPosting without a required property), and each is named with its built page and the
 * content file to edit, and the run fails; then a logo too heavy for the budgets.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { projectCopy, type ProjectCopy } from '../support/project.ts';

const env = { BOOTHKIT_BUILD_DATE: '2020-10-12' };
let project: ProjectCopy;

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

it('fails a page whose images are over its budget, naming the image and the content file it comes from', () => {
  // A logo drawn in a design program and saved as SVG with a photo inside: 1.2 MB that no
  // image pipeline shrinks, since an SVG is published as it is.
  const noise = randomBytes(900 * 1024);
  const logo = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><image width="300" height="100" href="data:image/png;base64,${noise.toString('base64')}"/></svg>`;
  writeFileSync(project.content('sponsors', 'lumen-audio', 'logo.svg'), logo);
  const build = project.build(env);
  assert.equal(build.status, 0, build.output);

  const result = project.run('verify', ['--json'], env);
  assert.equal(result.status, 1);
  const report = JSON.parse(result.stdout) as Report;
  const booth = report.findings.find((f) => f.page === 'booths/lumen-audio/index.html');
  assert.ok(booth, result.stdout);
  assert.equal(booth.code, 'weight');
  assert.equal(booth.source.file, 'src/content/sponsors/lumen-audio.mdx');
  assert.match(booth.message, /^loads \d{3,4}\.\d kB of images with the page \(its first screen\), over the 200\.0 kB budget of a booth page; the heaviest: \/_astro\/logo\.[\w-]+\.svg \(\d{3,4}\.\d kB, from src\/content\/sponsors\/lumen-audio\/logo\.svg\)/);
  // The hall shows the logo too: its problem is the template's page, the image's file is named.
  const hall = report.findings.find((f) => f.page === 'index.html');
  assert.ok(hall, result.stdout);
  assert.match(hall.message, /of images in all, over the 500\.0 kB budget of a hall page; the heaviest: \/_astro\/logo\.[\w-]+\.svg \(.*, from src\/content\/sponsors\/lumen-audio\/logo\.svg\)/);
});
