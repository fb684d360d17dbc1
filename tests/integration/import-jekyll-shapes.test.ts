/**
 * `import:jekyll --site` on the sponsor lists real Jekyll conference sites keep, one small
 * site of our own per shape (tests/fixtures/jekyll-shapes/): each stops before writing with
 * one message per decision it needs, then imports with at most --year, --add-tiers and
 * --init-conference, builds, and passes check:content and the site gate (npm run verify).
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { readListings } from '../../scripts/lib/jekyll/site/listing.ts';
import { readSite } from '../../scripts/lib/jekyll/site/site.ts';
import { loadProject } from '../../scripts/lib/project.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { projectCopy, projectRoot } from '../support/project.ts';

const fixtures = join(projectRoot, 'tests/fixtures/jekyll-shapes');
const env = { BOOTHKIT_BUILD_DATE: '2026-05-01' };

/** A project without the demo's sponsors and roles, about to import the site `name`. */
function freshProject() {
  const copy = projectCopy();
  for (const dir of ['sponsors', 'roles']) for (const entry of readdirSync(copy.content(dir))) rmSync(copy.content(dir, entry), { recursive: true });
  const untouched = (file: string) => readFileSync(join(projectRoot, 'src/content', file), 'utf8');
  return {
    ...copy,
    site: (name: string) => join(fixtures, name),
    import: (name: string, flags: string[] = []) => copy.run('import-jekyll', ['--site', join(fixtures, name), ...flags], env),
    /** Nothing written: no sponsor, tiers.yaml and conference.yaml as they were. */
    assertNothingWritten() {
      assert.deepEqual(readdirSync(copy.content('sponsors')), []);
      for (const file of ['tiers.yaml', 'conference.yaml']) assert.equal(readFileSync(copy.content(file), 'utf8'), untouched(file), file);
    },
    hall: () => {
      const { model, problems } = checkContent(copy.root, { today: env.BOOTHKIT_BUILD_DATE });
      assert.deepEqual(problems.map(formatProblem), []);
      return model!;
    },
    front: (id: string) => parse(readFileSync(copy.content('sponsors', `${id}.mdx`), 'utf8').split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<string, unknown>,
    /** A real build, the site gate and the content check all pass. */
    assertPublishes() {
      const build = copy.build(env);
      assert.equal(build.status, 0, build.output.slice(-3000));
      const gate = copy.run('verify', [], env);
      assert.equal(gate.status, 0, gate.stdout + gate.stderr);
      const content = copy.run('check-content', [], env);
      assert.equal(content.status, 0, content.stdout + content.stderr);
    },
  };
}

const conferenceDecision = (title: string) =>
  `src/content/conference.yaml describes ISMIR 2020, but the old site is "${title}" (in _config.yml), so summaries, dates and links would name the wrong conference; fill it from the old site with --init-conference (it replaces conference.yaml; what _config.yml does not say gets a stand-in), or edit conference.yaml first`;

describe('levels of sponsors under a wrapper key, as a sponsors page loops over them (site.data.sponsors.levels)', () => {
  const project = freshProject();
  let result: ReturnType<typeof project.import>;
  before(() => {
    result = project.import('levels', ['--init-conference']);
  });
  after(() => project.remove());

  it('stops before writing, naming the one decision: the conference', () => {
    const other = freshProject();
    try {
      const refused = other.import('levels');
      assert.equal(refused.status, 1);
      assert.equal(refused.stderr, `✗ ${conferenceDecision('SoundHack 2026')} (docs/errors.md#import-decision)\n`);
      other.assertNothingWritten();
    } finally {
      other.remove();
    }
  });

  it('reads the levels, never the team page, a pixel or "#" as a sponsor or link, and a repeated key as Jekyll does', () => {
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const model = project.hall();
    assert.deepEqual(
      model.sponsors.map((s) => [s.id, s.tier, s.website]),
      [
        ['arpeggio-systems', 'platinum', 'https://www.arpeggio.example'],
        ['chorale-data', 'gold', 'https://chorale.example'],
      ],
    );
    // "#" is no website: the sponsor is a draft with the conference's address standing in, and says so.
    const basswood = project.front('basswood-labs');
    assert.equal(basswood['draft'], true);
    assert.equal(basswood['website'], 'https://soundhack.example');
    assert.match(result.stdout, /no website for Basswood Labs on the old site \(its logo links to "#", which is no address\)/);
    assert.match(result.stdout, /· _data\/sponsors\.yml: the key "href" is written twice in one entry \(lines 8 and 10\); Jekyll keeps the last \(line 10\), and so does the import\n/);
    assert.match(result.stdout, /· not read: _data\/old_sponsors\.yml \(no sponsor page of the site shows it; the pages show _data\/sponsors\.yml\)\n/);
    assert.match(result.stdout, /· not read as sponsor lists: team\.md \(pages about people: team, organisers, committees\)\n/);
    assert.doesNotMatch(result.stdout, /Dana|Eli Volunteer|Stale Corp|Thanks|base64/);
    // The logos are the site's files; the conference is the old site's.
    assert.equal(readFileSync(project.content('sponsors/arpeggio-systems/arpeggio.svg'), 'utf8'), readFileSync(join(project.site('levels'), 'assets/logos/arpeggio.svg'), 'utf8'));
    const conference = parse(readFileSync(project.content('conference.yaml'), 'utf8'));
    assert.deepEqual([conference.name, conference.edition, conference.timeZone, conference.url, conference.base], ['SoundHack 2026', 2026, 'Europe/Lisbon', 'https://soundhack.example', '/']);
    assert.deepEqual(conference.standIns.map((s: { field: string }) => s.field), ['startDate', 'endDate']);
    assert.equal(project.front('chorale-data')['summary'], 'Chorale Data at SoundHack 2026.');
  });

  it('builds and passes the site gate', () => project.assertPublishes());
});

describe('tiers named as sites name them ({Name:, Sponsors:}), some the kit lacks: --add-tiers', () => {
  const project = freshProject();
  let result: ReturnType<typeof project.import>;
  before(() => {
    result = project.import('tier-names', ['--add-tiers', '--init-conference']);
  });
  after(() => project.remove());

  it('without --add-tiers stops before writing, with one message for the tiers', () => {
    const other = freshProject();
    try {
      const refused = other.import('tier-names', ['--init-conference']);
      assert.equal(refused.status, 1);
      assert.equal(
        refused.stderr,
        '✗ the old site has 3 tiers src/content/tiers.yaml does not: "Startup Sponsors" (2 sponsors: Glottal, Hum Labs; _data/partners.yml), "Keynote Sponsor" (1 sponsor: Intonation Inc; _data/partners.yml), "Supporters" (1 sponsor: Jitter Foundation; _data/partners.yml); add them with --add-tiers (written to tiers.yaml in the old site\'s order, with a stand-in price and benefits to fill in), or map each to a tier you have: --tier-as "Startup Sponsors=<tier id>" (platinum, gold, silver, bronze, wimir-champion), or leave it out: --tier-as "Startup Sponsors=skip" (docs/errors.md#import-decision)\n',
      );
      other.assertNothingWritten();
    } finally {
      other.remove();
    }
  });

  it('matches "Platinum Partner" and "Gold Partners", and writes the other tiers in the old page\'s order', () => {
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const model = project.hall();
    assert.deepEqual(
      model.tiers.map((t) => [t.id, t.label, t.rank, t.logoSize, t.hasBooth]),
      [
        ['platinum', 'Platinum', 1, 'xl', true],
        ['gold', 'Gold', 2, 'l', true],
        ['startup', 'Startup', 3, 'l', false],
        // Its logo was 240 px wide on the old site.
        ['keynote', 'Keynote', 4, 'xl', false],
        ['supporter', 'Supporter', 5, 'l', false],
        ['silver', 'Silver', 6, 'm', true],
        ['bronze', 'Bronze', 7, 's', false],
        ['wimir-champion', 'WiMIR Champion', 8, 's', false],
      ],
    );
    assert.deepEqual(
      model.sponsors.map((s) => [s.id, s.tier]),
      [
        ['delta-acoustics', 'platinum'],
        ['formant-works', 'gold'],
        ['glottal', 'startup'],
        ['hum-labs', 'startup'],
        ['intonation-inc', 'keynote'],
        ['jitter-foundation', 'supporter'],
      ],
    );
    // A bare logo name is looked up in the folder the template names, not in an archive of the same name.
    assert.equal(readFileSync(project.content('sponsors/delta-acoustics/delta.svg'), 'utf8'), readFileSync(join(project.site('tier-names'), 'assets/partners/delta.svg'), 'utf8'));
    const tiers = readFileSync(project.content('tiers.yaml'), 'utf8');
    assert.match(tiers, /\n# Sponsorship tiers, highest first|^# Sponsorship tiers, highest first/);
    assert.match(tiers, /\n# "Startup Sponsors" on the old site \(2 sponsors: Glottal, Hum Labs\)\n- id: startup\n {2}label: Startup\n {2}rank: 3\n/);
    assert.match(result.stdout, /· tiers\.yaml: ranks moved to keep the old site's order: silver → 6, bronze → 7, wimir-champion → 8\n/);
  });

  it('builds and passes the site gate', () => project.assertPublishes());
});

describe('a list kept by year, the current year named in another data file', () => {
  const project = freshProject();
  let result: ReturnType<typeof project.import>;
  before(() => {
    result = project.import('by-year', ['--init-conference']);
  });
  after(() => project.remove());

  it('reads the current year and lists the others; --year chooses another', () => {
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.deepEqual(
      project.hall().sponsors.map((s) => [s.name, s.tier, s.website]),
      [
        ['Lamina Audio', 'gold', 'https://lamina.example'],
        ['Mellow Tone', 'silver', 'https://mellow.example'],
      ],
    );
    assert.match(result.stdout, /✓ read the 2026 sponsors \(the year from current_year: in _data\/settings\.yml\); the old site also keeps 2025: import one of those with --year 2025\n/);
    assert.equal(parse(readFileSync(project.content('conference.yaml'), 'utf8')).name, 'Loudness Conference 2026');
    const other = freshProject();
    try {
      const last = other.import('by-year', ['--init-conference', '--year', '2025', '--dry-run']);
      assert.equal(last.status, 0, last.stderr);
      assert.match(last.stdout, /\n {2}Gold: Kettle Drum Co\n/);
      assert.match(last.stdout, /the old site also keeps 2026/);
    } finally {
      other.remove();
    }
  });

  it('without a current year, stops before writing and asks for --year', () => {
    const site = mkdtempSync(join(tmpdir(), 'boothkit-by-year-'));
    const other = freshProject();
    try {
      cpSync(join(fixtures, 'by-year'), site, { recursive: true });
      rmSync(join(site, '_data/settings.yml'));
      const refused = other.run('import-jekyll', ['--site', site, '--init-conference'], env);
      assert.equal(refused.status, 1);
      assert.equal(refused.stderr, '✗ the old site keeps its sponsors by year (2025: _data/sponsors.yml › 2025; 2026: _data/sponsors.yml › 2026) and names no current one; choose the year to import: --year 2026 (docs/errors.md#import-decision)\n');
      other.assertNothingWritten();
    } finally {
      other.remove();
      rmSync(site, { recursive: true, force: true });
    }
  });

  it('builds and passes the site gate', () => project.assertPublishes());
});

describe('a flat list with a tier field, a booth elsewhere beside the company address', () => {
  const project = freshProject();
  let result: ReturnType<typeof project.import>;
  before(() => {
    result = project.import('flat', ['--init-conference']);
  });
  after(() => project.remove());

  it('keeps the company address (reporting both), drops tracking parameters, and names the imported conference in stand-ins', () => {
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.deepEqual(
      project.hall().sponsors.map((s) => [s.id, s.tier, s.website]),
      [
        ['fjord-instruments', 'platinum', 'https://fjord.example'],
        ['granite-signal', 'silver', 'https://granite.example/'],
      ],
    );
    assert.match(result.stdout, /· the list gives two addresses: https:\/\/fjord\.example \(the company's own, kept as website:\) and https:\/\/virtual\.venue\.example\/booth\/fjord \(a booth on another platform, not kept\)\n/);
    assert.equal(project.front('fjord-instruments')['summary'], 'Fjord Instruments at Audio Systems Expo 2026.');
    assert.equal(project.front('harbor-dsp')['draft'], true);
    assert.match(result.stdout, /no website for Harbor DSP on the old site \(its logo links to "", which is no address\)/);
  });

  it('builds and passes the site gate', () => project.assertPublishes());
});

describe('a map keyed by tier, on the conference the project already describes', () => {
  const project = freshProject();
  let result: ReturnType<typeof project.import>;
  before(() => {
    result = project.import('tier-map');
  });
  after(() => project.remove());

  it('imports with no flag at all', () => {
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.deepEqual(
      project.hall().sponsors.map((s) => [s.id, s.tier, s.website]),
      [
        ['nocturne-audio', 'gold', 'https://nocturne.example'],
        ['ostinato', 'silver', 'https://ostinato.example'],
        ['pizzicato', 'bronze', 'https://pizzicato.example'],
      ],
    );
    assert.equal(existsSync(project.content('sponsors/pizzicato/pizzicato.svg')), true);
  });

  it('builds and passes the site gate', () => project.assertPublishes());
});

describe('a site imported into a project that still holds the demo', () => {
  it('names the sponsors the old site does not list and how to remove them', () => {
    const copy = projectCopy();
    try {
      const result = copy.run('import-jekyll', ['--site', join(fixtures, 'tier-map')], env);
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /✓ Imported 3 sponsors \(2 booth pages, 0 of them from the old site's pages, 1 hall entry\): 0 roles, 0 apply links, 6 files written\.\n/);
      assert.match(result.stdout, /! src\/content also holds 5 sponsors the old site does not list: cadence-audio, lumen-audio, polyphonic-data, resonance-labs, spotify \(the demo's, in a fresh boothkit clone\)\.\n {2}To publish the old site's sponsors alone, delete for each: src\/content\/sponsors\/<id>\.mdx, its folder src\/content\/sponsors\/<id>\/ and src\/content\/roles\/<id>\/\.\n/);
    } finally {
      copy.remove();
    }
  });
});

describe('a dry run of a whole site', () => {
  it('says what it would write, in those words, and writes nothing', () => {
    const project = freshProject();
    try {
      const result = project.import('levels', ['--init-conference', '--dry-run']);
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /✓ Would write src\/content\/conference\.yaml for SoundHack 2026/);
      assert.doesNotMatch(result.stdout, /✓ (Wrote|Added) /);
      assert.match(result.stdout, /Dry run: nothing was written/);
      project.assertNothingWritten();
    } finally {
      project.remove();
    }
  });
});

describe('more places a site keeps its list (read, not built)', () => {
  const project = loadProject(projectRoot);
  const matcher = { tiers: project.tiers, mapping: new Map<string, string>(), conference: 'ISMIR' };
  /** A throw-away site from { path: text }, read as the importer reads it. */
  const listed = (files: Record<string, string>, year?: number) => {
    const root = mkdtempSync(join(tmpdir(), 'boothkit-site-'));
    try {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      const found = readListings(readSite(root), matcher, new Set(), year);
      return { entries: found.listed.map((e) => [e.name, e.tierText, e.where]), errors: found.errors };
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };

  it("a sponsor page's front matter, a collection of sponsor documents, CSV rows per year", () => {
    assert.deepEqual(listed({ '_config.yml': 'title: X\n', 'sponsors.md': '---\ntitle: Sponsors\ngold:\n  - title: Acme\n    image_path: /a.png\n    url: https://acme.example\n  - image_path: /assets/blank-logo.png\n---\n' }).entries, [['Acme', 'gold', 'sponsors.md › front matter']]);
    assert.deepEqual(listed({ '_config.yml': 'collections:\n  sponsors:\n    output: false\n', '_sponsors/acme.md': '---\ntitle: Acme\nlevel: Presenting\nimage: /a.png\n---\n' }).entries, [['Acme', 'Presenting', '_sponsors/ (collection)']]);
    const csv = { '_config.yml': 'title: X\n', '_data/site.yml': 'current_year: 2026\n', '_data/sponsors/2025.csv': 'Level,Name,Image,Link\nGold,Old Co,old.png,https://old.example\n', '_data/sponsors/2026.csv': 'Level,Name,Image,Link\nGold,"Acme, Inc",acme.png,https://acme.example\n' };
    assert.deepEqual(listed(csv).entries, [['Acme, Inc', 'Gold', '_data/sponsors/2026.csv']]);
    assert.deepEqual(listed(csv, 2025).entries, [['Old Co', 'Gold', '_data/sponsors/2025.csv']]);
  });

  it('the heading above a loop names the tier; `source:` and `include:` are followed; talks and navigation are no sponsor lists', () => {
    const site = {
      '_config.yml': 'title: X\nsource: site\ninclude: [_pages]\n',
      'site/_pages/sponsors.md': '---\ntitle: Sponsors\n---\n## Academic Sponsors\n{% for s in site.data.academic %}<img src="{{ s.logo }}">{% endfor %}\n',
      'site/_data/academic.yml': '- name: Uni A\n  logo: /a.png\n',
      'site/_data/sponsor_talks.yml': '- name: A Talk\n',
      'site/_data/navigation.yml': 'main:\n  - title: Sponsors\n    url: /sponsors/\n',
    };
    assert.deepEqual(listed(site), { entries: [['Uni A', 'Academic Sponsors', '_data/academic.yml']], errors: [] });
  });

  it('a map keyed by edition (one name and a two-digit year, looked up by a page\'s own key), one edition announced with no sponsors yet', () => {
    const site = {
      '_config.yml': 'title: Adjoint Con\n',
      '_layouts/home.html': '{% assign sponsors = site.data.sponsors[page.conference] %}{% for s in sponsors %}<a href="{{ s.url }}"><img src="{{ s.image }}"></a>{% endfor %}',
      '2025.md': '---\nlayout: home\nconference: AdjointCon25\n---\n',
      '2026.md': '---\nlayout: home\nconference: AdjointCon26\n---\n',
      '_data/sponsors.yml': 'AdjointCon25:\n  - name: Gradient Fund\n    image: img/fund.png\n    url: https://fund.example\n\nAdjointCon26:\n',
    };
    assert.deepEqual(listed(site).errors, ['the old site keeps its sponsors by year (2025: _data/sponsors.yml › 2025; 2026: _data/sponsors.yml › 2026) and names no current one; choose the year to import: --year 2026']);
    assert.deepEqual(listed(site, 2026).errors, ['_data/sponsors.yml › 2026 (the year chosen by --year) lists no sponsors yet; choose a year that has some: --year 2025']);
    assert.deepEqual(listed(site, 2025), { entries: [['Gradient Fund', '', '_data/sponsors.yml › 2025']], errors: [] });
  });
});
