/**
 * The build's side of the boundary: a Vite plugin that runs after every other transform of a
 * booth file (the MDX compiler is `enforce: 'pre'`, Astro's post-processing a normal plugin), so
 * it sees the module exactly as the bundler will read it, and refuses it, before anything of it
 * runs, when emitted.ts finds code in it. Its filter is the MDX compiler's own (`.mdx` ids,
 * no query), so every module the compiler makes is checked. The content guard integration adds
 * it to every build and dev server (src/integrations/content-guard.ts).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ContentError } from '../../core/problems.ts';
import { emittedCodeProblems } from './compiler.ts';

export function emittedCodeGuard(root: string) {
  return {
    name: 'boothkit:emitted-code-guard',
    enforce: 'post' as const,
    transform: {
      filter: { id: /\.mdx$/ },
      async handler(code: string, id: string): Promise<undefined> {
        const file = relative(root, id).split('\\').join('/');
        const problems = await emittedCodeProblems(code, readFileSync(id, 'utf8'), file);
        if (problems.length > 0) throw new ContentError(problems);
        return undefined;
      },
    },
  };
}
