/**
 * The content file a built image comes from, so a report can say which file to fix: the
 * build's record of its image transforms (src/lib/built-site.ts imageSourcesFile), and for an
 * original the build copied as it is (an SVG), the content file of the same name and bytes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { imageSourcesFile } from '../../../src/lib/built-site.ts';
import { contentDir } from '../../../src/core/project.ts';

/** Finds sources of files of `outDir` (paths relative to it); undefined when the build left no trace. */
export function imageSourceFinder(root: string, outDir: string): (file: string) => string | undefined {
  const recordFile = join(root, imageSourcesFile);
  const recorded: Record<string, string> = existsSync(recordFile) ? JSON.parse(readFileSync(recordFile, 'utf8')) : {};
  let contentFiles: Map<string, string[]> | undefined;
  const byName = () => {
    contentFiles ??= new Map();
    const dir = join(root, contentDir);
    if (contentFiles.size === 0 && existsSync(dir)) {
      for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
        const name = basename(file).toLowerCase();
        contentFiles.set(name, [...(contentFiles.get(name) ?? []), relative(root, join(dir, file)).split('\\').join('/')]);
      }
    }
    return contentFiles;
  };
  return (file) => {
    if (recorded[file]) return recorded[file];
    // Vite names a copied file <name>.<hash>.<ext>.
    const m = /^(.+)\.[\w-]{8}\.(\w+)$/.exec(basename(file));
    if (!m) return undefined;
    const candidates = byName().get(`${m[1]}.${m[2]}`.toLowerCase()) ?? [];
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(outDir, file));
    } catch {
      return undefined;
    }
    return candidates.find((c) => readFileSync(join(root, c)).equals(bytes));
  };
}
