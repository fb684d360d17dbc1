/**
 * A small, forgiving HTML reader for the HTML that booth pages paste into Markdown: tables,
 * lists, links, images, iframes, stray <head> blocks. It builds a tree the way a browser
 * would for this subset (void elements, implied closing of <p>, <li>, <tr>, <td>), never
 * throws, and keeps text exactly so the converter can decide what it means.
 */

export interface HtmlElement {
  type: 'element';
  name: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}
export type HtmlNode = { type: 'text'; text: string } | { type: 'comment'; text: string } | HtmlElement;

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const rawTextElements = new Set(['script', 'style', 'textarea', 'title']);
/** Opening one of these closes an open <p>, as in browsers. */
const closesParagraph = new Set(['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul']);
/** An element closes an open sibling of the same kind (or a related one) within its parent. */
const closesSibling: Record<string, string[]> = { li: ['li'], dt: ['dt', 'dd'], dd: ['dt', 'dd'], tr: ['tr'], td: ['td', 'th'], th: ['td', 'th'], option: ['option'], thead: ['thead', 'tbody', 'tfoot'], tbody: ['thead', 'tbody', 'tfoot'], tfoot: ['thead', 'tbody', 'tfoot'] };
/** Where the search for an element to close stops (a <li> never closes one outside its list). */
const scopes = new Set(['ul', 'ol', 'table', 'tbody', 'thead', 'tr', 'dl', 'html', 'body']);

const named: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“',
  copy: '©', reg: '®', trade: '™', eacute: 'é', egrave: 'è', agrave: 'à', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß', ccedil: 'ç', middot: '·', bull: '•', times: '×', euro: '€', pound: '£', deg: '°', rarr: '→', larr: '←',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
    }
    return named[code.toLowerCase()] ?? whole;
  });
}

const attrPattern = /\s*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/y;

export function parseHtml(html: string): HtmlNode[] {
  const root: HtmlElement = { type: 'element', name: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const current = () => stack.at(-1)!;
  const closeUpTo = (index: number) => stack.splice(index);
  const findOpen = (names: string[]) => {
    for (let i = stack.length - 1; i > 0; i--) {
      if (names.includes(stack[i]!.name)) return i;
      if (scopes.has(stack[i]!.name)) return -1;
    }
    return -1;
  };

  let pos = 0;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > pos) current().children.push({ type: 'text', text: html.slice(pos, textEnd) });
    if (lt === -1) break;
    pos = lt;

    if (html.startsWith('<!--', pos)) {
      const end = html.indexOf('-->', pos + 4);
      const stop = end === -1 ? html.length : end;
      current().children.push({ type: 'comment', text: html.slice(pos + 4, stop) });
      pos = end === -1 ? html.length : end + 3;
      continue;
    }
    const close = /^<\/([a-zA-Z][\w-]*)\s*>/.exec(html.slice(pos, pos + 200));
    if (close) {
      const name = close[1]!.toLowerCase();
      const index = stack.map((e) => e.name).lastIndexOf(name);
      if (index > 0) closeUpTo(index);
      pos += close[0].length;
      continue;
    }
    const open = /^<([a-zA-Z][\w-]*)/.exec(html.slice(pos, pos + 100));
    if (!open) {
      // A "<" that starts no tag ("a < b", "<https://…>") is text.
      current().children.push({ type: 'text', text: '<' });
      pos++;
      continue;
    }
    const name = open[1]!.toLowerCase();
    const attrs: Record<string, string> = {};
    let at = pos + open[0].length;
    for (;;) {
      attrPattern.lastIndex = at;
      const match = attrPattern.exec(html);
      if (!match || match[0].trim() === '' || match[1] === undefined) break;
      attrs[match[1].toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
      at = attrPattern.lastIndex;
    }
    const end = /^\s*(\/?)>/.exec(html.slice(at));
    if (!end) {
      // An unfinished tag: keep it as text rather than guess.
      current().children.push({ type: 'text', text: html.slice(pos, at) });
      pos = at;
      continue;
    }
    pos = at + end[0].length;
    if (closesParagraph.has(name)) {
      const p = findOpen(['p']);
      if (p > 0) closeUpTo(p);
    }
    const siblings = closesSibling[name];
    if (siblings) {
      const open = findOpen(siblings);
      if (open > 0) closeUpTo(open);
    }
    const element: HtmlElement = { type: 'element', name, attrs, children: [] };
    current().children.push(element);
    if (voidElements.has(name) || end[1] === '/') continue;
    if (rawTextElements.has(name)) {
      const endTag = html.toLowerCase().indexOf(`</${name}`, pos);
      const stop = endTag === -1 ? html.length : endTag;
      element.children.push({ type: 'text', text: html.slice(pos, stop) });
      pos = endTag === -1 ? html.length : html.indexOf('>', endTag) + 1 || html.length;
      continue;
    }
    stack.push(element);
  }
  return root.children;
}

/** The text of a node and its descendants, entities decoded, whitespace collapsed. */
export function textOf(node: HtmlNode | HtmlNode[]): string {
  const nodes = Array.isArray(node) ? node : [node];
  return nodes
    .map((n) => {
      if (n.type === 'text') return decodeEntities(n.text);
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
