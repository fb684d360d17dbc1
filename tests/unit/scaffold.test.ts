/**
 * `npm run new:sponsor` and `npm run new:role` without a terminal: flags only. What they
 * write passes the content check at once; they never overwrite; every bad answer is refused
 * with a did-you-mean before anything is written.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkContent } from '../../src/lib/content-check.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { projectCopy, type ProjectCopy, runScript } from '../support/project.ts';
import { parseSalary } from '../../scripts/lib/role-input.ts';

const env = { BOOTHKIT_BUILD_DATE: '2026-01-15' };
const acme = ['--name', 'Acme Audio', '--tier', 'gold', '--website', 'https://acme.example'];

/** Runs `fn` on a fresh copy of the demo content and removes it afterwards. */
function withCopy(fn: (copy: ProjectCopy) => void) {
  const copy = projectCopy({ contentOnly: true });
  try {
    fn(copy);
  } finally {
    copy.remove();
  }
}

describe('new:sponsor', () => {
  it('writes a sponsor, a text logo and a draft example role that pass the content check', () => {
    withCopy((copy) => {
      const result = runScript('new-sponsor', acme, copy.root, env);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(
        result.stdout.replace(/\(\d+ sponsors, \d+ roles\)/, '(N sponsors, N roles)'),
        [
          '✓ Created the sponsor Acme Audio (Gold): 3 files',
          '  src/content/sponsors/acme-audio.mdx',
          '  src/content/sponsors/acme-audio/logo.svg           a text placeholder: replace it with your logo',
          '  src/content/roles/acme-audio/research-intern.yaml  an example role: a draft until you fill it in',
          '✓ Content check passed (N sponsors, N roles).',
          '',
          'Next:',
          '  1. Edit src/content/sponsors/acme-audio.mdx: the summary, the booth text, and the logo file.',
          '  2. Fill in the example role, or add others: npm run new:role -- --sponsor acme-audio --title "…" --type internship',
          '  3. npm start, then open http://localhost:4321/booths/acme-audio/',
          '',
        ].join('\n'),
      );
      const check = checkContent(copy.root, { today: '2026-01-15' });
      assert.deepEqual(check.problems.map(formatProblem), []);
      const sponsor = check.model!.sponsors.find((s) => s.id === 'acme-audio')!;
      assert.equal(sponsor.name, 'Acme Audio');
      assert.equal(sponsor.tierInfo.id, 'gold');
      assert.equal(sponsor.summary, 'Acme Audio is a Gold sponsor of ISMIR 2020.');
      // The example role is a draft: checked, but on no page.
      assert.match(copy.read('roles/acme-audio/research-intern.yaml'), /^draft: true$/m);
      assert.equal(check.model!.roles.filter((r) => r.sponsor.id === 'acme-audio').length, 0);
    });
  });

  it('never overwrites: a second run is refused and changes nothing', () => {
    withCopy((copy) => {
      assert.equal(runScript('new-sponsor', acme, copy.root, env).status, 0);
      const before = copy.read('sponsors/acme-audio.mdx');
      const again = runScript('new-sponsor', [...acme, '--summary', 'Other text.'], copy.root, env);
      assert.equal(again.status, 1);
      assert.equal(again.stderr, '✗ a sponsor "acme-audio" exists already (src/content/sponsors/acme-audio.mdx); choose another --id, or pass --force to replace its files (docs/errors.md#bad-answers)\n');
      assert.equal(copy.read('sponsors/acme-audio.mdx'), before);
      // The demo's own sponsors are protected the same way, whatever the case of the name.
      const spotify = runScript('new-sponsor', ['--name', 'SPOTIFY', '--tier', 'platinum', '--website', 'https://spotify.example'], copy.root, env);
      assert.equal(spotify.status, 1);
      assert.match(spotify.stderr, /a sponsor "spotify" exists already/);
    });
  });

  it('rejects a bad tier and a bad website together, with a did-you-mean, and writes nothing', () => {
    withCopy((copy) => {
      const result = runScript('new-sponsor', ['--name', 'Acme Audio', '--tier', 'platnum', '--website', 'acme.example'], copy.root, env);
      assert.equal(result.status, 1);
      assert.equal(
        result.stderr,
        [
          '✗ 2 problems; nothing was written:',
          '  - unknown tier "platnum"; expected one of platinum, gold, silver, bronze (from src/content/tiers.yaml). Did you mean "platinum"?',
          '  - the website "acme.example" is not an absolute http(s) URL such as "https://example.com/jobs/123"',
          '(docs/errors.md#bad-answers)',
          '',
        ].join('\n'),
      );
      assert.equal(existsSync(copy.content('sponsors/acme-audio.mdx')), false);
    });
  });

  it('only accepts tiers of the main programme and ids that are not pages of the site', () => {
    withCopy((copy) => {
      const wimir = runScript('new-sponsor', [...acme.slice(0, 2), '--tier', 'wimir-champion', '--website', 'https://acme.example'], copy.root, env);
      assert.equal(wimir.status, 1);
      assert.match(wimir.stderr, /unknown tier "wimir-champion"; expected one of platinum, gold, silver, bronze/);
      const reserved = runScript('new-sponsor', ['--name', 'Page', '--tier', 'gold', '--website', 'https://page.example'], copy.root, env);
      assert.match(reserved.stderr, /"page" cannot name a sponsor: \/roles\/page\/ is a page of the roles board/);
    });
  });

  it('without a terminal, names every missing flag at once', () => {
    withCopy((copy) => {
      const result = runScript('new-sponsor', ['--tier', 'gold'], copy.root, env);
      assert.equal(result.status, 1);
      assert.equal(result.stderr, '✗ missing --name, --website; pass them as flags, or run the command in a terminal to be asked (see --help) (docs/errors.md#missing-answers)\n');
    });
  });
});

describe('new:role', () => {
  const role = ['--sponsor', 'spotify', '--title', 'Research Scientist', '--type', 'full-time', '--location', 'london=https://jobs.example/1', '--location', 'Germany:remote=https://jobs.example/2', '--area', 'ML,Search & Recommendation', '--requirements', 'PhD in a relevant field'];

  it('writes a complete role, published at once with aliases resolved to ids', () => {
    withCopy((copy) => {
      const result = runScript('new-role', role, copy.root, env);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /^✓ Created the role "Research Scientist" at Spotify:\n {2}src\/content\/roles\/spotify\/research-scientist\.yaml {2}closes 2026-04-15\n✓ Content check passed/);
      const check = checkContent(copy.root, { today: '2026-01-15' });
      assert.deepEqual(check.problems.map(formatProblem), []);
      assert.deepEqual(check.warnings.filter((w) => w.file.endsWith('research-scientist.yaml')), []);
      const written = check.model!.roles.find((r) => r.id === 'spotify/research-scientist')!;
      assert.deepEqual(
        written.places.map((p) => [p.location.id, p.workplace, p.applyUrl]),
        [
          ['london', 'onsite', 'https://jobs.example/1'],
          ['germany', 'remote', 'https://jobs.example/2'],
        ],
      );
      assert.deepEqual(written.areas.map((a) => a.id), ['machine-learning', 'search-recommendations']);
      assert.equal(written.validThrough, '2026-04-15');
      assert.equal(written.state, 'open');
    });
  });

  it('asks for pay, visa and relocation, and a remote region or time-zone band, as the role file types them', () => {
    withCopy((copy) => {
      const decided = ['--salary', '€50k–60k a year', '--visa', 'Case by case', '--relocation', 'yes', '--location', 'europe=https://jobs.example/3', '--location', 'Americas time zones=https://jobs.example/4'];
      const result = runScript('new-role', [...role, ...decided], copy.root, env);
      assert.equal(result.status, 0, result.stderr);
      const text = copy.read('roles/spotify/research-scientist.yaml');
      assert.match(text, /^salary: \{ currency: EUR, min: 50000, max: 60000, per: year \}$/m);
      assert.match(text, /^visaSponsorship: case-by-case # /m);
      assert.match(text, /^relocation: yes # /m);
      const written = checkContent(copy.root, { today: '2026-01-15' }).model!.roles.find((r) => r.id === 'spotify/research-scientist')!;
      // A region or a time-zone band can only be remote: the command says so in the file.
      assert.deepEqual(written.places.slice(2).map((p) => [p.location.id, p.workplace]), [['europe', 'remote'], ['americas-time-zones', 'remote']]);
      assert.deepEqual([written.salary, written.visaSponsorship, written.relocation], [{ currency: 'EUR', min: 50000, max: 60000, per: 'year' }, 'case-by-case', 'yes']);

      // Without them the file shows how to write them, as comments.
      assert.equal(runScript('new-role', ['--sponsor', 'spotify', '--title', 'Audio Intern', '--type', 'internship', '--location', 'london=https://jobs.example/5'], copy.root, env).status, 0);
      assert.match(copy.read('roles/spotify/audio-intern.yaml'), /^# salary: \{ currency: EUR, min: 50000, max: 60000, per: year \} # ISO 4217 currency; per hour, day, week, month or year\n# visaSponsorship: case-by-case # .*\n# relocation: yes # /m);

      const refused = runScript('new-role', [...role, '--title', 'Other', '--salary', '$45 per hour', '--visa', 'mayb', '--location', 'europe:hybrid=https://jobs.example/6'], copy.root, env);
      assert.equal(refused.status, 1);
      assert.equal(
        refused.stderr,
        [
          '✗ 3 problems; nothing was written:',
          '  - "europe" in "europe:hybrid=https://jobs.example/6" is a region: a role is held there only remotely; write europe:remote, or name a city or a country',
          '  - the salary "$45 per hour" uses a sign that names several currencies; write the ISO 4217 code instead, e.g. USD, CAD, AUD, JPY or CNY',
          '  - unknown visa sponsorship answer "mayb"; expected one of yes, no, case-by-case',
          '(docs/errors.md#bad-answers)',
          '',
        ].join('\n'),
      );
    });
  });

  it('reads pay as people write it: a currency code or sign, an amount or a range, a period', () => {
    const cases: [string, unknown][] = [
      ['EUR 50,000-60,000 per year', { currency: 'EUR', min: 50000, max: 60000, per: 'year' }],
      ['€50k–60k a year', { currency: 'EUR', min: 50000, max: 60000, per: 'year' }],
      ['from 2200 EUR/month', { currency: 'EUR', min: 2200, per: 'month' }],
      ['up to GBP 30 an hour', { currency: 'GBP', max: 30, per: 'hour' }],
      ['CAD 32 to 38 per hour', { currency: 'CAD', min: 32, max: 38, per: 'hour' }],
      ['45 usd hourly', { currency: 'USD', min: 45, max: 45, per: 'hour' }],
    ];
    for (const [text, salary] of cases) assert.deepEqual(parseSalary(text), { value: salary }, text);
    const error = (text: string) => (parseSalary(text) as { error: string }).error;
    assert.match(error('USD 45'), /says no period/);
    assert.match(error('competitive'), /names no currency/);
    assert.equal(error('50000 EOR per year'), 'the salary\'s currency is "EOR"; expected an ISO 4217 currency code such as "EUR" or "USD". Did you mean "EUR"?');
    assert.match(error('60000-50000 EUR per year'), /write the lower amount first/);
  });

  it('writes a draft with TODO lines when places, areas and requirements are missing', () => {
    withCopy((copy) => {
      const result = runScript('new-role', ['--sponsor', 'spotify', '--title', 'Data Engineer', '--type', 'full-time'], copy.root, env);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /TODO: places, apply links, research areas, requirements/);
      const text = copy.read('roles/spotify/data-engineer.yaml');
      assert.match(text, /^draft: true$/m);
      assert.equal(text.match(/# TODO: a stand-in value; replace it/g)?.length, 4);
      // The stand-in apply link is the sponsor's careers page, never an invented address.
      assert.match(text, /applyUrl: https:\/\/www\.spotifyjobs\.com # TODO/);
      assert.deepEqual(checkContent(copy.root, { today: '2026-01-15' }).problems, []);
    });
  });

  it('reports every bad answer at once and writes nothing', () => {
    withCopy((copy) => {
      const result = runScript('new-role', ['--sponsor', 'spotfy', '--title', 'X', '--type', 'fulltime', '--location', 'londn', '--area', 'mchine-learning', '--posted', '2026-13-01'], copy.root, env);
      assert.equal(result.status, 1);
      assert.equal(
        result.stderr,
        [
          '✗ 5 problems; nothing was written:',
          '  - no sponsor "spotfy" (no file src/content/sponsors/spotfy.mdx). Did you mean "spotify"?',
          '  - unknown role type "fulltime"; expected one of internship, full-time, part-time, contract, postdoc, phd-studentship, fellowship, other. Did you mean "full-time"?',
          '  - unknown location "londn"; use an id, label or alias from src/content/locations.yaml (new-york, boston, san-francisco, london, paris, berlin, stockholm, tokyo, barcelona, montreal, germany, united-kingdom, europe, european-time-zones, americas-time-zones), or add the place there first. Did you mean "london"?',
          '  - unknown research area "mchine-learning"; use an id, label or alias from src/content/areas.yaml, or add it there first. Did you mean "machine-learning"?',
          '  - the posting date "2026-13-01" is not a date written as YYYY-MM-DD',
          '(docs/errors.md#bad-answers)',
          '',
        ].join('\n'),
      );
      assert.equal(existsSync(copy.content('roles/spotfy')), false);
    });
  });

  it('refuses an apply link wrapped by a mail filter, with the clean link; keeps tracking parameters', () => {
    withCopy((copy) => {
      const wrapped = 'https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fjobs.example%2F1%3Futm_source%3Dismir&data=05';
      const refused = runScript('new-role', ['--sponsor', 'spotify', '--title', 'Audio Intern', '--type', 'internship', '--location', `london=${wrapped}`], copy.root, env);
      assert.equal(refused.status, 1);
      assert.equal(refused.stderr, `✗ the apply link for london "${wrapped}" is wrapped in an Outlook safelinks redirect, which expires and tracks clicks; use the address inside: "https://jobs.example/1?utm_source=ismir" (docs/errors.md#bad-answers)\n`);
      assert.equal(existsSync(copy.content('roles/spotify/audio-intern.yaml')), false);
      const written = runScript('new-role', ['--sponsor', 'spotify', '--title', 'Audio Intern', '--type', 'internship', '--location', 'london=https://jobs.example/1?utm_source=ismir', '--area', 'MIR', '--requirements', 'PhD student'], copy.root, env);
      assert.equal(written.status, 0, written.stderr);
      assert.match(copy.read('roles/spotify/audio-intern.yaml'), /applyUrl: https:\/\/jobs\.example\/1\?utm_source=ismir/);
    });
  });

  it('refuses to overwrite an existing role file', () => {
    withCopy((copy) => {
      const before = copy.read('roles/spotify/research-lead-personalization.yaml');
      const result = runScript('new-role', ['--sponsor', 'spotify', '--title', 'Research Lead - Personalization', '--type', 'full-time'], copy.root, env);
      assert.equal(result.status, 1);
      assert.match(result.stderr, /refusing to overwrite a file that exists; nothing was written:\n {2}src\/content\/roles\/spotify\/research-lead-personalization\.yaml/);
      assert.equal(readFileSync(copy.content('roles/spotify/research-lead-personalization.yaml'), 'utf8'), before);
    });
  });
});
