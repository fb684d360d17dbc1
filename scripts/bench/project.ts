/**
 * A throw-away copy of the project whose src/content is generated content, so the bench
 * never touches the real src/content. Its node_modules links the project's packages and has
 * its own Astro cache (scripts/lib/linked-modules.ts), so a cold build there never clears or
 * overwrites the real project's cache.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkNodeModules } from '../lib/linked-modules.ts';

export const projectRoot = join(import.meta.dirname, '..', '..');

/** The project's Node (the `node` devDependency), whatever node runs this script. */
export const projectNode = realpathSync(join(projectRoot, 'node_modules', '.bin', 'node'));
const astroBin = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');

export interface BenchProject {
  root: string;
  contentDir: string;
  dist: string;
  /** The `astro build` command line for this copy. */
  buildCommand: string[];
  /** Removes the output and every cache, so the next build is cold. */
  clean(): void;
  remove(): void;
}

/** A copy of the project; its src/content is empty unless `withContent` (the demo) is set. */
export function benchProject(prefix: string, withContent = false): BenchProject {
  const root = mkdtempSync(join(tmpdir(), `boothkit-bench-${prefix}-`));
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'public']) {
    if (existsSync(join(projectRoot, entry))) cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
  }
  for (const entry of readdirSync(join(projectRoot, 'src'))) {
    if (entry !== 'content' || withContent) cpSync(join(projectRoot, 'src', entry), join(root, 'src', entry), { recursive: true });
  }
  linkNodeModules(projectRoot, root);
  const dist = join(root, 'dist');
  return {
    root,
    contentDir: join(root, 'src', 'content'),
    dist,
    buildCommand: [projectNode, astroBin, 'build'],
    clean() {
      for (const dir of [dist, join(root, 'node_modules', '.astro'), join(root, 'node_modules', '.vite'), join(root, '.astro')]) rmSync(dir, { recursive: true, force: true });
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
