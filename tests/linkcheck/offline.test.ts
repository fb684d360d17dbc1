/**
 * Offline check of a fixture site built under `base: '/ISMIR2020/'` (tests/fixtures/links/
 * base-site): every kind of break is found and reported against the file to edit, and
 * none of the tricky-but-valid links is. Then the CLI: exit codes, --json, GitHub output.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runLinkCheck } from '../../scripts/lib/linkcheck/run.ts';
import { projectRoot } from '../support/project.ts';

const fixture = join(projectRoot, 'tests/fixtures/links/base-site');
const cli = join(projectRoot, 'scripts/check-links.ts');

function checkLinks(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: 'true', GITHUB_ACTIONS: '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// code, URL as written, file to edit and line ("" when the built page is the only place).
const EXPECTED = [
  ['wrapped-url', 'https://urldefense.com/v3/__https://ismir2020.net/program/__;!!Ab12Cd$', 'src/content/conference.yaml:8'],
  ['wrapped-url', 'https://urldefense.proofpoint.com/v2/url?u=https-3A__acme.example_jobs_456&d=DwMFaQ&c=x', 'src/content/roles/acme/research-intern.yaml:5'],
  ['missing-base', '/booths/globex/', 'src/content/sponsors/acme.mdx:10'],
  ['missing-page', '/ISMIR2020/booths/initech/', 'src/content/sponsors/acme.mdx:10'],
  ['missing-fragment', '/ISMIR2020/booths/globex/#careers', 'src/content/sponsors/acme.mdx:12'],
  ['missing-fragment', '#publicatons', 'src/content/sponsors/acme.mdx:12'],
  ['placeholder', '#', 'src/content/sponsors/acme.mdx:14'],
  ['missing-scheme', 'careers@acme.example', 'src/content/sponsors/acme.mdx:16'],
  ['missing-scheme', 'www.acme.example/jobs', 'src/content/sponsors/acme.mdx:16'],
  ['wrapped-url', 'https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme.example%2Fpaper.pdf&data=05%7C01%7C&reserved=0', 'src/content/sponsors/acme.mdx:18'],
  ['wrapped-url', 'https://urldefense.com/v3/__https://acme.example/jobs/123__;!!Ab12Cd$', 'src/content/sponsors/acme.mdx:18'],
  ['missing-file', '/ISMIR2020/files/brochure.pdf', 'src/content/sponsors/acme.mdx:20'],
  ['drive-account', 'https://drive.google.com/drive/u/2/folders/1AbCdEf', 'src/content/sponsors/acme.mdx:20'],
  ['missing-page', '../initech/', 'src/content/sponsors/acme.mdx:22'],
  ['missing-page', '/ISMIR2020/booths/globex-old/', 'src/content/sponsors/globex.mdx:7'],
  ['missing-file', '/ISMIR2020/_astro/missing-logo.png', 'site/booths/acme/index.html:17'],
  ['missing-file', '/ISMIR2020/_astro/gone-960.png', 'site/booths/acme/index.html:18'],
  ['mixed-content', 'http://cdn.acme.example/banner.png', 'site/booths/acme/index.html:19'],
  ['missing-file', '/ISMIR2020/files/demo.mp4', 'site/booths/acme/index.html:20'],
  ['sitemap-missing', 'https://ismir.github.io/ISMIR2020/booths/initech/', 'site/sitemap-0.xml:6'],
  ['sitemap-outside', 'https://ismir.github.io/booths/acme/', 'site/sitemap-0.xml:7'],
];

describe('offline check of a site under a base path', async () => {
  const result = await runLinkCheck({ root: fixture });
  const byUrl = (url: string) => result.findings.filter((f) => f.url === url);

  it('reads base, site and trailing slash from the Astro config, with no flags', () => {
    assert.equal(result.config.base, '/ISMIR2020/');
    assert.equal(result.config.site, 'https://ismir.github.io');
    assert.equal(result.config.trailingSlash, 'always');
    assert.equal(result.counts.pages, 6);
  });

  it('finds every kind of break, each reported against the file to edit', () => {
    const got = result.findings
      .map((f) => [f.code, f.url, `${f.source.file.replace(`${projectRoot}/`, '')}${f.source.line ? `:${f.source.line}` : ''}`])
      .sort((a, b) => a.join(' ').localeCompare(b.join(' ')));
    const want = EXPECTED.map((e) => [...e]).sort((a, b) => a.join(' ').localeCompare(b.join(' ')));
    assert.deepEqual(got, want);
  });

  it('names the built page, attribute, link text, reason and fix', () => {
    const [base] = byUrl('/booths/globex/');
    assert.equal(base?.page, 'booths/acme/index.html');
    assert.equal(base?.attr, 'a[href]');
    assert.equal(base?.text, 'Globex booth');
    assert.match(base?.message ?? '', /outside the site's base path \/ISMIR2020\//);
    assert.equal(base?.suggestion, '/ISMIR2020/booths/globex/');

    const [fragment] = byUrl('#publicatons');
    assert.equal(fragment?.suggestion, '#publications');
    assert.match(fragment?.message ?? '', /ids there: .*#publications/);
    assert.match(byUrl('/ISMIR2020/booths/globex/#careers')[0]?.message ?? '', /no id "careers" on \/ISMIR2020\/booths\/globex\/; ids there: #top, #about, #jobs/);

    assert.equal(byUrl('careers@acme.example')[0]?.suggestion, 'mailto:careers@acme.example');
    assert.equal(byUrl('https://urldefense.com/v3/__https://acme.example/jobs/123__;!!Ab12Cd$')[0]?.suggestion, 'https://acme.example/jobs/123');
    assert.equal(byUrl('https://drive.google.com/drive/u/2/folders/1AbCdEf')[0]?.suggestion, 'https://drive.google.com/drive/folders/1AbCdEf');
    assert.equal(byUrl('/ISMIR2020/_astro/gone-960.png')[0]?.attr, 'img[srcset]');
    // The navigation link from conference.yaml is on every page, and reported once.
    assert.equal(byUrl('https://urldefense.com/v3/__https://ismir2020.net/program/__;!!Ab12Cd$')[0]?.pages, 4);
  });

  it('accepts the tricky-but-valid links', () => {
    const reported = new Set(result.findings.map((f) => f.url));
    for (const fine of [
      '/ISMIR2020/booths/globex', '/ISMIR2020/booths/globex/index.html#jobs', '/ISMIR2020/booths/globex/?utm_source=booth',
      '#caf%C3%A9-corner', '#legacy-anchor', '#top', '#TOP', '/ISMIR2020/files/flyer.pdf#page=2', '/ISMIR2020',
      'https://ismir.github.io/ISMIR2020/booths/globex/#jobs', '../globex/', '/ISMIR2020/booths/globex/#:~:text=Jobs',
      'mailto:sponsors@ismir2020.net', 'tel:+15550100',
      // skipped or not links: data-link-check="skip", an HTML comment, JSON-LD
      '/ISMIR2020/booths/nope/', '/ISMIR2020/booths/nope-json/',
    ]) {
      assert.ok(!reported.has(fine), `${fine} must not be reported`);
    }
    // "#" is a valid link to the top in a template; only the one written in content is a placeholder.
    assert.deepEqual(byUrl('#').map((f) => f.page), ['booths/acme/index.html']);
  });

  it('the same site checked with a wrong base fails on every page link', async () => {
    const wrong = await runLinkCheck({ root: fixture, base: '/' });
    assert.ok(wrong.findings.filter((f) => f.code === 'missing-page').length > 10);
  });
});

describe('check-links command', () => {
  it('exits 1 on breakage in the built site and prints the report grouped by file', () => {
    const { status, stdout } = checkLinks(['--root', fixture]);
    assert.equal(status, 1, stdout);
    assert.match(stdout, /src\/content\/sponsors\/acme\.mdx \(12 problems\)/);
    assert.match(stdout, /line 10 +✗ missing-base {2}\/booths\/globex\//);
    assert.match(stdout, /✗ 21 problems \(21 in the built site, 0 outside\)/);
  });

  it('--json prints the findings and the exit code', () => {
    const { status, stdout } = checkLinks(['--root', fixture, '--json']);
    assert.equal(status, 1);
    const report = JSON.parse(stdout) as { exitCode: number; findings: { code: string; source: { file: string } }[]; summary: { errors: number } };
    assert.equal(report.exitCode, 1);
    assert.equal(report.summary.errors, 21);
    assert.equal(report.findings.length, 21);
  });

  it('on GitHub Actions, writes annotations and a step summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkcheck-gh-'));
    try {
      const summary = join(dir, 'summary.md');
      const { stdout } = checkLinks(['--root', fixture], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
      assert.match(stdout, /^::error file=src\/content\/sponsors\/acme\.mdx,line=10,title=Link check%3A missing-base::\/booths\/globex\/: outside the site's base path.* \[on booths\/acme\/index\.html; docs\/links\.md#missing-base\]$/m);
      const markdown = readFileSync(summary, 'utf8');
      assert.match(markdown, /^## Link check/m);
      assert.match(markdown, /\| src\/content\/sponsors\/acme\.mdx:10 \| error \[missing-base\]\(docs\/links\.md#missing-base\) \| \/booths\/globex\/: outside/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 0 on a clean site and 3 on a usage or configuration error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkcheck-clean-'));
    try {
      mkdirSync(join(dir, 'dist', 'a'), { recursive: true });
      writeFileSync(join(dir, 'dist', 'index.html'), '<a href="/a/#x">a</a> <a href="#">top</a>');
      writeFileSync(join(dir, 'dist', 'a', 'index.html'), '<h1 id="x">A</h1><a href="../">home</a>');
      const clean = checkLinks(['--root', dir]);
      assert.equal(clean.status, 0, clean.stdout);
      assert.match(clean.stdout, /✓ no broken links/);

      assert.equal(checkLinks(['--root', dir, '--no-such-flag']).status, 3);
      assert.equal(checkLinks(['--root', dir, '--exclude', 'x']).status, 3, 'outside-link flags without --external');
      assert.equal(checkLinks(['--root', dir, '--close-roles']).status, 3, '--close-roles without --external');
      const misspelt = checkLinks(['--root', dir, '--external', '--ats-api', 'greenhose=http://127.0.0.1:9']);
      assert.equal(misspelt.status, 3);
      assert.match(misspelt.stderr, /--ats-api: unknown applicant-tracking system "greenhose"; expected one of greenhouse, lever, ashby, workable, smartrecruiters\. Did you mean "greenhouse"\?/);
      assert.match(checkLinks(['--root', dir, '--external', '--ats-api', 'lever=ftp://proxy']).stderr, /--ats-api: "ftp:\/\/proxy" is not an http\(s\) address/);
      const missing = checkLinks(['--root', dir, '--dist', join(dir, 'nothing-here')]);
      assert.equal(missing.status, 3);
      assert.match(missing.stderr, /no built site at .*run `npm run build` first/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
