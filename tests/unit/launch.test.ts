/**
 * Stand-ins and `check:content -- --launch`: a marker is left while its field holds the
 * stand-in (or, for a generated file, while that file is the generated one); the scaffold
 * marks what it fills in; the normal check ignores markers; Jekyll YAML keeps the last of a
 * repeated key and says where both are.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { listedInData } from '../../scripts/lib/jekyll/site/listing.ts';
import { readJekyllYaml } from '../../scripts/lib/jekyll/yaml.ts';
import { isLeft } from '../../scripts/lib/check-content/launch.ts';
import { logoSvg } from '../../scripts/lib/placeholder-svg.ts';
import { loadProject } from '../../scripts/lib/project.ts';
import { projectCopy, projectRoot, runScript } from '../support/project.ts';

const env = { BOOTHKIT_BUILD_DATE: '2026-05-01' };

describe('a stand-in is left while its field holds it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'boothkit-launch-'));
  it('a value: until the field holds anything else, or is removed', () => {
    const item = { field: 'summary', value: 'Acme at ISMIR 2020.', note: 'x' };
    assert.equal(isLeft(item, { summary: 'Acme at ISMIR 2020.' }, '', dir), true);
    assert.equal(isLeft(item, { summary: 'Acme makes audio tools.' }, '', dir), false);
    assert.equal(isLeft(item, {}, '', dir), false);
    assert.equal(isLeft({ field: 'locations[1].applyUrl', value: 'https://a.example', note: 'x' }, { locations: [{}, { applyUrl: 'https://a.example' }] }, undefined, dir), true);
    // A day the build reads as a date is the same day.
    assert.equal(isLeft({ field: 'validThrough', value: '2021-01-01', note: 'x' }, { validThrough: new Date('2021-01-01') }, undefined, dir), true);
  });
  it('no value: until the field is set; the body until it has text', () => {
    assert.equal(isLeft({ field: 'validThrough', note: 'x' }, {}, undefined, dir), true);
    assert.equal(isLeft({ field: 'validThrough', note: 'x' }, { validThrough: '2021-01-01' }, undefined, dir), false);
    assert.equal(isLeft({ field: 'body', note: 'x' }, {}, '\n\n', dir), true);
    assert.equal(isLeft({ field: 'body', note: 'x' }, {}, '\nOur booth.\n', dir), false);
  });
  it('a generated file: until the path changes or the file is replaced under the same name', () => {
    writeFileSync(join(dir, 'logo.svg'), logoSvg('Acme'));
    const item = { field: 'logo.src', value: './logo.svg', note: 'x' };
    assert.equal(isLeft(item, { logo: { src: './logo.svg' } }, '', dir), true);
    assert.equal(isLeft(item, { logo: { src: './logo.png' } }, '', dir), false);
    writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>');
    assert.equal(isLeft(item, { logo: { src: './logo.svg' } }, '', dir), false);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('check:content --launch', () => {
  it('passes the demo, which has no stand-ins, and lists what new:sponsor filled in until it is replaced', () => {
    const copy = projectCopy({ contentOnly: true });
    try {
      const demo = runScript('check-content', ['--launch', '-q'], copy.root, env);
      assert.equal(demo.status, 0, demo.stdout);
      assert.match(demo.stdout, /\n✓ Ready to launch: no stand-ins left\.\n$/);
      const made = runScript('new-sponsor', ['--name', 'Acme Audio', '--tier', 'gold', '--website', 'https://acme.example', '--role', 'Research Intern'], join(copy.root), env);
      assert.equal(made.status, 0, made.stderr);
      // The normal check and so the build pass; the launch check does not.
      assert.equal(runScript('check-content', ['-q'], copy.root, env).status, 0);
      const launch = runScript('check-content', ['--launch', '-q'], copy.root, env);
      assert.equal(launch.status, 1);
      assert.match(
        launch.stdout,
        /\nAcme Audio\n {2}src\/content\/sponsors\/acme-audio\.mdx\n {4}! summary: "Acme Audio is a Gold sponsor of ISMIR 2020\."; the sponsor's own one or two sentences\n {4}! logo\.src: "\.\/acme-audio\/logo\.svg"; the real logo \(replace the file, or change the path\)\n {4}! body: empty; the booth text, below the front matter\n {2}src\/content\/roles\/acme-audio\/research-intern\.yaml \(role "Research Intern"\)\n {4}! draft: true; delete draft: true once the stand-ins below are real\n/,
      );
      assert.match(launch.stdout, /\n {4}! validThrough: "2026-08-01"; the last day to apply \(three months after posting stands in\)\n/);
      assert.match(launch.stdout, /\n✗ Not ready to launch: 9 stand-ins left \(1 sponsor\)\./);
      // Replaced: the summary rewritten; the marker stays, listed as one that can go.
      copy.edit('sponsors/acme-audio.mdx', /^summary: .*$/m, 'summary: Acme Audio builds listening tests.');
      const after = runScript('check-content', ['--launch', '-q'], copy.root, env);
      assert.match(after.stdout, /\n✗ Not ready to launch: 8 stand-ins left \(1 sponsor\)\./);
      assert.match(after.stdout, /\n· Replaced, so their standIns lines can go: src\/content\/sponsors\/acme-audio\.mdx \(summary\)\n/);
    } finally {
      copy.remove();
    }
  });
});

describe('YAML as Jekyll reads it', () => {
  it('keeps the last of a repeated key and names both lines', () => {
    const read = readJekyllYaml('name: Acme\nurl: https://old.example\nlevels:\n  - level: Gold\n    level: Silver\nurl: https://acme.example\n');
    assert.deepEqual(read.data, { name: 'Acme', url: 'https://acme.example', levels: [{ level: 'Silver' }] });
    assert.deepEqual(read.duplicates, [
      'the key "level" is written twice in one entry (lines 4 and 5); Jekyll keeps the last (line 5), and so does the import',
      'the key "url" is written twice in one entry (lines 2 and 6); Jekyll keeps the last (line 6), and so does the import',
    ]);
    assert.match(readJekyllYaml('a: [1, 2\n').error!, /end with a \] \(line 2\)$/);
  });
});

describe('sponsor lists in data: the fields sites use', () => {
  const project = loadProject(projectRoot);
  const matcher = { tiers: project.tiers, mapping: new Map<string, string>(), conference: 'ISMIR' };
  const brief = (data: unknown) => listedInData(data, '_data/x.yml', matcher, undefined).map((e) => [e.name, e.tierText, e.tier && 'tier' in e.tier ? e.tier.tier.id : e.tier, e.href, e.elsewhere, e.refused, e.logoWidth]);

  it('reads keys in any case, chooses the group name that is a tier, and leaves layout fields alone', () => {
    assert.deepEqual(brief([{ Name: 'Platinum Partner', Sponsors: [{ name: 'Acme', url: 'https://acme.example' }] }]), [['Acme', 'Platinum Partner', 'platinum', 'https://acme.example', undefined, undefined, undefined]]);
    assert.deepEqual(brief([{ section: 'Partners', name: 'Gold Partners', company: [{ title: 'Globex', link: 'https://globex.example', type: 'image' }, { break: true }] }]), [['Globex', 'Gold Partners', 'gold', 'https://globex.example', undefined, undefined, undefined]]);
    assert.deepEqual(brief({ sponsors: { levels: [{ level: 'Silver', class: 'silver', sponsors: [{ name: 'Initech', href: '#', image_width: '160px' }] }] } }), [['Initech', 'Silver', 'silver', undefined, undefined, { link: '#' }, 160]]);
  });
  it('prefers the company address to a booth elsewhere, and refuses data: logos', () => {
    assert.deepEqual(brief([{ name: 'Umbrella', type: 'Bronze', url: 'https://booths.example/umbrella', 'url-external': 'https://umbrella.example', logo: 'data:image/png;base64,AAAA' }]), [['Umbrella', 'Bronze', 'bronze', 'https://umbrella.example', 'https://booths.example/umbrella', { logo: 'data:image/png;base64,AAAA' }, undefined]]);
  });
});
