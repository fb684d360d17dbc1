/**
 * Makes every page's Content-Security-Policy forbid all script (`script-src 'none'`, see
 * src/lib/csp.ts for why Astro's own tag needs this), and fails the build when a page has no
 * policy or contains a <script> a browser would run. Pages Astro renders are sealed in
 * memory by csp-seal-middleware.ts; after the build only the HTML files copied verbatim from
 * public/ are read.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { executableScripts, sealScriptSrc } from '../lib/csp.ts';

export function cspSeal(): AstroIntegration {
  let publicDir = '';
  return {
    name: 'boothkit:csp-seal',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        // 'pre' runs first, so the seal wraps every other middleware and sees the final page.
        addMiddleware({ entrypoint: new URL('./csp-seal-middleware.ts', import.meta.url), order: 'pre' });
      },
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const root = fileURLToPath(dir);
        const files = existsSync(publicDir) ? (await readdir(publicDir, { recursive: true })).filter((f) => f.endsWith('.html')) : [];
        const problems: string[] = [];
        for (const file of files) {
          const path = join(root, file);
          const html = await readFile(path, 'utf8');
          const sealed = sealScriptSrc(html);
          if (sealed === undefined) problems.push(`${file}: has no Content-Security-Policy <meta> tag`);
          else if (sealed !== html) await writeFile(path, sealed);
          for (const tag of executableScripts(html)) problems.push(`${file}: contains an executable script ${tag}`);
        }
        if (problems.length > 0) {
          throw new Error(`The site must run no JavaScript and carry its Content-Security-Policy:\n  ${problems.join('\n  ')}`);
        }
        logger.info(`script-src 'none' on every page (${pages.length} routes sealed as rendered, ${files.length} HTML files from public/ checked)`);
      },
    },
  };
}
