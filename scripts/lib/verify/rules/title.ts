/** A title that names the page: shown in tabs, bookmarks and search results, read first by screen readers. */
import type { Rule } from '../types.ts';

export const title: Rule = {
  code: 'title',
  requires: 'a non-empty <title>, different from every other page\'s',
  check(facts) {
    return facts.title ? [] : [{ code: 'title', message: facts.title === undefined ? 'has no <title>' : 'has an empty <title>', fix: 'give the page a title (the layout takes it as a prop)' }];
  },
};

/** Pages that share a title, in groups: each group is one problem on every page but the first. */
export function duplicateTitles(titles: readonly { file: string; title: string | undefined }[]): Map<string, { title: string; first: string }> {
  const firstWith = new Map<string, string>();
  const duplicates = new Map<string, { title: string; first: string }>();
  for (const { file, title: text } of titles) {
    if (!text) continue;
    const first = firstWith.get(text);
    if (first === undefined) firstWith.set(text, file);
    else duplicates.set(file, { title: text, first });
  }
  return duplicates;
}
