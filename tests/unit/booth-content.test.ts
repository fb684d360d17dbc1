/**
 * Every kind of booth content (src/schemas/booth.ts, socials.ts, media.ts, links.ts):
 * the rich demo booth passes; each mistake fails with the exact message an author sees,
 * at the file and line of the field, through the same content check the build runs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkContent } from '../../src/lib/content-check.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { projectCopy, type ProjectCopy, projectRoot } from '../support/project.ts';

const booth = 'sponsors/lumen-audio.mdx';
const file = `src/content/${booth}`;
const today = '2026-01-01';

/**
 * Problems after replacing `from` with `to` in the rich booth (no edit when they are equal).
 * "@" stands for the line that now holds `at` (default: the first line of `to`), plus `offset`.
 */
function after(from: string, to: string, options: { at?: string; offset?: number; extra?: (c: ProjectCopy) => void } = {}): string[] {
  const copy = projectCopy({ contentOnly: true });
  try {
    if (from !== to) copy.edit(booth, from, to);
    options.extra?.(copy);
    const needle = (options.at ?? to.split('\n')[0]!).trim();
    const lines = copy.read(booth).split('\n').map((l) => l.trim());
    // The last exact match is the edited line (an earlier twin may exist); else the first partial one.
    const index = (lines.lastIndexOf(needle) >= 0 ? lines.lastIndexOf(needle) : lines.findIndex((l) => l.includes(needle))) + (options.offset ?? 0);
    return checkContent(copy.root, { today }).problems.map((p) => formatProblem(p).replace(`${file}:${index + 1}:`, '@:'));
  } finally {
    copy.remove();
  }
}

describe('the rich demo booth', () => {
  it('passes, and the model never holds its private block', () => {
    const { problems, model } = checkContent(projectRoot, { today });
    assert.deepEqual(problems.map(formatProblem), []);
    const lumen = model!.sponsors.find((s) => s.id === 'lumen-audio')!;
    assert.equal('private' in lumen, false);
    assert.deepEqual(lumen.programmeTierInfo.map((t) => t.id), ['wimir-champion']);
    assert.equal(lumen.units.length, 2);
    assert.equal(lumen.events.length, 6);
    // Offsets are folded into UTC: 10:00 in Tokyo is 01:00 UTC.
    assert.equal(lumen.events.find((e) => e.id === 'poster-b')!.start, '2020-10-14T01:00:00Z');
  });
});

describe('socials: host per platform, no wrappers, no tracking', () => {
  it('a safelinks-wrapped profile names the clean address', () => {
    assert.deepEqual(
      after('linkedin: https://www.linkedin.com/company/lumen-audio-example', 'linkedin: https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.linkedin.com%2Fcompany%2Flumen-audio-example&data=05%7C01&reserved=0'),
      ['@: socials.linkedin: is wrapped in an Outlook safelinks redirect, which expires and tracks clicks; use the address inside: "https://www.linkedin.com/company/lumen-audio-example" (docs/errors.md#wrapped-link)'],
    );
  });
  it('an l.facebook.com link around a tracked address: unwrapped and cleaned', () => {
    assert.deepEqual(
      after('github: https://github.com/lumen-audio-example', 'github: https://l.facebook.com/l.php?u=https%3A%2F%2Fgithub.com%2Flumen-audio-example%3Futm_source%3Dfacebook&h=AT3x'),
      ['@: socials.github: is wrapped in a Facebook (l.facebook.com) redirect, which expires and tracks clicks; use the address inside: "https://github.com/lumen-audio-example" (docs/errors.md#wrapped-link)'],
    );
  });
  it('tracking parameters', () => {
    assert.deepEqual(after('huggingface: https://huggingface.co/lumen-audio-example', 'huggingface: https://huggingface.co/lumen-audio-example?utm_source=booth&fbclid=IwAR0x'), [
      '@: socials.huggingface: carries tracking parameters (utm_source, fbclid); use "https://huggingface.co/lumen-audio-example" (docs/errors.md#tracking-parameters)',
    ]);
  });
  it('an address on another platform', () => {
    assert.deepEqual(after('youtube: https://www.youtube.com/@lumenaudio-example', 'youtube: https://vimeo.com/lumenaudio'), [
      '@: socials.youtube: is on vimeo.com, not on YouTube; expected an address on youtube.com or youtu.be (docs/errors.md#platform-address)',
    ]);
  });
  it('a Mastodon address that is not a profile', () => {
    assert.deepEqual(after('mastodon: https://sigmoid.social/@lumenaudio', 'mastodon: https://sigmoid.social/about'), [
      '@: socials.mastodon: is not a Mastodon profile; expected an address such as "https://mastodon.social/@account" (docs/errors.md#platform-address)',
    ]);
  });
  it('an unknown platform, with a did-you-mean', () => {
    assert.deepEqual(after('  github: https://github.com/lumen-audio-example', '  githb: https://github.com/lumen-audio-example'), [
      '@: socials.githb: unknown field "githb"; expected one of linkedin, twitter, mastodon, bluesky, github, gitlab, huggingface, scholar, youtube, bilibili, vimeo, soundcloud, instagram, facebook, threads, weibo, zhihu. Did you mean "github"? (docs/errors.md#unknown-field)',
    ]);
  });
});

describe('channels: checked per kind', () => {
  it('e-mail needs mailto:', () => {
    assert.deepEqual(after('url: mailto:research-jobs@lumen-audio.example', 'url: research-jobs@lumen-audio.example'), [
      '@: channels[2].url: is "research-jobs@lumen-audio.example"; expected "mailto:" and an address, e.g. "mailto:recruiting@example.com"; write "mailto:research-jobs@lumen-audio.example" (docs/errors.md#channel-entry)',
    ]);
  });
  it('the conference chat needs a #handle', () => {
    assert.deepEqual(after('handle: "#sponsor-lumen-audio"', 'handle: "sponsor-lumen-audio"'), [
      '@: channels[0].handle: is string "sponsor-lumen-audio"; expected a channel handle such as "#sponsor-acme": "#" then lower-case letters, digits, ".", "_" or "-" (docs/errors.md#value-format)',
    ]);
  });
  it('a Zoom link must be on zoom.us', () => {
    assert.deepEqual(after('url: https://lumen-audio.zoom.us/j/5550100200', 'url: https://meet.example.com/j/5550100200'), [
      '@: channels[1].url: is on meet.example.com; a zoom link must be on zoom.us (docs/errors.md#platform-address)',
    ]);
  });
  it('kind: chat needs a chat in conference.yaml', () => {
    const problems = after('kind: chat', 'kind: chat', { at: 'kind: chat', extra: (c) => c.edit('conference.yaml', /\nchat:[\s\S]*$/, '\n') });
    assert.deepEqual(problems, [
      `@: channels[0].kind: kind: chat means the conference chat, but src/content/conference.yaml has no chat: set chat: { kind, url } there, or use kind: slack or discord with a url (docs/errors.md#no-conference-chat)`,
    ]);
  });
});

describe('events: offsets, order, repeats, references', () => {
  it('a time without its offset', () => {
    assert.deepEqual(after('start: 2020-10-13T09:00:00-04:00', 'start: 2020-10-13T09:00:00'), [
      '@: events[0].start: is string "2020-10-13T09:00:00"; expected a date and time with its UTC offset, e.g. "2020-10-13T09:00:00-04:00" or "2020-10-13T13:00:00Z" (docs/errors.md#date-format)',
    ]);
  });
  it('an end before the start', () => {
    assert.deepEqual(after('end: 2020-10-13T10:00:00-04:00', 'end: 2020-10-13T08:00:00-04:00'), ['@: events[0].end: the event ends before it starts (docs/errors.md#date-order)']);
  });
  it('repeatOf an unknown event, with a did-you-mean', () => {
    assert.deepEqual(after('repeatOf: poster-a', 'repeatOf: postr-a'), [
      '@: events[1].repeatOf: unknown event "postr-a"; expected the id of another event of this booth: poster-a, demo-a, demo-b, office-hours, wimir-coffee. Did you mean "poster-a"? (docs/errors.md#unknown-reference)',
    ]);
  });
  it('a repeat of a repeat', () => {
    assert.deepEqual(after('repeatOf: demo-a', 'repeatOf: poster-b'), ['@: events[3].repeatOf: "poster-b" is itself a repeat of "poster-a"; name the first session: repeatOf: poster-a (docs/errors.md#repeat-of)']);
  });
  it('an unknown unit, with a did-you-mean', () => {
    assert.deepEqual(after('    unit: labs\n    channel: booth-zoom\n  - id: demo-b', '    unit: lab\n    channel: booth-zoom\n  - id: demo-b'), [
      '@: events[2].unit: unknown unit "lab"; expected one of labs, institute. Did you mean "labs"? (docs/errors.md#unknown-reference)',
    ]);
  });
  it('an unknown channel, with a did-you-mean', () => {
    assert.deepEqual(after('    channel: booth-chat\n    description: "Internships', '    channel: booth-chatt\n    description: "Internships'), [
      '@: events[4].channel: unknown channel "booth-chatt"; expected one of booth-chat, booth-zoom. Did you mean "booth-chat"? (docs/errors.md#unknown-reference)',
    ]);
  });
  it('the same id twice', () => {
    assert.deepEqual(after('  - id: wimir-coffee', '  - id: office-hours'), ['@: events[5].id: the id "office-hours" is used twice in events; ids must be unique within a booth (docs/errors.md#duplicate-id)']);
  });
});

describe('publications', () => {
  it('an author from an unknown unit', () => {
    assert.deepEqual(after('- { name: Kenji Aoyama, unit: institute }\n      - Maria', '- { name: Kenji Aoyama, unit: institut }\n      - Maria'), [
      '@: publications[0].authors[0].unit: unknown unit "institut"; expected one of labs, institute. Did you mean "institute"? (docs/errors.md#unknown-reference)',
    ]);
  });
  it('a chat channel without #', () => {
    assert.deepEqual(after('chat: "#p3-07"', 'chat: "p3-07"'), [
      '@: publications[0].chat: is string "p3-07"; expected a channel handle such as "#sponsor-acme": "#" then lower-case letters, digits, ".", "_" or "-" (docs/errors.md#value-format)',
    ]);
  });
  it('an unknown link kind, with a did-you-mean', () => {
    assert.deepEqual(after('- { kind: pdf, url: https://program.ismir2020.example/papers/p3-07.pdf }', '- { kind: pfd, url: https://program.ismir2020.example/papers/p3-07.pdf }'), [
      '@: publications[0].links[0].kind: is string "pfd"; expected one of paper, pdf, doi, arxiv, code, dataset, demo, talk, poster, video, slides, blog, website, other. Did you mean "pdf"? (docs/errors.md#not-one-of)',
    ]);
  });
  it('no authors', () => {
    assert.deepEqual(after('authors: [Sofia Lindgren, { name: Yui Takeda, unit: institute }]', 'authors: []'), ['@: publications[3].authors: list at least one author (docs/errors.md#too-few)']);
  });
});

describe('showcase and media', () => {
  it('a YouTube video whose url is on another host', () => {
    assert.deepEqual(after('url: https://www.youtube.com/watch?v=lumen0stem1', 'url: https://vimeo.com/5550100'), [
      '@: showcase[1].media[0].url: is on vimeo.com, not on YouTube; expected an address on youtube.com or youtu.be (docs/errors.md#platform-address)',
    ]);
  });
  it('a local video without captions', () => {
    assert.deepEqual(after('        captions: ./lumen-audio/score-following-demo.en.vtt\n', '', { at: 'title: Score follower demo (6 seconds)', offset: -1 }), [
      `@: showcase[0].media[0].captions: a local video needs captions: add a WebVTT file and \`captions: ./sponsor-id/name.vtt\` (docs/errors.md#media-entry)`,
    ]);
  });
  it('a hot-linked video file', () => {
    assert.deepEqual(after('file: ./lumen-audio/score-following-demo.mp4', 'file: https://cdn.example.com/demo.mp4'), [
      '@: showcase[0].media[0].file: is "https://cdn.example.com/demo.mp4"; expected a file next to the sponsor file, e.g. "./sponsor-id/demo.mp4"; for a video on a platform use platform: and url: (docs/errors.md#remote-file)',
    ]);
  });
  it('a missing captions file', () => {
    assert.deepEqual(after('captions: ./lumen-audio/score-following-demo.en.vtt', 'captions: ./lumen-audio/demo.fr.vtt'), [
      '@: showcase[0].media[0].captions: is "./lumen-audio/demo.fr.vtt"; no such file (paths are relative to the sponsor file, e.g. "./sponsor-id/demo.mp4") (docs/errors.md#no-such-file)',
    ]);
  });
  it('a poster without alt text', () => {
    assert.deepEqual(after('alt: The score follower\'s cursor on a page of piano music }', 'alt: "" }'), [
      '@: showcase[0].media[0].poster.alt: write the alt text (what the image shows), or set decorative: true for an image that carries no information (docs/errors.md#no-alt-text)',
    ]);
  });
  it('a hot-linked poster image', () => {
    assert.deepEqual(after('poster: { src: ./lumen-audio/follow-poster.jpg,', 'poster: { src: https://img.youtube.com/vi/x/0.jpg,'), [
      '@: showcase[1].media[0].poster.src: is "https://img.youtube.com/vi/x/0.jpg"; images must be local files next to the sponsor file (download it and write e.g. "./sponsor-id/logo.svg"), not links (docs/errors.md#remote-image)',
    ]);
  });
  it('an unknown badge', () => {
    assert.deepEqual(after('badges: [beta]', 'badges: [betta]'), ['@: showcase[1].badges[0]: is string "betta"; expected one of new, beta, award, open-source, free. Did you mean "beta"? (docs/errors.md#not-one-of)']);
  });
  it('a platform video given as a file', () => {
    assert.deepEqual(after('    platform: bilibili\n', '    platform: bilibili\n    file: ./lumen-audio/score-following-demo.mp4\n', { at: 'file: ./lumen-audio/score-following-demo.mp4' }), [
      `@: media[1].file: a bilibili video is linked with url:, not file: (docs/errors.md#media-entry)`,
    ]);
  });
});

describe('people, offers, resources, units, programmes, private', () => {
  it('a person\'s page with tracking', () => {
    assert.deepEqual(after('url: https://labs.lumen-audio.example/ada,', 'url: https://labs.lumen-audio.example/ada?mc_cid=1&mc_eid=2,'), [
      '@: people[0].url: carries tracking parameters (mc_cid, mc_eid); use "https://labs.lumen-audio.example/ada" (docs/errors.md#tracking-parameters)',
    ]);
  });
  it('an offer with neither code nor url', () => {
    assert.deepEqual(after('  - title: LumenPiano-1k, free for research\n    kind: dataset\n    url: https://zenodo.org/records/5550100\n', '  - title: LumenPiano-1k, free for research\n    kind: dataset\n'), [
      '@: offers[1].code: give the offer a code or a url (or both) (docs/errors.md#one-of-fields)',
    ]);
  });
  it('an offer that ends before it starts', () => {
    assert.deepEqual(after('validUntil: 2020-10-31', 'validUntil: 2020-10-01'), ['@: offers[2].validUntil: validUntil is before validFrom (docs/errors.md#date-order)']);
  });
  it('a resource with both a url and a file', () => {
    assert.deepEqual(after('    file: ./lumen-audio/summer-research-2021.pdf', '    file: ./lumen-audio/summer-research-2021.pdf\n    url: https://lumen-audio.example/brochure.pdf', { at: 'url: https://lumen-audio.example/brochure.pdf' }), [
      '@: resources[0].url: give either url (a link) or file (a file next to this one), not both and not neither (docs/errors.md#one-of-fields)',
    ]);
  });
  it('a resource file of an unknown type', () => {
    assert.deepEqual(after('file: ./lumen-audio/summer-research-2021.pdf', 'file: ./lumen-audio/hero.jpg'), [
      '@: resources[0].file: expected a document (.pdf, .pptx, .odp, .key, .csv, .zip, .txt, .md) (docs/errors.md#file-type)',
    ]);
  });
  it('a unit logo without alt text', () => {
    assert.deepEqual(after('logo: { src: ./lumen-audio/labs-logo.svg, alt: Lumen Labs }', 'logo: { src: ./lumen-audio/labs-logo.svg, alt: "" }'), ['@: units[0].logo.alt: is empty; write the alt text, usually the unit name (docs/errors.md#no-alt-text)']);
  });
  it('a programme tier that does not exist, and a main tier listed as one', () => {
    assert.deepEqual(after('programmeTiers: [wimir-champion]', 'programmeTiers: [wimir-champoin, silver]'), [
      '@: programmeTiers[0]: unknown tier "wimir-champoin"; expected one of wimir-champion. Did you mean "wimir-champion"? (docs/errors.md#unknown-tier)',
      '@: programmeTiers[1]: "silver" is a main-programme tier; a sponsor has exactly one, in tier: (docs/errors.md#programme-tier)',
    ]);
  });
  it('a programme tier given as the main tier', () => {
    assert.deepEqual(after('tier: gold', 'tier: wimir-champion'), [
      '@: tier: "wimir-champion" is a tier of the "wimir" programme; tier: names the main-programme tier, and programmeTiers: lists tiers of other programmes (docs/errors.md#programme-tier)',
    ]);
  });
  it('a misspelt private block is an unknown field, never silently published', () => {
    const problems = after('private:\n  contacts:', 'privat:\n  contacts:');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^@: privat: unknown field "privat"; expected one of .*, private, standIns. Did you mean "private"\? \(docs\/errors\.md#unknown-field\)$/);
  });
  it('an unknown field inside private', () => {
    assert.deepEqual(after('  invoice: PO-LUMEN-7731-CONFIDENTIAL', '  invioce: PO-LUMEN-7731-CONFIDENTIAL'), [
      '@: private.invioce: unknown field "invioce"; expected one of contacts, notes, invoice. Did you mean "invoice"? (docs/errors.md#unknown-field)',
    ]);
  });
});

describe('roles name their unit', () => {
  it('an unknown unit in a role file, with a did-you-mean', () => {
    const copy = projectCopy({ contentOnly: true });
    try {
      copy.edit('roles/lumen-audio/score-following-research-intern.yaml', 'unit: labs', 'unit: lab');
      assert.deepEqual(checkContent(copy.root, { today }).problems.map(formatProblem), [
        'src/content/roles/lumen-audio/score-following-research-intern.yaml:16: unit: unknown unit "lab"; expected one of labs, institute. Did you mean "labs"? (docs/errors.md#unknown-reference)',
      ]);
    } finally {
      copy.remove();
    }
  });
});
