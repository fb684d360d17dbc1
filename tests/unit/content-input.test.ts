/**
 * Content as new users save and paste it: a byte order mark from a Windows editor, links
 * copied from e-mail (mail-filter wrappers, tracking parameters) in every URL field, and two
 * files that would be the same sponsor or role. Each case gives one clear message (or none).
 */
import assert from 'node:assert/strict';
import { renameSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkContent } from '../../src/lib/content-check.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { projectCopy, type ProjectCopy } from '../support/project.ts';

const today = '2026-01-01';
const role = 'roles/spotify/research-lead-personalization.yaml';
const jobUrl = 'https://www.spotifyjobs.com/job/research-lead-personalization/';
/** The job link as Proofpoint urldefense (v2) rewrites it in a forwarded e-mail. */
const wrappedJob = 'https://urldefense.proofpoint.com/v2/url?u=https-3A__www.spotifyjobs.com_job_research-2Dlead-2Dpersonalization_&d=DwMFaQ&c=abc';

function checkAfter(edit: (c: ProjectCopy) => void) {
  const copy = projectCopy({ contentOnly: true });
  try {
    edit(copy);
    const result = checkContent(copy.root, { today });
    return { problems: result.problems.map(formatProblem), warnings: result.warnings.map(formatProblem), sponsors: result.model?.sponsors.map((s) => s.id) ?? [] };
  } finally {
    copy.remove();
  }
}

describe('a byte order mark', () => {
  it('is accepted before front matter and YAML, with Windows line ends', () => {
    const result = checkAfter((c) => {
      c.write('sponsors/spotify.mdx', `\uFEFF${c.read('sponsors/spotify.mdx').replace(/\n/g, '\r\n')}`);
      c.write(role, `\uFEFF${c.read(role).replace(/\n/g, '\r\n')}`);
      c.write('tiers.yaml', `\uFEFF${c.read('tiers.yaml')}`);
    });
    assert.deepEqual(result.problems, []);
    assert.ok(result.sponsors.includes('spotify'));
  });

  it('leaves lines as they are in messages', () => {
    const result = checkAfter((c) => c.write('sponsors/spotify.mdx', `\uFEFF${c.read('sponsors/spotify.mdx').replace('tier: platinum', 'tier: platnum')}`));
    assert.deepEqual(result.problems, ['src/content/sponsors/spotify.mdx:3: tier: unknown tier "platnum"; expected one of platinum, gold, silver, bronze (from src/content/tiers.yaml). Did you mean "platinum"? (docs/errors.md#unknown-tier)']);
  });
});

describe('every URL field goes through the same rules', () => {
  const wrapped = (field: string, clean: string) => `${field}: is wrapped in a Proofpoint urldefense redirect, which expires and tracks clicks; use the address inside: "${clean}" (docs/errors.md#wrapped-link)`;

  it('a role apply link wrapped by a mail filter is refused, with the clean link', () => {
    assert.deepEqual(checkAfter((c) => c.edit(role, jobUrl, wrappedJob)).problems, [`src/content/roles/spotify/research-lead-personalization.yaml:6: ${wrapped('locations[0].applyUrl', jobUrl)}`]);
  });

  it('so is a role-level apply link, a sponsor website and careers page, and the conference links', () => {
    const safelinks = (url: string) => `https://eur01.safelinks.protection.outlook.com/?url=${encodeURIComponent(url)}&data=05%7C01`;
    const { problems } = checkAfter((c) => {
      c.edit(role, `    applyUrl: ${jobUrl}\n`, '');
      c.edit(role, 'researchAreas:', `applyUrl: ${wrappedJob}\nresearchAreas:`);
      c.edit('sponsors/spotify.mdx', 'website: https://research.atspotify.com', `website: ${safelinks('https://research.atspotify.com/')}`);
      c.edit('sponsors/spotify.mdx', 'careersUrl: https://www.spotifyjobs.com', `careersUrl: ${safelinks('https://www.lifeatspotify.com/jobs')}`);
      c.edit('conference.yaml', 'url: https://ismir2020.net', `url: ${safelinks('https://ismir2020.net/')}`);
      c.edit('conference.yaml', 'href: https://ismir2020.net', 'href: https://ismir2020.net/?utm_source=newsletter');
    });
    const outlook = (field: string, clean: string) => `${field}: is wrapped in an Outlook safelinks redirect, which expires and tracks clicks; use the address inside: "${clean}" (docs/errors.md#wrapped-link)`;
    assert.deepEqual(problems.sort(), [
      `src/content/conference.yaml:17: nav[0].href: carries tracking parameters (utm_source); use "https://ismir2020.net/" (docs/errors.md#tracking-parameters)`,
      `src/content/conference.yaml:9: ${outlook('url', 'https://ismir2020.net/')}`,
      `src/content/roles/spotify/research-lead-personalization.yaml:6: ${wrapped('applyUrl', jobUrl)}`,
      `src/content/sponsors/spotify.mdx:14: ${outlook('careersUrl', 'https://www.lifeatspotify.com/jobs')}`,
      `src/content/sponsors/spotify.mdx:4: ${outlook('website', 'https://research.atspotify.com/')}`,
    ]);
  });

  it('tracking parameters on apply links are a warning, not an error', () => {
    const result = checkAfter((c) => {
      c.edit(role, jobUrl, `${jobUrl}?utm_source=ismir&utm_medium=booth`);
      c.edit('sponsors/spotify.mdx', 'careersUrl: https://www.spotifyjobs.com', 'careersUrl: https://www.spotifyjobs.com/?utm_source=ismir');
    });
    assert.deepEqual(result.problems, []);
    const allowed = 'allowed on apply links, where a sponsor may count applicants from the conference, but keep them only if the sponsor asked for them; the clean link is';
    const explained = '(docs/errors.md#tracking-on-apply-link)';
    assert.deepEqual(result.warnings.filter((w) => w.includes('tracking')).sort(), [
      `src/content/roles/spotify/research-lead-personalization.yaml:6: locations[0].applyUrl: carries tracking parameters (utm_source, utm_medium); ${allowed} "${jobUrl}" ${explained}`,
      `src/content/sponsors/spotify.mdx:14: careersUrl: carries tracking parameters (utm_source); ${allowed} "https://www.spotifyjobs.com/" ${explained}`,
    ]);
    assert.ok(result.sponsors.includes('spotify'), 'the sponsor is still published');
  });

  it('tracking parameters on other links are an error', () => {
    const result = checkAfter((c) => c.edit('sponsors/spotify.mdx', 'website: https://research.atspotify.com', 'website: https://research.atspotify.com/?fbclid=abc'));
    assert.deepEqual(result.problems, ['src/content/sponsors/spotify.mdx:4: website: carries tracking parameters (fbclid); use "https://research.atspotify.com/" (docs/errors.md#tracking-parameters)']);
  });
});

describe('two files that would be one sponsor or role', () => {
  it('names both files when only the case differs', () => {
    const { problems } = checkAfter((c) => c.write('sponsors/Spotify.mdx', c.read('sponsors/spotify.mdx')));
    assert.deepEqual(problems, ['src/content/sponsors/spotify.mdx: (file name): "Spotify.mdx" and "spotify.mdx" are the same sponsor "spotify" (file names are compared ignoring case and extension); keep one and delete or rename the others (docs/errors.md#same-name)']);
  });

  it('names both files when only the extension differs', () => {
    const { problems } = checkAfter((c) => c.write('sponsors/spotify.md', c.read('sponsors/spotify.mdx')));
    assert.deepEqual(problems, ['src/content/sponsors/spotify.mdx: (file name): "spotify.md" and "spotify.mdx" are the same sponsor "spotify" (file names are compared ignoring case and extension); keep one and delete or rename the others (docs/errors.md#same-name)']);
  });

  it('names both role files, .yaml and .yml', () => {
    const { problems } = checkAfter((c) => c.write('roles/spotify/research-lead-personalization.yml', c.read(role)));
    assert.deepEqual(problems, ['src/content/roles/spotify/research-lead-personalization.yml: (file name): "research-lead-personalization.yaml" and "research-lead-personalization.yml" are the same role "research-lead-personalization" (file names are compared ignoring case and extension); keep one and delete or rename the others (docs/errors.md#same-name)']);
  });

  it('a sponsor file the build would not read is named, not skipped', () => {
    const { problems, sponsors } = checkAfter((c) => renameSync(c.content('sponsors/spotify.mdx'), c.content('sponsors/spotify.md')));
    assert.deepEqual(problems, ['src/content/sponsors/spotify.md: (file name): the build reads only .mdx sponsor files, so this one would be missing from the site; rename it to "spotify.mdx" (docs/errors.md#unread-file)']);
    assert.ok(!sponsors.includes('spotify'));
  });

  it('so is a role file with an upper-case extension', () => {
    const { problems } = checkAfter((c) => renameSync(c.content(role), c.content('roles/spotify/research-lead-personalization.YAML')));
    assert.deepEqual(problems, ['src/content/roles/spotify/research-lead-personalization.YAML: (file name): the build reads only .yaml and .yml role files, so this one would be missing from the site; rename it to "research-lead-personalization.yaml" (docs/errors.md#unread-file)']);
  });
});
