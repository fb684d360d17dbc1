/**
 * An Astro integration that validates all content before the build starts, so a mistake in
 * any file stops the build with every problem listed (file:line, field, expected, did you
 * mean) instead of Astro's first-error-only message, or a silently missing page. It also adds
 * the check of what the MDX compiler emits for each booth (src/lib/mdx-guard/vite-plugin.ts),
 * which refuses a booth whose compiled module holds code before that module runs.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../lib/content-check.ts';
import { imageFileProblems } from '../lib/image-files.ts';
import { buildDate, contentDir } from '../core/project.ts';
import { emittedCodeGuard } from '../lib/mdx-guard/vite-plugin.ts';
import { ContentError, formatProblems } from '../core/problems.ts';

export function contentGuard(): AstroIntegration {
  return {
    name: 'boothkit:content-guard',
    hooks: {
      'astro:config:setup': async ({ config, command, logger, updateConfig }) => {
        const root = fileURLToPath(config.root);
        updateConfig({ vite: { plugins: [emittedCodeGuard(root)] } });
        // The day the site is built for (role states, past events and offers), fixed when the
        // build starts: the prerender workers inherit this environment, so pages rendered in
        // different workers, or after midnight, agree with each other and with this check.
        if (command === 'build') process.env['BOOTHKIT_BUILD_DATE'] = buildDate();
        const problems = [...checkContent(root).problems, ...(await imageFileProblems(root, contentDir))];
        if (problems.length === 0) return;
        // The dev server keeps running so the author can fix files and reload.
        if (command === 'dev') logger.error(formatProblems(problems));
        else throw new ContentError(problems);
      },
    },
  };
}
