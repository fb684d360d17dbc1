/**
 * A throw-away copy of the project, for the tests and the bench: its files (without the
 * content, or without the commands and templates, when asked) and a node_modules folder of
 * links to each installed package, not one link to the whole folder, so that Astro's cache
 * (node_modules/.astro) is the copy's own. Copies built at the same time, or a cold build of a
 * copy, then never share, clear or overwrite the project's cache.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentDir } from '../../src/core/project.ts';

export interface CopyOptions {
  /** Names the temporary folder: boothkit-<prefix>-…. */
  prefix: string;
  /** Copy the content folder too (else the copy's is empty). */
  content?: boolean;
  /** Copy the commands and their templates (scripts/, templates/), to run them in the copy. */
  commands?: boolean;
  /**
   * Start from the image transforms of the project's last build: files named by the hash of
   * their source and settings, so a copy reuses them safely and its build skips re-encoding
   * the demo's photos (7.5 s -> 3 s a build). The rest of Astro's cache stays the copy's own.
   */
  imageCache?: boolean;
  /** Only the content folder, without node_modules: for the content check, which builds nothing. */
  contentOnly?: boolean;
}

/** Copies the project at `projectRoot` into a new temporary folder; returns the folder. */
export function copyProject(projectRoot: string, options: CopyOptions): string {
  const root = mkdtempSync(join(tmpdir(), `boothkit-${options.prefix}-`));
  const copy = (...parts: string[]) => {
    if (existsSync(join(projectRoot, ...parts))) cpSync(join(projectRoot, ...parts), join(root, ...parts), { recursive: true });
  };
  if (options.contentOnly) {
    copy(contentDir);
    return root;
  }
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'public', ...(options.commands ? ['scripts', 'templates'] : [])]) copy(entry);
  for (const entry of readdirSync(join(projectRoot, 'src'))) if (join('src', entry) !== join(contentDir) || options.content) copy('src', entry);
  mkdirSync(join(root, 'node_modules'));
  for (const entry of readdirSync(join(projectRoot, 'node_modules'))) {
    if (entry !== '.astro') symlinkSync(join(projectRoot, 'node_modules', entry), join(root, 'node_modules', entry));
  }
  if (options.imageCache) copy('node_modules', '.astro', 'assets');
  return root;
}
