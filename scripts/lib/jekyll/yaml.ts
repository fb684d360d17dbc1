/**
 * YAML read the way Jekyll reads it: a key written twice in one mapping is accepted and the
 * last one wins (Ruby's Psych does so, and sites build with such files), but the import says
 * so, with the key and both lines, because one of the two values is lost.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export interface JekyllYaml {
  data: unknown;
  /** "the key "type" is written twice in one entry (lines 12 and 14); Jekyll keeps the last (line 14), and so does the import". */
  duplicates: string[];
  /** The first syntax error, when the text is not YAML at all. */
  error?: string;
}

/** `firstLine`: the file line of the text's first line (2 for front matter after "---"). */
export function readJekyllYaml(text: string, firstLine = 1): JekyllYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: false, lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) return { data: undefined, duplicates: [], error: `${doc.errors[0]!.message.split('\n')[0]} (line ${lines.linePos(doc.errors[0]!.pos[0]).line + firstLine - 1})` };
  const lineOf = (node: Node | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line + firstLine - 1 : undefined);
  const duplicates: string[] = [];
  const visit = (node: unknown) => {
    if (isMap(node)) {
      const seen = new Map<string, number[]>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const line = lineOf(pair.key as Node);
        if (key !== undefined && line !== undefined) seen.set(key, [...(seen.get(key) ?? []), line]);
        visit(pair.value);
      }
      for (const [key, at] of seen) {
        if (at.length < 2) continue;
        duplicates.push(`the key "${key}" is written ${at.length === 2 ? 'twice' : `${at.length} times`} in one entry (lines ${at.slice(0, -1).join(', ')} and ${at.at(-1)}); Jekyll keeps the last (line ${at.at(-1)}), and so does the import`);
      }
    } else if (isSeq(node)) for (const item of node.items) visit(item);
  };
  visit(doc.contents);
  return { data: doc.toJS(), duplicates };
}
