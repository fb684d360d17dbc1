/**
 * The MDX guard: one fixture per forbidden construct in tests/fixtures/mdx-guard/, each
 * failing with file:line, the construct and what to use instead (wording pinned); the valid
 * fixture passes; the Sätteri plugin used by the build throws once with every problem.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { mdxToJs, mdxToMdast } from 'satteri';
import { checkContent } from '../../src/lib/content-check.ts';
import { guardSource } from '../../src/lib/mdx-guard/check.ts';
import { guardRules, guardTree, type GuardNode } from '../../src/lib/mdx-guard/index.ts';
import { isPlainValue } from '../../src/lib/mdx-guard/plain-value.ts';
import { mdxGuardPlugin } from '../../src/lib/mdx-guard/plugin.ts';
import { readPlacements } from '../../src/lib/mdx-guard/placements.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { projectCopy, projectRoot } from '../support/project.ts';

const dir = 'tests/fixtures/mdx-guard';
const components = 'Figure, Gallery, Video, Audio, Callout, LinkList, Units, Contacts, Events, Publications, Showcase, Media, People, Offers, Resources';

/** Expected output per fixture; the file name is the rule it exercises. */
const expected: Record<string, string[]> = {
  directive: [':7: set:html= on <Callout>: directives are not allowed in booth files (client:* ships JavaScript, set:html injects raw HTML); remove it (docs/errors.md#directive)'],
  'event-handler': [':7: onMouseOver= on <Callout>: event handlers are JavaScript, which booth pages never run; remove it (docs/errors.md#event-handler)'],
  expression: [':7: {new Date().getFullYear() - 2010}: is code, which would run at build time; write the text itself, or a plain value such as {"text"} (docs/errors.md#expression)'],
  'extra-h1': [":7: # Welcome: the page's only h1 is the sponsor name; start sections at ## (h2) (docs/errors.md#extra-h1)"],
  head: [':7: <head>: the page head belongs to the site; remove it (the title and description come from name: and summary: in the front matter, styles from the theme) (docs/errors.md#head)'],
  'heading-skip': [':7: #### Details: heading levels must not skip: this h4 follows an h2; use ### (h3) (docs/errors.md#heading-skip)'],
  'remote-image': [':7: image "https://cdn.example.com/lab.png": images must be local files: download it next to the sponsor file (e.g. "./sponsor-id/photo.jpg") so the build can optimise it (docs/errors.md#remote-image)'],
  'image-path': [':7: image "../../../scripts/intake.ts": is not an image file beside the sponsor file: write the path from the sponsor file, e.g. "./sponsor-id/photo.jpg", to a .png, .jpg, .webp, .avif, .gif or .svg file, without "../", "?" or "%" (the build imports the file, and a file of another kind would run as code) (docs/errors.md#image-path)'],
  iframe: [':7: <iframe>: third-party frames load scripts and trackers; list the video under media: in the front matter and place it with <Video id="…" /> (a poster and a link) (docs/errors.md#iframe)'],
  'no-alt-text': [':7: image "./images/lab.png" without alt text: people who cannot see the image need its alt text; write it between the brackets: ![what the image shows](./sponsor-id/photo.jpg) (docs/errors.md#no-alt-text)'],
  'image-reference': [':7: ![Our lab][lab]: reference-style images are not shown by the build; write the path in place: ![what the image shows](./sponsor-id/photo.jpg) (docs/errors.md#image-reference)'],
  'import-export': [
    `:7: import: booth files never import: the components (${components}) are available by name, and data belongs in the front matter (docs/errors.md#import-export)`,
    `:9: <Chart>: is not a booth component; use one of ${components} (docs/errors.md#unknown-component)`,
  ],
  'inline-style': [':7: style= on <Callout>: inline styles are not allowed (the Content-Security-Policy blocks them); remove it and let the theme style the booth (docs/errors.md#inline-style)'],
  'no-such-file': [':7: image "./images/no-such-file.png": no such file; paths are relative to the sponsor file, e.g. "./sponsor-id/photo.jpg" (docs/errors.md#no-such-file)'],
  'missing-prop': [':7: <Figure>: needs src="…"; <Figure> takes src, alt, decorative, caption, credit, text (docs/errors.md#missing-prop)'],
  'obsolete-html': [':7: <center>: presentational HTML is not allowed; remove it and let the theme lay out the text (for emphasis use **bold** or <Callout>) (docs/errors.md#obsolete-html)'],
  'raw-html': [':7: <div>: raw HTML is not allowed in booth files; write Markdown, or use <Callout> for a highlighted block (docs/errors.md#raw-html)'],
  'raw-table': [':7: <table>: raw HTML tables are not allowed; put roles in role files (src/content/roles/<sponsor-id>/) so the role table shows them, or write a Markdown table (| a | b |) (docs/errors.md#raw-table)'],
  script: [':7: <script>: booth pages run no JavaScript; remove it (for a video use <Video id="…" />, for a sign-up form a channel with kind: form) (docs/errors.md#script)'],
  nesting: [':7: 65 levels deep: booth text nests elements at most 64 levels deep (a quote in a quote, a list in a list, a tag in a tag); flatten this part (docs/errors.md#nesting)'],
  style: [
    ':7: <style>: the site theme styles every booth and the Content-Security-Policy blocks page styles; remove it (for a highlighted block use <Callout>) (docs/errors.md#style)',
    ':7: {`h2 { color: red }`}: is code, which would run at build time; write the text itself, or a plain value such as {"text"} (docs/errors.md#expression)',
  ],
  'unknown-component': [`:7: <Figur>: is not a booth component; use one of ${components}. Did you mean "Figure"? (docs/errors.md#unknown-component)`],
  'unknown-media': [':7: <Video> id="demo-vidoe": no media item has this id; expected one of demo, demo-video. Did you mean "demo-video"? (docs/errors.md#unknown-media)'],
  'unknown-prop': [':7: captoin= on <Figure>: unknown prop "captoin"; <Figure> takes src, alt, decorative, caption, credit, text. Did you mean "caption"? (docs/errors.md#unknown-prop)'],
  'unsafe-url': [':7: Markdown link: "javascript:alert(document.cookie)" is a javascript: URL, which could run code; use an https:// address (docs/errors.md#unsafe-url)'],
  'wrapped-link': [':7: Markdown link: "https://urldefense.com/v3/__https://jobs.example.com/open__;!!abc" is wrapped in a Proofpoint urldefense redirect, which expires and tracks clicks; use the address inside: "https://jobs.example.com/open" (docs/errors.md#wrapped-link)'],
  'tracking-parameters': [':7: Markdown link: "https://jobs.example.com/open?utm_source=newsletter&id=7" carries tracking parameters (utm_source); use "https://jobs.example.com/open?id=7" (docs/errors.md#tracking-parameters)'],
  valid: [],
};

function guardFixture(name: string): string[] {
  const file = `${dir}/${name}.mdx`;
  const problems = guardSource(readFileSync(join(projectRoot, file), 'utf8'), file, {
    mediaIds: ['demo', 'demo-video'],
    fileExists: (path) => existsSync(resolve(projectRoot, dir, path)),
  });
  return problems.map((p) => formatProblem(p).replace(`${file}:`, ':'));
}

describe('one fixture per forbidden construct', () => {
  it(`covers all ${guardRules.length} rules, each with its own fixture`, () => {
    const fixtures = readdirSync(join(projectRoot, dir)).filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4));
    assert.deepEqual([...guardRules].sort(), fixtures.filter((f) => f !== 'valid').sort());
    assert.deepEqual(Object.keys(expected).sort(), fixtures.sort());
  });

  for (const [name, messages] of Object.entries(expected)) {
    it(`${name}.mdx`, () => assert.deepEqual(guardFixture(name), messages));
  }

  it('each fixture trips exactly its own rule first', () => {
    for (const rule of guardRules) {
      const source = readFileSync(join(projectRoot, dir, `${rule}.mdx`), 'utf8');
      const found = guardTree(parse(source), { mediaIds: ['demo', 'demo-video'], fileExists: (p) => existsSync(resolve(projectRoot, dir, p)) });
      assert.equal(found[0]?.rule, rule, `${rule}.mdx`);
    }
  });
});

/** The same parser the build uses, with positions. */
function parse(source: string): GuardNode {
  return mdxToMdast(source, { position: true }) as GuardNode;
}

describe('more forms of the forbidden constructs', () => {
  const body = (text: string) => guardSource(`## Booth\n\n${text}\n`, 'x.mdx').map((p) => `${p.line}: ${p.field}`);

  it('unsafe schemes in any case, with whitespace, in images, definitions and props', () => {
    assert.deepEqual(body('[a](JavaScript:alert(1)) [b][ref]\n\n[ref]: data:text/html;base64,PHNjcmlwdD4=\n\n<LinkList>\n\n- [c](vbscript:x)\n\n</LinkList>'), [
      '3: Markdown link',
      '5: link definition',
      '9: Markdown link',
    ]);
  });

  it('export, client: directives, spread props and code in props', () => {
    assert.deepEqual(body('export const year = 2020\n\n<Callout client:load {...props} title={`${year}`} />'), [
      '3: export',
      '5: client:load= on <Callout>',
      '5: {...props} in <Callout>',
      '5: title={`${year}`} on <Callout>',
    ]);
  });

  it('a <Figure> without alt, hot-linked, and Figure with decorative needs none', () => {
    assert.deepEqual(body('<Figure src="./a.png" />\n\n<Figure src="https://x.example/a.png" alt="A" />\n\n<Figure src="./a.png" decorative />'), [
      '3: image "./a.png" without alt text',
      '5: image "https://x.example/a.png"',
    ]);
  });

  it('reports every problem of a file, in order', () => {
    assert.deepEqual(body('# Title\n\n<script />\n\n<iframe />\n\n#### Deep'), ['3: # Title', '5: <script>', '7: <iframe>', '9: #### Deep']);
  });

  it('a syntax error names the line', () => {
    assert.deepEqual(guardSource('## Booth\n\n<!-- a comment -->\n', 'x.mdx').map(formatProblem), [
      'x.mdx:3: (MDX syntax): cannot be read as MDX: Unexpected character `!` (U+0021) before name, expected a character that can start a name, such as a letter, `$`, or `_` (note: to create a comment in MDX, use `{/* text */}`) (docs/errors.md#mdx-syntax)',
    ]);
  });
});

describe('plain values', () => {
  it('accepts one string, number or boolean literal, and comments', () => {
    for (const ok of ['"a"', "'b'", '42', '-1.5e3', 'true', 'false', '/* note */', ' // note\n 7 ', '"a" // note\n']) {
      assert.ok(isPlainValue(ok), ok);
    }
  });
  it('refuses code, and values that are not a string, number or boolean', () => {
    for (const bad of ['a', '1 + 1', 'f()', '`${x}`', '`c`', 'null', '[1]', '{ a: 1 }', '{ ...a }', 'new Date()', '"a".length', '(1)', 'import("x")', '/* open', '1n']) {
      assert.ok(!isPlainValue(bad), bad);
    }
  });
  it('ends a // comment where JavaScript does: at CR, U+2028 and U+2029 too, not only at a line feed', () => {
    for (const terminator of ['\r', '\u2028', '\u2029']) assert.ok(!isPlainValue(`"a" // note${terminator} + f()\n`), JSON.stringify(terminator));
  });
});

describe('the holes of issue 20, refused by the source guard with their reasons', () => {
  const problems = (body: string) => guardSource(`---\nname: x\n---\n## Booth\n\n${body}\n`, 'x.mdx').map((p) => `${p.line}: ${p.field}: ${p.message.split(';')[0]}`);

  it('a table part outside a table is reported, and the code in its props', () => {
    assert.deepEqual(problems('<td title={globalThis.process.exit(1)} />'), [
      '6: <td>: raw HTML tables and their parts are not allowed',
      '6: title={globalThis.process.exit(1)} on <td>: is code, which would run at build time',
    ]);
  });

  it('code in the props of a cell inside a table is reported too', () => {
    assert.deepEqual(problems('<table><tr><td title={f()}>a</td></tr></table>'), ['6: <table>: raw HTML tables are not allowed', '6: title={f()} on <td>: is code, which would run at build time']);
  });

  it('the parser\'s private-use mark that the compiler deletes, and the template around it', () => {
    assert.deepEqual(problems('{`$\uF002{f()}`}'), [
      '6: (hidden character): U+F002 (a private-use character, which has no meaning outside one program and which the MDX compiler treats specially) at column 4: invisible characters can make the text read one way to people and another to the build',
      '6: {`$ {f()}`}: is code, which would run at build time',
    ]);
  });

  it('a line separator that ends a // comment for the compiler, shown where it is', () => {
    assert.deepEqual(problems('{"a" // note\u2028 + f()\n}'), [
      '6: (hidden character): U+2028 (LINE SEPARATOR, which JavaScript reads as a line break) at column 13: invisible characters can make the text read one way to people and another to the build',
      '6: {"a" // note<U+2028> + f()\n}: is code, which would run at build time',
    ]);
  });
});

describe('hidden characters', () => {
  const found = (text: string) => guardSource(`---\nname: x\n---\n${text}\n`, 'x.mdx').filter((p) => p.field === '(hidden character)').map((p) => `${p.line}: ${p.message.split(':')[0]}`);

  it('private use, line and paragraph separators, a lone CR and the bidirectional controls, each named with line and column', () => {
    assert.deepEqual(found('a\uE000b'), ['4: U+E000 (a private-use character, which has no meaning outside one program and which the MDX compiler treats specially) at column 2']);
    assert.deepEqual(found('x \u{F0000}'), ['4: U+F0000 (a private-use character, which has no meaning outside one program and which the MDX compiler treats specially) at column 3']);
    assert.deepEqual(found('one\u2029two'), ['4: U+2029 (PARAGRAPH SEPARATOR, which JavaScript reads as a line break) at column 4']);
    assert.deepEqual(found('one\rtwo'), ['4: U+000D (a carriage return without a line feed, which some programs read as a line break and others do not) at column 4']);
    assert.deepEqual(found('admin\u202E\u2066 check'), ['4: U+202E (RIGHT-TO-LEFT OVERRIDE, which reverses the text after it) at column 6 (and 1 more such character on this line)']);
  });

  it('in the front matter too, and not in Windows line ends, bidirectional marks or a byte order mark', () => {
    assert.deepEqual(guardSource('---\nname: "Acme\u202E"\n---\ntext\n', 'x.mdx').map((p) => `${p.line}: ${p.field}`), ['2: (hidden character)']);
    assert.deepEqual(guardSource('---\r\nname: Acme\r\n---\r\n## \u05D0\u200F Booth\r\n\r\nText \u200E\uFEFF\r\n', 'x.mdx'), []);
  });

  it('in role and list files, through the content check', () => {
    const copy = projectCopy({ contentOnly: true });
    try {
      copy.edit('roles/spotify/research-lead-personalization.yaml', /^title: (.*)$/m, 'title: $1\u202E');
      const problems = checkContent(copy.root, { today: '2026-01-01' }).problems.map(formatProblem);
      assert.deepEqual(
        problems.filter((p) => p.includes('(hidden character)')).map((p) => p.split(' (RIGHT')[0]),
        ['src/content/roles/spotify/research-lead-personalization.yaml:1: (hidden character): U+202E'],
      );
    } finally {
      copy.remove();
    }
  });
});

describe('the Sätteri plugin the build runs', () => {
  const fileURL = pathToFileURL(join(projectRoot, 'src/content/sponsors/acme.mdx'));

  it('throws once with every problem of the file, with file:line', async () => {
    const source = '\n\n\n## Booth\n\n<script>x</script>\n\n<div style="x">y</div>\n';
    await assert.rejects(async () => mdxToJs(source, { mdastPlugins: [mdxGuardPlugin(projectRoot)], fileURL }), (error: Error) => {
      assert.match(error.message, /src\/content\/sponsors\/acme\.mdx:6: <script>: booth pages run no JavaScript/);
      assert.match(error.message, /src\/content\/sponsors\/acme\.mdx:8: <div>: raw HTML is not allowed/);
      assert.match(error.message, /src\/content\/sponsors\/acme\.mdx:8: style= on <div>: inline styles are not allowed/);
      return true;
    });
  });

  it('drops the private block from the compiled module and records placed sections and media', async () => {
    const frontmatter: Record<string, unknown> = { name: 'Acme', media: [{ id: 'demo' }], private: { notes: 'call Jo on 555-0100' } };
    const result = await mdxToJs('## Booth\n\n<Events />\n\n<Video id="demo" />\n', {
      mdastPlugins: [mdxGuardPlugin(projectRoot)],
      fileURL,
      // Astro seeds more fields (headings, image paths); the guard reads only the front matter.
      data: { astro: { frontmatter } as never },
    });
    assert.equal(frontmatter['private'], undefined);
    assert.deepEqual(readPlacements(frontmatter), { sections: ['Events'], media: ['demo'] });
    assert.ok(!result.code.includes('555-0100'));
  });
});

describe('the content check runs the guard over every sponsor body', () => {
  it('reports body and front matter problems of all files together', () => {
    const copy = projectCopy({ contentOnly: true });
    try {
      copy.edit('sponsors/resonance-labs.mdx', '## Who we are', '# Who we are\n\n<iframe src="https://example.com" />');
      copy.edit('sponsors/spotify.mdx', 'tier: platinum', 'tier: platnum');
      const h1 = copy.read('sponsors/resonance-labs.mdx').split('\n').indexOf('# Who we are') + 1;
      const problems = checkContent(copy.root, { today: '2026-01-01' }).problems.map(formatProblem);
      assert.deepEqual(
        problems.filter((p) => p.includes('resonance-labs.mdx') || p.includes('spotify.mdx')).map((p) => p.split(': ').slice(0, 2).join(': ')),
        [`src/content/sponsors/resonance-labs.mdx:${h1}: # Who we are`, `src/content/sponsors/resonance-labs.mdx:${h1 + 2}: <iframe>`, 'src/content/sponsors/spotify.mdx:3: tier'],
      );
    } finally {
      copy.remove();
    }
  });
});
