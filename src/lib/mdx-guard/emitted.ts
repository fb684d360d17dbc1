/**
 * What keeps booth text from running code: the JavaScript module the MDX compiler emits for a
 * booth file, parsed with the bundler's own parser (rolldown's, the one that reads the module
 * before it runs) and held against a closed grammar of what a safe booth compiles to:
 *
 * - the module scaffolding the compiler and Astro always emit, statement for statement
 *   (imports of the JSX runtime, MDXContent, the Content export and its annotations);
 * - `export const frontmatter = …` and `getHeadings()`, data literals only (JSON);
 * - `_createMdxContent(props)`: the Markdown elements it declares, the booth components it
 *   takes from `props.components`, and one element tree of `_jsx(tag, { …props })` calls whose
 *   props and children are string, number and boolean literals (and, for a Markdown image,
 *   the binding of its imported file).
 *
 * Anything else (a call, a member access, an identifier not in the lists, a template, a
 * spread, an import of anything but a local image) is refused. The source guard (index.ts)
 * explains the usual mistakes in the author's words; this check is the boundary, because it
 * reads exactly what will run rather than hoping to read the source as the compiler does.
 */
import { parseAst } from 'rolldown/parseAst';
import { unsafeScheme } from '../../core/urls.ts';
import { hiddenCharacterIn, visible } from './characters.ts';
import { allowedComponents, allowedHtml, localImagePath } from './components.ts';

export interface EmittedProblem {
  /** The refused code, as emitted (shortened). */
  construct: string;
  message: string;
  /** Where in the element tree it sits: child indexes from the root element (see elementLines). */
  element: readonly number[];
  /** Names and strings in the refused code, in order: what to look for in the source to find its line. */
  words: string[];
  /** A hidden character rather than code (reported as the content check's hidden-character). */
  hidden?: true;
}

/** An ESTree node as rolldown's parser returns it; the checks below read it field by field. */
interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** Elements Markdown (with GFM and footnotes) compiles to, which MDX lets `props.components` replace. */
const markdownElements = new Set([
  'a', 'blockquote', 'br', 'code', 'del', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'input', 'li', 'ol', 'p', 'pre',
  'section', 'strong', 'sup', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
  // A Markdown image, made an <Image> by Astro.
  'astro-image',
  // The inline HTML a booth may use, which MDX also routes through props.components.
  ...Object.keys(allowedHtml),
]);

/**
 * A prop name an element may carry: a plain attribute name. Not a directive Astro acts on
 * (set:html, client:load, is:raw), an event handler, React's escape hatch or a style (a
 * Markdown table's alignment is the one style, checked apart).
 */
const plainPropName = /^(?!on)(?!dangerouslySetInnerHTML$)(?!style$)[a-z][a-z0-9-]*$/i;

/** The JSX runtime's names, as the compiler imports them. */
const runtimeImports: Record<string, Record<string, string>> = {
  'astro/jsx-runtime': { Fragment: '_Fragment', jsx: '_jsx', jsxs: '_jsxs' },
  'astro:assets': { Image: '__AstroImage__' },
  'astro/runtime/server/index.js': { __astro_tag_component__: '__astro_tag_component__' },
};

/**
 * The statements the compiler (satteri, @astrojs/markdown-satteri) and Astro's MDX
 * post-processing emit for every booth, whatever its text. An emitted statement that is not
 * content (checked below) must equal one of these.
 */
const scaffoldSource = [
  `function MDXContent(props = {}) {
    const { wrapper: MDXLayout } = props.components || {};
    return MDXLayout ? _jsx(MDXLayout, Object.assign({}, props, { children: _jsx(_createMdxContent, props) })) : _createMdxContent(props);
  }`,
  `function _missingMdxReference(id, component) {
    throw new Error("Expected " + (component ? "component" : "object") + " \`" + id + "\` to be defined: you likely forgot to import, pass, or provide it.");
  }`,
  'export const __usesAstroImage = true;',
  'export const Content = (props = {}) => MDXContent({ ...props, components: { Fragment: _Fragment, ...props.components } });',
  'export const Content = (props = {}) => MDXContent({ ...props, components: { Fragment: _Fragment, ...props.components, "astro-image": props.components?.img ?? __AstroImage__ } });',
  'export default Content;',
  "Content[Symbol.for('mdx-component')] = true;",
  "Content[Symbol.for('astro.needsHeadRendering')] = !Boolean(frontmatter.layout);",
  "__astro_tag_component__(Content, 'astro:jsx');",
];

let scaffold: Node[] | undefined;
const scaffoldStatements = () => (scaffold ??= scaffoldSource.flatMap((statement) => parse(statement).body as Node[]));

function parse(code: string): { body: unknown[] } {
  return parseAst(code, { lang: 'js', sourceType: 'module', preserveParens: false });
}

/** Same code, positions and quoting aside. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = (o: object) => Object.keys(o).filter((k) => k !== 'start' && k !== 'end' && k !== 'raw' && k !== 'range');
  const ka = keys(a);
  const kb = keys(b);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const isNode = (value: unknown, type?: string): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string' && (!type || (value as Node).type === type);
const nodes = (value: unknown): Node[] => (Array.isArray(value) ? value.filter((v): v is Node => isNode(v)) : []);
const nameOf = (node: unknown): string | undefined => (isNode(node, 'Identifier') ? String(node['name']) : isNode(node, 'Literal') && typeof node['value'] === 'string' ? node['value'] : undefined);
const isIdentifier = (node: unknown, name: string) => isNode(node, 'Identifier') && node['name'] === name;
/** `object.property`, not computed, not optional. */
const isMember = (node: unknown, object: string, property: string) =>
  isNode(node, 'MemberExpression') && !node['computed'] && !node['optional'] && isIdentifier(node['object'], object) && isIdentifier(node['property'], property);

/** A string, number or boolean literal (a negative number too): the only values a booth's props and text compile to. */
function isScalar(node: unknown): boolean {
  if (isNode(node, 'UnaryExpression') && node['operator'] === '-') return isNode(node['argument'], 'Literal') && typeof node['argument']['value'] === 'number';
  if (!isNode(node, 'Literal') || 'regex' in node || 'bigint' in node) return false;
  return ['string', 'number', 'boolean'].includes(typeof node['value']);
}

/** JSON as a JavaScript literal (front matter, headings): objects, arrays, strings, numbers, booleans, null. */
function isData(node: unknown): boolean {
  if (isScalar(node) || (isNode(node, 'Literal') && node['value'] === null && !('regex' in node))) return true;
  if (isNode(node, 'ArrayExpression')) return (node['elements'] as unknown[]).every((e) => isData(e));
  if (!isNode(node, 'ObjectExpression')) return false;
  return nodes(node['properties']).every((p) => isPlainProperty(p) && isData(p['value']));
}

/** `key: value`, written out (no spread, method, getter, computed or shorthand key, no `__proto__`). */
function isPlainProperty(p: Node): boolean {
  if (p.type !== 'Property' || p['kind'] !== 'init' || p['method'] || p['shorthand'] || p['computed']) return false;
  const key = nameOf(p['key']);
  return key !== undefined && key !== '__proto__' && (isNode(p['key'], 'Identifier') || isNode(p['key'], 'Literal'));
}

export function emittedProblems(code: string): EmittedProblem[] {
  let program: { body: unknown[] };
  try {
    program = parse(code);
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 3).join(' ').replace(/\s+/g, ' ');
    return [{ construct: 'compiled code', message: `is not JavaScript the bundler can read (${why}); the booth cannot be built`, element: [], words: [] }];
  }
  const problems: EmittedProblem[] = [];
  const shown = (node: Node) => {
    const text = code.slice(node.start, node.end).replace(/[ \t\n]+/g, ' ');
    return visible(text.length > 60 ? `${text.slice(0, 60)}…` : text);
  };
  const refuse = (node: Node, message: string, element: readonly number[] = []) => problems.push({ construct: shown(node), message, element, words: wordsIn(node) });
  const code_ = 'is code: the compiler reads this part of the booth text as JavaScript, which would run when the site is built';
  const asText = `${code_}. Write it as text (a brace as \\{), or a plain value such as {"text"}, {42} or {true}`;

  // Imports first: they name the bindings the rest may use.
  const images = new Set<string>();
  const statements = nodes(program.body);
  for (const statement of statements) {
    if (statement.type !== 'ImportDeclaration') continue;
    const source = nameOf(statement['source']) ?? '';
    const specifiers = nodes(statement['specifiers']);
    const plain = nodes(statement['attributes']).length === 0 && !statement['phase'];
    const allowed = runtimeImports[source];
    if (plain && allowed && specifiers.length > 0 && specifiers.every((s) => s.type === 'ImportSpecifier' && allowed[nameOf(s['imported']) ?? ''] === nameOf(s['local']))) continue;
    if (plain && localImagePath.test(source) && specifiers.length === 1 && specifiers[0]!.type === 'ImportDefaultSpecifier' && /^__\d+_\w*__$/.test(nameOf(specifiers[0]!['local']) ?? '')) {
      images.add(nameOf(specifiers[0]!['local'])!);
      continue;
    }
    refuse(statement, `imports "${source}"; a booth may only show image files next to it (e.g. ![what it shows](./sponsor-id/photo.jpg)), and importing anything else runs its code when the site is built`);
  }

  for (const statement of statements) {
    if (statement.type === 'ImportDeclaration') continue;
    if (isNode(statement, 'FunctionDeclaration') && isIdentifier(statement['id'], '_createMdxContent')) {
      checkContent(statement);
      continue;
    }
    if (isDataExport(statement) || scaffoldStatements().some((s) => same(s, statement))) continue;
    refuse(statement, `${code_}. The kit knows every statement a booth compiles to and this is not one of them; if the booth text is plain Markdown, the compiler may have changed: report it (docs/security.md)`);
  }
  return problems;

  /**
   * A text or prop holding a character the content check refuses in the booth's file (characters.ts):
   * written there as a character reference (`&#x202E;`), which the compiler decodes.
   */
  function hiddenIn(value: Node, path: readonly number[]): void {
    const found = typeof value['value'] === 'string' ? hiddenCharacterIn(value['value']) : undefined;
    if (found) problems.push({ construct: shown(value), message: `holds ${found}, written as a character reference such as &#x202E;: invisible characters can make the text read one way to people and another to the build; delete it`, element: path, words: [], hidden: true });
  }

  /** The body of _createMdxContent: declared elements and components, then one element tree. */
  function checkContent(fn: Node): void {
    const params = nodes(fn['params']);
    const body = isNode(fn['body'], 'BlockStatement') ? nodes(fn['body']['body']) : [];
    if (fn['async'] || fn['generator'] || params.length !== 1 || !isIdentifier(params[0], 'props') || body.length === 0) {
      refuse(fn, `${code_}. The booth's content function is not the one the compiler writes`);
      return;
    }
    const declared = new Set<string>();
    const components = new Set<string>();
    for (const statement of body.slice(0, -1)) {
      if (!preamble(statement, declared, components)) refuse(statement, `${code_}. A booth's content starts with the Markdown elements and components it uses, nothing else`);
    }
    const last = body.at(-1)!;
    if (last.type !== 'ReturnStatement' || !isNode(last['argument'])) {
      refuse(last, `${code_}. A booth's content ends with its elements`);
      return;
    }
    element(last['argument'], [], declared, components);
  }

  /**
   * One element: `_jsx(tag, { prop: value, children: … })`. `path` is its place in the tree,
   * so a problem can be given the line the element starts on.
   */
  function element(node: Node, path: readonly number[], declared: Set<string>, components: Set<string>): void {
    const args = nodes(node['arguments']);
    const callee = node['callee'];
    if (node.type !== 'CallExpression' || node['optional'] || !(isIdentifier(callee, '_jsx') || isIdentifier(callee, '_jsxs')) || args.length !== 2 || nodes(node['arguments']).length !== (node['arguments'] as unknown[]).length) {
      refuse(node, asText, path);
      return;
    }
    const [tag, props] = args as [Node, Node];
    const tagName = tagOf(tag, declared, components);
    if (tagName === undefined) refuse(tag, `is not an element a booth may show; write Markdown, or use a booth component (${Object.keys(allowedComponents).join(', ')}) or the inline HTML ${Object.keys(allowedHtml).join(', ')}`, path);
    if (props.type !== 'ObjectExpression') {
      refuse(props, `${code_}. Write each prop as name="value"`, path);
      return;
    }
    for (const prop of nodes(props['properties'])) {
      if (!isPlainProperty(prop)) {
        refuse(prop, `${code_}. Write each prop as name="value" (spread props are code)`, path);
        continue;
      }
      const key = nameOf(prop['key'])!;
      const value = prop['value'] as Node;
      if (key === 'children') {
        const kids = isNode(value, 'ArrayExpression') ? (value['elements'] as unknown[]) : [value];
        kids.forEach((kid, i) => {
          const at = isNode(value, 'ArrayExpression') ? [...path, i] : [...path, 0];
          if (isNode(kid) && kid.type === 'CallExpression') element(kid, at, declared, components);
          else if (!isScalar(kid)) refuse(isNode(kid) ? kid : value, asText, path);
          else hiddenIn(kid as Node, path);
        });
      } else if (key === 'style' && tagName && ['th', 'td'].includes(tagName) && isAlignment(value)) {
        // A Markdown table column's alignment (| :-: |): { textAlign: "center" }.
      } else if (key === 'src' && tagName === 'astro-image' && isNode(value, 'Identifier') && images.has(String(value['name']))) {
        // A Markdown image's file, imported above.
      } else if (!plainPropName.test(key)) {
        refuse(prop, `is not a prop a booth may set: a directive, an event handler or a style would inject HTML, run a script or restyle the page. Remove it`, path);
      } else if (!isScalar(value)) {
        refuse(value, `${code_}. Write a plain value, e.g. ${key}="text" or ${key}={true}`, path);
      } else if (typeof value['value'] === 'string' && unsafeScheme(value['value'])) {
        refuse(value, `is a ${unsafeScheme(value['value'])}: address, which could run code or hide a file in the page; use an https:// address`, path);
      } else hiddenIn(value, path);
    }
  }
}

/** Identifier names and strings (of two characters or more) inside `node`, in source order. */
function wordsIn(node: Node): string[] {
  const found: { at: number; word: string }[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isNode(value)) return;
    if (value.type === 'Identifier') found.push({ at: value.start, word: String(value['name']) });
    else if (value.type === 'Literal' && typeof value['value'] === 'string' && value['value'].length > 1) found.push({ at: value.start, word: value['value'] });
    for (const [key, child] of Object.entries(value)) if (key !== 'type') visit(child);
  };
  visit(node);
  return found.sort((a, b) => a.at - b.at).map((f) => f.word);
}

/** `export const frontmatter = {…}`, `export function getHeadings() { return […]; }`, url, file, moduleId: data only. */
function isDataExport(statement: Node): boolean {
  if (isNode(statement, 'ExportNamedDeclaration') && !statement['source'] && nodes(statement['specifiers']).length === 0) {
    const declaration = statement['declaration'];
    if (isNode(declaration, 'VariableDeclaration') && declaration['kind'] === 'const') {
      const [one, ...more] = nodes(declaration['declarations']);
      const name = nameOf(one?.['id']);
      if (!one || more.length || !isNode(one['id'], 'Identifier')) return false;
      if (name === 'frontmatter') return isData(one['init']);
      return (name === 'url' || name === 'file') && isNode(one['init'], 'Literal') && typeof one['init']['value'] === 'string';
    }
    if (isNode(declaration, 'FunctionDeclaration') && isIdentifier(declaration['id'], 'getHeadings') && nodes(declaration['params']).length === 0 && !declaration['async'] && !declaration['generator']) {
      const body = isNode(declaration['body'], 'BlockStatement') ? nodes(declaration['body']['body']) : [];
      return body.length === 1 && isNode(body[0], 'ReturnStatement') && isData(body[0]['argument']);
    }
    return false;
  }
  // Content.moduleId = "/path/to/booth.mdx";
  const expression = isNode(statement, 'ExpressionStatement') ? statement['expression'] : undefined;
  return isNode(expression, 'AssignmentExpression') && expression['operator'] === '=' && isMember(expression['left'], 'Content', 'moduleId') && isNode(expression['right'], 'Literal') && typeof expression['right']['value'] === 'string';
}

/**
 * The statements before the element tree:
 * `const _components = Object.assign({ p: "p", … }, props.components);`
 * `const { Figure, … } = _components;` (or `= props.components || {};`)
 * `if (!Figure) _missingMdxReference("Figure", true);`
 */
function preamble(statement: Node, declared: Set<string>, components: Set<string>): boolean {
  if (isNode(statement, 'IfStatement')) {
    const test = statement['test'];
    const consequent = statement['consequent'];
    const call = isNode(consequent, 'ExpressionStatement') ? consequent['expression'] : undefined;
    const name = isNode(test, 'UnaryExpression') && test['operator'] === '!' ? nameOf(test['argument']) : undefined;
    const args = isNode(call, 'CallExpression') ? nodes(call['arguments']) : [];
    return (
      !statement['alternate'] && name !== undefined && components.has(name) && isNode(test, 'UnaryExpression') && isNode(test['argument'], 'Identifier') &&
      isNode(call, 'CallExpression') && !call['optional'] && isIdentifier(call['callee'], '_missingMdxReference') &&
      args.length === 2 && isNode(args[0], 'Literal') && args[0]['value'] === name && isNode(args[1], 'Literal') && args[1]['value'] === true
    );
  }
  if (!isNode(statement, 'VariableDeclaration') || statement['kind'] !== 'const') return false;
  const [one, ...more] = nodes(statement['declarations']);
  if (!one || more.length) return false;
  const id = one['id'];
  const init = one['init'];
  if (isIdentifier(id, '_components')) {
    const call = init;
    if (!isNode(call, 'CallExpression') || call['optional'] || !isMember(call['callee'], 'Object', 'assign')) return false;
    const [map, rest, ...extra] = nodes(call['arguments']);
    if (extra.length || !isNode(map, 'ObjectExpression') || !isMember(rest, 'props', 'components') || nodes(call['arguments']).length !== (call['arguments'] as unknown[]).length) return false;
    return nodes(map['properties']).every((p) => {
      const name = isPlainProperty(p) ? nameOf(p['key']) : undefined;
      const ok = name !== undefined && markdownElements.has(name) && isNode(p['value'], 'Literal') && p['value']['value'] === name;
      if (ok) declared.add(name);
      return ok;
    });
  }
  if (!isNode(id, 'ObjectPattern')) return false;
  const fromComponents = isIdentifier(init, '_components') || (isNode(init, 'LogicalExpression') && init['operator'] === '||' && isMember(init['left'], 'props', 'components') && isNode(init['right'], 'ObjectExpression') && nodes(init['right']['properties']).length === 0);
  return (
    fromComponents &&
    nodes(id['properties']).every((p) => {
      const name = p.type === 'Property' && p['shorthand'] && !p['computed'] && isNode(p['value'], 'Identifier') ? nameOf(p['key']) : undefined;
      const ok = name !== undefined && name in allowedComponents && nameOf(p['value']) === name;
      if (ok) components.add(name);
      return ok;
    })
  );
}

/** The tag of an element, or undefined when it is not one a booth may render. */
function tagOf(tag: Node, declared: Set<string>, components: Set<string>): string | undefined {
  if (isIdentifier(tag, '_Fragment')) return 'Fragment';
  if (isNode(tag, 'Identifier') && components.has(String(tag['name']))) return String(tag['name']);
  if (isNode(tag, 'Literal') && typeof tag['value'] === 'string' && tag['value'] in allowedHtml) return tag['value'];
  if (isNode(tag, 'MemberExpression') && !tag['optional'] && isIdentifier(tag['object'], '_components')) {
    const name = tag['computed'] ? (isNode(tag['property'], 'Literal') ? nameOf(tag['property']) : undefined) : isNode(tag['property'], 'Identifier') ? nameOf(tag['property']) : undefined;
    if (name !== undefined && declared.has(name)) return name;
  }
  return undefined;
}

/** `{ textAlign: "left" | "center" | "right" }`, what a Markdown table's alignment row compiles to. */
function isAlignment(value: Node): boolean {
  const [one, ...more] = value.type === 'ObjectExpression' ? nodes(value['properties']) : [];
  return !!one && !more.length && isPlainProperty(one) && nameOf(one['key']) === 'textAlign' && isNode(one['value'], 'Literal') && ['left', 'center', 'right'].includes(String(one['value']['value']));
}

/**
 * The line each element starts on, by its place in the tree, read from the same body compiled
 * in development mode (`_jsxDEV(tag, props, key, static, { lineNumber }, this)`), which the
 * compiler writes with source positions. Used only to word a problem; never to decide one.
 */
export function elementLines(devCode: string): Map<string, number> {
  const lines = new Map<string, number>();
  let program: { body: unknown[] };
  try {
    program = parse(devCode);
  } catch {
    return lines;
  }
  const visit = (node: unknown, path: number[]) => {
    if (!isNode(node, 'CallExpression') || !isIdentifier(node['callee'], '_jsxDEV')) return;
    const [, props, , , source] = node['arguments'] as unknown[];
    const line = isNode(source, 'ObjectExpression') ? nodes(source['properties']).find((p) => nameOf(p['key']) === 'lineNumber')?.['value'] : undefined;
    if (isNode(line, 'Literal') && typeof line['value'] === 'number') lines.set(path.join('.'), line['value']);
    const children = isNode(props, 'ObjectExpression') ? nodes(props['properties']).find((p) => nameOf(p['key']) === 'children')?.['value'] : undefined;
    if (isNode(children, 'ArrayExpression')) (children['elements'] as unknown[]).forEach((kid, i) => visit(kid, [...path, i]));
    else visit(children, [...path, 0]);
  };
  const content = nodes(program.body).find((s) => isNode(s, 'FunctionDeclaration') && isIdentifier(s['id'], '_createMdxContent'));
  const last = content && isNode(content['body'], 'BlockStatement') ? nodes(content['body']['body']).at(-1) : undefined;
  if (isNode(last, 'ReturnStatement')) visit(last['argument'], []);
  return lines;
}

/** The line of the innermost element around `path` that `lines` knows. */
export function lineAt(lines: Map<string, number>, path: readonly number[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const line = lines.get(path.slice(0, n).join('.'));
    if (line !== undefined) return line;
  }
  return undefined;
}
