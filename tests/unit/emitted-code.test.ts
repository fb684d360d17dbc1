/**
 * The check of what the MDX compiler emits (src/lib/mdx-guard/emitted.ts): everything a booth
 * may be compiles to code it accepts; code in any form, put into a real compiled module, is
 * refused; problems name the file, the line and the code. (The holes of issue 20 through
 * `npm run check:content`: tests/integration/check-content-cli.test.ts; through a real build:
 * tests/integration/build-fails.test.ts and build-boundary.test.ts.)
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { boothCompiler, emittedCodeProblems, type BoothCompiler } from '../../src/lib/mdx-guard/compiler.ts';
import { emittedProblems } from '../../src/lib/mdx-guard/emitted.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { projectRoot } from '../support/project.ts';

const booth = (body: string) => `---\nname: Acme\n---\n${body}`;
const sponsorPath = join(projectRoot, 'src/content/sponsors/acme.mdx');

/** A body with every Markdown feature, every component, the allowed inline HTML and the plain values. */
const everything = `## Head "quoted" -- dash...

### H3 with \`code\`

#### H4

Para with *em*, **strong**, ~~del~~, [link](https://x.example "title"), www.example.com, jo@acme.example, a footnote[^1], &amp; &copy; &#123;.
Hard break  
next line\\
third.

> quote
> - in list

1. one
2. two
   - [ ] task
   - [x] done

---

| left | center | right |
|:-----|:------:|------:|
| a    | b      | c     |

\`\`\`js
const x = "{code}";
\`\`\`

![Alt text](./acme/a.png "Img title")

<Figure src="./acme/b.png" alt="B" decorative />
<Figure src="./acme/c.png" alt={"C"} caption='single' credit={42} />
<Callout kind="tip" title="T">

Inside **md**.

</Callout>

<Gallery caption="G">
  <Figure src="./acme/d.png" alt="D" />
</Gallery>

<Video id="v" /> <Audio url="https://x.example/a.mp3" title="A" />

Inline <abbr title="x">y</abbr> <br /> <wbr /> <sup>1</sup> <sub>2</sub> <small>s</small> <mark>m</mark> <kbd>k</kbd> <dfn title="d">d</dfn> <q cite="https://q.example">q</q> <s>s</s> <del>d</del> <ins>i</ins> <time datetime="2020-01-01">t</time> <span lang="fr">fr</span> <time /> <span />

{"plain"} {42} {-1.5} {true} {false} {/* comment */}

<LinkList title="L">

- [a](https://a.example)

</LinkList>

<Units /> <Contacts /> <Events /> <Publications /> <Showcase /> <Media /> <People /> <Offers /> <Resources />

[^1]: The note.
`;

describe('what a booth may be compiles to code the check accepts', () => {
  let compiler: BoothCompiler;
  before(async () => {
    compiler = await boothCompiler(projectRoot);
  });

  it('every demo booth, as the build compiles it', async () => {
    const dir = join(projectRoot, 'src/content/sponsors');
    const files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
    assert.ok(files.length >= 5);
    for (const name of files) {
      const code = await compiler.compile(readFileSync(join(dir, name), 'utf8'), join(dir, name));
      assert.deepEqual(emittedProblems(code), [], name);
    }
  });

  it('every Markdown feature, component, inline HTML element and plain value, and an empty body', async () => {
    for (const body of [everything, '', 'Just text.\n', '<Events />\n']) {
      assert.deepEqual(emittedProblems(await compiler.compile(booth(body), sponsorPath)), [], JSON.stringify(body.slice(0, 30)));
    }
  });
});

describe('code in any form is refused', () => {
  let base: string;
  before(async () => {
    const compiler = await boothCompiler(projectRoot, { sourceGuard: false });
    base = await compiler.compile(booth('## Hi\n\nText {"HERE"} and ![A](./acme/a.png)\n\n<abbr title="T">y</abbr> <Figure src="./acme/b.png" alt="B" />\n'), sponsorPath);
  });
  /** The compiled module with one part replaced; the replacement must happen. */
  const mutate = (from: string, to: string) => {
    assert.ok(base.includes(from), from);
    return base.replace(from, () => to);
  };
  /** What the check refuses in `code`, which must still parse (a refusal for a syntax error would prove nothing). */
  const refused = (code: string) => {
    const constructs = emittedProblems(code).map((p) => p.construct);
    assert.ok(!constructs.includes('compiled code'), `does not parse: ${code.slice(0, 80)}`);
    return constructs;
  };

  it('the module as compiled passes', () => assert.deepEqual(refused(base), []));

  it('in text: calls, members, names, operators, templates, new, import(), and values that are not a string, number or boolean', () => {
    for (const code of ['f()', 'a.b', 'x', '"a" + b', '`${x}`', '`x`', 'new Date()', 'import("x")', '(0, eval)("1")', 'null', '[1]', '({ a: 1 })', '-x', '1n', '/re/', 'x = 1', 'void 0', 'this', 'props.components']) {
      assert.notDeepEqual(refused(mutate('"HERE"', code)), [], code);
    }
  });

  it('in props: code, spreads, computed names, getters, methods, __proto__, shorthand', () => {
    for (const props of ['{ title: f() }', '{ ...x }', '{ [k]: "a" }', '{ get title() { return f(); } }', '{ title() {} }', '{ __proto__: "a" }', '{ title }', '{ style: { color: "red" } }', '{ title: "T", children: f() }']) {
      assert.notDeepEqual(refused(mutate('{\n            title: "T",\n            children: "y"\n        }', props)), [], props);
    }
  });

  it('props a browser or Astro would act on: directives, event handlers, styles, addresses that run code', () => {
    for (const props of ['{ "set:html": "<script>x</script>" }', '{ "client:load": true }', '{ onclick: "x()" }', '{ onMouseOver: "x()" }', '{ style: "color: red" }', '{ dangerouslySetInnerHTML: "x" }', '{ cite: "javascript:alert(1)" }', '{ cite: " JaVa\\tScRiPt:x" }', '{ cite: "data:text/html,x" }']) {
      assert.notDeepEqual(refused(mutate('{\n            title: "T",\n            children: "y"\n        }', props)), [], props);
    }
  });

  it('elements: tags a booth may not show, components it did not declare, calls that are not the runtime\'s', () => {
    for (const [from, to] of [
      ['_jsx("abbr"', '_jsx("script"'],
      ['_jsx("abbr"', '_jsx("td"'],
      ['_jsx("abbr"', '_jsx(_components.script'],
      ['_jsx("abbr"', '_jsx(Callout'],
      ['_jsx("abbr"', 'f("abbr"'],
      ['_jsx("abbr"', '_jsx?.("abbr"'],
      ['p: "p"', 'p: "p", script: "script"'],
      ['p: "p"', 'p: f()'],
      ['const { Figure } = _components;', 'const { Figure, Foo } = _components;'],
      ['const { Figure } = _components;', 'const { Figure: f } = _components;'],
      ['if (!Figure) _missingMdxReference("Figure", true);', 'if (!Figure) f();'],
    ] as const) {
      assert.notDeepEqual(refused(mutate(from, to)), [], to);
    }
  });

  it('statements: imports of anything but a local image, exports, data that is code, changed scaffolding', () => {
    for (const statement of [
      'import x from "./x.mjs";',
      'import x from "../x.png";',
      'import x from "./x.png?raw";',
      'import x from "node:fs";',
      'import * as y from "astro/jsx-runtime";',
      'import "./a.png";',
      'export const x = f();',
      'export { x as y } from "./x.mjs";',
      'f();',
      'export const frontmatter2 = {};',
      'Content.moduleId = f();',
    ]) {
      assert.notDeepEqual(refused(`${base}\n${statement}`), [], statement);
    }
    for (const [from, to] of [
      ['export const frontmatter = {"name":"Acme"', 'export const frontmatter = {"name":f()'],
      ['export const frontmatter = {"name":"Acme"', 'export const frontmatter = {"__proto__":{}'],
      ['export const frontmatter = {"name":"Acme"', 'export const frontmatter = {get name() { return f(); }'],
      ['export function getHeadings() { return [', 'export function getHeadings() { f(); return ['],
      ['return MDXLayout ?', 'f(); return MDXLayout ?'],
      ['Content[Symbol.for(\'mdx-component\')] = true', 'Content[Symbol.for(\'mdx-component\')] = f()'],
      ['function _createMdxContent(props) {', 'function _createMdxContent(props, x = f()) {'],
      ['function _createMdxContent(props) {', 'function _createMdxContent(props) {\n    f();'],
    ] as const) {
      assert.notDeepEqual(refused(mutate(from, to)), [], to);
    }
  });

  it('a front matter layout, which makes the compiler import that file and wrap the booth in it', async () => {
    const compiler = await boothCompiler(projectRoot, { sourceGuard: false });
    const code = await compiler.compile('---\nname: Acme\nlayout: ../../../scripts/intake.ts\n---\n## Hi\n', sponsorPath);
    assert.ok(code.includes('import __astro_layout_component__ from "../../../scripts/intake.ts"'));
    assert.ok(refused(code).some((c) => c.startsWith('import __astro_layout_component__')));
  });

  it('code that does not parse', () => assert.deepEqual(emittedProblems('export const x = ;').map((p) => p.construct), ['compiled code']));
});

describe('problems name the file, the line of the booth text and the code', () => {
  it('the line from a development compile, narrowed to the line that holds the code', async () => {
    const source = booth('## Hi\n\nA paragraph\nthat goes on {"a" + globalThis.x}\n\n<abbr title={f()}>y</abbr>\n');
    const compiler = await boothCompiler(projectRoot, { sourceGuard: false });
    const problems = await emittedCodeProblems(await compiler.compile(source, sponsorPath), source, 'src/content/sponsors/acme.mdx');
    assert.deepEqual(problems.map(formatProblem), [
      'src/content/sponsors/acme.mdx:7: compiled code `"a" + globalThis.x`: is code: the compiler reads this part of the booth text as JavaScript, which would run when the site is built. Write it as text (a brace as \\{), or a plain value such as {"text"}, {42} or {true} (docs/errors.md#compiled-code)',
      'src/content/sponsors/acme.mdx:9: compiled code `f()`: is code: the compiler reads this part of the booth text as JavaScript, which would run when the site is built. Write a plain value, e.g. title="text" or title={true} (docs/errors.md#compiled-code)',
    ]);
  });
});

describe('the parser', () => {
  it('is the bundler\'s own: the rolldown that Vite bundles the site with', () => {
    const ours = createRequire(join(projectRoot, 'package.json')).resolve('rolldown/parseAst');
    const vites = createRequire(createRequire(join(projectRoot, 'package.json')).resolve('vite')).resolve('rolldown/parseAst');
    assert.equal(ours, vites);
  });
});
