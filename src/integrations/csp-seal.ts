/**
 * After the build, makes every page's Content-Security-Policy forbid all script
 * (`script-src 'none'`, see src/lib/csp.ts for why Astro's own tag needs this), and fails
 * the build when a page has no policy or contains a <script> a browser would run.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { executableScripts, sealScriptSrc } from '../lib/csp.ts';

export function cspSeal(): AstroIntegration {
  return {
    name: 'boothkit:csp-seal',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.html'));
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
        logger.info(`script-src 'none' on all ${files.length} pages`);
      },
    },
  };
}
