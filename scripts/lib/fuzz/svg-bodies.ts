/**
 * A seeded generator of hostile SVG files for the SVG fuzzer (svg-run.ts). An SVG is put
 * together from parts, not chosen from a list of known attacks: elements of the SVG, HTML and
 * unknown namespaces, under default or prefixed names; event handlers; references (href,
 * xlink:href, url() in presentation attributes and styles, image-set(), @import, @font-face);
 * style sheets cut into pieces by comments, CDATA sections and child elements; prologs with
 * DOCTYPEs, entities and stylesheet instructions; and character references that spell a
 * word past a pattern. Every script calls `__ran()` and every reference points at something
 * other than the SVG itself, so the browser shows whether the file ran or fetched anything.
 */
import type { Random } from './random.ts';

const svgNs = 'http://www.w3.org/2000/svg';
const htmlNs = 'http://www.w3.org/1999/xhtml';
const xlinkNs = 'http://www.w3.org/1999/xlink';

/** Where a reference points: another host, a path of the SVG's own site, a data: address. */
function target(r: Random): string {
  return r.pick([
    'http://elsewhere.test/x.png',
    '//elsewhere.test/x.css',
    'x.png',
    '/x.css',
    'x.svg#a',
    '&#104;ttp://elsewhere.test/e',
    'HTTP://elsewhere.test/u',
    ' \thttp://elsewhere.test/s',
    'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 onload=%22__ran()%22/%3E',
    '#a',
  ]);
}

const script = () => '__ran()';
const jsUrl = (r: Random) => r.pick(['javascript:__ran()', '&#106;avascript:__ran()', ' JavaScript:__ran()', 'java&#x09;script:__ran()']);

/** A CSS value or rule that loads something, or runs something in old browsers. */
function css(r: Random): string {
  const t = target(r).replace(/"/g, '');
  return r.pick([
    `@import url(${t});`,
    `@import "${t}";`,
    `rect, circle, text { fill: url(${t}) }`,
    `rect { fill: url( "${t}" ) }`,
    `svg { background-image: image-set("${t}" 1x) }`,
    `svg { background: -webkit-image-set(url(${t}) 1x) }`,
    `@font-face { font-family: f; src: url(${t}) } text { font-family: f }`,
    `rect { cursor: url(${t}), auto }`,
    `rect { mask-image: url(${t}) }`,
    `rect { filter: url(${t}#f) }`,
    `rect { fill: u\\72l(${t}) }`,
    `rect { fill: \\75rl(${t}) }`,
    `svg { background: url(${t}) }`,
    `@namespace x url(${t}); rect { fill: red }`,
    `rect { width: expression(__ran()) }`,
  ]);
}

/** CSS a drawing may hold, to mix with the rest: most files must pass the check to be worth opening. */
function plainCss(r: Random): string {
  return r.pick(['rect { fill: #123 }', 'rect { stroke: url(#a) }', "text { font: 10px 'DejaVu Sans', sans-serif }", 'rect { fill: url( "#a" ) }', '.b { opacity: 0.5 }', '@media (prefers-color-scheme: dark) { rect { fill: #eee } }']);
}

/** A style sheet's text as XML children: cut by a comment, a CDATA section or an element. */
function styleText(r: Random, text: string): string {
  if (r.chance(0.4)) return r.chance(0.5) ? `<![CDATA[${text}]]>` : text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const at = 1 + r.int(Math.max(1, text.length - 1));
  const [head, tail] = [text.slice(0, at), text.slice(at)].map((part) => part.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  return `${head}${r.pick(['<!---->', '<![CDATA[]]>', '<g/>', '<tspan>x</tspan>', '<?pi x?>'])}${tail}`;
}

/** An attribute, often a hostile one. */
function attribute(r: Random): string {
  if (r.chance(0.7)) return r.pick(['id="a"', 'width="10" height="10"', 'fill="url(#a)"', 'class="b"', `style="${plainCss(r).replace(/^[^{]*\{\s*|\s*\}$/g, '')}"`, 'x="2"', 'transform="scale(2)"']);
  const kind = r.int(12);
  if (kind < 2) return `${r.pick(['onload', 'onbegin', 'onend', 'onerror', 'onfocusin', 'ONLOAD', 'x:onload'])}="${script()}"`;
  if (kind < 4) return `${r.pick(['href', 'xlink:href', 'x:href'])}="${r.chance(0.3) ? jsUrl(r) : target(r)}"`;
  if (kind < 6) return `${r.pick(['fill', 'filter', 'mask', 'clip-path', 'marker-start', 'cursor', 'stroke'])}="${r.pick(['', ' ', 'URL', 'url'])}${r.pick(['url(', 'URL( '])}${target(r)})"`;
  if (kind < 8) return `style="${css(r).replace(/"/g, "'").replace(/</g, '&lt;')}"`;
  if (kind < 9) return `attributeName="${r.pick(['href', 'xlink:href', 'onload', 'fill'])}" ${r.pick(['to', 'values', 'from'])}="${r.chance(0.5) ? jsUrl(r) : `url(${target(r)})`}" begin="0s" dur="0.01s" fill="freeze"`;
  if (kind < 10) return `${r.pick(['src', 'data', 'action', 'formaction', 'poster', 'xml:base'])}="${target(r)}"`;
  if (kind < 11) return r.pick(['autofocus="autofocus"', 'tabindex="0"', 'id="a"', 'width="10" height="10"']);
  return `${r.pick(['x', 'y', 'rx', 'opacity'])}="${r.int(20)}"`;
}

const drawingNames = ['g', 'rect', 'circle', 'path', 'text', 'tspan', 'defs', 'linearGradient', 'pattern', 'clipPath', 'mask', 'filter', 'symbol', 'use', 'switch', 'title'];
const hostileNames = ['script', 'a', 'image', 'foreignObject', 'animate', 'set', 'animateTransform', 'animateMotion', 'feImage', 'iframe', 'video', 'audio', 'discard', 'view', 'cursor', 'font-face-uri', 'handler', 'listener', 'mpath', 'textPath', 'style'];

/** An element name with the namespace it is written in: default, a prefix of SVG or HTML, or none. */
function elementName(r: Random): { open: string; name: string } {
  const name = r.chance(0.2) ? r.pick(hostileNames) : r.pick(drawingNames);
  const way = r.int(10);
  if (way < 6) return { open: name, name };
  if (way < 7) return { open: `s:${name} xmlns:s="${svgNs}"`, name: `s:${name}` };
  if (way < 8) return { open: `h:${name} xmlns:h="${htmlNs}"`, name: `h:${name}` };
  if (way < 9) return { open: `${name} xmlns="${htmlNs}"`, name };
  return { open: `${name} xmlns="urn:other"`, name };
}

function element(r: Random, depth: number): string {
  const kind = r.int(14);
  if (kind < 2) return `<style>${styleText(r, r.chance(0.5) ? `${plainCss(r)} ${css(r)}` : `${css(r)} ${plainCss(r)}`)}</style>`;
  if (kind < 3) return `<script${r.chance(0.3) ? ` xlink:href="${target(r)}"` : ''}>${r.chance(0.5) ? `<![CDATA[${script()}]]>` : script()}</script>`;
  if (kind < 4) return `<foreignObject width="10" height="10"><body xmlns="${htmlNs}">${r.pick([`<img src="${target(r)}" onerror="${script()}"/>`, `<iframe src="${jsUrl(r)}"/>`, `<script>${script()}</script>`, `<style>${css(r)}</style>`])}</body></foreignObject>`;
  const { open, name } = elementName(r);
  const attributes = Array.from({ length: r.int(3) }, () => ` ${attribute(r)}`).join('');
  const children = depth < 2 && r.chance(0.4) ? Array.from({ length: 1 + r.int(2) }, () => element(r, depth + 1)).join('') : '';
  return children ? `<${open}${attributes}>${children}</${name}>` : `<${open}${attributes}/>`;
}

/** What comes before the root: nothing, the XML declaration, a stylesheet instruction, a DOCTYPE with entities. */
function prolog(r: Random): { text: string; entity?: string } {
  const kind = r.int(12);
  if (kind < 8) return { text: r.chance(0.5) ? '<?xml version="1.0" encoding="UTF-8"?>\n' : '' };
  if (kind < 9) return { text: `<?xml-stylesheet href="${target(r)}" type="text/css"?>\n` };
  if (kind < 10) return { text: `<!DOCTYPE svg [<!ENTITY e "&#60;script&#62;${script()}&#60;/script&#62;">]>\n`, entity: '&e;' };
  if (kind < 11) return { text: `<!DOCTYPE svg [<!ENTITY e SYSTEM "${target(r)}">]>\n`, entity: '&e;' };
  return { text: '<!-- drawn by hand -->\n' };
}

/** One SVG file: a prolog, a root with its namespaces and attributes, and one to four children. */
export function hostileSvg(r: Random): string {
  const { text, entity } = prolog(r);
  const rootNs = r.int(10) < 8 ? ` xmlns="${svgNs}"` : r.pick(['', ` xmlns="${htmlNs}"`]);
  const xlink = r.chance(0.6) ? ` xmlns:xlink="${xlinkNs}"` : '';
  const extra = r.chance(0.3) ? ` xmlns:x="${r.pick([svgNs, xlinkNs, 'urn:x'])}"` : '';
  const rootAttributes = Array.from({ length: r.int(2) }, () => ` ${attribute(r)}`).join('');
  const children = Array.from({ length: 1 + r.int(3) }, () => element(r, 0)).join('');
  const usesX = /\bx:/.test(children + rootAttributes);
  const namespaces = `${rootNs}${xlink}${usesX && !extra ? ` xmlns:x="${svgNs}"` : extra}`;
  return `${text}<svg${namespaces} width="40" height="20"${rootAttributes}><rect id="a" width="10" height="10"/>${children}${entity ?? ''}</svg>\n`;
}
