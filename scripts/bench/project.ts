/**
 * A throw-away copy of the project (scripts/lib/project-copy.ts) whose content folder holds
 * generated content, so the bench never touches the real one, and whose Astro cache is its own.
 */
import { realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../../src/core/project.ts';
import { copyProject } from '../lib/project-copy.ts';

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

/** A copy of the project; its content folder is empty unless `withContent` (the demo) is set. */
export function benchProject(prefix: string, withContent = false): BenchProject {
  const root = copyProject(projectRoot, { prefix: `bench-${prefix}`, content: withContent });
  const dist = join(root, 'dist');
  return {
    root,
    contentDir: join(root, contentDir),
    dist,
    buildCommand: [projectNode, astroBin, 'build'],
    clean() {
      for (const dir of [dist, join(root, 'node_modules', '.astro'), join(root, 'node_modules', '.vite'), join(root, '.astro')]) rmSync(dir, { recursive: true, force: true });
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
