/** Test helpers: a throw-away copy of the demo content that a test may break on purpose. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '..');

/** Copies src/content into a temporary project root; returns helpers to edit files in it. */
export function contentCopy() {
  const root = mkdtempSync(join(tmpdir(), 'boothkit-content-'));
  cpSync(join(projectRoot, 'src', 'content'), join(root, 'src', 'content'), { recursive: true });
  const path = (file: string) => join(root, 'src', 'content', file);
  return {
    root,
    path,
    read: (file: string) => readFileSync(path(file), 'utf8'),
    write(file: string, text: string) {
      mkdirSync(dirname(path(file)), { recursive: true });
      writeFileSync(path(file), text);
    },
    /** Replaces `from` (which must occur) in a content file. */
    edit(file: string, from: string | RegExp, to: string) {
      const text = readFileSync(path(file), 'utf8');
      const next = text.replace(from, to);
      if (next === text) throw new Error(`edit: "${from}" not found in ${file}`);
      writeFileSync(path(file), next);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
