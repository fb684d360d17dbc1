/**
 * node_modules for a throw-away copy of the project: a folder of links to each installed
 * package, not one link to the whole folder, so that Astro's cache (node_modules/.astro) is
 * the copy's own. Copies built at the same time, or a cold build of a copy, then never share,
 * clear or overwrite the project's cache.
 */
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

export function linkNodeModules(projectRoot: string, copyRoot: string): void {
  mkdirSync(join(copyRoot, 'node_modules'));
  for (const entry of readdirSync(join(projectRoot, 'node_modules'))) {
    if (entry !== '.astro') symlinkSync(join(projectRoot, 'node_modules', entry), join(copyRoot, 'node_modules', entry));
  }
}
