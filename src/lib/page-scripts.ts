/**
 * The <script> elements of a built page that a browser would run (anything but JSON data): the
 * check the build runs on every page it writes (src/integrations/finish-pages.ts). A search for
 * "<script" finds each of them, and more: the same letters inside an attribute's value (a summary
 * that mentions the tag, which the layout puts in the page's description) or in a comment. A
 * page with such a hit is parsed with parse5, which reads HTML by the standard browsers follow,
 * and only its script elements count, in HTML or SVG, in a <template> too. The site gate
 * (npm run verify) checks handlers and script requests as well.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { dataScriptTypes } from './csp.ts';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const isData = (type: string | undefined) => type !== undefined && dataScriptTypes.has(type.trim().toLowerCase());

/** The opening tags of the page's scripts a browser would run, as written. */
export function executableScripts(html: string): string[] {
  const hits = [...html.matchAll(/<script\b[^>]*>/gi)].filter((m) => !isData(/\btype\s*=\s*["']?([^"'\s>]+)/i.exec(m[0])?.[1]));
  if (hits.length === 0) return [];
  const scripts: Element[] = [];
  const visit = (node: Node) => {
    if ('tagName' in node && node.tagName === 'script') scripts.push(node);
    if ('childNodes' in node) node.childNodes.forEach(visit);
    if ('content' in node) visit(node.content);
  };
  visit(parse(html, { sourceCodeLocationInfo: true }));
  return scripts
    .filter((script) => !isData(script.attrs.find((a) => a.name === 'type')?.value))
    .map((script) => {
      const tag = script.sourceCodeLocation?.startTag;
      return tag ? html.slice(tag.startOffset, tag.endOffset) : '<script>';
    });
}
