// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { contentGuard } from './src/integrations/content-guard.ts';
import { siteSettings } from './src/lib/site-settings.ts';

const { site, base } = siteSettings('./src/content/conference.yaml');

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Two files that resolve to the same page is an error, not a silent winner.
  prerenderConflictBehavior: 'error',
  integrations: [contentGuard(), mdx()],
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // Every .mdx module triggers this known, harmless Vite warning; keep real ones visible.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
