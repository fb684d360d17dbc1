/**
 * `npm run import:jekyll -- --site` on tests/fixtures/jekyll-site (an ISMIR-2020-shaped site:
 * a sponsors include with four tiers, a WiMIR programme in a data file, three booth pages
 * with events, papers and jobs in the written forms of real booths, images under
 * assets/img/): every sponsor, tier, logo, event instant, role and paper comes out typed,
 * what cannot be read is listed, re-running is safe, and the converted site builds and passes
 * check:content, check:links and the site gate (npm run verify). The sponsor list's other common shapes are tested on their own.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { listedInData, listedInMarkup } from '../../scripts/lib/jekyll/site/listing.ts';
import { readTierMapping } from '../../scripts/lib/jekyll/site/tiers.ts';
import { loadProject } from '../../scripts/lib/project.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { projectCopy, projectRoot, runScript } from '../support/project.ts';

const site = join(projectRoot, 'tests/fixtures/jekyll-site');
const today = '2020-10-10';
const env = { BOOTHKIT_BUILD_DATE: today };
const siteFlags = ['--site', site, '--tier-as', 'supporter=wimir-champion'];

/** The demo content without its sponsors and roles: a conference about to import its old site. */
function emptyConference() {
  const copy = projectCopy({ contentOnly: true });
  for (const dir of ['sponsors', 'roles']) for (const entry of readdirSync(copy.content(dir))) rmSync(copy.content(`${dir}/${entry}`), { recursive: true });
  return copy;
}

/** Every file under a folder with a digest of its bytes. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else out[`${prefix}${name}`] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}

const section = (stdout: string, title: string) => {
  const lines = stdout.split('\n');
  const out: string[] = [];
  let inside = false;
  for (const line of lines) {
    if (/^ {2}\S/.test(line)) inside = line.trim() === title;
    else if (inside && /^ {4}\S/.test(line)) out.push(line.trim());
    else if (!line.trim()) inside = false;
  }
  return out;
};

describe('the sponsor list of a Jekyll site, in its common shapes', () => {
  const project = loadProject(projectRoot);
  const matcher = { tiers: project.tiers, mapping: new Map<string, string>(), conference: 'ISMIR' };
  const brief = (entries: ReturnType<typeof listedInData>) => entries.map((e) => [e.name, e.tierText, e.tier && 'tier' in e.tier ? e.tier.tier.id : e.tier, e.logo, e.href]);

  it('reads data files as a map of tiers, a list of tiers, or a list of sponsors with a tier field', () => {
    const map = { platinum: [{ name: 'Acme', image: 'acme.png', url: 'https://acme.example' }], 'Gold Sponsors': [{ title: 'Globex', logo: '/assets/img/globex.svg', link: 'https://globex.example' }] };
    assert.deepEqual(brief(listedInData(map, '_data/sponsors.yml', matcher, undefined)), [
      ['Acme', 'platinum', 'platinum', 'acme.png', 'https://acme.example'],
      ['Globex', 'Gold Sponsors', 'gold', '/assets/img/globex.svg', 'https://globex.example'],
    ]);
    const groups = [{ name: 'Silver', members: [{ name: 'Initech', logo: '/img/initech.png', url: 'https://initech.example' }, 'Hooli'] }];
    assert.deepEqual(brief(listedInData({ sponsors: groups }, '_data/sponsors.yml', matcher, undefined)), [
      ['Initech', 'Silver', 'silver', '/img/initech.png', 'https://initech.example'],
      ['Hooli', 'Silver', 'silver', undefined, undefined],
    ]);
    const flat = [{ name: 'Umbrella', level: 'Bronze', website: 'https://umbrella.example', booth: '/umbrella/' }, { name: 'Diamond Co', tier: 'diamond' }];
    assert.deepEqual(brief(listedInData(flat, '_data/partners.yml', matcher, undefined)), [
      ['Umbrella', 'Bronze', 'bronze', undefined, 'https://umbrella.example'],
      ['Diamond Co', 'diamond', undefined, undefined, undefined],
    ]);
    // A programme named by the file or a key: its tiers are looked up there ("champion" → wimir-champion).
    assert.deepEqual(brief(listedInData({ wimir: { champions: [{ name: 'Acme' }] } }, '_data/sponsors.yml', matcher, undefined)), [['Acme', 'champions', 'wimir-champion', undefined, undefined]]);
  });

  it('reads pages and includes: tier headings and classes, logos in links, Markdown image links, name links; skips decoration and Liquid templates', () => {
    const markdown = [
      '![Conference logo](/assets/img/ismir.svg)',
      '## Organizers',
      '![A university](/assets/img/uni.png)',
      '# Our sponsors',
      '## Platinum',
      '[![Acme](/assets/img/acme.png)](https://acme.example) [![Spotify logo]({{ site.baseurl }}/assets/img/spotify-logo.png)]({{ site.baseurl }}/spotify/)',
      '<div class="sponsor-gold"><a href="https://globex.example"><img src="/assets/img/globex.svg" alt="logo"></a></div>',
      '<!-- <h2>Silver</h2><img src="/assets/img/old.png" alt="Old"> -->',
      '## Bronze',
      '- [Initech](https://initech.example)',
      '- <a href="https://hooli.example"><img src="/assets/img/hooli_logo.png"></a>',
      '{% for s in site.data.sponsors.bronze %}<a href="{{ s.url }}"><img src="/assets/img/{{ s.image }}"></a>{% endfor %}',
      '## Diamond Sponsors',
      '![Megacorp](/assets/img/megacorp.png)',
      '# WiMIR Sponsors',
      '## Champions',
      '![Acme](/assets/img/wimir/acme.png)',
      '## Supporter',
      '![Umbrella](/assets/img/wimir/umbrella.png)',
      '# Venue',
      '![The hall](/assets/img/hall.jpg)',
    ].join('\n\n');
    assert.deepEqual(
      listedInMarkup(markdown, 'sponsors.md', matcher, { markdown: true }).map((e) => [e.name, e.nameFrom, e.tierText, e.tier && 'tier' in e.tier ? e.tier.tier.id : e.tier, e.logo, e.href]),
      [
        ['Acme', 'alt text', 'Platinum', 'platinum', '/assets/img/acme.png', 'https://acme.example'],
        ['Spotify', 'alt text', 'Platinum', 'platinum', '/assets/img/spotify-logo.png', '/spotify/'],
        ['Globex', 'file name', 'sponsor-gold', 'gold', '/assets/img/globex.svg', 'https://globex.example'],
        ['Initech', 'link text', 'Bronze', 'bronze', undefined, 'https://initech.example'],
        ['Hooli', 'file name', 'Bronze', 'bronze', '/assets/img/hooli_logo.png', 'https://hooli.example'],
        ['Megacorp', 'alt text', 'Diamond Sponsors', undefined, '/assets/img/megacorp.png', undefined],
        // Under a programme's heading its tiers are found without its name; any other sub-heading is a tier to map.
        ['Acme', 'alt text', 'Champions', 'wimir-champion', '/assets/img/wimir/acme.png', undefined],
        ['Umbrella', 'alt text', 'Supporter', undefined, '/assets/img/wimir/umbrella.png', undefined],
      ],
    );
  });

  it('maps tiers the old site names differently with --tier-as, and refuses a tier tiers.yaml lacks', () => {
    const mapping = readTierMapping(['Diamond Sponsors=platinum', 'Media partners=skip'], project.tiers, 'ISMIR');
    assert.ok('mapping' in mapping);
    const entries = listedInData({ diamond: ['Megacorp'], 'media partners': ['Daily Beat'] }, '_data/sponsors.yml', { ...matcher, mapping: mapping.mapping }, undefined);
    assert.deepEqual(entries.map((e) => [e.name, e.tier && ('skip' in e.tier ? 'skip' : e.tier.tier.id)]), [
      ['Megacorp', 'platinum'],
      ['Daily Beat', 'skip'],
    ]);
    assert.deepEqual(readTierMapping(['Diamond=platinm', 'Gold'], project.tiers), {
      errors: [
        '--tier-as "Diamond=platinm": no tier "platinm" in src/content/tiers.yaml (platinum, gold, silver, bronze, wimir-champion). Did you mean "platinum"?',
        '--tier-as "Gold" should be "<name on the old site>=<tier id>", e.g. --tier-as "Diamond=platinum" (or =skip to leave those sponsors out)',
      ],
    });
  });
});

describe('import:jekyll --site on the fixture site', () => {
  const copy = emptyConference();
  let result: ReturnType<typeof runScript>;
  before(() => {
    result = runScript('import-jekyll', siteFlags, copy.root, env);
  });
  after(() => copy.remove());
  const check = () => checkContent(copy.root, { today });
  const sponsor = (id: string) => check().model!.sponsors.find((s) => s.id === id)!;

  it('writes every sponsor with its tier, programme tiers, website and real logo, and passes the content check', () => {
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.deepEqual(check().problems.map(formatProblem), []);
    const hall = check().model!.sponsors.map((s) => [s.id, s.tier, s.programmeTiers, s.website, s.logo.src]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    assert.deepEqual(hall, [
      ['cadenza-audio', 'bronze', [], 'https://www.cadenza-audio.example', './cadenza-audio/logo.svg'],
      ['fermata', 'gold', ['wimir-champion'], 'https://fermata.example', './fermata/fermata.png'],
      ['lyra-audio', 'bronze', [], 'https://lyra.example', './lyra-audio/lyra-audio.png'],
      ['quaver-analytics', 'silver', [], 'https://quaver.example/research', './quaver-analytics/quaver.svg'],
      ['sonority-labs', 'platinum', ['wimir-champion'], 'https://www.sonority.example', './sonority-labs/sonority.svg'],
      ['tonewheel', 'platinum', [], 'https://www.tonewheel.example/', './tonewheel/tonewheel.png'],
    ]);
    // The logos are the site's own files, copied byte for byte.
    for (const [id, file] of [['fermata', 'sponsors/fermata.png'], ['lyra-audio', 'sponsors/lyra-audio.png'], ['sonority-labs', 'sponsors/sonority.svg'], ['tonewheel', 'sponsors/tonewheel.png']]) {
      const name = file!.split('/').pop()!;
      assert.deepEqual(readFileSync(copy.content(`sponsors/${id}/${name}`)), readFileSync(join(site, 'assets/img', file!)), `${id} logo`);
    }
    // Listed only in the WiMIR programme: a draft that stands in the lowest main tier until given one.
    const foundation = copy.read('sponsors/polyphonic-foundation.mdx');
    assert.match(foundation, /\ntier: bronze\n[\s\S]*\nprogrammeTiers:\n {2}- wimir-champion\ndraft: true\n/);
    assert.match(result.stdout, /\n {2}WiMIR Champion: Sonority Labs, Fermata, Polyphonic Foundation \(draft\)\n/);
  });

  it('types the events with their offsets, A/B repeats included', () => {
    const instants = (id: string) => sponsor(id).events.map((e) => [e.id, e.kind, e.session, e.start, e.end, e.repeatOf]);
    assert.deepEqual(instants('sonority-labs'), [
      ['industry-poster-8a', 'industry-poster', '8A', '2020-10-15T17:35:00Z', '2020-10-15T18:55:00Z', undefined],
      ['industry-poster-8b', 'industry-poster', '8B', '2020-10-16T06:05:00Z', '2020-10-16T07:25:00Z', 'industry-poster-8a'],
      ['meetup-with-industry-session-a', 'meetup', 'A', '2020-10-14T14:30:00Z', '2020-10-14T15:15:00Z', undefined],
      ['meetup-with-industry-session-b', 'meetup', 'B', '2020-10-15T02:30:00Z', '2020-10-15T03:15:00Z', 'meetup-with-industry-session-a'],
    ]);
    assert.deepEqual(instants('tonewheel'), [
      ['demo-the-listening-keyboard', 'demo', undefined, '2020-10-14T09:00:00Z', '2020-10-14T10:00:00Z', undefined],
      ['live-demo', 'demo', undefined, '2020-10-13T18:00:00Z', '2020-10-13T19:00:00Z', undefined],
      ['office-hours', 'office-hours', undefined, '2020-10-14T06:00:00Z', '2020-10-14T07:30:00Z', undefined],
    ]);
    assert.deepEqual(instants('fermata'), [
      ['poster-3b', 'industry-poster', '3B', '2020-10-15T13:35:00Z', '2020-10-15T14:55:00Z', undefined],
      ['panel-on-practice-tools', 'panel', undefined, '2020-10-14T16:00:00Z', '2020-10-14T17:00:00Z', undefined],
    ]);
    // The offset as the booth wrote it stays in the file.
    assert.match(copy.read('sponsors/tonewheel.mdx'), /\n {4}start: 2020-10-14T14:00:00\+08:00\n/);
  });

  it('types the papers, the roles of the table and the job links, the careers link and the socials', () => {
    const papers = (id: string) => sponsor(id).publications.map((p) => [p.title, p.authors.map((a) => `${a.name}${a.affiliated ? '*' : ''}`).join(', '), `${p.venue.name} ${p.venue.year}`, p.venue.thisConference, p.award, p.links.map((l) => l.kind)]);
    assert.deepEqual(papers('sonority-labs'), [
      ['Listening Ahead: Anticipatory Beat Tracking for Live Accompaniment', 'K. Aoyama, M. Fernández', 'arXiv 2020', false, undefined, ['paper']],
      ['Learning Tempo Curves from Rehearsal Recordings', 'Y. Takeda*', 'ISMIR 2019', false, undefined, ['talk', 'paper']],
      ['Expressive Timing Transfer with Flow Models', 'L. Tremblay*, S. Lindgren, Y. Takeda*', 'ISMIR 2019', false, 'Best Paper Award', ['talk', 'paper']],
      ['Score Following with Sparse Attention', 'K. Aoyama*, A. Moreau*, E. Dubois', 'ISMIR 2020', true, undefined, ['paper']],
      ['A Dataset of Annotated Orchestra Rehearsals', 'T. Novák*', 'ISMIR 2020', true, undefined, ['paper']],
    ]);
    assert.deepEqual(papers('fermata'), [
      ['Choir Intonation Drift in the Wild', 'Ana Silva, Jane Doe, Li Wei', 'ISMIR 2020', true, undefined, ['pdf', 'code']],
      ['Section Leaders and the Timing of Orchestral Entries', 'Ravi Kumar, Jane Doe', 'ICASSP 2020', false, undefined, ['arxiv']],
    ]);
    assert.equal(sponsor('sonority-labs').careersUrl, 'https://www.sonority.example/careers/ismir/');
    assert.equal(sponsor('sonority-labs').socials.twitter, 'https://www.twitter.com/sonoritylabs/');
    assert.equal(sponsor('tonewheel').careersUrl, 'https://jobs.tonewheel.example/');
    const roles = check().model!.roles.sort((a, b) => a.slug.localeCompare(b.slug)).map((r) => [r.slug, r.employmentType, r.places.map((p) => `${p.location.id}=${p.applyUrl}`), r.areas.map((a) => a.id), r.eligibility.enrolledIn]);
    assert.deepEqual(roles, [
      ['audio-engineer-summer-internship', 'internship', ['berlin=https://jobs.tonewheel.example/r/13'], ['signal-processing'], ['master', 'phd']],
      ['research-scientist-summer-internship', 'internship', ['london=https://jobs.tonewheel.example/r/11', 'tokyo=https://jobs.tonewheel.example/r/12'], ['music-information-retrieval', 'machine-learning'], ['phd']],
    ]);
    // Job links are drafts (checked, shown nowhere) until their stand-ins are replaced.
    const jobs = readdirSync(copy.content('roles/tonewheel')).filter((f) => /^draft: true$/m.test(copy.read(`roles/tonewheel/${f}`)));
    assert.deepEqual(jobs.sort(), ['data-scientist.yaml', 'machine-learning-engineer.yaml', 'research-intern-audio-ml.yaml', 'senior-dsp-engineer.yaml']);
    assert.match(copy.read('roles/tonewheel/senior-dsp-engineer.yaml'), /\n {2}- location: tokyo\n {4}applyUrl: https:\/\/jobs\.tonewheel\.example\/r\/102\n/);
  });

  it('leaves in the booth text what it cannot read, and lists each item under "Left for you"', () => {
    const sonority = copy.read('sponsors/sonority-labs.mdx').split('\n---\n')[1]!;
    assert.match(sonority, /\n\* \*Robust Stem Separation Under Stage Noise\*, from A\. Moreau, T\. Novák, and K\. Aoyama\n/);
    assert.doesNotMatch(sonority, /Industry Poster\n|8A Thursday|Listening Ahead|twitter\.com/);
    assert.match(copy.read('sponsors/tonewheel.mdx'), /\n## Schedule\n\n<Events \/>\n\n\| Day \| Time \(UTC\) \| Session \|\n\| --- \| --- \| --- \|\n\| Oct 15 \| 13:00 \| Poster session 2B \|\n/);
    assert.match(copy.read('sponsors/fermata.mdx'), /\n## Schedule \(all times EDT\)\n\n- Demo: Oct 16, 10:00-11:00 CST\n- Q&A with the team: Friday Oct 15th, 12:00-13:00 UTC\n/);
    const left = section(result.stdout, 'Left for you');
    assert.deepEqual(left, [
      `! virtual_booth_mystery.md looks like a booth page but no sponsor on the list links to it or has its name ("Mystery Corp"); import it alone: npm run import:jekyll -- ${site}/virtual_booth_mystery.md --tier … --website … --site-root ${site}`,
      '! the sentence "Each meetup session lasts 45 minutes." introduced events that are now in the <Events /> section further up: move, reword or delete it',
      '! under "Recent Works", the paper "Robust Stem Separation Under Stage Noise" names no venue or year (item, links, heading or the sentence before); kept as a list item: add it to publications: with its venue',
      '! the sentence "The team has published at ISMIR for many years. Last year, we (co-)aut…" introduced papers that are now in the <Publications /> section further up: move, reword or delete it',
      '! the sentence "This year, we have 2 papers at ISMIR:" introduced papers that are now in the <Publications /> section further up: move, reword or delete it',
      '! the page had a hero band (background_position: 0% 35%) but its image is set by the old theme: a placeholder stands in (sonority-labs/hero.svg); replace it, or pass --hero',
      '! no summary in the booth page: "Sonority Labs at ISMIR 2020." stands in; edit summary: in the front matter',
      '! under "Schedule", not typed as an event and kept as text: "Oct 15, 13:00, Poster session 2B": it gives a start but no end; pass --event-minutes N (their length) or write the end time',
      '! under "Meet us", not typed as an event and kept as text: "Happy hour: Oct 15, 18:00-19:00 XYZ": the zone "XYZ" is not one the importer knows',
      '! under "Meet us", not typed as an event and kept as text: "Recruiting chat: Friday Oct 16th @ 15:00 UTC": it gives a start but no end; pass --event-minutes N (their length) or write the end time',
      '! role "Research Intern, Audio ML" (roles/tonewheel/research-intern-audio-ml.yaml) is a draft with stand-ins: fill in requirements, then delete draft: true',
      '! role "Senior DSP Engineer" (roles/tonewheel/senior-dsp-engineer.yaml) is a draft with stand-ins: fill in its kind (written as full-time), requirements, then delete draft: true',
      '! role "Machine Learning Engineer" (roles/tonewheel/machine-learning-engineer.yaml) is a draft with stand-ins: fill in its kind (written as full-time), requirements, then delete draft: true',
      '! role "Data Scientist" (roles/tonewheel/data-scientist.yaml) is a draft with stand-ins: fill in its kind (written as full-time), the place "Shanghai" (not in src/content/locations.yaml), research areas, requirements, then delete draft: true',
      '! no summary in the booth page: "Tonewheel at ISMIR 2020: 2 internships in Music Information Retrieval, Machine Learning, Signal Processing." stands in; edit summary: in the front matter',
      '! no closing dates: roles without validThrough stay open forever; add validThrough: YYYY-MM-DD to each, or pass --valid-through',
      '! event time: EST (UTC-05:00) on 2020-10-14, when New York was on UTC-04:00: check which was meant',
      '! under "Schedule (all times EDT)", not typed as an event and kept as text: "Demo: Oct 16, 10:00-11:00 CST": the zone "CST" can mean US Central (UTC-6) or China (UTC+8)',
      '! under "Schedule (all times EDT)", not typed as an event and kept as text: "Q&A with the team: Friday Oct 15th, 12:00-13:00 UTC": Friday does not match 2020-10-15, a Thursday (the year 2020 comes from the title "ISMIR 2020" in _config.yml)',
      '! no summary in the booth page: "Fermata at ISMIR 2020." stands in; edit summary: in the front matter',
      '! no summary in the sponsor list: "Quaver Analytics at ISMIR 2020." stands in; edit summary: in the front matter',
      '! Silver sponsors have a booth page, but the old site had none for Quaver Analytics: write its booth text below the front matter',
      '! no logo in the sponsor list: a text logo with the name stands in (cadenza-audio/logo.svg); replace it',
      '! the name "Lyra Audio" was read from the logo\'s file name (lyra-audio.png): check it',
      '! written as a draft (on no page until you delete draft: true): Polyphonic Foundation is listed only as WiMIR Champion, but every sponsor needs a main tier: set tier: (platinum, gold, silver, bronze; bronze stands in)',
    ]);
    assert.match(result.stdout, /\n {2}1\. Work through the 25 items under "Left for you" above; npm run check:content -- --launch lists the stand-ins still in the files\.\n/);
  });

  it('never overwrites without --force, and with --force writes the same bytes again', () => {
    const first = tree(copy.content(''));
    const refused = runScript('import-jekyll', siteFlags, copy.root, env);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /^✗ refusing to overwrite files that exist; nothing was written:\n {2}src\/content\/sponsors\/sonority-labs\.mdx\n/);
    assert.deepEqual(tree(copy.content('')), first);
    const again = runScript('import-jekyll', [...siteFlags, '--force'], copy.root, env);
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(tree(copy.content('')), first);
  });

  it('check:content --launch lists the stand-ins "Left for you" put in the files, per sponsor, and passes once each field is replaced', () => {
    const launch = () => runScript('check-content', ['--launch', '--quiet'], copy.root, env);
    const before = launch();
    assert.equal(before.status, 1, before.stdout);
    // Every item of the report that stays in a file is listed, under its sponsor.
    const listed = before.stdout.slice(before.stdout.indexOf('\n', before.stdout.indexOf('No problems')));
    for (const expected of [
      /\nSonority Labs\n {2}src\/content\/sponsors\/sonority-labs\.mdx\n(?: {4}! .*\n)* {4}! hero\.src: "\.\/sonority-labs\/hero\.svg"; the real header image/,
      /\n {4}! summary: "Sonority Labs at ISMIR 2020\."; the sponsor's own one or two sentences\n/,
      /\n {2}src\/content\/roles\/tonewheel\/data-scientist\.yaml \(role "Data Scientist"\)\n {4}! draft: true; delete draft: true once the stand-ins below are real\n/,
      /\n {2}src\/content\/roles\/tonewheel\/audio-engineer-summer-internship\.yaml \(role "Audio Engineer - Summer Internship"\)\n {4}! validThrough: empty; the last day to apply/,
      /\nQuaver Analytics\n {2}src\/content\/sponsors\/quaver-analytics\.mdx\n(?: {4}! .*\n)* {4}! body: empty; the booth text, below the front matter \(the old site had no booth page\)\n/,
      /\nCadenza Audio\n(?:.*\n)* {4}! logo\.src: "\.\/cadenza-audio\/logo\.svg"; the real logo \(a text logo with the name stands in\)\n/,
      /\nLyra Audio\n(?:.*\n)* {4}! name: "Lyra Audio"; the sponsor's name as it should appear/,
      /\nPolyphonic Foundation\n(?:.*\n)* {4}! tier: "bronze"; its main tier \(listed only as WiMIR Champion\)\n/,
    ]) {
      assert.match(listed, expected);
    }
    assert.match(before.stdout, /\n✗ Not ready to launch: \d+ stand-ins left \(7 sponsors\)\. Replace each value \(docs\/launch\.md\), then run npm run check:content -- --launch again \(docs\/errors\.md#not-ready-to-launch\)\.\n$/);

    // The web chair replaces each one: a real value, a real file under the same name, booth text, no draft line.
    const real = readFileSync(join(site, 'assets/img/sponsors/quaver.svg'));
    for (const file of [...readdirSync(copy.content('sponsors')).filter((f) => f.endsWith('.mdx')).map((f) => `sponsors/${f}`), ...readdirSync(copy.content('roles')).flatMap((d) => readdirSync(copy.content(`roles/${d}`)).map((f) => `roles/${d}/${f}`))]) {
      const text = copy.read(file);
      const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
      const doc = parseDocument(match ? match[1]! : text);
      let body = match ? text.slice(match[0].length) : '';
      for (const item of (doc.toJS().standIns ?? []) as { field: string; value?: unknown }[]) {
        const path = item.field.split(/\.|\[(\d+)\]/).filter(Boolean).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
        if (item.field === 'body' && typeof item.value === 'string' && item.value.startsWith('./')) writeFileSync(copy.content(`sponsors/${item.value}`), real);
        else if (item.field === 'body' && typeof item.value === 'string') body = body.replace(item.value, 'Reworded.');
        else if (item.field === 'body') body = '\nWhat we bring to the conference.\n';
        else if (item.field === 'draft') doc.deleteIn(path);
        else if (typeof item.value === 'string' && item.value.startsWith('./')) writeFileSync(copy.content(`sponsors/${item.value}`), real);
        else if (item.field === 'validThrough') doc.setIn(path, '2020-12-31');
        else if (item.field === 'tier') doc.setIn(path, 'silver');
        else if (item.field === 'website' || item.field.endsWith('applyUrl')) doc.setIn(path, 'https://real.example/');
        else if (item.field.endsWith('location')) doc.setIn(path, 'london');
        else if (item.field.startsWith('researchAreas')) doc.setIn(path, 'machine-learning');
        else doc.setIn(path, `The real ${item.field}`);
      }
      copy.write(file, match ? `---\n${doc.toString({ lineWidth: 0 })}---\n${body}` : doc.toString({ lineWidth: 0 }));
    }
    const after = launch();
    assert.equal(after.status, 0, after.stdout + after.stderr);
    assert.match(after.stdout, /\n✓ Ready to launch: no stand-ins left\.\n$/);
    assert.match(after.stdout, /\n· Replaced, so their standIns lines can go: src\/content\/sponsors\/cadenza-audio\.mdx \(/);
  });

  it('stops before writing anything when a tier of the old site is not in tiers.yaml, and says how to add or map it', () => {
    const fresh = emptyConference();
    try {
      const refused = runScript('import-jekyll', ['--site', site], fresh.root, env);
      assert.equal(refused.status, 1);
      assert.equal(
        refused.stderr,
        '✗ the old site has a tier src/content/tiers.yaml does not: "supporter" (1 sponsor: Polyphonic Foundation; _data/wimir_sponsors.yml); add it with --add-tiers (written to tiers.yaml in the old site\'s order, with a stand-in price and benefits to fill in), or map each to a tier you have: --tier-as "supporter=<tier id>" (platinum, gold, silver, bronze, wimir-champion), or leave it out: --tier-as "supporter=skip" (docs/errors.md#import-decision)\n',
      );
      assert.deepEqual(readdirSync(fresh.content('sponsors')), []);
      const skipped = runScript('import-jekyll', ['--site', site, '--tier-as', 'supporter=skip', '--dry-run'], fresh.root, env);
      assert.match(skipped.stdout, /· left out as asked \(--tier-as …=skip\): Polyphonic Foundation\n/);
      assert.equal(existsSync(fresh.content('sponsors/fermata.mdx')), false);
    } finally {
      fresh.remove();
    }
  });
});

describe('the imported site', () => {
  const copy = projectCopy();
  let build: { status: number | null; output: string };
  before(() => {
    for (const dir of ['sponsors', 'roles']) for (const entry of readdirSync(copy.content(dir))) rmSync(copy.content(dir, entry), { recursive: true });
    const imported = copy.run('import-jekyll', siteFlags, env);
    assert.equal(imported.status, 0, imported.stdout + imported.stderr);
    build = copy.build(env);
  });
  after(() => copy.remove());

  it('builds, and passes check:content, check:links and the site gate', () => {
    assert.equal(build.status, 0, build.output.slice(-3000));
    const content = copy.run('check-content', [], env);
    assert.equal(content.status, 0, content.stdout + content.stderr);
    const links = copy.run('check-links', [], env);
    assert.equal(links.status, 0, links.stdout + links.stderr);
    const gate = copy.run('verify', [], env);
    assert.equal(gate.status, 0, gate.stdout + gate.stderr);
  });

  it('shows the booths with their events, calendars and papers, and the hall with every published sponsor', () => {
    const booth = readFileSync(copy.dist('booths/sonority-labs/index.html'), 'utf8');
    assert.match(booth, /<time datetime="2020-10-15T17:35:00Z"/);
    assert.match(booth, /Expressive Timing Transfer with Flow Models/);
    assert.ok(existsSync(copy.dist('booths/sonority-labs/events.ics')));
    const hall = readFileSync(copy.dist('index.html'), 'utf8');
    for (const name of ['Sonority Labs', 'Tonewheel', 'Fermata', 'Quaver Analytics', 'Cadenza Audio', 'Lyra Audio']) assert.match(hall, new RegExp(name));
    assert.doesNotMatch(hall, /Polyphonic Foundation/);
    // The old booth address still reaches the booth.
    assert.match(readFileSync(copy.dist('sonority/index.html'), 'utf8'), /url=\/booths\/sonority-labs\//);
  });
});
