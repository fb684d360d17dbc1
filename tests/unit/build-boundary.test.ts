/**
 * Real `astro build`s of copies of the project: booth text that ran code during the build of
 * 835d344 is refused before any of it runs; with every source-level check taken out of the
 * copy, the check of the compiled code still refuses it; and the content check compiles booths
 * to exactly the modules the build's own transform chain produces.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { boothCompiler } from '../../src/lib/mdx-guard/compiler.ts';
import { projectCopy } from './project-copy.ts';

const markers = mkdtempSync(join(tmpdir(), 'boothkit-markers-'));
after(() => rmSync(markers, { recursive: true, force: true }));

/** Code that leaves a file behind if it runs. */
const leave = (name: string) => `globalThis.process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(join(markers, name))}, "ran")`;
const ran = () => readdirSync(markers);

function edit(path: string, from: string, to: string) {
  const text = readFileSync(path, 'utf8');
  assert.ok(text.includes(from), `${path} holds ${from}`);
  writeFileSync(path, text.replace(from, to));
}

/** The line of a booth's first line of text (after "## Booth" and a blank line). */
const bodyLine = (copy: ReturnType<typeof projectCopy>, id: string) => readFileSync(copy.content(`sponsors/${id}.mdx`), 'utf8').split('\n').indexOf('## Booth') + 3;

/** A booth of the copy: the demo's Cadence Audio front matter under another name, then `body`. */
function addBooth(copy: ReturnType<typeof projectCopy>, id: string, body: string) {
  const front = readFileSync(copy.content('sponsors/cadence-audio.mdx'), 'utf8').split('\n---\n')[0]!;
  writeFileSync(copy.content(`sponsors/${id}.mdx`), `${front.replace(/^name: .*$/m, `name: Booth ${id}`)}\n---\n\n## Booth\n\n${body}\n`);
}

it('astro build refuses the booth text that ran code on 835d344, names each file and line, and none of it runs', () => {
  const copy = projectCopy();
  try {
    addBooth(copy, 'table-part', `<td title={${leave('table-part')}} />`);
    addBooth(copy, 'private-use-mark', `{\`$\uF002{${leave('private-use-mark')}}\`}`);
    addBooth(copy, 'line-separator', `{"a" // note\u2028 + ${leave('line-separator')}\n}`);
    addBooth(copy, 'image-module', '![Our logo](./image-module/run.mjs)');
    mkdirSync(copy.content('sponsors/image-module'));
    writeFileSync(copy.content('sponsors/image-module/run.mjs'), `${leave('image-module')};\n`);
    const { status, output } = copy.build();
    assert.notEqual(status, 0, output);
    const line = bodyLine(copy, 'table-part');
    assert.match(output, new RegExp(`src/content/sponsors/table-part\\.mdx:${line}: <td>: raw HTML tables and their parts are not allowed`));
    assert.match(output, new RegExp(`src/content/sponsors/private-use-mark\\.mdx:${line}: \\(hidden character\\): U\\+F002`));
    assert.match(output, new RegExp(`src/content/sponsors/line-separator\\.mdx:${line}: \\(hidden character\\): U\\+2028`));
    assert.match(output, new RegExp(`src/content/sponsors/image-module\\.mdx:${line}: image "\\./image-module/run\\.mjs": is not an image file`));
    assert.deepEqual(ran(), []);
  } finally {
    copy.remove();
  }
});

it('the content check compiles booths to the very modules the build makes; with the source checks taken out, the build still refuses code before it runs', async () => {
  const copy = projectCopy();
  try {
    // 1. What the build's transforms make of each booth, recorded by a plugin that runs after them all.
    const dump = join(copy.root, 'dump');
    mkdirSync(dump);
    const config = join(copy.root, 'astro.config.mjs');
    edit(config, '  vite: {\n', `  vite: {\n    plugins: [{ name: 'dump', enforce: 'post', transform: { filter: { id: /\\.mdx$/ }, handler(code, id) { process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(dump)} + '/' + id.split('/').pop(), code); } } }],\n`);
    const built = copy.build();
    assert.equal(built.status, 0, built.output);
    const compiler = await boothCompiler(copy.root);
    const booths = readdirSync(copy.content('sponsors')).filter((f) => f.endsWith('.mdx'));
    assert.deepEqual(readdirSync(dump).sort(), booths.sort());
    for (const name of booths) {
      const path = copy.content('sponsors', name);
      assert.equal(await compiler.compile(readFileSync(path, 'utf8'), path), readFileSync(join(dump, name), 'utf8'), name);
    }

    // 2. No source guard in the compiler, no content check before the build: only the compiled-code check is left.
    edit(config, 'boothMdx(fileURLToPath(new URL(\'.\', import.meta.url)))', 'boothMdx(fileURLToPath(new URL(\'.\', import.meta.url)), { sourceGuard: false })');
    edit(join(copy.root, 'src/integrations/content-guard.ts'), 'const { problems } = checkContent(root);', 'const problems = checkContent(root).problems.filter(() => false);');
    addBooth(copy, 'plain-code', `Our lab\nis open {${leave('plain-code')}}`);
    const refused = copy.build();
    assert.notEqual(refused.status, 0, refused.output);
    assert.match(refused.output, new RegExp(`src/content/sponsors/plain-code\\.mdx:${bodyLine(copy, 'plain-code') + 1}: compiled code`));
    assert.match(refused.output, /plain-code\.mdx:\d+: compiled code `globalThis\.process\.getBuiltinModule\("fs"\)\.writeFileSync\(.*`: is code: the compiler reads this part of the booth text as JavaScript/);
    assert.deepEqual(ran(), []);
    assert.ok(!existsSync(copy.dist('booths', 'plain-code', 'index.html')));
  } finally {
    copy.remove();
  }
});
