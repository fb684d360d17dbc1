/**
 * `npm run import:jekyll` on the seed gives the demo's hand-made Spotify booth (same roles,
 * same apply links, same body); on a messier booth it converts what it can and reports the
 * rest; it never overwrites without --force.
 */
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readSite } from '../../scripts/lib/jekyll/site/site.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { guardSource } from '../../src/lib/mdx-guard/check.ts';
import type { Role } from '../../src/lib/model.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { projectCopy, projectRoot, runScript } from '../support/project.ts';

const seed = join(projectRoot, 'tests/fixtures/jekyll/spotify-booth.md');
const tonal = join(projectRoot, 'tests/fixtures/jekyll/tonal-booth.md');
const seedFlags = ['--tier', 'platinum', '--website', 'https://research.atspotify.com', '--posted', '2020-10-05'];
const today = '2026-01-15';

/** What a role means to an applicant, independent of how its file is written. */
function meaning(role: Role) {
  return {
    title: role.title,
    kind: role.employmentType,
    order: role.order,
    seniority: role.seniority,
    term: role.term,
    places: role.places.map((p) => [p.location.id, p.workplace, p.applyUrl]),
    areas: role.areas.map((a) => a.id),
    eligibility: role.eligibility,
    requirements: role.requirements,
    statusNote: role.statusNote,
    datePosted: role.datePosted,
    validThrough: role.validThrough,
  };
}

function body(mdx: string): string {
  return mdx.replace(/^---\n[\s\S]*?\n---\n/, '').trim();
}

/** A copy of the demo content without its hand-made Spotify booth. */
function withoutSpotify() {
  const copy = projectCopy({ contentOnly: true });
  for (const path of ['sponsors/spotify.mdx', 'sponsors/spotify', 'roles/spotify']) rmSync(copy.content(path), { recursive: true });
  return copy;
}

describe('import:jekyll on the seed', () => {
  it('gives content equivalent to the hand-made Spotify booth', () => {
    const copy = withoutSpotify();
    try {
      const result = runScript('import-jekyll', [seed, ...seedFlags], copy.root, { BOOTHKIT_BUILD_DATE: today });
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /✓ 11 roles from 2 HTML tables \(21 apply links, one per location\)/);
      assert.match(result.stdout, /✓ removed the heading "Full-time openings": its section held only roles/);
      assert.match(result.stdout, /✓ background_position: 0% 35% → hero\.position: 0% 35%/);
      assert.match(result.stdout, /✓ permalink \/spotify\/ → legacyPermalinks/);
      assert.match(result.stdout, /! 6 images not found .*: placeholders with their alt text stand in/);
      assert.match(result.stdout, /✓ Imported 1 booth: 11 roles, 21 apply links, 20 files written\.\n✓ Content check passed/);

      const demo = checkContent(projectRoot, { today }).model!;
      const imported = checkContent(copy.root, { today });
      assert.deepEqual(imported.problems.map(formatProblem), []);
      const bySlug = (roles: Role[]) => Object.fromEntries(roles.filter((r) => r.sponsor.id === 'spotify').map((r) => [r.slug, meaning(r)]));
      assert.deepEqual(bySlug(imported.model!.roles), bySlug(demo.roles));
      assert.equal(Object.keys(bySlug(imported.model!.roles)).length, 11);

      const [mine, theirs] = [imported.model!, demo].map((m) => m.sponsors.find((s) => s.id === 'spotify')!);
      for (const field of ['name', 'tier', 'website', 'legacyPermalinks', 'careersUrl'] as const) assert.deepEqual(mine![field], theirs![field], field);
      assert.equal(mine!.hero?.position, theirs!.hero?.position);
      assert.equal(body(copy.read('sponsors/spotify.mdx')), body(readFileSync(join(projectRoot, 'src/content/sponsors/spotify.mdx'), 'utf8')));
      // Images that were not found are placeholders that say what belongs there.
      assert.match(copy.read('sponsors/spotify/image6.svg'), /Spotify Summer 2021[\s\S]*placeholder for image6\.jpg/);
    } finally {
      copy.remove();
    }
  });

  it("beside the demo's own Spotify booth, leaves out the old address that booth keeps, and the result passes the check", () => {
    const copy = projectCopy({ contentOnly: true });
    try {
      const result = runScript('import-jekyll', [seed, ...seedFlags, '--id', 'spotify-2020'], copy.root, { BOOTHKIT_BUILD_DATE: today });
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /! the old address \/spotify\/ already leads to the booth spotify \(src\/content\/sponsors\/spotify\.mdx\); left out here: keep it in one of the two/);
      assert.doesNotMatch(copy.read('sponsors/spotify-2020.mdx'), /legacyPermalinks/);
    } finally {
      copy.remove();
    }
  });

  it('never overwrites the existing booth without --force, and replaces it with --force', () => {
    const copy = projectCopy({ contentOnly: true });
    try {
      const before = copy.read('sponsors/spotify.mdx');
      const refused = runScript('import-jekyll', [seed, ...seedFlags], copy.root);
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /^✗ refusing to overwrite files that exist; nothing was written:\n {2}src\/content\/sponsors\/spotify\.mdx\n/);
      assert.match(refused.stderr, /pass --force to replace them\.\n\(docs\/errors\.md#would-overwrite\)\n$/);
      assert.equal(copy.read('sponsors/spotify.mdx'), before);
      const forced = runScript('import-jekyll', [seed, ...seedFlags, '--force'], copy.root);
      assert.equal(forced.status, 0, forced.stderr);
      assert.notEqual(copy.read('sponsors/spotify.mdx'), before);
    } finally {
      copy.remove();
    }
  });

  it('asks for the tier and website it cannot find, all at once, and writes nothing', () => {
    const copy = withoutSpotify();
    try {
      const result = runScript('import-jekyll', [seed], copy.root);
      assert.equal(result.status, 1);
      assert.equal(result.stderr, '✗ 2 problems; nothing was written:\n  - no tier for Spotify: pass --tier (platinum, gold, silver, bronze)\n  - no website for Spotify: pass --website https://…\n(docs/errors.md#bad-answers)\n');
      assert.equal(existsSync(copy.content('sponsors/spotify.mdx')), false);
    } finally {
      copy.remove();
    }
  });

  it('--dry-run reports without writing', () => {
    const copy = withoutSpotify();
    try {
      const result = runScript('import-jekyll', [seed, ...seedFlags, '--dry-run'], copy.root);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /Dry run: nothing was written \(20 files would be\)\./);
      assert.equal(existsSync(copy.content('sponsors/spotify.mdx')), false);
    } finally {
      copy.remove();
    }
  });
});

describe('import:jekyll on a booth with job links, papers, videos and inline HTML', () => {
  it('converts what it can, reports the rest, and writes MDX the guard accepts', () => {
    const copy = projectCopy({ contentOnly: true });
    try {
      const result = runScript('import-jekyll', [tonal, '--posted', '2020-10-05'], copy.root, { BOOTHKIT_BUILD_DATE: today });
      // The booth names "Tokio" and "Music Tagging": kept as written, reported, and the check says how to fix them.
      assert.equal(result.status, 1, result.stderr);
      const lines = result.stdout.split('\n').map((l) => l.trim());
      for (const expected of [
        '✓ 2 roles from 1 HTML table (3 apply links, one per location)',
        '✓ converted an embedded YouTube player to <Video> (a poster and a link; no third-party frame) (2×)',
        '✓ converted the Liquid include youtube.html to a video',
        '✓ cleaned a wrapped or tracked link: https://tonal-systems.example/blog',
        '✓ cleaned a wrapped or tracked link: https://jobs.tonal-systems.example/123',
        '✓ converted a highlighted <div class="alert alert-info"> to a <Callout>',
        '✓ converted an HTML table (not roles) to a Markdown table',
        "✓ moved the linked file tonal-brochure.pdf to the booth's resources (listed on the booth page)",
        '✓ 2 of 3 items under "Papers at ISMIR 2020" became typed publications (title, authors, venue, links), shown by <Publications />',
        '✓ background_position: center top → hero.position: 50% 0%',
        '✓ permalink /tonal/ → legacyPermalinks (the old address keeps working)',
        '· removed a pasted page <head> (stylesheets, meta tags, title): the site provides these',
        '· removed a <script>: booth pages run no JavaScript',
        '· removed inline style= attributes (the Content-Security-Policy forbids them; the theme styles booths)',
        '· renumbered the heading "Welcome to Tonal Systems" to h2 (the page\'s h1 is the sponsor\'s name; levels never skip)',
        "· the old address /booths/tonal-systems is the booth's new address too: nothing to redirect",
        '✓ slack: #sponsor-tonal → channels (the conference chat)',
        '! not converted: the video file /assets/video/tonal-demo.mp4 was not found next to the booth (pass --site-root); then place it with <Video id="…" />',
        '! role "Research Intern": the research area "Music Tagging" is not in src/content/areas.yaml; kept as written: add it there, or run again with --add-areas',
        '! role "Audio Software Engineer": the place "Tokio" is not in src/content/locations.yaml (did you mean "tokyo"?); it is kept as written: add it to locations.yaml (id, label, city, country) or fix the role file',
        '! removed a <form> (https://forms.example/raffle): booth pages have no forms; add it as a channel with kind: form and its url',
        '! under "Papers at ISMIR 2020", not read as a paper and kept as a list item: "Our reading group meets every Thursday"',
        '✓ 2 job links under "Open positions" became role files (title, apply link, place from the link), listed on the roles board once complete',
        '! role "Audio ML Research Intern" (roles/tonal-systems/audio-ml-research-intern.yaml) is a draft with stand-ins: fill in requirements, then delete draft: true',
        '! role "Senior DSP Engineer" (roles/tonal-systems/senior-dsp-engineer.yaml) is a draft with stand-ins: fill in its kind (written as full-time), requirements, then delete draft: true',
        '! an image (https://cdn.tonal-systems.example/img/poster.png) had no alt text; "Poster" was guessed from its file name: write what it shows',
        "! the link \"last year's booth\" went to /tonal-2019/ on the old site; only its text is kept (pass --site-url https://old.site to keep such links, or edit the booth)",
      ]) {
        assert.ok(lines.includes(expected), `missing from the report: ${expected}\n\n${result.stdout}`);
      }

      const mdx = copy.read('sponsors/tonal-systems.mdx');
      assert.deepEqual(guardSource(mdx, 'tonal-systems.mdx', { mediaIds: ['live-score-following-demo', 'stem-separation-in-the-browser'] }), []);
      assert.doesNotMatch(mdx, /<(table|iframe|script|style|div|center|head|form|video)\b|style=|\{\{|\{%/);
      assert.match(mdx, /<Video id="live-score-following-demo" \/>/);
      assert.doesNotMatch(mdx, /Open positions|LinkList|jobs\.tonal-systems\.example\/12[34]/);
      // Job links are role files now: title, place, term and the clean apply link from the link, a draft until the rest is filled in.
      const intern = copy.read('roles/tonal-systems/audio-ml-research-intern.yaml');
      assert.match(intern, /^draft: true\ntitle: Audio ML Research Intern #/m);
      assert.match(intern, /\nemploymentType: internship #[^\n]*\n[^\n]*\nterm: \{ season: summer, year: 2021 \}\n/);
      assert.match(intern, /\n {2}- location: london\n {4}applyUrl: https:\/\/jobs\.tonal-systems\.example\/123\n/);
      assert.match(intern, /\nresearchAreas:\n {2}- machine-learning\n/);
      assert.match(copy.read('roles/tonal-systems/senior-dsp-engineer.yaml'), /\n {2}- location: tokyo\n[\s\S]*\n {2}- signal-processing\n/);
      assert.match(mdx, /from \\\{score following\\\} to stem separation/);

      // Exactly the two things the report asked the author to fix, with their did-you-mean.
      assert.deepEqual(checkContent(copy.root, { today }).problems.map(formatProblem), [
        'src/content/roles/tonal-systems/audio-software-engineer.yaml:7: locations[0].location: unknown location "Tokio"; add it to src/content/locations.yaml or use one of its ids. Did you mean "tokyo"? (docs/errors.md#unknown-location)',
        'src/content/roles/tonal-systems/research-intern.yaml:13: researchAreas[1]: unknown research area "Music Tagging"; add it to src/content/areas.yaml or use one of its ids (docs/errors.md#unknown-area)',
      ]);
    } finally {
      copy.remove();
    }
  });

  it('adds unknown areas with --add-areas, and the fixed booth passes the check', () => {
    const copy = projectCopy({ contentOnly: true });
    try {
      const result = runScript('import-jekyll', [tonal, '--posted', '2020-10-05', '--add-areas'], copy.root);
      assert.match(result.stdout, /✓ Added 1 research area to src\/content\/areas\.yaml: Music Tagging/);
      assert.match(copy.read('areas.yaml'), /\n# Added by npm run import:jekyll --add-areas\n- id: music-tagging\n {2}label: Music Tagging\n$/);
      copy.edit('roles/tonal-systems/audio-software-engineer.yaml', 'location: Tokio', 'location: tokyo');
      const check = checkContent(copy.root, { today });
      assert.deepEqual(check.problems.map(formatProblem), []);
      const sponsor = check.model!.sponsors.find((s) => s.id === 'tonal-systems')!;
      assert.deepEqual(sponsor.publications.map((p) => [p.title, p.venue.name, p.venue.year, p.venue.thisConference, p.authors.map((a) => a.name)]), [
        ['Score-informed source separation for orchestras', 'ISMIR', 2020, true, ['Jane Doe', 'Ravi Kumar', 'Li Wei']],
        ['Tempo estimation with self-supervision in the wild', 'ICASSP', 2020, false, ['Ana Silva', 'Jane Doe']],
      ]);
      assert.deepEqual(sponsor.media.map((m) => [m.platform, m.url]), [
        ['youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
        ['youtube', 'https://www.youtube.com/watch?v=aBcDeFgHiJk'],
      ]);
      const roles = check.model!.roles.filter((r) => r.sponsor.id === 'tonal-systems');
      assert.deepEqual(roles.map(meaning).map((r) => [r.title, r.kind, r.seniority, r.places, r.areas, r.eligibility, r.validThrough]), [
        ['Audio Software Engineer', 'full-time', ['senior'], [['tokyo', 'onsite', 'https://jobs.tonal-systems.example/132']], ['signal-processing', 'source-separation'], { enrolledIn: [], minYearsExperience: 5 }, '2020-12-15'],
        ['Research Intern', 'internship', [], [['barcelona', 'onsite', 'https://jobs.tonal-systems.example/130'], ['germany', 'remote', 'https://jobs.tonal-systems.example/131']], ['music-information-retrieval', 'music-tagging'], { enrolledIn: ['master', 'phd'] }, '2020-11-30'],
      ]);
    } finally {
      copy.remove();
    }
  });
});

describe('import:jekyll on a booth whose SVG files are more than drawings', () => {
  it('copies the plain ones, puts placeholders for the others, says why, and the result passes the check', () => {
    const copy = projectCopy({ contentOnly: true });
    const site = mkdtempSync(join(tmpdir(), 'boothkit-jekyll-svg-'));
    try {
      mkdirSync(join(site, 'assets'));
      const svg = (inside: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">${inside}</svg>`;
      writeFileSync(join(site, 'assets/logo.svg'), svg('<script>fetch("https://tracker.example/")</script><rect width="4" height="2"/>'));
      writeFileSync(join(site, 'assets/chart.svg'), svg('<style>@import url(https://tracker.example/a.css);</style><rect width="4" height="2"/>'));
      writeFileSync(join(site, 'assets/plain.svg'), svg('<rect width="4" height="2" fill="#123"/>'));
      writeFileSync(join(site, 'acme.md'), '---\ntitle: Acme Audio\nlogo: /assets/logo.svg\n---\n\n## Our work\n\n![Results chart](/assets/chart.svg)\n\n![Our team](/assets/plain.svg)\n');
      const result = runScript('import-jekyll', [join(site, 'acme.md'), '--site-root', site, '--tier', 'gold', '--website', 'https://acme.example'], copy.root, { BOOTHKIT_BUILD_DATE: today });
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /the logo \/assets\/logo\.svg is not a plain drawing \(it contains <script>.*\); a placeholder stands in: export it again as plain SVG, or use a PNG/);
      assert.match(result.stdout, /the image \/assets\/chart\.svg is not a plain drawing \(its <style> uses @import; .*\); a placeholder stands in \(acme-audio\/chart\.svg\)/);
      assert.doesNotMatch(result.stdout, /not found/);
      assert.doesNotMatch(copy.read('sponsors/acme-audio/logo.svg') + copy.read('sponsors/acme-audio/chart.svg'), /tracker\.example/);
      assert.equal(copy.read('sponsors/acme-audio/plain.svg'), readFileSync(join(site, 'assets/plain.svg'), 'utf8'));
      assert.deepEqual(checkContent(copy.root, { today }).problems.map(formatProblem), []);
    } finally {
      copy.remove();
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe('import:jekyll on a page with invisible characters pasted into it', () => {
  it('drops them (Windows-1252 quotes become the quotes they stand for), says so, and the result passes the check', () => {
    const copy = projectCopy({ contentOnly: true });
    const site = mkdtempSync(join(tmpdir(), 'boothkit-jekyll-hidden-'));
    try {
      // A line separator, a right-to-left override, a NUL, a private-use mark, a lone CR, and
      // U+0092, which a page decoded as Latin-1 holds where the author typed an apostrophe.
      writeFileSync(join(site, 'acme.md'), '---\ntitle: "Acme\u202E Audio"\n---\n\n## Our work\n\nWe\u0092re hiring\u2028in Berlin.\u0000 Come by\uE000 the booth.\rThanks.\n');
      const result = runScript('import-jekyll', [join(site, 'acme.md'), '--tier', 'gold', '--website', 'https://acme.example'], copy.root, { BOOTHKIT_BUILD_DATE: today });
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /removed 6 invisible characters \(line separators, direction or control characters pasted into the old page; Windows-1252 quotes became the characters they stand for\)/);
      const booth = copy.read('sponsors/acme-audio.mdx');
      assert.match(booth, /^name: Acme Audio$/m);
      assert.match(booth, /We’re hiring in Berlin\. Come by the booth\.\nThanks\./);
      assert.deepEqual(checkContent(copy.root, { today }).problems.map(formatProblem), []);
    } finally {
      copy.remove();
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe('import:jekyll on an old site that points outside its own folder', () => {
  it('copies nothing from outside it, however a page names the file (../, a site path with .., a symbolic link)', () => {
    const copy = projectCopy({ contentOnly: true });
    const outer = mkdtempSync(join(tmpdir(), 'boothkit-jekyll-outside-'));
    try {
      // A picture beside the old site's folder, as a private file of the machine would be.
      const secret = join(outer, 'secret.png');
      copyFileSync(join(projectRoot, 'tests/fixtures/jekyll/assets/img/tonal/logo.png'), secret);
      const site = join(outer, 'site');
      mkdirSync(join(site, 'assets'), { recursive: true });
      writeFileSync(join(site, '_config.yml'), 'title: Old Site\n');
      symlinkSync(secret, join(site, 'assets/linked.png'));
      writeFileSync(join(site, 'acme.md'), '---\ntitle: Acme Audio\nlogo: ../secret.png\n---\n\n## Our work\n\n![Team](/../secret.png)\n\n![Lab](/assets/linked.png)\n');
      const result = runScript('import-jekyll', [join(site, 'acme.md'), '--tier', 'gold', '--website', 'https://acme.example'], copy.root, { BOOTHKIT_BUILD_DATE: today });
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(result.stdout, new RegExp(`2 images not found \\(looked under ${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} and the folders in it\\)`));
      const written = readdirSync(copy.content('sponsors/acme-audio'));
      const secretBytes = readFileSync(secret);
      assert.deepEqual(written.filter((name) => readFileSync(copy.content('sponsors/acme-audio', name)).equals(secretBytes)), []);
    } finally {
      copy.remove();
      rmSync(outer, { recursive: true, force: true });
    }
  });

  it('reads a site with a symbolic link loop and a source: that leads out of it, as Jekyll in safe mode would', () => {
    const outer = mkdtempSync(join(tmpdir(), 'boothkit-jekyll-loop-'));
    try {
      const site = join(outer, 'site');
      mkdirSync(join(site, '_data'), { recursive: true });
      writeFileSync(join(site, '_config.yml'), 'title: Old Site\nsource: ..\n');
      writeFileSync(join(site, 'index.md'), '---\ntitle: Home\n---\n\nHello\n');
      symlinkSync(site, join(site, 'loop'));
      writeFileSync(join(outer, 'outside.md'), '---\ntitle: Not of the site\n---\n');
      const read = readSite(site);
      assert.equal(read.root, site);
      assert.deepEqual(read.pages.map((p) => p.path), ['index.md']);
      assert.ok(read.notes.includes("_config.yml: source: .. leads out of the site's folder; the folder itself is read instead"), read.notes.join('\n'));
    } finally {
      rmSync(outer, { recursive: true, force: true });
    }
  });

  it('imports a whole site holding a symbolic link loop (the search for logo files by name recursed without end)', () => {
    const copy = projectCopy({ contentOnly: true });
    const outer = mkdtempSync(join(tmpdir(), 'boothkit-jekyll-loop-'));
    try {
      const site = join(outer, 'site');
      cpSync(join(projectRoot, 'tests/fixtures/jekyll-shapes/flat'), site, { recursive: true });
      symlinkSync(site, join(site, 'images', 'loop'));
      const result = runScript('import-jekyll', ['--site', site, '--dry-run', '--add-tiers', '--init-conference'], copy.root, { BOOTHKIT_BUILD_DATE: today });
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /Dry run: nothing was written/);
    } finally {
      copy.remove();
      rmSync(outer, { recursive: true, force: true });
    }
  });
});

