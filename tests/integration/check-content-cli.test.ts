/**
 * `npm run check:content`: every problem of a folder with one mistake per file, printed in
 * one run, grouped by file with counts, in the build's own words; exit code 1 on any problem.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { projectCopy, projectRoot, runScript } from '../support/project.ts';

const fixture = 'tests/fixtures/bad-content';

/** The full report for tests/fixtures/bad-content: one problem per file, two where one mistake has two effects. */
const expected = `24 content problems in 21 files:

tests/fixtures/bad-content/roles/acme/bad-date.yaml (1 problem)
  tests/fixtures/bad-content/roles/acme/bad-date.yaml:10: datePosted: is string "10/01/2030"; expected a date written as YYYY-MM-DD (docs/errors.md#date-format)

tests/fixtures/bad-content/roles/acme/bad-employment-type.yaml (1 problem)
  tests/fixtures/bad-content/roles/acme/bad-employment-type.yaml:3: employmentType: is string "intern"; expected one of internship, full-time, part-time, contract, postdoc, phd-studentship, fellowship, other (docs/errors.md#not-one-of)

tests/fixtures/bad-content/roles/acme/missing-requirements.yaml (1 problem)
  tests/fixtures/bad-content/roles/acme/missing-requirements.yaml:2: requirements: is missing; expected text (docs/errors.md#missing-field)

tests/fixtures/bad-content/roles/acme/misspelt-location-key.yaml (2 problems)
  tests/fixtures/bad-content/roles/acme/misspelt-location-key.yaml:4: locations: give every location an applyUrl, or a role-level applyUrl or applyEmail (only an upcoming role may have none) (docs/errors.md#no-apply-link)
  tests/fixtures/bad-content/roles/acme/misspelt-location-key.yaml:6: locations[0].aplyUrl: unknown field "aplyUrl"; expected one of location, workplace, applyUrl. Did you mean "applyUrl"? (docs/errors.md#unknown-field)

tests/fixtures/bad-content/roles/acme/no-apply-link.yaml (1 problem)
  tests/fixtures/bad-content/roles/acme/no-apply-link.yaml:4: locations: give every location an applyUrl, or a role-level applyUrl or applyEmail (only an upcoming role may have none) (docs/errors.md#no-apply-link)

tests/fixtures/bad-content/roles/acme/unknown-area.yaml (1 problem)
  tests/fixtures/bad-content/roles/acme/unknown-area.yaml:8: researchAreas[0]: unknown research area "machine-lerning"; add it to tests/fixtures/bad-content/areas.yaml or use one of its ids. Did you mean "machine-learning"? (docs/errors.md#unknown-area)

tests/fixtures/bad-content/roles/acme/unknown-location.yaml (1 problem)
  tests/fixtures/bad-content/roles/acme/unknown-location.yaml:5: locations[0].location: unknown location "Berln"; add it to tests/fixtures/bad-content/locations.yaml or use one of its ids. Did you mean "berlin"? (docs/errors.md#unknown-location)

tests/fixtures/bad-content/roles/acme/yaml-syntax.yaml (1 problem)
  tests/fixtures/bad-content/roles/acme/yaml-syntax.yaml:10: (YAML syntax): Flow sequence in block collection must be sufficiently indented and end with a ] (docs/errors.md#yaml-syntax)

tests/fixtures/bad-content/roles/acmee/orphan.yaml (1 problem)
  tests/fixtures/bad-content/roles/acmee/orphan.yaml:2: (folder): the folder "acmee" names no sponsor; role files live in src/content/roles/<sponsor-id>/ where src/content/sponsors/<sponsor-id>.mdx exists. Did you mean "acme"? (docs/errors.md#role-folder)

tests/fixtures/bad-content/sponsors/Bad_Name.mdx (1 problem)
  tests/fixtures/bad-content/sponsors/Bad_Name.mdx: (file name): the sponsor file name "Bad_Name" becomes its URL; use lower-case letters, digits and hyphens, e.g. "bad-name" (docs/errors.md#file-name)

tests/fixtures/bad-content/sponsors/bad-hero-position.mdx (1 problem)
  tests/fixtures/bad-content/sponsors/bad-hero-position.mdx:12: hero.position: is string "center"; expected two percentages "X% Y%", e.g. "0% 35%" (horizontal then vertical) (docs/errors.md#value-format)

tests/fixtures/bad-content/sponsors/bad-website.mdx (1 problem)
  tests/fixtures/bad-content/sponsors/bad-website.mdx:5: website: is string "javascript:alert(1)"; expected an absolute http(s) URL such as "https://example.com/jobs/123" (docs/errors.md#not-http-url)

tests/fixtures/bad-content/sponsors/image-without-alt.mdx (1 problem)
  tests/fixtures/bad-content/sponsors/image-without-alt.mdx:12: image "./acme/logo.svg" without alt text: people who cannot see the image need its alt text; write it between the brackets: ![what the image shows](./sponsor-id/photo.jpg) (docs/errors.md#no-alt-text)

tests/fixtures/bad-content/sponsors/long-summary.mdx (1 problem)
  tests/fixtures/bad-content/sponsors/long-summary.mdx:6: summary: is string "We make tools for music research. We make tools for music research. We make tools for music research. We make tools for music research. We make tools for music research. We make tools for music research. We make tools for music research. We make tools for music research. We make tools for music research."; keep the summary to 280 characters; longer text belongs in the body (docs/errors.md#too-long)

tests/fixtures/bad-content/sponsors/missing-alt.mdx (1 problem)
  tests/fixtures/bad-content/sponsors/missing-alt.mdx:7: logo.alt: is missing; expected text (docs/errors.md#missing-field)

tests/fixtures/bad-content/sponsors/missing-image.mdx (1 problem)
  tests/fixtures/bad-content/sponsors/missing-image.mdx:8: logo.src: is "./acme/logo.png"; no such file (paths are relative to the sponsor file, e.g. "./sponsor-id/logo.svg") (docs/errors.md#no-such-file)

tests/fixtures/bad-content/sponsors/misspelt-key.mdx (2 problems)
  tests/fixtures/bad-content/sponsors/misspelt-key.mdx:3: website: is missing; expected text (docs/errors.md#missing-field)
  tests/fixtures/bad-content/sponsors/misspelt-key.mdx:5: webiste: unknown field "webiste"; expected one of name, tier, order, website, summary, logo, hero, legacyPermalinks, careersUrl, draft, shortName, programmeTiers, externalBooth, units, channels, socials, events, publications, showcase, media, people, offers, resources, recruitingNote, private, standIns. Did you mean "website"? (docs/errors.md#unknown-field)

tests/fixtures/bad-content/sponsors/no-front-matter.mdx (1 problem)
  tests/fixtures/bad-content/sponsors/no-front-matter.mdx:1: (front matter): the file must start with front matter between two "---" lines (docs/errors.md#front-matter)

tests/fixtures/bad-content/sponsors/raw-html.mdx (2 problems)
  tests/fixtures/bad-content/sponsors/raw-html.mdx:14: <table>: raw HTML tables are not allowed; put roles in role files (src/content/roles/<sponsor-id>/) so the role table shows them, or write a Markdown table (| a | b |) (docs/errors.md#raw-table)
  tests/fixtures/bad-content/sponsors/raw-html.mdx:16: <iframe>: third-party frames load scripts and trackers; list the video under media: in the front matter and place it with <Video id="…" /> (a poster and a link) (docs/errors.md#iframe)

tests/fixtures/bad-content/sponsors/remote-logo.mdx (1 problem)
  tests/fixtures/bad-content/sponsors/remote-logo.mdx:8: logo.src: is "https://cdn.example/logo.png"; images must be local files next to the sponsor file (download it and write e.g. "./sponsor-id/logo.svg"), not links (docs/errors.md#remote-image)

tests/fixtures/bad-content/sponsors/unknown-tier.mdx (1 problem)
  tests/fixtures/bad-content/sponsors/unknown-tier.mdx:4: tier: unknown tier "glod"; expected one of gold, bronze (from tests/fixtures/bad-content/tiers.yaml). Did you mean "gold"? (docs/errors.md#unknown-tier)

1 content warning:

validThrough: is missing; without a closing date a role stays listed as open, apply link and all, until someone deletes it. Add validThrough: YYYY-MM-DD (1 file; docs/errors.md#no-closing-date)
  tests/fixtures/bad-content/roles/acme/no-valid-through.yaml:2

✗ 24 problems in 21 files (and 1 warning); checked 28 files in tests/fixtures/bad-content.
  The build refuses content with problems. Fix each line above (file:line says where; the docs/errors.md heading after it explains the message), then run npm run check:content again.`;

describe('check:content', () => {
  it('prints every problem of the bad-content fixture at once and exits 1', () => {
    const result = runScript('check-content', ['--content', fixture, '--date', '2030-02-01'], projectRoot);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stdout.trimEnd(), expected);
  });

  it('passes the demo content with exit code 0', () => {
    const result = runScript('check-content', ['--quiet'], projectRoot);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^✓ No problems: checked \d+ files in src\/content \(\d+ sponsors, \d+ roles\)\.$/m);
  });

  it('shows warnings without failing, and annotations on GitHub Actions', () => {
    const result = runScript('check-content', ['--content', fixture], projectRoot, { GITHUB_ACTIONS: 'true' });
    assert.match(result.stdout, /^::error file=tests\/fixtures\/bad-content\/sponsors\/unknown-tier\.mdx,line=4,title=tier::unknown tier "glod"; .*\. Did you mean "gold"\? \(docs\/errors\.md#unknown-tier\)$/m);
    assert.match(result.stdout, /^::warning file=tests\/fixtures\/bad-content\/roles\/acme\/no-valid-through\.yaml,line=2,title=validThrough::is missing;/m);
  });

  it('warns about a logo that would hardly show on its plate, with the fix, until the plate suits it', () => {
    const copy = projectCopy();
    try {
      // A white logo made for dark paper: on the white plate of the hall it all but disappears.
      const pale = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><circle cx="50" cy="50" r="40" fill="#ffffff"/><rect x="110" y="35" width="170" height="30" fill="#f4f4f4"/></svg>';
      writeFileSync(copy.content('sponsors', 'cadence-audio', 'logo.svg'), pale);
      const warned = copy.run('check-content', []);
      assert.equal(warned.status, 0, warned.stdout + warned.stderr);
      assert.match(warned.stdout, /^logo\.src: \.\/cadence-audio\/logo\.svg all but disappears on its light plate \(below 1\.5:1 a logo is hard to tell from its plate\); set logo\.plate: dark, or send a darker version of the logo \(1 file; docs\/errors\.md#faint-logo\)\n {2}src\/content\/sponsors\/cadence-audio\.mdx$/m);
      // The fix the message gives: the dark plate, and the warning goes.
      const file = copy.content('sponsors', 'cadence-audio.mdx');
      writeFileSync(file, readFileSync(file, 'utf8').replace('  src: ./cadence-audio/logo.svg', '  src: ./cadence-audio/logo.svg\n  plate: dark'));
      const fixed = copy.run('check-content', []);
      assert.equal(fixed.status, 0, fixed.stdout + fixed.stderr);
      assert.doesNotMatch(fixed.stdout, /plate/);
    } finally {
      copy.remove();
    }
  });

  it('refuses an unknown option with a did-you-mean', () => {
    const result = runScript('check-content', ['--contnet', fixture], projectRoot);
    assert.equal(result.status, 1);
    assert.equal(result.stderr.trim(), '✗ unknown option --contnet; did you mean --content? (see --help) (docs/errors.md#unknown-option)');
  });

  it('prints the same messages as the build', () => {
    const copy = projectCopy();
    try {
      rmSync(copy.content(), { recursive: true });
      cpSync(`${projectRoot}/${fixture}`, copy.content(), { recursive: true });
      const check = copy.run('check-content', []);
      const build = copy.build();
      assert.equal(check.status, 1);
      assert.notEqual(build.status, 0, build.output);
      const messages = check.stdout.split('\n').filter((line) => /^  src\/content\/\S+: /.test(line));
      assert.equal(messages.length, 24);
      for (const message of messages) assert.ok(build.output.includes(message.trim()), `the build did not print: ${message.trim()}`);
    } finally {
      copy.remove();
    }
  });
});

describe('npm run check:content refuses the bodies that ran code at build time on 835d344', () => {
  /** Each wrote a file during `astro build`: a table part outside a table, the parser's private-use mark, a line separator in a comment, a Markdown image of a module. */
  const holes: Record<string, string> = {
    'table-part': '<td title={globalThis.process.exit(3)} />',
    'private-use-mark': '{`$\uF002{globalThis.process.exit(3)}`}',
    'line-separator': '{"a" // note\u2028 + globalThis.process.exit(3)\n}',
    'image-module': '![Our logo](./image-module/run.mjs)',
  };

  it('each named with file, line and reason; exit code 1', () => {
    const copy = projectCopy({ contentOnly: true });
    try {
      const front = copy.read('sponsors/cadence-audio.mdx').split('\n---\n')[0]!;
      for (const [name, body] of Object.entries(holes)) copy.write(`sponsors/${name}.mdx`, `${front.replace(/^name: .*$/m, `name: Hole ${name}`)}\n---\n\n## Booth\n\n${body}\n`);
      copy.write('sponsors/image-module/run.mjs', 'process.exit(3);\n');
      const { status, stdout } = runScript('check-content', ['--quiet'], copy.root);
      assert.equal(status, 1, stdout);
      const line = (name: string) => copy.read(`sponsors/${name}.mdx`).split('\n').indexOf('## Booth') + 3;
      for (const name of Object.keys(holes)) assert.match(stdout, new RegExp(`src/content/sponsors/${name}\\.mdx:${line(name)}: `), name);
      assert.match(stdout, /table-part\.mdx:\d+: <td>: raw HTML tables and their parts are not allowed/);
      assert.match(stdout, /private-use-mark\.mdx:\d+: \(hidden character\): U\+F002/);
      assert.match(stdout, /line-separator\.mdx:\d+: \(hidden character\): U\+2028/);
      assert.match(stdout, /image-module\.mdx:\d+: image "\.\/image-module\/run\.mjs": is not an image file beside the sponsor file/);
    } finally {
      copy.remove();
    }
  });

  it('and a body only the compiled-code check refuses is reported by check:content too', async () => {
    // A compile error the source guard does not see (a no-break space as the whole expression).
    const copy = projectCopy({ contentOnly: true });
    try {
      writeFileSync(copy.content('sponsors/cadence-audio.mdx'), `${copy.read('sponsors/cadence-audio.mdx')}\n{\u00a0\n}\n`);
      const { status, stdout } = runScript('check-content', ['--quiet'], copy.root);
      assert.equal(status, 1, stdout);
      assert.match(stdout, /src\/content\/sponsors\/cadence-audio\.mdx: \(MDX compile\): cannot be compiled: /);
    } finally {
      copy.remove();
    }
  });
});
