/**
 * A seeded generator of hostile booth bodies for the guard fuzzer. A body is a few blocks of
 * Markdown and MDX (headings, paragraphs, lists, tables, components, HTML elements,
 * expressions, comments, templates, imports), salted with the characters that make one reader
 * see something another does not: the MDX parser's private-use marks, JavaScript's extra line
 * terminators, a byte order mark, bidirectional controls, carriage returns, backslashes and
 * character references.
 *
 * Every piece of code the generator writes reads the global `__trap` (trap.ts) before it can do
 * anything else, so code of a body that runs, however it got through, fires the trap. Pieces
 * are put together, not chosen from a list of known attacks: a "straddle" puts a payload right
 * after a hostile character that follows an opener (a string, a comment, a template, a `$`),
 * which is how both holes reported in issue 20 looked.
 */

import type { Random } from './random.ts';

/** The private-use mark the MDX parser (satteri's native binary) holds, U+F002, and its neighbours. */
const parserMarks = ['\uf000', '\uf001', '\uf002', '\uf003'];
const terminators = ['\n', '\r', '\r\n', '\u2028', '\u2029'];
const invisibles = ['\ufeff', '\u200b', '\u200c', '\u200d', '\u00a0', '\u2060', '\u180e', '\u000b', '\u000c', '\t'];
const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const escapes = ['\\', '\\\\', '&#123;', '&#x7b;', '&lbrace;', '&lt;', '&#60;', '&#36;', '&grave;', '\\{', '\\<', '\\`'];

/** A character (or short run) that one reader may see differently from another. */
function hostile(r: Random): string {
  const group = r.int(10);
  if (group < 3) return r.pick(parserMarks);
  if (group < 5) return r.pick(terminators);
  if (group < 7) return r.pick(invisibles);
  if (group < 8) return r.pick(bidi);
  if (group < 9) return r.pick(escapes);
  return String.fromCodePoint(r.pick([0xe000, 0xe001, 0xf8ff, 0xfffe, 0xffff, 0xf0000, 0x10fffd, 0xd7ff]));
}

/** Code that reads `__trap` first, in many shapes. */
function payload(r: Random): string {
  return r.pick([
    '__trap()',
    '__trap',
    'globalThis.__trap()',
    '(0, __trap)()',
    '__trap.call()',
    '`${__trap}`',
    '[__trap]',
    '({ a: __trap })',
    '-__trap',
    '"a" + __trap',
    '__trap?.x',
    'new __trap()',
    'import(__trap)',
    'import("boothkit-trap")',
    'eval("__trap()")',
    'Function("__trap()")()',
    '(() => __trap())()',
    'void __trap()',
    'typeof __trap',
    '__trap`x`',
    '1 && __trap()',
    '(1).constructor.constructor("return __trap")()',
    '__trap, 1',
    '__trap ? 1 : 2',
    'globalThis["__tr" + "ap"]',
  ]);
}

/** A value: mostly plain, sometimes with a hostile character inside or of a kind the guard refuses. */
function literal(r: Random): string {
  const inside = r.chance(0.15) ? hostile(r) : '';
  if (r.chance(0.8)) return r.pick([`"text${inside}"`, `'text${inside}'`, '42', '-1.5', 'true', 'false', '0x1F', '.5e3', `"${'\\u0041'}"`]);
  return r.pick(['null', '`text`', '[1, "two"]', '{ a: 1 }', '1n', '/re/']);
}

/** An opener, a hostile character, then a payload (bare or braced), then a closer: where readers part ways. */
function straddle(r: Random): string {
  const [open, close] = r.pick([
    ['"', '"'],
    ["'", "'"],
    ['`', '`'],
    ['`$', '`'],
    ['`text $', '`'],
    ['/* ', ' */'],
    ['// note', '\n'],
    ['"a" // note', '\n'],
    ['"a" /* ', ' */'],
    ['', ''],
    ['\\', ''],
  ] as const);
  const code = r.chance(0.5) ? `{${payload(r)}}` : payload(r);
  return `${open}${hostile(r)}${r.chance(0.3) ? hostile(r) : ''}${code}${close}`;
}

/** What goes between { and } of an expression. */
function expression(r: Random): string {
  const parts: string[] = [];
  for (let n = 1 + r.int(2); n > 0; n--) {
    const kind = r.int(20);
    if (kind < 8) parts.push(literal(r));
    else if (kind < 11) parts.push(straddle(r));
    else if (kind < 13) parts.push(payload(r));
    else if (kind < 15) parts.push(`/* ${r.chance(0.5) ? hostile(r) : 'note'} */`);
    else if (kind < 17) parts.push(`// note${r.pick(terminators)}`);
    else if (kind < 19) parts.push(template(r));
    else parts.push(hostile(r));
  }
  return parts.join(r.pick([' ', ' ', '', '\n', ' + ', ', ']));
}

/** A template literal whose parts may hide a substitution. */
function template(r: Random): string {
  const parts: string[] = [];
  for (let n = 1 + r.int(3); n > 0; n--) parts.push(r.pick(['text', '$', hostile(r), `{${payload(r)}}`, `\${${payload(r)}}`, '\\`', '\\$']));
  return `\`${parts.join('')}\``;
}

/** Booth components and inline HTML a booth may use, then names it may not. */
const allowedNames = ['Callout', 'Gallery', 'LinkList', 'Events', 'Publications', 'Offers', 'Units', 'abbr', 'span', 'sup', 'sub', 'br', 'time', 'q', 'dfn', 'small', 'mark', 'kbd', 'del', 'ins', 's'];
const otherNames = ['td', 'th', 'tr', 'tbody', 'thead', 'tfoot', 'caption', 'col', 'colgroup', 'table', 'script', 'style', 'iframe', 'img', 'a', 'div', 'svg', 'object', 'Fig', 'MDXLayout', 'props', '_components', 'Content', 'Figure', 'Video'];
const allowedProps = ['title', 'kind', 'caption', 'lang', 'datetime', 'cite'];
const otherProps = ['alt', 'src', 'id', 'url', 'decorative', 'href', 'onclick', 'style', 'class', 'set:html', 'client:load', 'dangerouslySetInnerHTML', 'children', '__proto__', 'key'];

/** One attribute: plain, with a hostile character, an expression, a spread, a directive. */
function attribute(r: Random): string {
  const name = r.chance(0.8) ? r.pick(allowedProps) : r.pick(otherProps);
  const kind = r.int(10);
  if (kind < 5) return `${name}="${r.chance(0.15) ? hostile(r) : ''}value"`;
  if (kind < 6) return `${name}='it${r.chance(0.3) ? hostile(r) : ''}s'`;
  if (kind < 9) return `${name}={${expression(r)}}`;
  if (kind < 10 && r.chance(0.5)) return `{...${r.chance(0.7) ? payload(r) : 'props'}}`;
  return name;
}

function element(r: Random, depth: number): string {
  const name = r.chance(0.7) ? r.pick(allowedNames) : r.pick(otherNames);
  const attributes = Array.from({ length: r.int(3) }, () => attribute(r)).join(' ');
  const open = `<${name}${attributes ? ` ${attributes}` : ''}`;
  if (r.chance(0.5) || depth > 1) return `${open} />`;
  return `${open}>${r.chance(0.5) ? '\n\n' : ''}${inline(r, depth + 1)}${r.chance(0.5) ? '\n\n' : ''}</${name}>`;
}

/** A run of inline content. */
function inline(r: Random, depth = 0): string {
  const parts: string[] = [];
  for (let n = 1 + r.int(4); n > 0; n--) {
    const kind = r.int(24);
    if (kind < 14) parts.push(r.pick(['Our lab', 'research', '**bold**', '*soft*', '`code {x}`', '[a link](https://example.com)', '![A photo](./acme/photo.png)', '![](./x.mjs)', '~~old~~', 'a < b', '5 $ \\{x}', 'A\\{B\\}']));
    else if (kind < 16) parts.push(hostile(r));
    else if (kind < 19) parts.push(`{${expression(r)}}`);
    else if (kind < 22 && depth < 2) parts.push(element(r, depth));
    else if (kind < 23) parts.push(`{${straddle(r)}\n}`);
    else parts.push(r.pick(['<!-- note -->', '</span>', '<', '{', '}', '&', '\\']));
  }
  return parts.join(r.pick([' ', '', '\n']));
}

/** One block of the body. */
function block(r: Random): string {
  const kind = r.int(20);
  if (kind < 3) return `## ${inline(r)}`;
  if (kind < 8) return inline(r);
  if (kind < 9) return `- ${inline(r)}\n- ${inline(r)}`;
  if (kind < 10) return `| a | b |\n|:--|--:|\n| ${inline(r)} | ${r.chance(0.5) ? hostile(r) : 'c'} |`;
  if (kind < 14) return element(r, 0);
  if (kind < 17) return `{${expression(r)}\n}`;
  if (kind < 19) return `\`\`\`\n${payload(r)}\n\`\`\``;
  return r.pick([`export const x = ${payload(r)}`, `import x from "${r.pick(['./x.mjs', 'node:fs', 'data:text/javascript,__trap()'])}"`, `export { a as b } from "./x.mjs"`]);
}

/** A booth body of one to four blocks. */
export function hostileBody(r: Random): string {
  const blocks = Array.from({ length: 1 + r.int(3) }, () => block(r));
  return `${blocks.join(r.pick(['\n\n', '\n', '\n\n\n', '\r\n\r\n']))}\n`;
}
