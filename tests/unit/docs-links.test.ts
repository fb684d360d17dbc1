/**
 * The README and docs/ link to each other and to files of the tree: every relative link must
 * reach a file that exists and, with a #fragment into Markdown, a heading of that file (as
 * GitHub names headings), so moving a section never leaves a dead link behind.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot } from '../support/project.ts';

const documents = ['README.md', ...readdirSync(join(projectRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Text without fenced code blocks and inline code spans, where brackets are not links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const [, heading] of markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const slug = heading!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    found.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return found;
}

describe('links between the README and docs/', () => {
  it('reads links of every kind the documents use', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    assert.ok([...prose(readme).matchAll(/\]\(([^)\s]+)\)/g)].length >= 10, 'the README links to docs/');
    assert.ok(anchors('## Two commands\n### `unknown-tier`\n## Build speed (`npm run bench`)\n## A\n## A').has('build-speed-npm-run-bench'));
    assert.ok(anchors('## A\n## A').has('a-1'));
  });

  for (const document of documents) {
    it(`${document}: every relative link reaches a file and a heading`, () => {
      const text = readFileSync(join(projectRoot, document), 'utf8');
      const dead: string[] = [];
      for (const [, target] of prose(text).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target!)) continue;
        const [path, fragment] = target!.split('#') as [string, string | undefined];
        const file = path === '' ? document : relative(projectRoot, join(projectRoot, dirname(document), path));
        if (!existsSync(join(projectRoot, file))) {
          dead.push(`${target}: no file ${file}`);
          continue;
        }
        if (fragment && file.endsWith('.md') && !anchors(readFileSync(join(projectRoot, file), 'utf8')).has(fragment)) dead.push(`${target}: no heading #${fragment} in ${file}`);
      }
      assert.deepEqual(dead, []);
    });
  }
});
