/**
 * A file of the old site as text, without a byte order mark and without the invisible characters
 * the content check refuses (src/lib/mdx-guard/characters.ts): old pages pick them up from pasted
 * text, and none of them shows. `changed` counts them, for the report.
 */
import { readFileSync } from 'node:fs';
import { withoutHiddenCharacters } from '../../../src/lib/mdx-guard/characters.ts';

export function readSource(path: string): { text: string; changed: number } {
  return withoutHiddenCharacters(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
}
