/**
 * Every code a tool can print has a heading of its own on the tool's docs page, and every code
 * heading there is one a tool prints. The codes come from each tool's one registry (the types
 * of the problems, findings and usage errors allow no other), the headings from the pages:
 * `### \`code\``, which GitHub anchors as #code, the address every message ends with.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { commandCodes } from '../../scripts/lib/cli.ts';
import { linkCodes } from '../../scripts/lib/linkcheck/codes.ts';
import { rules } from '../../scripts/lib/verify/rules/index.ts';
import { guardRules } from '../../src/lib/mdx-guard/index.ts';
import { problemCodes } from '../../src/core/problem-codes.ts';
import { projectRoot } from '../support/project.ts';

/** The code headings of a docs page, in order. */
function codeHeadings(page: string): string[] {
  return [...readFileSync(join(projectRoot, page), 'utf8').matchAll(/^### `([^`]+)`$/gm)].map((m) => m[1]!);
}

const pages: { page: string; registries: Record<string, readonly string[]> }[] = [
  { page: 'docs/errors.md', registries: { 'the content check (src/core/problem-codes.ts)': Object.keys(problemCodes), "the commands' (scripts/lib/cli.ts commandCodes)": Object.keys(commandCodes) } },
  { page: 'docs/links.md', registries: { 'the link check (scripts/lib/linkcheck/codes.ts)': Object.keys(linkCodes) } },
  { page: 'docs/verify.md', registries: { 'the site gate (scripts/lib/verify/rules/index.ts)': rules.map((r) => r.code) } },
];

describe('error codes and their docs', () => {
  for (const { page, registries } of pages) {
    it(`${page}: a heading for every code, and no heading without one`, () => {
      const headings = codeHeadings(page);
      const codes = Object.values(registries).flat();
      assert.deepEqual(headings.filter((h, i) => headings.indexOf(h) !== i), [], `a code heading twice on ${page}`);
      assert.deepEqual(codes.filter((c, i) => codes.indexOf(c) !== i), [], `a code in two registries that share ${page}`);
      for (const [registry, list] of Object.entries(registries)) {
        assert.deepEqual(list.filter((c) => !headings.includes(c)), [], `codes of ${registry} without a heading on ${page}`);
      }
      assert.deepEqual(headings.filter((h) => !codes.includes(h)), [], `headings on ${page} that no tool prints`);
    });
  }

  it('every code is short and stable: lower-case words and hyphens, each page its own', () => {
    for (const { registries } of pages) for (const code of Object.values(registries).flat()) assert.match(code, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, code);
  });

  it('every rule of the MDX guard has its code, and its fixture', () => {
    const fixtures = readdirSync(join(projectRoot, 'tests/fixtures/mdx-guard')).filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4));
    for (const rule of guardRules) {
      assert.ok(rule in problemCodes, rule);
      assert.ok(fixtures.includes(rule), `tests/fixtures/mdx-guard/${rule}.mdx`);
    }
  });

  it('every registered code is reported somewhere: a registry holds no code nothing prints', () => {
    const sources = ['src', 'scripts']
      .flatMap((dir) => readdirSync(join(projectRoot, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
      .filter((f) => /\.(ts|astro)$/.test(f) && !/(problem-codes|linkcheck\/codes)\.ts$/.test(f) && !/\/cli\.ts$/.test(f))
      .map((f) => readFileSync(join(projectRoot, f), 'utf8'))
      .join('\n');
    const cli = readFileSync(join(projectRoot, 'scripts/lib/cli.ts'), 'utf8').replace(/export const commandCodes = \{[\s\S]*?\} as const;/, '');
    for (const code of [...Object.keys(problemCodes), ...Object.keys(linkCodes), ...Object.keys(commandCodes)]) {
      assert.ok(sources.includes(`'${code}'`) || cli.includes(`'${code}'`), `no module reports '${code}'`);
    }
  });
});
