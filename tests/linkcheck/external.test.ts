/**
 * External mode against a local server (127.0.0.1, started here): each behaviour gets its
 * verdict, and the server counts what the checker sent (requests per URL, HEAD vs GET,
 * requests in flight, nothing on a warm cache).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LinkCache } from '../../scripts/lib/linkcheck/cache.ts';
import { checkExternal } from '../../scripts/lib/linkcheck/external.ts';
import { DEFAULT_EXTERNAL, type ExternalOptions } from '../../scripts/lib/linkcheck/external-options.ts';
import type { ExternalTarget } from '../../scripts/lib/linkcheck/internal.ts';
import { projectRoot } from '../support/project.ts';
import { closedPort, startExtServer } from './ext-server.ts';

type Server = Awaited<ReturnType<typeof startExtServer>>;

/** Targets as the offline pass collects them: one per URL, fragments gathered. */
function targets(hrefs: string[]): ExternalTarget[] {
  const byUrl = new Map<string, ExternalTarget>();
  for (const href of hrefs) {
    const [url = href, fragment] = href.split('#');
    const target = byUrl.get(url) ?? { url, uses: [], fragments: new Set<string>(), skip: false };
    target.uses.push({ page: 'index.html', line: 1, attr: 'a[href]', href });
    if (fragment) target.fragments.add(fragment);
    byUrl.set(url, target);
  }
  return [...byUrl.values()];
}

/** Where each redirecting path leads, so a URL's requests are counted along its chain. */
const CHAINS: Record<string, string[]> = {
  '/moved': ['/landing'],
  '/chain/1': ['/chain/2', '/chain/3'],
  '/loop/a': ['/loop/b'],
  '/jobs/research-intern-1234': ['/careers'],
};

const options = (extra: Partial<ExternalOptions> = {}): ExternalOptions => ({
  ...DEFAULT_EXTERNAL,
  hosts: {},
  timeoutMs: 1500,
  backoffMs: 20,
  ...extra,
});

describe('external check', () => {
  let server: Server;
  before(async () => {
    server = await startExtServer();
  });
  after(() => server.close());

  it('gives each server behaviour its verdict, with the requests it needs', async (t) => {
    const refused = `http://127.0.0.1:${await closedPort()}/job`;
    const b = server.base;
    // path, expected code (ok = no finding), requests the server sees (redirect targets included), methods
    const table: [string, string, number, string][] = [
      ['/ok', 'ok', 1, 'HEAD'],
      ['/moved', 'moved', 2, 'HEAD HEAD'],
      ['/chain/1', 'moved', 3, 'HEAD HEAD HEAD'],
      ['/loop/a', 'redirect-loop', 2, 'HEAD HEAD'],
      ['/missing', 'not-found', 1, 'HEAD'],
      ['/gone', 'gone', 1, 'HEAD'],
      ['/flaky', 'ok', 2, 'HEAD GET'],
      ['/down', 'server-error', 3, 'HEAD GET GET'],
      ['/limited', 'ok', 2, 'HEAD HEAD'],
      ['/limited-long', 'rate-limited', 1, 'HEAD'],
      ['/nohead', 'ok', 2, 'HEAD GET'],
      ['/slow', 'timeout', 3, 'HEAD GET GET'],
      ['/huge', 'ok', 2, 'HEAD GET'],
      ['/blocked', 'unverifiable', 1, 'HEAD'],
      ['/challenge', 'unverifiable', 1, 'HEAD'],
      ['/private', 'forbidden', 2, 'HEAD GET'],
      ['/jobs/research-intern-1234', 'likely-closed', 2, 'HEAD HEAD'],
      ['/frag', 'ok', 1, 'GET'],
    ];
    const hrefs = [...table.map(([path]) => b + path), `${b}/frag#present`, `${b}/frag#absent`, refused];
    const { findings, stats } = await checkExternal(targets(hrefs.filter((h) => !h.endsWith('/frag'))), options());
    const codeOf = (href: string) => findings.find((f) => f.url === href)?.code ?? 'ok';

    t.diagnostic('| behaviour | verdict | severity | requests |');
    for (const [path, code, requests, methods] of table) {
      const href = path === '/frag' ? `${b}/frag#present` : b + path;
      const hits = [path, ...(CHAINS[path] ?? [])].flatMap((p) => server.hits(p));
      const finding = findings.find((f) => f.url === href);
      t.diagnostic(`| ${path} | ${finding?.code ?? 'ok'} | ${finding?.severity ?? '-'} | ${hits.length} |`);
      assert.equal(codeOf(href), code, path);
      assert.equal(hits.length, requests, `${path}: requests`);
      assert.equal(hits.map((h) => h.method).join(' '), methods, `${path}: methods`);
    }
    assert.equal(codeOf(refused), 'unreachable');
    t.diagnostic(`| refused connection | unreachable | error | - |`);

    // Severity decides the exit code: errors and "likely closed" fail, notices never do.
    const severity = (path: string) => findings.find((f) => f.url === b + path)?.severity;
    assert.equal(severity('/missing'), 'error');
    assert.equal(severity('/jobs/research-intern-1234'), 'warning');
    for (const path of ['/moved', '/limited-long', '/blocked', '/challenge']) assert.equal(severity(path), 'notice', path);

    // Fixes are suggested: where a permanent redirect lands.
    assert.equal(findings.find((f) => f.url === `${b}/moved`)?.suggestion, `${b}/landing`);
    assert.equal(findings.find((f) => f.url === `${b}/chain/1`)?.suggestion, `${b}/chain/3`);
    assert.match(findings.find((f) => f.url === `${b}/loop/a`)?.message ?? '', /redirect loop: .*\/loop\/a → .*\/loop\/b → .*\/loop\/a/);

    // One GET for the page, both fragments answered from it.
    assert.equal(codeOf(`${b}/frag#absent`), 'missing-fragment');
    assert.equal(findings.find((f) => f.url === `${b}/frag#absent`)?.severity, 'notice');

    // Retry-After was honoured: the second request came a second after the 429.
    const [first, second] = server.hits('/limited');
    assert.ok(first && second && second.at - first.at >= 900, 'waited for Retry-After');
    // The huge body was not downloaded.
    assert.ok(server.hugeBytes() < 16 * 1024 * 1024, `read ${server.hugeBytes()} bytes of /huge`);
    assert.equal(stats.requests, server.total() + 3, 'the refused URL costs 3 attempts that never reach the server');
  });

  it('reports a redirect to another scheme under the link that led there, never follows it, and goes on', async () => {
    server.reset();
    const paths = ['/to-mailto', '/to-file', '/to-app', '/to-javascript', '/ok'];
    const { findings } = await checkExternal(targets(paths.map((p) => server.base + p)), options());
    const byUrl = new Map(findings.map((f) => [f.url.slice(server.base.length), f]));
    assert.deepEqual([...byUrl.keys()].sort(), ['/to-app', '/to-file', '/to-javascript', '/to-mailto']);
    for (const [path, scheme] of [['/to-mailto', 'mailto:'], ['/to-file', 'file:'], ['/to-app', 'acme-jobs:'], ['/to-javascript', 'javascript:']]) {
      const finding = byUrl.get(path!)!;
      assert.equal(finding.code, 'redirect-scheme', path);
      assert.equal(finding.severity, 'error', path);
      assert.match(finding.message, new RegExp(`redirects to a ${scheme} address`), path);
    }
    assert.equal(byUrl.get('/to-mailto')!.suggestion, 'mailto:jobs@acme.example', 'an address to write instead');
    assert.equal(server.hits('/ok').length, 1, 'the run went on');
  });

  it('keeps at most N requests in flight per host, by default and per host', async () => {
    const urls = Array.from({ length: 12 }, (_, i) => `${server.base}/cap/${i}`);
    server.reset();
    await checkExternal(targets(urls), options({ perHost: 3 }));
    assert.equal(server.maxInFlight(), 3);

    server.reset();
    await checkExternal(targets(urls), options({ perHost: 8, hosts: { '127.0.0.1': { maxInFlight: 2 } } }));
    assert.equal(server.maxInFlight(), 2);
  });

  it('treats a blocked host as unverifiable by policy, and never requests excluded or skipped links', async () => {
    server.reset();
    const { findings } = await checkExternal(targets([`${server.base}/private`]), options({ hosts: { '127.0.0.1': { policy: 'unverifiable' } } }));
    assert.equal(findings[0]?.code, 'unverifiable');

    server.reset();
    const list = targets([`${server.base}/missing`, `${server.base}/gone`, `${server.base}/ok`]);
    list[2]!.skip = true; // an in-content skip marker
    const result = await checkExternal(list, options({ exclude: ['*/missing'], include: [`${server.base}/*`] }));
    assert.deepEqual(result.findings.map((f) => f.code), ['gone']);
    assert.equal(server.hits('/missing').length, 0);
    assert.equal(server.hits('/ok').length, 0);
    assert.equal(result.stats.skipped, 2);
  });

  it('caches successes only: a warm run sends nothing for them and re-checks failures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkcheck-cache-'));
    try {
      const file = join(dir, 'cache.json');
      const hrefs = ['/ok', '/moved', '/frag#present', '/flaky', '/missing', '/limited-long'].map((p) => server.base + p);
      server.reset();
      await checkExternal(targets(hrefs), options({ cache: new LinkCache(file, 60_000) }));
      const stored = Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { entries: object }).entries).sort();
      assert.deepEqual(stored, ['/flaky', '/frag', '/moved', '/ok'].map((p) => server.base + p).sort());

      server.reset();
      const warm = await checkExternal(targets(hrefs), options({ cache: new LinkCache(file, 60_000) }));
      for (const path of ['/ok', '/moved', '/frag', '/flaky']) assert.equal(server.hits(path).length, 0, `${path} from cache`);
      assert.equal(server.hits('/missing').length, 1, 'a failure is checked again');
      assert.equal(warm.stats.fromCache, 4);
      assert.equal(warm.findings.find((f) => f.url === `${server.base}/moved`)?.suggestion, `${server.base}/landing`, 'the cached redirect still says where to');

      server.reset();
      const successesOnly = hrefs.filter((h) => !/missing|limited/.test(h));
      const again = await checkExternal(targets(successesOnly), options({ cache: new LinkCache(file, 60_000) }));
      assert.equal(server.total(), 0, 'a warm run over working links sends no request');
      assert.equal(again.stats.requests, 0);

      server.reset();
      await checkExternal(targets(successesOnly), options({ cache: new LinkCache(file, 0) }));
      assert.equal(server.hits('/ok').length, 1, 'an expired entry is checked again');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the command maps outside problems to the content file and line, honours the skip marker, and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkcheck-ext-'));
    try {
      mkdirSync(join(dir, 'src/content/roles/acme'), { recursive: true });
      mkdirSync(join(dir, 'dist/roles/acme/intern'), { recursive: true });
      writeFileSync(join(dir, 'astro.config.mjs'), "export default { site: 'http://localhost:4321', base: '/' };\n");
      writeFileSync(
        join(dir, 'src/content/roles/acme/intern.yaml'),
        `title: Intern\nlocations:\n  - location: berlin\n    applyUrl: ${server.base}/missing\n  - location: paris\n    applyUrl: ${server.base}/gone # link-check: skip\n`,
      );
      writeFileSync(
        join(dir, 'dist/roles/acme/intern/index.html'),
        `<h1>Intern</h1>\n<a href="${server.base}/ok">Site</a>\n<a href="${server.base}/missing">Apply in Berlin</a>\n<a href="${server.base}/gone">Apply in Paris</a>\n`,
      );
      server.reset();
      // Asynchronously: the server answering the command runs in this process.
      const result = await promisify(execFile)(process.execPath, [join(projectRoot, 'scripts/check-links.ts'), '--root', dir, '--external', '--no-cache', '--json'], {
        env: { ...process.env, CI: 'true', GITHUB_ACTIONS: '' },
      }).then(
        (r) => ({ status: 0, ...r }),
        (error: { code: number; stdout: string; stderr: string }) => ({ status: error.code, stdout: error.stdout, stderr: error.stderr }),
      );
      assert.equal(result.status, 2, result.stderr);
      const report = JSON.parse(result.stdout) as { findings: { code: string; url: string; text: string; source: { file: string; line: number } }[] };
      assert.deepEqual(
        report.findings.map((f) => [f.code, f.source.file, f.source.line, f.text]),
        [['not-found', 'src/content/roles/acme/intern.yaml', 4, 'Apply in Berlin']],
      );
      assert.equal(server.hits('/gone').length, 0, 'skip-marked link not requested');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
