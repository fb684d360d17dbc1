/**
 * Markdown blocks of a converted booth, read with Sätteri, the parser the build renders booth
 * text with (so the two never read the same text two ways), into small typed records: the
 * recognisers of events, papers and jobs look at an item's text, links and emphasis, and at
 * its nested items, instead of matching Markdown syntax by hand.
 */
import type { List, ListItem, Nodes, Paragraph, PhrasingContent } from 'mdast';
import { markdownToMdast } from 'satteri';

export interface Link {
  text: string;
  url: string;
}

/** One list item, or one line of a paragraph. */
export interface Entry {
  /** Plain text of the item's own lines (nested items excluded), white space collapsed. */
  text: string;
  links: Link[];
  /** Text of each _emphasised_ span and each **strong** span, in order. */
  emphasis: string[];
  strong: string[];
  /** The emphasised or strong span the text starts with (a title, in paper lists). */
  lead?: string;
  children: Entry[];
  /** The Markdown it was read from (a list item with its marker and nested items), to write it back unchanged. */
  source: string;
}

function plain(nodes: PhrasingContent[]): string {
  return nodes
    .map((node): string => {
      if (node.type === 'text' || node.type === 'inlineCode') return node.value;
      if (node.type === 'break' || node.type === 'html') return ' ';
      if (node.type === 'image') return node.alt ?? '';
      return 'children' in node ? plain(node.children as PhrasingContent[]) : '';
    })
    .join('');
}

const squash = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

function collect(nodes: PhrasingContent[], entry: Entry): void {
  for (const node of nodes) {
    if (node.type === 'link') entry.links.push({ text: squash(plain(node.children)), url: node.url });
    if (node.type === 'emphasis') entry.emphasis.push(squash(plain(node.children)));
    if (node.type === 'strong') entry.strong.push(squash(plain(node.children)));
    if ('children' in node) collect(node.children as PhrasingContent[], entry);
  }
}

function entryOf(phrasing: PhrasingContent[], children: Entry[], source: string): Entry {
  const entry: Entry = { text: squash(plain(phrasing)), links: [], emphasis: [], strong: [], children, source };
  collect(phrasing, entry);
  const first = phrasing.find((n) => !(n.type === 'text' && !n.value.trim()));
  if (first?.type === 'emphasis' || first?.type === 'strong') entry.lead = squash(plain(first.children));
  return entry;
}

const sourceOf = (block: string, node: Nodes) => block.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);

function itemEntry(item: ListItem, block: string): Entry {
  const paragraphs = item.children.filter((c): c is Paragraph => c.type === 'paragraph');
  const lists = item.children.filter((c): c is List => c.type === 'list');
  const phrasing = paragraphs.flatMap((p, i) => (i ? [{ type: 'text', value: ' ' } as PhrasingContent, ...p.children] : p.children));
  return entryOf(phrasing, lists.flatMap((l) => l.children.map((c) => itemEntry(c, block))), sourceOf(block, item));
}

/** The items of a block that is exactly one Markdown list, or undefined. */
export function readList(block: string): Entry[] | undefined {
  const { children } = markdownToMdast(block);
  if (children.length !== 1 || children[0]!.type !== 'list') return undefined;
  return children[0].children.map((item) => itemEntry(item, block));
}

/** The lines of a block that is one paragraph (at line breaks and <br />), or undefined. */
export function readParagraph(block: string): Entry[] | undefined {
  const { children } = markdownToMdast(block);
  if (children.length !== 1 || children[0]!.type !== 'paragraph') return undefined;
  return block
    .split(/<br\s*\/?>[ \t]*\n?|\n/i)
    .map((line) => line.replace(/\\$/, '').trim())
    .flatMap((line) => {
      const node = markdownToMdast(line).children[0];
      return node?.type === 'paragraph' ? [entryOf(node.children, [], line)] : [];
    })
    .filter((e) => e.text);
}

/** "This year we have 2 papers:" with its list right below (no blank line): the sentence and the list, apart. */
export function splitAtLists(block: string): string[] {
  const { children } = markdownToMdast(block);
  if (children.length < 2 || !children.some((c) => c.type === 'list') || !children.every((c) => c.type === 'list' || c.type === 'paragraph')) return [block];
  return children.map((c) => sourceOf(block, c).trim());
}
