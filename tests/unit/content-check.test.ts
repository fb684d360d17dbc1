/**
 * The content check (run before every build and by `npm run check:content`) accepts the demo
 * content and rejects each kind of mistake with a message naming file, line and field.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, it } from 'node:test';
import { checkContentAndCode } from '../../src/lib/content-and-code-check.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { imageFileProblems } from '../../src/lib/image-files.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { projectCopy, type ProjectCopy, projectRoot } from '../support/project.ts';

const today = '2026-01-01';

function problemsAfter(edit: (c: ProjectCopy) => void): string[] {
  const copy = projectCopy({ contentOnly: true });
  try {
    edit(copy);
    return checkContent(copy.root, { today }).problems.map(formatProblem);
  } finally {
    copy.remove();
  }
}

describe('the demo content', () => {
  it('passes every check', () => {
    const result = checkContent(projectRoot, { today });
    assert.deepEqual(result.problems.map(formatProblem), []);
    assert.equal(result.counts.sponsors, 5);
    assert.equal(result.model?.roles.filter((r) => r.sponsor.id === 'spotify').length, 11);
  });

  it('normalises area and location aliases to one id', () => {
    const roles = checkContent(projectRoot, { today }).model!.roles;
    const london = roles.find((r) => r.id === 'spotify/research-scientist-summer-internship')!;
    assert.deepEqual(london.areas.map((a) => a.id), ['search-recommendations', 'user-modeling', 'machine-learning', 'evaluation']);
    const engineer = roles.find((r) => r.id === 'resonance-labs/audio-research-engineer')!;
    assert.deepEqual(engineer.areas.map((a) => a.id), ['signal-processing', 'music-information-retrieval']);
  });
});

describe('a mistake fails with file, line, field and the fix', () => {
  it('unknown tier, with a did-you-mean', () => {
    assert.deepEqual(
      problemsAfter((c) => c.edit('sponsors/spotify.mdx', 'tier: platinum', 'tier: platnum')),
      ['src/content/sponsors/spotify.mdx:3: tier: unknown tier "platnum"; expected one of platinum, gold, silver, bronze (from src/content/tiers.yaml). Did you mean "platinum"? (docs/errors.md#unknown-tier)'],
    );
  });

  it('role in a folder that names no sponsor', () => {
    assert.deepEqual(
      problemsAfter((c) => {
        c.write('roles/spotfy/x.yaml', c.read('roles/spotify/research-lead-personalization.yaml'));
      }),
      ['src/content/roles/spotfy/x.yaml:1: (folder): the folder "spotfy" names no sponsor; role files live in src/content/roles/<sponsor-id>/ where src/content/sponsors/<sponsor-id>.mdx exists. Did you mean "spotify"? (docs/errors.md#role-folder)'],
    );
  });

  it('unknown research area', () => {
    assert.deepEqual(
      problemsAfter((c) => c.edit('roles/spotify/research-lead-personalization.yaml', '  - search-recommendations', '  - search-recomendations')),
      ['src/content/roles/spotify/research-lead-personalization.yaml:8: researchAreas[0]: unknown research area "search-recomendations"; add it to src/content/areas.yaml or use one of its ids. Did you mean "search-recommendations"? (docs/errors.md#unknown-area)'],
    );
  });

  it('unknown location', () => {
    assert.deepEqual(
      problemsAfter((c) => c.edit('roles/spotify/research-lead-personalization.yaml', 'location: london', 'location: londn')),
      ['src/content/roles/spotify/research-lead-personalization.yaml:5: locations[0].location: unknown location "londn"; add it to src/content/locations.yaml or use one of its ids. Did you mean "london"? (docs/errors.md#unknown-location)'],
    );
  });

  it('invalid URL', () => {
    assert.deepEqual(
      problemsAfter((c) => c.edit('roles/spotify/research-lead-personalization.yaml', 'applyUrl: https://', 'applyUrl: javascript:alert(1)//')),
      ['src/content/roles/spotify/research-lead-personalization.yaml:6: locations[0].applyUrl: is string "javascript:alert(1)//www.spotifyjobs.com/job/research-lead-personalization/"; expected an absolute http(s) URL such as "https://example.com/jobs/123" (docs/errors.md#not-http-url)'],
    );
  });

  it('missing alt text', () => {
    assert.deepEqual(
      problemsAfter((c) => c.edit('sponsors/spotify.mdx', '  alt: Spotify\n', '')),
      ['src/content/sponsors/spotify.mdx:6: logo.alt: is missing; expected text (docs/errors.md#missing-field)'],
    );
  });

  it('a misspelt front matter key', () => {
    assert.deepEqual(
      problemsAfter((c) => c.edit('sponsors/spotify.mdx', 'website:', 'webiste:')),
      [
        'src/content/sponsors/spotify.mdx:2: website: is missing; expected text (docs/errors.md#missing-field)',
        'src/content/sponsors/spotify.mdx:4: webiste: unknown field "webiste"; expected one of name, tier, order, website, summary, logo, hero, legacyPermalinks, careersUrl, draft, shortName, programmeTiers, externalBooth, units, channels, socials, events, publications, showcase, media, people, offers, resources, recruitingNote, private, standIns. Did you mean "website"? (docs/errors.md#unknown-field)',
      ],
    );
  });

  it('an image that is not a local file', () => {
    assert.deepEqual(
      problemsAfter((c) => c.edit('sponsors/spotify.mdx', 'src: ./spotify/logo.svg', 'src: https://cdn.example/logo.png')),
      ['src/content/sponsors/spotify.mdx:7: logo.src: is "https://cdn.example/logo.png"; images must be local files next to the sponsor file (download it and write e.g. "./sponsor-id/logo.svg"), not links (docs/errors.md#remote-image)'],
    );
  });

  it('an SVG that is more than a drawing, referenced or not, wherever it lies in the content folder', () => {
    const problems = problemsAfter((c) => {
      // The logo a booth shows, with a script added as a pull request could add one.
      c.edit('sponsors/spotify/logo.svg', /<\/svg>\s*$/, '<script>alert(document.domain)</script></svg>\n');
      // A file no booth names yet still ships if one later does: checked all the same.
      c.write('sponsors/spotify/unused.SVG', '<svg xmlns="http://www.w3.org/2000/svg"><a href="https://tracker.example/"><rect width="1" height="1"/></a><image href="https://tracker.example/p.png"/></svg>');
      // A plain drawing beside them passes.
      c.write('sponsors/spotify/plain.svg', '<svg xmlns="http://www.w3.org/2000/svg"><style>rect { fill: #123 }</style><rect width="1" height="1"/></svg>');
    });
    assert.deepEqual(problems, [
      'src/content/sponsors/spotify/logo.svg: (file): it contains <script>, which a logo does not need (scripts, links, embedded images and animations are refused); an SVG must be a plain drawing: export it again as plain SVG, or use a PNG (docs/errors.md#unsafe-svg)',
      'src/content/sponsors/spotify/unused.SVG: (file): it contains <a>, which a logo does not need (scripts, links, embedded images and animations are refused); an SVG must be a plain drawing: export it again as plain SVG, or use a PNG (docs/errors.md#unsafe-svg)',
      'src/content/sponsors/spotify/unused.SVG: (file): it links to "https://tracker.example/" (href= on <a>); a logo may only refer to its own parts ("#id"); an SVG must be a plain drawing: export it again as plain SVG, or use a PNG (docs/errors.md#unsafe-svg)',
      'src/content/sponsors/spotify/unused.SVG: (file): it links to "https://tracker.example/p.png" (href= on <image>); a logo may only refer to its own parts ("#id"); an SVG must be a plain drawing: export it again as plain SVG, or use a PNG (docs/errors.md#unsafe-svg)',
    ]);
  });

  it('a YAML tag, which one reader of the build refuses and another ignores, names the line', () => {
    assert.deepEqual(
      problemsAfter((c) => {
        c.edit('sponsors/spotify.mdx', /^name: .*$/m, 'name: !!js/function "function () {}"');
        c.edit('roles/spotify/research-lead-personalization.yaml', 'requirements:', 'identifier: !custom R-1\nrequirements:');
      }),
      [
        'src/content/sponsors/spotify.mdx:2: (YAML syntax): the YAML tag !!js/function is not one content files use; delete it and write the value as plain text (docs/errors.md#yaml-syntax)',
        'src/content/roles/spotify/research-lead-personalization.yaml:12: (YAML syntax): the YAML tag !custom is not one content files use; delete it and write the value as plain text (docs/errors.md#yaml-syntax)',
      ],
    );
  });

  it('an alias to an anchor set nowhere names its line (it crashed the check)', () => {
    assert.deepEqual(problemsAfter((c) => c.edit('sponsors/spotify.mdx', /^website: .*$/m, 'website: *site')), [
      'src/content/sponsors/spotify.mdx:4: (YAML syntax): Unresolved alias (the anchor must be set before the alias): site; set the anchor first (&site before *site), or write the value out (docs/errors.md#yaml-syntax)',
    ]);
  });

  it('a YAML syntax error names the line', () => {
    const problems = problemsAfter((c) => c.edit('roles/spotify/research-lead-personalization.yaml', 'requirements:', 'requirements: [unclosed\nx:'));
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^src\/content\/roles\/spotify\/research-lead-personalization\.yaml:\d+: \(YAML syntax\): /);
  });

  it('reports every problem of every file at once', () => {
    const problems = problemsAfter((c) => {
      c.edit('sponsors/spotify.mdx', 'tier: platinum', 'tier: platnum');
      c.edit('roles/resonance-labs/audio-research-engineer.yaml', 'employmentType: full-time', 'employmentType: fulltime');
      c.edit('tiers.yaml', 'currency: USD }\n  benefits:\n    - Virtual booth page with roles, papers', 'currency: usd }\n  benefits:\n    - Virtual booth page with roles, papers');
    });
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('src/content/roles/resonance-labs/audio-research-engineer.yaml:2: employmentType: is string "fulltime"; expected one of internship, full-time,')));
    assert.ok(problems.some((p) => p.includes('Did you mean "full-time"?')));
    assert.ok(problems.some((p) => p === 'src/content/tiers.yaml:8: [0].price.currency: is "usd"; expected an ISO 4217 currency code such as "EUR" or "USD". Did you mean "USD"? (docs/errors.md#currency)'));
  });
});

describe('a file the check passes is one the build reads the same way and may publish', () => {
  it('a value YAML reads as a date where the field takes text (the build reads timestamps, the check keeps them as text)', () => {
    assert.deepEqual(
      problemsAfter((c) => {
        c.edit('sponsors/spotify.mdx', /^name: .*$/m, 'name: 2020-01-01');
        c.edit('roles/spotify/research-lead-personalization.yaml', /^title: .*$/m, 'title: 2021-06-01');
        c.edit('conference.yaml', /^name: .*$/m, 'name: 2020-10-11');
      }),
      [
        'src/content/conference.yaml:3: name: YAML reads this value as a date and time (2020-10-11T00:00:00.000Z) when the site is built, not as the text it shows; put it in quotes (docs/errors.md#read-differently)',
        'src/content/sponsors/spotify.mdx:2: name: YAML reads this value as a date and time (2020-01-01T00:00:00.000Z) when the site is built, not as the text it shows; put it in quotes (docs/errors.md#read-differently)',
        'src/content/roles/spotify/research-lead-personalization.yaml:1: title: YAML reads this value as a date and time (2021-06-01T00:00:00.000Z) when the site is built, not as the text it shows; put it in quotes (docs/errors.md#read-differently)',
      ],
    );
    // Quoted, it is text to both readers.
    assert.deepEqual(problemsAfter((c) => c.edit('sponsors/spotify.mdx', /^name: .*$/m, 'name: "2020-01-01"')), []);
  });

  it('a hidden character written with a YAML escape, which the text does not show', () => {
    assert.deepEqual(
      problemsAfter((c) => {
        c.edit('sponsors/spotify.mdx', /^name: .*$/m, 'name: "Spot\\u202Eify"');
        c.edit('sponsors/spotify.mdx', '  alt: Spotify', '  alt: "Spotify\\0"');
        c.edit('roles/spotify/research-lead-personalization.yaml', /^title: .*$/m, 'title: "Research\\Llead"');
      }),
      [
        'src/content/sponsors/spotify.mdx:2: name: holds U+202E (RIGHT-TO-LEFT OVERRIDE, which reverses the text after it), written with an escape in quotes: invisible characters can make the text read one way to people and another to the build; delete the escape (docs/errors.md#hidden-character)',
        'src/content/sponsors/spotify.mdx:8: logo.alt: holds U+0000 (a control character, which a web page cannot show), written with an escape in quotes: invisible characters can make the text read one way to people and another to the build; delete the escape (docs/errors.md#hidden-character)',
        'src/content/roles/spotify/research-lead-personalization.yaml:1: title: holds U+2028 (LINE SEPARATOR, which JavaScript reads as a line break), written with an escape in quotes: invisible characters can make the text read one way to people and another to the build; delete the escape (docs/errors.md#hidden-character)',
      ],
    );
  });

  it('a line starting with "---" inside front matter, where the build ends it', () => {
    assert.deepEqual(problemsAfter((c) => c.edit('sponsors/spotify.mdx', 'tier: platinum', 'tier: platinum\n---x: 1')), [
      'src/content/sponsors/spotify.mdx:4: (front matter): a line starting with "---" ends the front matter for the build, so what follows it would be read as booth text; indent it or put the value in quotes (docs/errors.md#front-matter)',
    ]);
  });

  it('a YAML bomb: aliases beyond what the build expands', () => {
    const anchors = ['x0: &a0 "lol"', ...Array.from({ length: 11 }, (_, i) => `x${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`)].join('\n');
    assert.deepEqual(problemsAfter((c) => c.edit('sponsors/spotify.mdx', /^name: /m, `${anchors}\nname: `)), [
      'src/content/sponsors/spotify.mdx:1: (YAML syntax): the build cannot read this file: Excessive alias count indicates a resource exhaustion attack; write the values out instead of repeating them with * aliases (docs/errors.md#yaml-syntax)',
    ]);
  });

  it('an image path that leads out of the sponsors folder, and a symbolic link anywhere in the content folder', () => {
    const outside = join(projectRoot, 'public', 'favicon.svg');
    assert.deepEqual(
      problemsAfter((c) => {
        c.edit('sponsors/spotify.mdx', 'src: ./spotify/logo.svg', `src: ./spotify/${'../'.repeat(8)}${outside.slice(1)}`);
        rmSync(c.content('sponsors/spotify/hero.svg'));
        symlinkSync(outside, c.content('sponsors/spotify/hero.svg'));
      }),
      [
        'src/content/sponsors/spotify.mdx:7: logo.src: is "./spotify/../../../../../../../../' + outside.slice(1) + '", which leads out of the sponsors folder; keep the image beside the sponsor file and write the path from it, e.g. "./sponsor-id/logo.svg" (docs/errors.md#file-path)',
        'src/content/sponsors/spotify/hero.svg: (file): is a symbolic link; the content folder holds files only, as a link could publish any file of the machine that builds the site: replace it with a copy of the file (docs/errors.md#symbolic-link)',
      ],
    );
  });

  it('a booth or role file in a folder the build does not read, and a folder named like a booth', () => {
    assert.deepEqual(
      problemsAfter((c) => {
        c.write('sponsors/acme/acme.mdx', c.read('sponsors/cadence-audio.mdx'));
        c.write('roles/spotify/2021/intern.yaml', c.read('roles/spotify/research-lead-personalization.yaml'));
        mkdirSync(c.content('sponsors/folder.mdx'));
      }),
      [
        'src/content/sponsors/acme/acme.mdx: (file name): the build reads booth files only directly in src/content/sponsors/, so this one would be missing from the site; move it there (docs/errors.md#unread-file)',
        'src/content/roles/spotify/2021/intern.yaml: (file name): the build reads role files only directly in src/content/roles/spotify/, so this one would be missing from the site; move it there (docs/errors.md#unread-file)',
      ],
    );
  });

  it('a text of spaces only (a no-break space as a name left the share card nothing to draw)', () => {
    assert.deepEqual(
      problemsAfter((c) => {
        c.edit('sponsors/spotify.mdx', /^name: .*$/m, 'name: "\u00a0"');
        c.edit('roles/spotify/research-lead-personalization.yaml', /^title: .*$/m, "title: '  '");
      }),
      [
        'src/content/sponsors/spotify.mdx:2: name: holds only spaces or invisible characters; write the text, or delete the field if it is optional (docs/errors.md#empty-text)',
        'src/content/roles/spotify/research-lead-personalization.yaml:1: title: holds only spaces or invisible characters; write the text, or delete the field if it is optional (docs/errors.md#empty-text)',
      ],
    );
  });

  it('a channel address with a no-break space before it is read as zod gives it, trimmed (the host check crashed the check)', () => {
    assert.deepEqual(problemsAfter((c) => c.edit('sponsors/lumen-audio.mdx', 'url: https://discord.gg/lumenaudio', 'url: "\\u00a0https://discord.gg/lumenaudio"')), []);
  });

  it('two sponsors with one name, which the site gate would refuse as two pages with one title', () => {
    assert.deepEqual(problemsAfter((c) => c.edit('sponsors/cadence-audio.mdx', /^name: .*$/m, 'name: "SPOTIFY "')), [
      'src/content/sponsors/spotify.mdx:2: name: "Spotify" is also the name of src/content/sponsors/cadence-audio.mdx; visitors could not tell the two booths apart: give one a word more, e.g. "Spotify Labs" (docs/errors.md#duplicate-name)',
    ]);
  });

  it('a link with a user name before the host, which shows one site and opens another', () => {
    assert.deepEqual(problemsAfter((c) => c.edit('sponsors/spotify.mdx', 'website: https://', 'website: https://research.atspotify.com@')), [
      'src/content/sponsors/spotify.mdx:4: website: has a user name or password before the host (the part up to "@"), which makes a link show one site and open another; delete it, e.g. "https://example.com/jobs/123" (docs/errors.md#not-http-url)',
    ]);
  });

  it('an old address with "..", on a page of the site, on a file of public/, or claimed twice', () => {
    assert.deepEqual(problemsAfter((c) => c.edit('sponsors/spotify.mdx', '  - /spotify/', '  - /spotify/\n  - /../../etc/')), [
      'src/content/sponsors/spotify.mdx:14: legacyPermalinks[1]: is string "/../../etc/"; expected a path that starts and ends with "/", e.g. "/spotify/", whose parts are not "." or ".." (docs/errors.md#value-format)',
    ]);
    const valid = problemsAfter((c) => {
      c.edit('sponsors/spotify.mdx', '  - /spotify/', '  - /spotify/\n  - /roles/\n  - /Favicon.svg/\n  - /SPOTIFY/');
      c.edit('sponsors/cadence-audio.mdx', /^tier: .*$/m, `tier: bronze\nlegacyPermalinks: [/booths/x/, /spotify/]`);
      mkdirSync(join(c.root, 'public'));
      writeFileSync(join(c.root, 'public', 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    });
    assert.deepEqual(valid, [
      'src/content/sponsors/cadence-audio.mdx:4: legacyPermalinks[0]: "/booths/x/" is an address of the new site itself; an old address must be one the new site does not use (delete it: visitors reach the booth from the hall) (docs/errors.md#taken-address)',
      'src/content/sponsors/cadence-audio.mdx:4: legacyPermalinks[1]: "/spotify/" can lead to one booth only, and src/content/sponsors/spotify.mdx lists it too; keep it in one of them (docs/errors.md#taken-address)',
      'src/content/sponsors/spotify.mdx:13: legacyPermalinks[0]: "/spotify/" can lead to one booth only, and src/content/sponsors/cadence-audio.mdx lists it too; keep it in one of them (docs/errors.md#taken-address)',
      'src/content/sponsors/spotify.mdx:14: legacyPermalinks[1]: "/roles/" is an address of the new site itself; an old address must be one the new site does not use (delete it: visitors reach the booth from the hall) (docs/errors.md#taken-address)',
      'src/content/sponsors/spotify.mdx:15: legacyPermalinks[2]: "/Favicon.svg/" is an address of the new site itself; an old address must be one the new site does not use (delete it: visitors reach the booth from the hall) (docs/errors.md#taken-address)',
      'src/content/sponsors/spotify.mdx:16: legacyPermalinks[3]: "/SPOTIFY/" is listed twice in this booth; delete this one (docs/errors.md#taken-address)',
    ]);
  });
});


describe('hidden characters written as character references in booth text', () => {
  it('are found in what the compiler emits, where the reference has become the character, in text and in props', async () => {
    const copy = projectCopy({ contentOnly: true });
    try {
      copy.edit('sponsors/spotify.mdx', '## Spotify Research', '## Spotify Research\n\nHello &#x202E;dlrow\n\nA [link](https://x.example "t&#8232;itle") here');
      const { problems } = await checkContentAndCode(copy.root, { today });
      assert.deepEqual(problems.map(formatProblem), [
        'src/content/sponsors/spotify.mdx:19: text `"Hello <U+202E>dlrow"`: holds U+202E (RIGHT-TO-LEFT OVERRIDE, which reverses the text after it), written as a character reference such as &#x202E;: invisible characters can make the text read one way to people and another to the build; delete it (docs/errors.md#hidden-character)',
        'src/content/sponsors/spotify.mdx:21: text `"t\\u2028itle"`: holds U+2028 (LINE SEPARATOR, which JavaScript reads as a line break), written as a character reference such as &#x202E;: invisible characters can make the text read one way to people and another to the build; delete it (docs/errors.md#hidden-character)',
      ]);
    } finally {
      copy.remove();
    }
  });
});

describe('picture files the build cannot read', () => {
  /** A PNG's signature and header chunk, claiming `width` × `height`: all a probe reads. */
  const pngHeader = (width: number, height: number) => {
    const data = Buffer.alloc(13);
    data.writeUInt32BE(width, 0);
    data.writeUInt32BE(height, 4);
    data.set([8, 2, 0, 0, 0], 8);
    const chunk = Buffer.concat([Buffer.from('IHDR'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(chunk));
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), chunk, crc]);
  };

  it('names a page saved as a logo and a picture too large to resize, named by a booth or not, and the demo has none', async () => {
    assert.deepEqual(await imageFileProblems(projectRoot, 'src/content'), []);
    const copy = projectCopy({ contentOnly: true });
    try {
      copy.write('sponsors/spotify/logo.png', '<!doctype html><title>404 Not Found</title>');
      writeFileSync(copy.content('sponsors/spotify/poster.png'), pngHeader(20000, 15000));
      writeFileSync(copy.content('sponsors/spotify/fine.png'), pngHeader(4000, 3000));
      copy.edit('sponsors/spotify.mdx', 'src: ./spotify/logo.svg', 'src: ./spotify/logo.png');
      const { problems } = await checkContentAndCode(copy.root, { today });
      assert.deepEqual(problems.map(formatProblem), [
        'src/content/sponsors/spotify/logo.png: (file): cannot be read as a picture (its first bytes are not those of a PNG, JPEG, WebP, AVIF or GIF file: a renamed file, or a page saved instead of the picture); save the picture again as PNG or JPEG (docs/errors.md#unreadable-image)',
        'src/content/sponsors/spotify/poster.png: (file): is 20000 × 15000 pixels (300 megapixels), more than the image pipeline opens (268 megapixels); save it at most 4,000 pixels wide (docs/errors.md#unreadable-image)',
      ]);
    } finally {
      copy.remove();
    }
  });
});
