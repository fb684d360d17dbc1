/**
 * What the authoring commands write builds at once: a real `astro build` of a project copy
 * holding a scaffolded sponsor and role, the seed imported in place of the hand-made Spotify
 * booth, and the messier Tonal Systems booth imported (its two reported mistakes fixed).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { projectCopy, projectRoot } from '../support/project.ts';

const seedPath = join(projectRoot, 'tests/fixtures/jekyll/spotify-booth.md');

/** Tables of a built page: caption, row count, and the apply links (Locations cells) of the rows. */
function tables(html: string) {
  return html
    .split('<table')
    .slice(1)
    .map((table) => {
      const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
      return {
        caption: /<caption[^>]*>([\s\S]*?)<\/caption>/.exec(table)?.[1]?.trim(),
        rows: body.match(/<tr\b/g)?.length ?? 0,
        links: [...body.matchAll(/<td[^>]*data-label="Locations"[^>]*>([\s\S]*?)<\/td>/g)].flatMap((cell) => [...cell[1]!.matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => m[1]!)),
      };
    });
}

describe('files written by new:sponsor, new:role and import:jekyll', () => {
  const copy = projectCopy();
  let build: { status: number | null; output: string };
  const page = (path: string) => readFileSync(copy.dist(path, 'index.html'), 'utf8');

  before(() => {
    const env = { BOOTHKIT_BUILD_DATE: '2020-10-10' };
    const steps = [
      copy.run('new-sponsor', ['--name', 'Acme Audio', '--tier', 'gold', '--website', 'https://acme.example'], env),
      copy.run('new-role', ['--sponsor', 'acme-audio', '--title', 'Research Scientist', '--type', 'full-time', '--location', 'berlin=https://acme.example/jobs/1', '--area', 'MIR', '--requirements', 'PhD in a relevant field'], env),
    ];
    for (const path of ['sponsors/spotify.mdx', 'sponsors/spotify', 'roles/spotify']) rmSync(copy.content(path), { recursive: true });
    steps.push(copy.run('import-jekyll', [seedPath, '--tier', 'platinum', '--website', 'https://research.atspotify.com', '--posted', '2020-10-05'], env));
    steps.push(copy.run('import-jekyll', [join(projectRoot, 'tests/fixtures/jekyll/tonal-booth.md'), '--posted', '2020-10-05', '--add-areas'], env));
    const tokio = copy.content('roles/tonal-systems/audio-software-engineer.yaml');
    writeFileSync(tokio, readFileSync(tokio, 'utf8').replace('location: Tokio', 'location: tokyo'));
    assert.deepEqual(steps.slice(0, 3).map((s) => s.status), [0, 0, 0], steps.map((s) => s.stdout + s.stderr).join('\n'));
    build = copy.build(env);
  });
  after(() => copy.remove());

  it('build without a problem', () => {
    assert.equal(build.status, 0, build.output.slice(-3000));
  });

  it('the scaffolded booth shows its role; the draft example role is on no page', () => {
    const html = page('booths/acme-audio');
    assert.match(html, /<h1[^>]*>Acme Audio<\/h1>/);
    assert.match(html, /Research Scientist/);
    assert.match(html, /href="https:\/\/acme\.example\/jobs\/1"/);
    assert.doesNotMatch(html + page('roles'), /Research Intern[\s\S]{0,200}acme/i);
  });

  it('the imported seed shows the same 11 roles with the same 21 apply links as the hand-made booth', () => {
    const seedLinks = [...readFileSync(seedPath, 'utf8').matchAll(/<a href="(https:\/\/(?:www\.)?spotifyjobs\.com[^"]+)">/g)].map((m) => m[1]!);
    assert.equal(seedLinks.length, 21);
    const shown = tables(page('booths/spotify'));
    assert.deepEqual(shown.map((t) => [t.caption, t.rows]), [
      ['Internships', 6],
      ['Full-time openings', 5],
    ]);
    assert.deepEqual(shown.flatMap((t) => t.links), seedLinks);
    // The old address still reaches the booth.
    assert.match(page('spotify'), /url=\/booths\/spotify\//);
  });

  it('the imported Tonal Systems booth shows videos as links, papers, resources and its roles, and runs no script', () => {
    const html = page('booths/tonal-systems');
    assert.match(html, /href="https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ"/);
    assert.match(html, /Score-informed source separation for orchestras/);
    assert.match(html, /<h2 id="resources"/);
    assert.deepEqual(tables(html).map((t) => [t.caption, t.rows]), [
      [undefined, 1],
      ['Internships', 1],
      ['Full-time openings', 1],
    ]);
    assert.doesNotMatch(html, /<iframe|<script(?! type="application\/ld\+json")/);
    assert.ok(existsSync(copy.dist('tonal', 'index.html')));
  });
});
