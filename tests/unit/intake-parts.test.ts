/**
 * The intake's parts: the issue forms (generated from tiers.yaml, checked for drift and
 * against GitHub's form rules), the block format, the reading of an issue body, and the
 * attachment download (allowed hosts, size, type, SVG) against a local server.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { attachmentProblem, downloadImage, githubAttachmentHosts, sniffImage } from '../../scripts/lib/intake/attachments.ts';
import { blockFormats, parseBlocks } from '../../scripts/lib/intake/blocks.ts';
import { tidyDateTime } from '../../scripts/lib/intake/events.ts';
import { expectedForms } from '../../scripts/lib/intake/forms-command.ts';
import { formDefinition } from '../../scripts/lib/intake/forms.ts';
import { detectForm, readAnswers, tickedOptions } from '../../scripts/lib/intake/issue-body.ts';
import { roleFromBlock } from '../../scripts/lib/intake/roles.ts';
import sharp from 'sharp';
import { loadProject } from '../../scripts/lib/project.ts';
import { projectCopy, projectRoot } from '../support/project.ts';
import { startAttachmentServer, type AttachmentServer } from '../support/attachment-server.ts';

const upload = (name: string) => readFileSync(join(projectRoot, 'tests/fixtures/intake/uploads', name));

describe('issue forms', () => {
  it('the committed forms are what src/content/tiers.yaml gives (run npm run intake:forms after editing tiers)', () => {
    for (const form of expectedForms(projectRoot)) {
      assert.equal(readFileSync(join(projectRoot, form.path), 'utf8'), form.text, `${form.path} is out of date: run npm run intake:forms`);
    }
  });

  it('the booth form offers every tier of tiers.yaml: main tiers in the dropdown, the others as programmes', () => {
    const tiers = parse(readFileSync(join(projectRoot, 'src/content/tiers.yaml'), 'utf8')) as { id: string; label: string; programme?: string }[];
    const form = parse(readFileSync(join(projectRoot, '.github/ISSUE_TEMPLATE/booth.yml'), 'utf8')) as { body: { id?: string; attributes: { options?: (string | { label: string })[] } }[] };
    const options = (id: string) => (form.body.find((e) => e.id === id)?.attributes.options ?? []).map((o) => (typeof o === 'string' ? o : o.label));
    assert.deepEqual(options('tier'), tiers.filter((t) => !t.programme || t.programme === 'main').map((t) => t.label));
    assert.deepEqual(options('programmes'), tiers.filter((t) => t.programme && t.programme !== 'main').map((t) => t.label));
  });

  it('follows GitHub\'s form schema: known types, unique ids and labels, required keys, choices', () => {
    for (const { path } of expectedForms(projectRoot)) {
      const form = parse(readFileSync(join(projectRoot, path), 'utf8')) as Record<string, unknown> & { body: { type: string; id?: string; attributes: Record<string, unknown>; validations?: Record<string, unknown> }[] };
      assert.deepEqual(Object.keys(form).filter((k) => !['name', 'description', 'title', 'labels', 'body', 'assignees', 'projects', 'type'].includes(k)), [], path);
      assert.ok(typeof form['name'] === 'string' && typeof form['description'] === 'string', `${path}: name and description`);
      const ids = new Set<string>();
      const labels = new Set<string>();
      for (const element of form.body) {
        assert.ok(['markdown', 'input', 'textarea', 'dropdown', 'checkboxes'].includes(element.type), `${path}: type ${element.type}`);
        if (element.type === 'markdown') {
          assert.equal(typeof element.attributes['value'], 'string');
          continue;
        }
        assert.match(element.id ?? '', /^[A-Za-z0-9_-]+$/, `${path}: id`);
        assert.ok(!ids.has(element.id!) && ids.add(element.id!), `${path}: id ${element.id} repeated`);
        const label = element.attributes['label'] as string;
        assert.ok(label?.trim() && !labels.has(label) && labels.add(label), `${path}: label "${label}"`);
        if (element.type === 'dropdown' || element.type === 'checkboxes') {
          const options = element.attributes['options'] as unknown[];
          assert.ok(Array.isArray(options) && options.length > 0, `${path}: ${label} has choices`);
        }
        if (element.validations) assert.deepEqual(Object.keys(element.validations), ['required']);
      }
    }
  });

  it('the intake reads a body by the same labels the form writes', () => {
    const project = loadProject(projectRoot);
    const body = readFileSync(join(projectRoot, 'tests/fixtures/intake/complete-booth.md'), 'utf8');
    const form = formDefinition(project, 'booth');
    assert.equal(detectForm(body, [form, formDefinition(project, 'roles')]), 'booth');
    const answers = readAnswers(body, form);
    assert.deepEqual(Object.keys(answers), form.fields.map((f) => f.id));
    assert.equal(answers['address']!.text, '', '_No response_ is an empty answer');
    assert.deepEqual(tickedOptions(answers['programmes']!.text), ['WiMIR Champion']);
    // A "### heading" inside the booth text is part of the text, not a field.
    assert.match(answers['booth']!.text, /### What we look for/);
  });

  it('intake:forms --check fails when tiers.yaml changes, and intake:forms brings the forms up to date', () => {
    const copy = projectCopy();
    try {
      const forms = join(copy.root, '.github', 'ISSUE_TEMPLATE');
      assert.equal(copy.run('intake-forms', []).status, 0);
      assert.equal(copy.run('intake-forms', ['--check']).status, 0);
      const tiers = copy.content('tiers.yaml');
      writeFileSync(tiers, readFileSync(tiers, 'utf8').replace('label: Silver', 'label: Silver Plus'));
      const stale = copy.run('intake-forms', ['--check']);
      assert.equal(stale.status, 1);
      assert.equal(stale.stdout, '✗ .github/ISSUE_TEMPLATE/booth.yml is out of date with src/content/tiers.yaml (or missing); run npm run intake:forms (docs/errors.md#forms-out-of-date)\n');
      assert.equal(copy.run('intake-forms', []).stdout, '✓ Wrote .github/ISSUE_TEMPLATE/booth.yml\n');
      assert.match(readFileSync(join(forms, 'booth.yml'), 'utf8'), /^ {8}- Silver Plus$/m);
      // A form written by hand is never replaced without --force.
      writeFileSync(join(forms, 'roles.yml'), 'name: Our own form\n');
      const refused = copy.run('intake-forms', []);
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /roles\.yml was not written by this command; nothing was written/);
      assert.equal(readFileSync(join(forms, 'roles.yml'), 'utf8'), 'name: Our own form\n');
    } finally {
      copy.remove();
    }
  });
});

describe('the block format of the Roles and Events fields', () => {
  it('reads keys in any case, with synonyms, bullets and bold, lists on following lines, blocks by --- or a blank line', () => {
    const text = ['- **Title:** Intern', 'TYPE: internship', 'Locations:', '  - London: https://x.example/1', '  - Berlin', 'apply url: https://x.example/2', '', 'Title: Engineer', 'Kind: full-time', '---', 'Title: Scientist', 'Requirements: a PhD', 'and three years of work'].join('\n');
    const { blocks, problems } = parseBlocks(text, blockFormats.role);
    assert.deepEqual(problems, []);
    assert.deepEqual(blocks.map((b) => [b.number, b.values]), [
      [1, { title: 'Intern', kind: 'internship', places: 'London: https://x.example/1\nBerlin', apply: 'https://x.example/2' }],
      [2, { title: 'Engineer', kind: 'full-time' }],
      [3, { title: 'Scientist', requirements: 'a PhD and three years of work' }],
    ]);
  });

  it('reports an unknown key with a did-you-mean, and a key given twice', () => {
    const { problems } = parseBlocks('Title: A\nAreaz: ML\nTitle: B', blockFormats.role);
    assert.deepEqual(problems, [
      { block: 1, message: 'unknown line "Areaz: ML"; each line starts with one of: title, kind, places, apply link, areas, requirements, students, term, closes, salary, visa, relocation. Did you mean "areas"?' },
      { block: 1, key: 'title', message: 'is given twice; keep one "Title:" line' },
    ]);
  });

  it('reads pay, visa, relocation and a remote region as a sponsor writes them, each mistake under its key', () => {
    const project = loadProject(projectRoot);
    const sponsor = { name: 'Acme', link: 'https://acme.example/jobs' };
    const block = (extra: string[]) =>
      parseBlocks(['Title: Research Intern', 'Kind: internship', 'Places: Europe (remote) = https://acme.example/jobs/1', 'Areas: ML', 'Requirements: PhD student', 'Closes: 2027-03-31', ...extra].join('\n'), blockFormats.role).blocks[0]!;
    const read = roleFromBlock(block(['Pay: EUR 2,400 per month', 'Visa sponsorship: Case by case', 'Relocation: no']), project, sponsor);
    assert.deepEqual(read.problems, []);
    assert.deepEqual([read.answers!.salary, read.answers!.visaSponsorship, read.answers!.relocation, read.answers!.places], [
      { currency: 'EUR', min: 2400, max: 2400, per: 'month' },
      'case-by-case',
      'no',
      [{ location: 'europe', workplace: 'remote', applyUrl: 'https://acme.example/jobs/1' }],
    ]);
    assert.deepEqual(roleFromBlock(block(['Salary: competitive', 'Visa: sometimes', 'Relocation: maybe']), project, sponsor).problems.map((p) => p.key), ['salary', 'visa', 'relocation']);
  });

  it('tidies event times, keeping a time without an offset as written for the schema to refuse', () => {
    assert.equal(tidyDateTime('2027-10-13 9:00 -0400'), '2027-10-13T09:00:00-04:00');
    assert.equal(tidyDateTime('2027-10-13T13:00 UTC'), '2027-10-13T13:00:00Z');
    assert.equal(tidyDateTime('2027-10-13 09:00'), '2027-10-13T09:00:00');
    assert.equal(tidyDateTime('next Tuesday'), 'next Tuesday');
  });
});

describe('attachments', () => {
  let server: AttachmentServer;
  before(async () => {
    server = await startAttachmentServer();
  });
  after(() => server.close());
  const asset = (id: string) => `${server.origin}/user-attachments/assets/${id}`;

  it('only GitHub\'s attachment addresses are allowed, whatever the spelling', () => {
    const hosts = githubAttachmentHosts;
    assert.equal(attachmentProblem('https://github.com/user-attachments/assets/5d1c9a0e', hosts), undefined);
    assert.equal(attachmentProblem('https://private-user-images.githubusercontent.com/1/2.png?jwt=x', hosts), undefined);
    for (const url of [
      'http://github.com/user-attachments/assets/1',
      'https://github.com/user-attachments/../settings',
      'https://github.com/evil/repo/raw/main/logo.png',
      'https://github.com.evil.example/user-attachments/assets/1',
      'https://github.com@evil.example/user-attachments/assets/1',
      'https://user:pass@github.com/user-attachments/assets/1',
      'https://raw.githubusercontent.com/evil/repo/main/logo.svg',
      'file:///etc/passwd',
      '../../etc/passwd',
    ]) {
      assert.ok(attachmentProblem(url, hosts), url);
    }
  });

  it('downloads an upload through GitHub\'s redirect, and knows its type by its first bytes', async () => {
    const result = await downloadImage(asset('5d1c9a0e-7a34-4f1e-9c7b-0a1b2c3d4e5f'), server.limits);
    assert.ok('bytes' in result);
    assert.equal(result.type, 'png');
    assert.deepEqual(Buffer.from(result.bytes), upload('logo.png'));
    assert.equal(sniffImage(upload('team.jpg')), 'jpg');
    assert.equal(sniffImage(upload('plain.svg')), 'svg');
    assert.equal(sniffImage(Buffer.from('RIFF\0\0\0\0WEBPVP8 ')), 'webp');
    assert.equal(sniffImage(Buffer.from('%PDF-1.7')), undefined);
  });

  it('refuses another host without asking it, and a redirect that leaves the allowed hosts', async () => {
    const before = server.requests.length;
    const other = await downloadImage('https://evil.example/logo.png', server.limits);
    assert.match('error' in other ? other.error : '', /^"https:\/\/evil\.example\/logo\.png" is not a file uploaded to GitHub/);
    assert.equal(server.requests.length, before, 'no request made');
    const away = await downloadImage(asset('to-elsewhere'), server.limits);
    assert.match('error' in away ? away.error : '', /redirects elsewhere: "https:\/\/evil\.example\/logo\.png" is not a file uploaded to GitHub/);
  });

  it('refuses a 50 MB file by its declared size, and stops reading one that does not declare it', async () => {
    const sentBefore = server.bytesSent();
    const declared = await downloadImage(asset('fifty-megabytes'), server.limits);
    assert.match('error' in declared ? declared.error : '', /is 50 MB; at most 2 MB/);
    const endless = await downloadImage(asset('endless'), server.limits);
    assert.match('error' in endless ? endless.error : '', /is larger than 2 MB/);
    // Both downloads stopped early: far less than the 100 MB the server would have sent.
    const sent = server.bytesSent() - sentBefore;
    console.log(`bytes sent by the server for the two 50 MB files: ${(sent / 1024 / 1024).toFixed(1)} MB`);
    assert.ok(sent < 20 * 1024 * 1024, `${sent} bytes sent`);
  });

  it('refuses what is not an image, and an SVG that could run or load anything', async () => {
    const page = await downloadImage(asset('html-page'), server.limits);
    assert.match('error' in page ? page.error : '', /is not a PNG, JPEG, WebP or SVG image \(it starts with the bytes 3c 21 64 6f 63 74 79 70\)/);
    const scripted = await downloadImage(asset('b7e9d1c2-3a4f-4e5d-8c6b-7a8f9e0d1c2b'), server.limits);
    assert.match('error' in scripted ? scripted.error : '', /^the SVG at ".*" is refused because it has an event handler \(onload= on <svg>\), which is a script; it contains <script>, .*; it contains <a>, .*; it links to "javascript:alert\(1\)".*Export a plain SVG, or upload a PNG$/);
    const plain = await downloadImage(asset('a3f0c7de-2b8e-4d19-b6a1-5c4d3e2f1a00'), server.limits);
    assert.ok('bytes' in plain);
  });

  it('draws a plain SVG to a PNG and never hands on the SVG: the site serves no file a script could hide in', async () => {
    const plain = await downloadImage(asset('a3f0c7de-2b8e-4d19-b6a1-5c4d3e2f1a00'), server.limits);
    assert.ok('bytes' in plain, 'error' in plain ? plain.error : '');
    assert.equal(plain.type, 'png');
    assert.equal(plain.from, 'svg');
    assert.equal(sniffImage(plain.bytes), 'png');
    // The 120 × 40 drawing, at 1,200 pixels on its longer side, drawn (not blank).
    const { width, height } = await sharp(plain.bytes).metadata();
    assert.deepEqual([width, height], [1200, 400]);
    const { channels } = await sharp(plain.bytes).stats();
    assert.ok(channels[0]!.max > channels[0]!.min, 'the drawing has more than one colour');
    assert.ok(!Buffer.from(plain.bytes).includes('<svg'));
  });
});
