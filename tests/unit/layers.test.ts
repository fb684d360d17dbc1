/**
 * The layers of the code (docs/architecture.md), held by reading every import of every module
 * with a real parser (rolldown's, the one the compiled-code check uses; for a component, its
 * front matter): no module imports from a layer above its own, and no two modules import each
 * other, directly or around a circle, type imports included.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parseSync } from 'rolldown/utils';
import { splitFrontMatter } from '../../src/core/front-matter.ts';
import { projectRoot } from '../support/project.ts';

/** Layers from the bottom up; a module may import from its own layer and those below it. */
const layers = [
  { name: 'core', holds: ['src/core/'] },
  { name: 'schemas', holds: ['src/schemas/'] },
  { name: 'lib', holds: ['src/lib/'] },
  { name: 'site', holds: ['src/content.ts', 'src/content.config.ts', 'src/integrations/', 'src/components/', 'src/layouts/', 'src/pages/', 'src/styles/', 'astro.config.mjs'] },
  { name: 'tools', holds: ['scripts/lib/'] },
  { name: 'commands', holds: ['scripts/'] },
  { name: 'tests', holds: ['tests/', 'e2e/'] },
] as const;

/** What a layer may not import even though it is lower: the tools and commands read content, never the site's pages. */
const apart: Record<string, readonly string[]> = { tools: ['site'], commands: ['site'] };

type Layer = (typeof layers)[number]['name'];

function layerOf(file: string): Layer | undefined {
  // The most specific prefix decides: scripts/lib/ before scripts/.
  let found: { name: Layer; length: number } | undefined;
  for (const layer of layers) for (const prefix of layer.holds) if (file.startsWith(prefix) && prefix.length > (found?.length ?? -1)) found = { name: layer.name, length: prefix.length };
  return found?.name;
}

const rank = (layer: Layer) => layers.findIndex((l) => l.name === layer);

function modules(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(projectRoot, dir)).flatMap((name) => {
      const path = `${dir}/${name}`;
      if (name === 'node_modules' || name === 'fixtures' || name === 'content') return [];
      if (statSync(join(projectRoot, path)).isDirectory()) return walk(path);
      return /\.(ts|mjs|astro)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
    });
  return [...walk('src'), ...walk('scripts'), ...walk('tests'), ...walk('e2e'), 'astro.config.mjs'];
}

/** The project modules a module imports (static, dynamic with a literal, re-exports, type imports), as project paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(projectRoot, file), 'utf8');
  const code = file.endsWith('.astro') ? (splitFrontMatter(text)?.yaml ?? '') : text;
  const { module, errors } = parseSync(file.replace(/\.(astro|mjs)$/, '.ts'), code, { lang: 'ts' });
  assert.deepEqual(errors.map((e) => e.message), [], `${file} parses`);
  const specifiers = [
    ...module.staticImports.map((i) => i.moduleRequest.value),
    ...module.staticExports.flatMap((e) => e.entries.flatMap((entry) => (entry.moduleRequest ? [entry.moduleRequest.value] : []))),
    ...module.dynamicImports.flatMap((d) => {
      const literal = /^(['"`])([^'"`$]*)\1$/.exec(code.slice(d.moduleRequest.start, d.moduleRequest.end));
      return literal ? [literal[2]!] : [];
    }),
  ];
  return [
    ...new Set(
      specifiers
        .filter((s) => s.startsWith('.'))
        .map((s) => relative(projectRoot, resolve(projectRoot, dirname(file), s.replace(/\?.*$/, ''))).split('\\').join('/'))
        .filter((target) => existsSync(join(projectRoot, target)) && /\.(ts|mjs|astro)$/.test(target)),
    ),
  ];
}

const graph = new Map(modules().map((file) => [file, importsOf(file)]));

describe('layers', () => {
  it('reads the imports of every module', () => {
    assert.ok(graph.size > 250, `${graph.size} modules`);
    // The parser finds every kind of import this tree uses, so a rule below cannot pass for want of one.
    assert.ok(graph.get('src/content.ts')!.includes('src/lib/model.ts'), 'a named import');
    assert.ok(graph.get('src/lib/mdx-guard/index.ts')!.includes('src/core/problem-codes.ts'), 'a type import');
    assert.ok(graph.get('scripts/lib/linkcheck/run.ts')!.includes('scripts/lib/linkcheck/external.ts'), 'a dynamic import');
    assert.ok(graph.get('src/pages/index.astro')!.includes('src/content.ts'), "a component's import");
  });

  it('no module imports from a layer above its own (or one it is kept apart from)', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      const from = layerOf(file);
      assert.ok(from, `${file} belongs to a layer`);
      for (const target of targets) {
        const to = layerOf(target)!;
        if (rank(to) > rank(from) || apart[from]?.includes(to)) wrong.push(`${file} (${from}) imports ${target} (${to})`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('no circle between files', () => {
    // Tarjan's strongly connected components: any with two or more files is a circle.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const circles: string[][] = [];
    let next = 0;
    const visit = (file: string) => {
      index.set(file, next);
      low.set(file, next++);
      stack.push(file);
      onStack.add(file);
      for (const target of graph.get(file) ?? []) {
        if (!index.has(target)) {
          visit(target);
          low.set(file, Math.min(low.get(file)!, low.get(target)!));
        } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
      if (low.get(file) === index.get(file)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== file);
        if (component.length > 1) circles.push(component.sort());
      }
    };
    for (const file of graph.keys()) if (!index.has(file)) visit(file);
    assert.deepEqual(circles, []);
  });
});
