/**
 * Runs the guard over MDX source text outside the build (the content check and tests):
 * parses with Sätteri, the same parser the build uses, so lines and nodes match.
 */
import { mdxToMdast } from 'satteri';
import type { Problem } from '../../core/problems.ts';
import { hiddenCharacterProblems } from './characters.ts';
import { guardTree, toProblems, type GuardNode, type GuardOptions } from './index.ts';

/** Every guard problem of one MDX file (front matter included, so lines are file lines), hidden characters first. */
export function guardSource(source: string, file: string, options: GuardOptions = {}): Problem[] {
  return [...hiddenCharacterProblems(source, file), ...guardMdx(source, file, options)];
}

function guardMdx(source: string, file: string, options: GuardOptions): Problem[] {
  let tree: GuardNode;
  try {
    tree = mdxToMdast(source, { position: true }) as GuardNode;
  } catch (error) {
    // "12:3: Unexpected character …" from the parser: keep the line, drop the parser's code.
    const text = error instanceof Error ? error.message : String(error);
    const match = /^(\d+):\d+: ([\s\S]*?)(?: \([\w:-]+\))?$/.exec(text);
    const message = `cannot be read as MDX: ${match ? match[2] : text}`;
    return [{ code: 'mdx-syntax', file, field: '(MDX syntax)', message, ...(match ? { line: Number(match[1]) } : {}) }];
  }
  return toProblems(file, guardTree(tree, options));
}

