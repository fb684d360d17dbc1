/**
 * The guard as a Sätteri mdast plugin for the build: `mdx({ processor: satteri({
 * mdastPlugins: [mdxGuardPlugin()] }) })`. It checks every MDX file Astro compiles, throws
 * once with all of that file's problems (Sätteri diagnostics are not shown by Astro), and
 * leaves two things in the file's front matter for the page: which booth sections and media
 * items the body places itself (placements.ts), and no `private` block (so the compiled
 * module never holds private data).
 */
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import type { MdastPluginDefinition } from 'satteri';
import { ContentError } from '../../core/problems.ts';
import { guardTree, placed, toProblems, type GuardNode } from './index.ts';
import { writePlacements } from './placements.ts';

interface AstroData {
  astro?: { frontmatter?: Record<string, unknown> };
}

export function mdxGuardPlugin(root: string = process.cwd()): MdastPluginDefinition {
  return {
    name: 'boothkit-mdx-guard',
    options: { position: true },
    before(tree, ctx) {
      const file = ctx.fileURL ? relative(root, fileURLToPath(ctx.fileURL)).split('\\').join('/') : '(mdx)';
      const frontmatter = (ctx.data as AstroData).astro?.frontmatter;
      const mediaIds = Array.isArray(frontmatter?.['media']) ? (frontmatter['media'] as { id?: unknown }[]).flatMap((m) => (typeof m.id === 'string' ? [m.id] : [])) : undefined;
      const problems = guardTree(tree as unknown as GuardNode, mediaIds ? { mediaIds } : {});
      if (problems.length > 0) throw new ContentError(toProblems(file, problems));
      if (frontmatter) {
        delete frontmatter['private'];
        writePlacements(frontmatter, placed(tree as unknown as GuardNode));
      }
    },
  };
}
