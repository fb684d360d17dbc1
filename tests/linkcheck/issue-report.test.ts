/**
 * The page the weekly workflow writes into its issue: grouped by sponsor, every address and
 * piece of evidence as inline code (an outside server chooses where it redirects, so nothing
 * of it may become a link, an image or a mention), and short enough for an issue.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { issueMarkdown, issueMarker } from '../../scripts/lib/linkcheck/issue-report.ts';
import type { RunResult } from '../../scripts/lib/linkcheck/run.ts';
import type { LinkFinding } from '../../scripts/lib/linkcheck/types.ts';

const finding = (extra: Partial<LinkFinding> & Pick<LinkFinding, 'url' | 'code' | 'source'>): LinkFinding => ({
  mode: 'external',
  severity: 'error',
  message: 'page not found (HTTP 404)',
  page: 'roles/index.html',
  pageLine: 1,
  attr: 'a[href]',
  ...extra,
});

const hostile = 'https://evil.example/x?`![pixel](https://evil.example/p.png)` @maintainer';

function result(findings: LinkFinding[], closedRoles: RunResult['closedRoles']): RunResult {
  return {
    config: { site: 'https://sponsors.example.org', base: '/', trailingSlash: 'ignore', format: 'directory', outDir: '/tmp/dist', from: 'test' },
    findings,
    counts: { pages: 1, files: 1, links: 1, internal: 0, external: 1, externalDistinct: 1 },
    ms: { offline: 0, external: 0 },
    ...(closedRoles && { closedRoles }),
  };
}

const names = (id: string) => ({ acme: 'Acme Audio', beta: 'Beta Labs' })[id] ?? id;

describe('the issue page', () => {
  it('groups dead links and closed roles by sponsor, with the commands that fix them', () => {
    const closedUrl = 'https://boards.greenhouse.io/acme/jobs/1';
    const text = issueMarkdown(
      result(
        [
          finding({ url: 'https://beta.example/old', code: 'not-found', source: { file: 'src/content/sponsors/beta.mdx', line: 12 } }),
          finding({ url: closedUrl, code: 'posting-closed', severity: 'warning', message: 'closed', closed: { by: 'ats', evidence: 'Greenhouse says so' }, source: { file: 'src/content/roles/acme/intern.yaml', line: 6 } }),
          // A careers page (no role's posting) that redirects to the careers home: a problem like any other.
          finding({ url: 'https://beta.example/jobs/9', code: 'likely-closed', severity: 'warning', message: 'redirects to the careers home', closed: { by: 'redirect', evidence: 'x' }, source: { file: 'src/content/sponsors/beta.mdx', line: 20 } }),
          finding({ url: 'https://x.example/', code: 'moved', severity: 'notice', message: 'moved', source: { file: 'src/content/conference.yaml', line: 3 } }),
        ],
        { closed: [{ file: 'src/content/roles/acme/intern.yaml', postings: [{ url: closedUrl, closed: { by: 'ats', evidence: 'Greenhouse says so' } }], open: [] }], partly: [] },
      ),
      names,
      '2026-12-07',
    );
    assert.ok(text.startsWith(`${issueMarker}\n## Link check of \`https://sponsors.example.org/\`, 2026-12-07\n`));
    assert.match(text, /\*\*2 dead or broken links, 1 role closed at the company\.\*\* 1 notices/);
    assert.ok(text.indexOf('### Acme Audio') < text.indexOf('### Beta Labs'), 'sponsors by name');
    assert.match(text, /### Acme Audio\n- \*\*Closed at the company\*\*: `src\/content\/roles\/acme\/intern\.yaml`\n {2}- `https:\/\/boards\.greenhouse\.io\/acme\/jobs\/1`: `Greenhouse says so`/);
    assert.match(text, /\| `src\/content\/sponsors\/beta\.mdx:12` \| `https:\/\/beta\.example\/old` \| error `not-found: page not found \(HTTP 404\)`/);
    assert.match(text, /\| `src\/content\/sponsors\/beta\.mdx:20` \| `https:\/\/beta\.example\/jobs\/9` \| warning `likely-closed: redirects to the careers home`/);
    assert.doesNotMatch(text, /x\.example/, 'notices are counted, not listed');
    assert.match(text, /`npm run check:links -- --external --close-roles` writes `status: closed`/);
  });

  it('writes what outside servers chose as inline code only', () => {
    const text = issueMarkdown(
      result([finding({ url: hostile, code: 'likely-closed', severity: 'warning', message: `it redirects to ${hostile}`, suggestion: hostile, source: { file: 'src/content/conference.yaml', line: 3 } })], { closed: [], partly: [] }),
      names,
      '2026-12-07',
    );
    const row = text.split('\n').find((l) => l.startsWith('| `src/content/conference.yaml'))!;
    // Outside inline code, nothing of the address is left to become Markdown.
    const outsideCode = row.replace(/`[^`]*`/g, '');
    assert.doesNotMatch(outsideCode, /evil|@maintainer|!\[/);
    assert.match(text, /### Site-wide/);
  });

  it('says when all is well, and stays under the size of an issue', () => {
    assert.match(issueMarkdown(result([], { closed: [], partly: [] }), names, '2026-12-07'), /\*\*No dead links, and no role has closed at the company\.\*\*/);
    const many = Array.from({ length: 3000 }, (_, i) => finding({ url: `https://dead.example/${i}`, code: 'not-found', source: { file: `src/content/sponsors/s${i}.mdx`, line: 1 } }));
    const text = issueMarkdown(result(many, undefined), names, '2026-12-07');
    assert.ok(text.length <= 60_200, `${text.length} characters`);
    assert.match(text, /… cut here to fit an issue; the whole list is in the run's links\.json\.\n$/);
  });
});
