/**
 * The HTML that booth pages and sponsor lists paste into Markdown, read by parse5 (the
 * WHATWG parsing algorithm browsers use: implied <tbody>, </p> and </li>, misnested tags,
 * every named character reference), then reduced to a small tree of elements with their
 * attributes as written, text (entities decoded) and comments.
 */
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

export interface HtmlElement {
  type: 'element';
  name: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}
export type HtmlNode = { type: 'text'; text: string } | { type: 'comment'; text: string } | HtmlElement;

type Parse5Node = DefaultTreeAdapterTypes.ChildNode;

function fromParse5(node: Parse5Node): HtmlNode[] {
  if (node.nodeName === '#text') return [{ type: 'text', text: (node as DefaultTreeAdapterTypes.TextNode).value }];
  if (node.nodeName === '#comment') return [{ type: 'comment', text: (node as DefaultTreeAdapterTypes.CommentNode).data }];
  if (!('tagName' in node)) return [];
  // A <template>'s content lives in a fragment of its own.
  const childNodes = node.nodeName === 'template' ? (node as DefaultTreeAdapterTypes.Template).content.childNodes : node.childNodes;
  return [{ type: 'element', name: node.tagName, attrs: Object.fromEntries(node.attrs.map((a) => [a.name, a.value])), children: childNodes.flatMap(fromParse5) }];
}

/** Parses HTML as the content of a page's <body>, as browsers do with pasted markup. */
export function parseHtml(html: string): HtmlNode[] {
  return parseFragment(html).childNodes.flatMap(fromParse5);
}

/** The text of a node and its descendants; block boundaries and <br> become line breaks. */
export function textOf(node: HtmlNode | HtmlNode[]): string {
  const nodes = Array.isArray(node) ? node : [node];
  return nodes
    .map((n) => {
      if (n.type === 'text') return n.text;
      if (n.type === 'comment') return '';
      if (n.name === 'br') return '\n';
      if (n.name === 'script' || n.name === 'style') return '';
      const inner = textOf(n.children);
      return /^(p|div|li|tr|h[1-6]|ul|ol|table)$/.test(n.name) ? `\n${inner}\n` : inner;
    })
    .join('');
}

/** Collapses runs of white space into one space and trims. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

export function elements(nodes: HtmlNode[], name?: string): HtmlElement[] {
  return nodes.filter((n): n is HtmlElement => n.type === 'element' && (name === undefined || n.name === name));
}

/** Every descendant element with the given name, in document order. */
export function descendants(nodes: HtmlNode[], name: string): HtmlElement[] {
  const found: HtmlElement[] = [];
  for (const node of elements(nodes)) {
    if (node.name === name) found.push(node);
    found.push(...descendants(node.children, name));
  }
  return found;
}

/** Whether a node holds only white space (or comments). */
export function isBlank(node: HtmlNode): boolean {
  return node.type === 'comment' || (node.type === 'text' && node.text.trim() === '');
}
