/**
 * Real `astro build`s of a copy of the project: the content check compiles booths to exactly
 * the modules the build's own transform chain produces; and with every source-level check
 * taken out of the copy, the check of the compiled code still refuses booth text that is code,
 * before any of it runs. (The holes of issue 20 in a full build: build-fails.test.ts.)
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { boothCompiler } from '../../src/lib/mdx-guard/compiler.ts';
import { addBooth, bodyLine, markers, projectCopy } from '../support/project.ts';

const code = markers();
after(() => code.remove());

function edit(path: string, from: string, to: string) {
  const text = readFileSync(path, 'utf8');
  assert.ok(text.includes(from), `${path} holds ${from}`);
  writeFileSync(path, text.replace(from, to));
}

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
    edit(join(copy.root, 'src/integrations/content-guard.ts'), 'const problems = [...checkContent(root).problems, ...(await imageFileProblems(root, contentDir))];', 'const problems = checkContent(root).problems.filter(() => false);');
    addBooth(copy, 'plain-code', `Our lab\nis open {${code.leave('plain-code')}}`);
    const refused = copy.build();
    assert.notEqual(refused.status, 0, refused.output);
    assert.match(refused.output, new RegExp(`src/content/sponsors/plain-code\\.mdx:${bodyLine(copy, 'plain-code') + 1}: compiled code`));
    assert.match(refused.output, /plain-code\.mdx:\d+: compiled code `globalThis\.process\.getBuiltinModule\("fs"\)\.writeFileSync\(.*`: is code: the compiler reads this part of the booth text as JavaScript/);
    assert.deepEqual(code.ran(), []);
    assert.ok(!existsSync(copy.dist('booths', 'plain-code', 'index.html')));
  } finally {
    copy.remove();
  }
});
