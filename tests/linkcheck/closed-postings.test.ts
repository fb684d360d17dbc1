/**
 * Roles that closed at the company, found by the external check against servers on
 * 127.0.0.1: the five ATS posting APIs (ats-server.ts), pages that say so in several
 * languages and encodings, and redirects to a search page; the open postings beside them are
 * never reported. Then the command end to end: each closed role reported under its role file
 * with its evidence, --close-roles writing status: closed into exactly those files, and
 * hostile answers (a drip, a bomb, an address that is none, a long chain) ending the same way
 * as any other failure.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { atsNames, atsPosting, type AtsName } from '../../scripts/lib/linkcheck/ats.ts';
import { closedRoleText } from '../../scripts/lib/linkcheck/closed-roles.ts';
import { checkExternal } from '../../scripts/lib/linkcheck/external.ts';
import { DEFAULT_EXTERNAL, type ExternalOptions } from '../../scripts/lib/linkcheck/external-options.ts';
import type { ExternalTarget } from '../../scripts/lib/linkcheck/internal.ts';
import { projectRoot } from '../support/project.ts';
import { POSTINGS, startAtsServers, type AtsServers } from './ats-server.ts';
import { startExtServer } from './ext-server.ts';
import { startRawServer } from './raw-server.ts';

type Server = Awaited<ReturnType<typeof startExtServer>>;

/** Targets as run.ts hands them over: apply links of roles are postings. */
function targets(postings: string[], others: string[] = []): ExternalTarget[] {
  const target = (url: string, posting: boolean): ExternalTarget => ({ url, uses: [{ page: 'roles/index.html', line: 1, attr: 'a[href]', href: url }], fragments: new Set(), skip: false, posting });
  return [...postings.map((u) => target(u, true)), ...others.map((u) => target(u, false))];
}

const options = (ats: AtsServers, extra: Partial<ExternalOptions> = {}): ExternalOptions => ({
  ...DEFAULT_EXTERNAL,
  hosts: {},
  timeoutMs: 1500,
  backoffMs: 20,
  ats: {
    apis: Object.fromEntries(atsNames.map((name) => [name, ats.base[name]])),
    hosts: Object.fromEntries(atsNames.map((name) => [ats.base[name].slice('http://'.length), name])),
  },
  ...extra,
});

describe('closed postings', () => {
  let server: Server;
  let ats: AtsServers;
  before(async () => {
    [server, ats] = await Promise.all([startExtServer(), startAtsServers()]);
  });
  after(() => Promise.all([server.close(), ats.close()]));

  it('knows a posting of each ATS by its address, and no other page of it', () => {
    const settings = { apis: {}, hosts: {} };
    const cases: [string, AtsName, string, string][] = [
      ['https://boards.greenhouse.io/acme/jobs/4012001', 'greenhouse', 'acme', '4012001'],
      ['https://job-boards.eu.greenhouse.io/acme/jobs/4012001?gh_src=x', 'greenhouse', 'acme', '4012001'],
      ['https://boards.greenhouse.io/embed/job_app?for=acme&token=4012001', 'greenhouse', 'acme', '4012001'],
      ['https://jobs.lever.co/acme/5a1f0c3e-1111-4a2b-9c3d-000000000001/apply', 'lever', 'acme', '5a1f0c3e-1111-4a2b-9c3d-000000000001'],
      ['https://jobs.ashbyhq.com/acme/0c9e6d1a-2222-4b3c-8d4e-000000000001/application', 'ashby', 'acme', '0c9e6d1a-2222-4b3c-8d4e-000000000001'],
      ['https://apply.workable.com/acme/j/AB12CD34EF/', 'workable', 'acme', 'AB12CD34EF'],
      ['https://acme.workable.com/jobs/724378555', 'workable', 'acme', '724378555'],
      ['https://jobs.smartrecruiters.com/Acme/743999100000001-research-intern', 'smartrecruiters', 'Acme', '743999100000001'],
    ];
    for (const [url, name, board, posting] of cases) {
      assert.deepEqual(atsPosting(new URL(url), settings), { ats: name, board, posting, api: atsPosting(new URL(url), settings)!.api }, url);
    }
    assert.equal(atsPosting(new URL('https://boards.greenhouse.io/acme'), settings), undefined, 'a board page is no posting');
    assert.equal(atsPosting(new URL('https://jobs.lever.co/acme'), settings), undefined);
    assert.equal(atsPosting(new URL('https://acme.example/jobs/4012001'), settings), undefined, 'not an ATS host');
    assert.equal(atsPosting(new URL('https://jobs.eu.lever.co/acme/5a1f0c3e-1111-4a2b-9c3d-000000000001'), settings)?.api, 'https://api.eu.lever.co');
    assert.equal(atsPosting(new URL('https://jobs.lever.co/acme/5a1f0c3e-1111-4a2b-9c3d-000000000001'), { apis: { lever: 'http://proxy.example/lever/' }, hosts: {} })?.api, 'http://proxy.example/lever', '--ats-api replaces the API');
  });

  it('asks each ATS\'s posting API: closed postings are reported with its answer, open ones are not', async () => {
    const open = atsNames.flatMap((name) => POSTINGS[name].open.map((id) => ats.link(name, id)));
    const closed = atsNames.flatMap((name) => POSTINGS[name].closed.map((id) => ats.link(name, id)));
    const gone = `${ats.base.greenhouse}/gone-co/jobs/4019999`;
    const { findings } = await checkExternal(targets([...open, ...closed, gone]), options(ats));
    assert.deepEqual(findings.map((f) => f.url).sort(), [...closed, gone].sort(), 'exactly the closed postings');
    for (const f of findings) {
      assert.equal(f.code, 'posting-closed', f.url);
      assert.equal(f.severity, 'warning', f.url);
      assert.equal(f.closed?.by, 'ats', f.url);
    }
    const evidence = (name: AtsName) => findings.find((f) => f.url === ats.link(name, POSTINGS[name].closed[0]!))!.closed!.evidence;
    assert.equal(evidence('greenhouse'), `Greenhouse's list of open postings of "acme" no longer has posting 4012003 (${ats.base.greenhouse}/v1/boards/acme/jobs)`);
    assert.equal(evidence('lever'), `Lever's posting API answers HTTP 404 for posting 5a1f0c3e-1111-4a2b-9c3d-000000000002 of "acme" (${ats.base.lever}/v0/postings/acme/5a1f0c3e-1111-4a2b-9c3d-000000000002?mode=json)`);
    assert.match(evidence('ashby'), /^Ashby's list of open postings of "acme" no longer has posting 0c9e6d1a-/);
    assert.match(evidence('workable'), /^Workable's list of open postings of "acme" no longer has posting ZZ99YY88XX/);
    assert.match(evidence('smartrecruiters'), /^SmartRecruiters's posting API answers HTTP 404 for posting 743999100000002 of "Acme"/);
    assert.match(findings.find((f) => f.url === gone)!.closed!.evidence, /^Greenhouse has no job board "gone-co" any more \(HTTP 404/);
    // One list per board however many of its postings are linked; a closed posting's own page is not requested.
    assert.equal(ats.hits('greenhouse', '/v1/boards/acme/jobs'), 1);
    assert.equal(ats.hits('greenhouse', '/acme/jobs/4012003'), 0);
    assert.equal(ats.hits('greenhouse', '/acme/jobs/4012001'), 1, 'an open posting\'s page is still checked');
  });

  it('asks an ATS only about apply links: the same address elsewhere is an ordinary link', async () => {
    const link = ats.link('workable', POSTINGS.workable.closed[0]!);
    const { findings } = await checkExternal(targets([], [link]), options(ats));
    assert.deepEqual(findings, []);
  });

  it('reads the words of a page that answers 200, in several languages and encodings; script, template and hidden text do not count', async () => {
    server.reset();
    const b = server.base;
    const saying: Record<string, string> = {
      '/jobs/closed-en': 'no longer accepting applications',
      '/jobs/closed-fr': "cette offre n'est plus disponible",
      '/jobs/closed-ja': 'この求人は終了しました',
      '/jobs/closed-de-latin1': 'diese stelle ist nicht mehr verfügbar',
      '/jobs/closed-gzip': 'this job is no longer available',
      '/jobs/unknown-charset': 'this job has expired',
    };
    const { findings } = await checkExternal(targets([...Object.keys(saying), '/jobs/open-with-script', '/ok'].map((p) => b + p), [`${b}/jobs/closed-en?as=link`]), options(ats));
    assert.deepEqual(findings.map((f) => f.url.slice(b.length)).sort(), Object.keys(saying).sort(), 'the open postings and the ordinary link are not reported');
    for (const [path, phrase] of Object.entries(saying)) {
      const finding = findings.find((f) => f.url === b + path)!;
      assert.deepEqual([finding.code, finding.closed], ['posting-closed', { by: 'page-text', evidence: `its page says "${phrase}"` }], path);
    }
  });

  it('takes a redirect from a posting to a search page or the careers home for closed, with where it went', async () => {
    server.reset();
    const { findings } = await checkExternal(targets([`${server.base}/jobs/9876`, `${server.base}/jobs/research-intern-1234`]), options(ats));
    assert.deepEqual(findings.map((f) => [f.url.slice(server.base.length), f.code, f.closed?.by]).sort(), [
      ['/jobs/9876', 'likely-closed', 'redirect'],
      ['/jobs/research-intern-1234', 'likely-closed', 'redirect'],
    ]);
    assert.equal(findings.find((f) => f.url.endsWith('/9876'))!.closed!.evidence, `it redirects to ${server.base}/jobs/search?q=research+intern, a general page`);
  });

  it('ends a dripping page, a compressed bomb, an address that is none and a long chain as failures, and goes on', async () => {
    server.reset();
    const b = server.base;
    const started = Date.now();
    const { findings } = await checkExternal(targets([`${b}/jobs/drip`, `${b}/jobs/bomb`], [`${b}/bad-location`, `${b}/hop/1`, `${b}/ok`]), options(ats, { retries: 0 }));
    const codeOf = (path: string) => findings.find((f) => f.url === b + path)?.code ?? 'ok';
    assert.equal(codeOf('/jobs/drip'), 'timeout');
    assert.equal(codeOf('/jobs/bomb'), 'ok', 'read up to the limit, no phrase in it');
    assert.equal(codeOf('/bad-location'), 'bad-redirect');
    assert.equal(codeOf('/hop/1'), 'too-many-redirects');
    assert.equal(codeOf('/ok'), 'ok');
    assert.ok(Date.now() - started < 20_000, 'nothing waits for ever');
  });

  it('ends answers that are not HTTP, or not as HTTP says, as failures of their link, and reads pages in any declared charset', async () => {
    const raw = await startRawServer();
    try {
      const b = raw.base;
      const { findings } = await checkExternal(
        targets(['/utf16', '/shift-jis'].map((p) => b + p), ['/bad-status', '/not-http', '/huge-header', '/header-drip', '/empty-location', '/to-data'].map((p) => b + p)),
        options(ats, { retries: 0 }),
      );
      const seen = Object.fromEntries(findings.map((f) => [f.url.slice(b.length), [f.code, f.closed?.evidence ?? f.message]]));
      assert.deepEqual(seen, {
        '/bad-status': ['unreachable', 'HPE_INVALID_STATUS'],
        '/not-http': ['unreachable', 'HPE_INVALID_CONSTANT'],
        '/huge-header': ['unreachable', 'HPE_HEADER_OVERFLOW'],
        '/header-drip': ['timeout', 'no answer within the time limit'],
        '/empty-location': ['bad-redirect', 'redirects to an invalid address: ""'],
        '/to-data': ['redirect-scheme', 'redirects to a data: address (data:text/html,<h1>Apply</h1>), not a web page; the redirect was not followed'],
        '/utf16': ['posting-closed', 'its page says "this position has been filled"'],
        '/shift-jis': ['posting-closed', 'its page says "この求人は終了しました"'],
      });
      // An ATS answer nested half a million deep is not a list: a notice, and the page is checked.
      const deep = await checkExternal(targets([`${b}/acme/jobs/1`]), options(ats, { ats: { apis: { greenhouse: `${b}/api-deep` }, hosts: { [raw.host]: 'greenhouse' } } }));
      assert.deepEqual(deep.findings.map((f) => f.code), ['ats-unanswered']);
    } finally {
      await raw.close();
    }
  });

  it('says so, without failing, when an ATS gives an answer that is not its list', async () => {
    // Point Greenhouse's API at a server that answers HTML: the page is checked, the question stays open.
    const { findings } = await checkExternal(targets([ats.link('greenhouse', '4012003')]), options(ats, { ats: { apis: { greenhouse: server.base }, hosts: { [ats.base.greenhouse.slice(7)]: 'greenhouse' } } }));
    assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['ats-unanswered', 'notice']]);
    assert.match(findings[0]!.message, /^Greenhouse's posting API answered HTTP 404 without the expected list or posting/);
  });
});

describe('the command: closed roles under their role files, and --close-roles', () => {
  let ats: AtsServers;
  let dir: string;
  before(async () => {
    ats = await startAtsServers();
    dir = mkdtempSync(join(tmpdir(), 'closed-roles-'));
  });
  after(async () => {
    await ats.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports each closed role with its evidence, closes exactly those with --close-roles, and leaves the others as they were', async () => {
    const role = (title: string, places: string[], extra = '') =>
      [`# ${title}: a comment that must survive`, `title: ${title}`, 'employmentType: internship', 'locations:', ...places.flatMap((url, i) => [`  - location: place-${i} # a place`, `    applyUrl: ${url}`]), extra, 'researchAreas: [ml]', 'requirements: PhD student', 'datePosted: 2027-01-10', ''].join('\n');
    const files: Record<string, string> = {
      // Every posting closed: closed by the command.
      'acme/closed-greenhouse.yaml': role('Closed Greenhouse', [ats.link('greenhouse', '4012003')]),
      'acme/closed-two.yaml': role('Closed Two', [ats.link('lever', POSTINGS.lever.closed[0]!), ats.link('smartrecruiters', POSTINGS.smartrecruiters.closed[0]!)], 'status: open # as posted'),
      // Open, and one of two closed: left as they are.
      'acme/open-ashby.yaml': role('Open Ashby', [ats.link('ashby', POSTINGS.ashby.open[0]!)]),
      'beta/partly.yaml': role('Partly', [ats.link('workable', POSTINGS.workable.closed[0]!), ats.link('workable', POSTINGS.workable.open[0]!)]),
    };
    mkdirSync(join(dir, 'src/content/roles/acme'), { recursive: true });
    mkdirSync(join(dir, 'src/content/roles/beta'), { recursive: true });
    mkdirSync(join(dir, 'src/content/sponsors'), { recursive: true });
    mkdirSync(join(dir, 'dist/roles'), { recursive: true });
    writeFileSync(join(dir, 'astro.config.mjs'), "export default { site: 'http://localhost:4321', base: '/' };\n");
    writeFileSync(join(dir, 'src/content/sponsors/acme.mdx'), '---\nname: Acme Audio\n---\n');
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, 'src/content/roles', file), text);
    const links = Object.values(files).flatMap((text) => [...text.matchAll(/applyUrl: (\S+)/g)].map((m) => m[1]!));
    writeFileSync(join(dir, 'dist/roles/index.html'), `<h1>Open roles</h1>\n${links.map((url, i) => `<a href="${url}">Apply ${i}</a>`).join('\n')}\n`);

    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, [join(projectRoot, 'scripts/check-links.ts'), '--root', dir, '--external', '--no-cache', '--json', ...ats.flags, ...args], {
        env: { ...process.env, CI: 'true', GITHUB_ACTIONS: '', BOOTHKIT_BUILD_DATE: '2027-02-01' },
      }).then(
        (r) => ({ status: 0, ...r }),
        (error: { code: number; stdout: string; stderr: string }) => ({ status: error.code, stdout: error.stdout, stderr: error.stderr }),
      );

    // Without --close-roles: reported, nothing written.
    const report = await run(['--markdown', join(dir, 'issue.md')]);
    assert.equal(report.status, 2, report.stderr);
    const json = JSON.parse(report.stdout) as {
      findings: { code: string; source: { file: string; line: number }; closed?: { by: string; evidence: string } }[];
      closedRoles: { closed: { file: string; postings: unknown[] }[]; partly: { file: string; open: string[] }[] };
    };
    assert.deepEqual(
      json.findings.map((f) => [f.code, f.source.file, f.source.line, f.closed?.by]),
      [
        ['posting-closed', 'src/content/roles/acme/closed-greenhouse.yaml', 6, 'ats'],
        ['posting-closed', 'src/content/roles/acme/closed-two.yaml', 6, 'ats'],
        ['posting-closed', 'src/content/roles/acme/closed-two.yaml', 8, 'ats'],
        ['posting-closed', 'src/content/roles/beta/partly.yaml', 6, 'ats'],
      ],
    );
    assert.deepEqual(json.closedRoles.closed.map((r) => [r.file, r.postings.length]), [['src/content/roles/acme/closed-greenhouse.yaml', 1], ['src/content/roles/acme/closed-two.yaml', 2]]);
    assert.deepEqual(json.closedRoles.partly.map((r) => [r.file, r.open]), [['src/content/roles/beta/partly.yaml', [ats.link('workable', POSTINGS.workable.open[0]!)]]]);
    for (const [file, text] of Object.entries(files)) assert.equal(readFileSync(join(dir, 'src/content/roles', file), 'utf8'), text, `${file} untouched without --close-roles`);
    const issue = readFileSync(join(dir, 'issue.md'), 'utf8');
    assert.match(issue, /### Acme Audio\n- \*\*Closed at the company\*\*: `src\/content\/roles\/acme\/closed-greenhouse\.yaml`/);
    assert.match(issue, /### beta\n- \*\*Some postings closed\*\* \(1 still open\)/);
    assert.match(issue, /`npm run check:links -- --external --close-roles` writes `status: closed`/);

    // With --close-roles: exactly the closed roles get status: closed; nothing else changes.
    const closing = await run(['--close-roles']);
    assert.equal(closing.status, 2, closing.stderr);
    assert.match(closing.stderr, /✓ closed src\/content\/roles\/acme\/closed-greenhouse\.yaml \(status: closed\)\n✓ closed src\/content\/roles\/acme\/closed-two\.yaml \(status: closed\)\n/);
    const note = '# closed at the company (npm run check:links, 2027-02-01)';
    assert.equal(readFileSync(join(dir, 'src/content/roles/acme/closed-greenhouse.yaml'), 'utf8'), files['acme/closed-greenhouse.yaml']!.replace('datePosted: 2027-01-10\n', `datePosted: 2027-01-10\nstatus: closed ${note}\n`));
    assert.equal(readFileSync(join(dir, 'src/content/roles/acme/closed-two.yaml'), 'utf8'), files['acme/closed-two.yaml']!.replace('status: open # as posted', `status: closed ${note}`));
    for (const file of ['acme/open-ashby.yaml', 'beta/partly.yaml']) assert.equal(readFileSync(join(dir, 'src/content/roles', file), 'utf8'), files[file], `${file} untouched`);
  });

  it('changes nothing but the status, whatever the file looks like, and refuses what is not a role', () => {
    for (const text of ['title: A # t\nstatus: open # note\ndatePosted: 2020-10-05\n', 'title: A\r\nresearchAreas:\r\n  - a\r\n# trailing comment\r\n', 'title: A\ndescription: |\n  One.\n  Two.\n', '---\ntitle: A\n...\n']) {
      const after = closedRoleText(text, 'x');
      assert.deepEqual(parse(after), { ...(parse(text) as object), status: 'closed' }, text);
      assert.equal(after.split(/\r?\n/).filter((l) => !l.startsWith('status:')).join('\n'), text.split(/\r?\n/).filter((l) => !l.startsWith('status:')).join('\n'), 'every other line kept');
    }
    assert.throws(() => closedRoleText('- a\n- b\n', 'x'), /not a YAML mapping/);
  });
});
