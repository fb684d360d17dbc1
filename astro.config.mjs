// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig, sharpImageService } from 'astro/config';
import { buildSettingsReport } from './src/integrations/build-settings-report.ts';
import { contentGuard } from './src/integrations/content-guard.ts';
import { finishPages } from './src/integrations/finish-pages.ts';
import { buildSettings } from './src/lib/build-settings.ts';
import { boothMdx, markdownSettings } from './src/lib/mdx-guard/compiler.ts';
import { contentLayout, contentPath } from './src/core/project.ts';
import { siteSettings } from './src/lib/site-settings.ts';

// Site, base path and page layout: one settings module, which the post-build checks read too.
const { site, base, trailingSlash, format, outDir } = siteSettings(contentPath(contentLayout.conference));
// Worker threads, the content store's layout and the incremental build: chosen by measurement,
// each with an environment variable (src/lib/build-settings.ts, docs/performance.md).
const settings = buildSettings();
const { workers, contentStore, incremental } = settings;

export default defineConfig({
  site,
  base,
  trailingSlash,
  outDir,
  // AVIF encoding dominates a cold build with photos. At sharp's default effort (4) the demo's
  // 29 AVIF files took 13.6 s; at effort 3 they take 4.6 s and are 10% larger (183 vs 165 kB).
  // Transforms are cached in node_modules/.astro, so this matters for fresh clones and CI.
  image: { service: sharpImageService({ avif: { effort: 3 } }) },
  // Styles are stylesheet files, shared by every page and cached by the browser: the policy
  // allows the site's own files (style-src 'self'; src/lib/csp.ts), so no page needs the
  // hashes of inline styles, and 13,000 pages do not each carry the same 11 kB of CSS.
  // Four pages render at once so that writing one page's file overlaps rendering the next
  // (1,000 booths and 10,000 roles on the 2-core build machine: page generation 41–52 s
  // -> 27–36 s).
  build: { format, inlineStylesheets: 'never', concurrency: 4 },
  experimental: {
    // Pages render in `workers` threads (BOOTHKIT_WORKERS; 0, the default: in the main thread).
    // Workers share no module state, so getStaticPaths() hands each page ids and plain values,
    // and src/content.ts builds its caches per worker.
    ...(workers > 0 && { parallelPrerender: { workers } }),
    collectionStorage: contentStore,
    // A rebuild reuses every page whose code and page key (src/content.ts) are unchanged, so
    // editing one booth's text re-renders that booth alone. It copies every page into the cache
    // (node_modules/.astro), which a one-off build pays for and never uses.
    incrementalBuild: incremental,
  },
  // Two files that resolve to the same page is an error, not a silent winner.
  prerenderConflictBehavior: 'error',
  // No Shiki (its colours are style="" attributes, which the policy forbids): code blocks in
  // booths stay plain <pre><code> styled by global.css. The content check compiles booths
  // with the same settings (src/lib/mdx-guard/compiler.ts).
  markdown: markdownSettings,
  // finishPages() also writes dist/sitemap.xml from the built pages, without those marked noindex
  // (404, redirects, closed roles, empty filter pages); drafts have no page at all.
  // The MDX guard checks every booth body as Astro compiles it (scripts, raw HTML, imports,
  // code expressions, unknown components, images without alt text, …), and contentGuard()
  // checks the JavaScript the compiler emits for it before it runs; see src/lib/mdx-guard/.
  integrations: [buildSettingsReport(settings), contentGuard(), boothMdx(fileURLToPath(new URL('.', import.meta.url))), finishPages()],
  vite: {
    // The project folder, for work beside Astro's pipeline: share cards read logo files and
    // are kept beside Astro's own image transforms (src/content.ts shareCardContent).
    define: { 'import.meta.env.BOOTHKIT_ROOT': JSON.stringify(fileURLToPath(new URL('.', import.meta.url))) },
    build: {
      // Images referenced from CSS (the brand logo) stay files: img-src 'self' allows no data: URIs.
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Every booth body and content image is its own chunk by default (6,000 chunks at
        // 1,000 booths, each one handed through every plugin). One chunk for all of
        // src/content: 38 chunks, and the bundling step goes from 22–24 s to 13–15 s.
        output: { codeSplitting: { groups: [{ name: 'content', test: /[\\/]src[\\/]content[\\/]/ }] } },
        onwarn(warning, warn) {
          // Every .mdx module triggers this known, harmless Vite warning; keep real ones visible.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
