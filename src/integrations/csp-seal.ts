/**
 * After the build, makes every page's Content-Security-Policy forbid all script
 * (`script-src 'none'`, see src/lib/csp.ts for why Astro's own tag needs this), and fails
 * the build when a page has no policy or contains a <script> a browser would run.
 *
 * Built for 10,000+ pages: the pages come from Astro's list (no directory walk), are read
 * several at a time, and the sealed policy, never longer than Astro's, is padded with spaces
 * to the same length and written over the old one in place, so a page is not rewritten
 * whole. (Sealing in a middleware instead cost more: every page went through Response
 * streams twice, +5 s of rendering and +300 MB at 1,000 booths and 10,000 roles.)
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { executableScripts, pagePolicy, sealScriptSrc } from '../lib/csp.ts';

/** Seals one page in place; returns its problems. */
async function sealFile(path: string, name: string): Promise<string[]> {
  const file = await open(path, 'r+');
  try {
    // latin1 maps bytes to characters one to one, so string offsets are file offsets; the
    // policy and the tags looked for are ASCII.
    const html = (await file.readFile()).toString('latin1');
    const problems = executableScripts(html).map((tag) => `${name}: contains an executable script ${tag}`);
    const sealed = sealScriptSrc(html);
    if (sealed === undefined) return [...problems, `${name}: has no Content-Security-Policy <meta> tag`];
    if (sealed === html) return problems;
    const before = pagePolicy(html)!;
    const after = pagePolicy(sealed)!;
    const at = html.indexOf(`"${before}"`) + 1;
    if (after.length <= before.length && at > 0) await file.write(Buffer.from(after.padEnd(before.length), 'latin1'), 0, before.length, at);
    else {
      await file.truncate(0);
      await file.write(Buffer.from(sealed, 'latin1'), 0, undefined, 0);
    }
    return problems;
  } finally {
    await file.close();
  }
}

/** Runs `task` over `items`, `limit` at a time, so file reads overlap. */
async function eachLimited<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function cspSeal(): AstroIntegration {
  let publicDir = '';
  return {
    name: 'boothkit:csp-seal',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const root = fileURLToPath(dir);
        // Pages Astro rendered (with build.format 'directory', /x/ is x/index.html, but 404/ is
        // 404.html; endpoints such as feeds are not HTML) and HTML files copied from public/.
        const rendered = pages.map(({ pathname }) =>
          [pathname.endsWith('.html') ? pathname : join(pathname, 'index.html'), `${pathname.replace(/\/$/, '')}.html`].find((f) => existsSync(join(root, f))),
        );
        const copied = existsSync(publicDir) ? (await readdir(publicDir, { recursive: true })).filter((f) => f.endsWith('.html')) : [];
        const files = [...new Set([...rendered, ...copied])].filter((f): f is string => f !== undefined && existsSync(join(root, f)));
        const problems = (await eachLimited(files, 16, (f) => sealFile(join(root, f), f))).flat();
        if (problems.length > 0) {
          throw new Error(`The site must run no JavaScript and carry its Content-Security-Policy:\n  ${problems.join('\n  ')}`);
        }
        logger.info(`script-src 'none' on all ${files.length} pages`);
      },
    },
  };
}
