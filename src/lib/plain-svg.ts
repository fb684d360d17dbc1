/**
 * Whether an SVG file is a plain drawing. SVG is a document format: it can carry scripts,
 * event handlers, links, external images and HTML, and a site that serves the file from its
 * own address runs a script in it for anyone who opens the file. A sponsor's SVG reaches the
 * site by pull request (a logo or a picture beside the booth file), by the intake (drawn to a
 * PNG first) and by the Jekyll importer, so the content check holds every SVG under the
 * content folder to this, and tells the sponsor what to change rather than quietly dropping
 * parts of their logo.
 */
import sax from 'sax';

const svgNs = 'http://www.w3.org/2000/svg';
/** Namespaces a browser would render as HTML or MathML, where scripts and links live. */
const activeNs = ['http://www.w3.org/1999/xhtml', 'http://www.w3.org/1998/Math/MathML'];

/**
 * Drawing elements: shapes, text, paint servers, clipping, filters, and images embedded in the
 * file (below). No script, a, foreignObject, animate, set.
 */
const drawing = new Set([
  'svg', 'g', 'defs', 'title', 'desc', 'metadata', 'symbol', 'use', 'switch', 'style',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'textPath', 'image',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feFlood', 'feGaussianBlur',
  'feMerge', 'feMergeNode', 'feOffset', 'feMorphology', 'feFuncR', 'feFuncG', 'feFuncB', 'feFuncA', 'feDropShadow',
]);

/**
 * A raster picture inside the file (`<image href="data:image/png;base64,…">`), as design tools
 * export a logo with a bitmap part: it fetches nothing, and a raster image runs nothing.
 */
const embeddedRaster = /^data:image\/(png|jpeg|gif|webp|avif)[;,]/i;

/**
 * CSS is held to a closed list rather than searched for known dangers: a style may call only
 * these functions (colours, arithmetic, transforms, selectors) and url() of its own parts
 * (`url(#id)`), and use only these at-rules. Anything else (url() of a file, image-set(),
 * @import, @font-face, expression()) could fetch or run something, now or in a later browser.
 */
const cssFunctions = new Set([
  'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'color-mix', 'calc', 'min', 'max', 'clamp', 'var',
  'translate', 'translatex', 'translatey', 'scale', 'scalex', 'scaley', 'rotate', 'skewx', 'skewy', 'matrix',
  'translate3d', 'scale3d', 'rotatex', 'rotatey', 'rotatez', 'rotate3d', 'matrix3d', 'perspective', 'cubic-bezier', 'steps',
  'linear-gradient', 'radial-gradient', 'conic-gradient', 'repeating-linear-gradient', 'repeating-radial-gradient',
  'blur', 'brightness', 'contrast', 'drop-shadow', 'grayscale', 'hue-rotate', 'invert', 'opacity', 'saturate', 'sepia',
  'not', 'is', 'where', 'nth-child', 'nth-last-child', 'nth-of-type', 'nth-last-of-type', 'lang', 'url',
]);
const cssAtRules = new Set(['media', 'supports', 'keyframes']);

/**
 * Why a piece of CSS (a style sheet, a style attribute, a presentation attribute) is not a
 * drawing's, in a few words; undefined when it is. Comments are taken out first, which can
 * only join names (so a name is never missed, at worst one unknown is refused); a backslash
 * is refused outright, as a CSS escape spells any name past any list.
 */
function cssProblem(css: string): string | undefined {
  const text = css.replace(/\/\*[\s\S]*?(\*\/|$)/g, '');
  if (text.includes('\\')) return 'a backslash (a CSS escape can hide any word)';
  for (const [, name] of text.matchAll(/@([-\w]*)/g)) if (!cssAtRules.has(name!.toLowerCase())) return `@${name}`;
  for (const [, name, argument] of text.matchAll(/([-\w]*)\(\s*(['"]?\s*.?)/g)) {
    const fn = name!.toLowerCase();
    if (fn !== '' && !cssFunctions.has(fn)) return `${name}()`;
    if (fn === 'url' && !/^['"]?\s*#/.test(argument!)) return 'url() of a file';
  }
  return undefined;
}

/**
 * The entities a DOCTYPE declares, when all it declares is text: design tools write
 * `<!DOCTYPE svg PUBLIC "…" "…svg11.dtd">` (a browser never fetches that file) and older ones
 * name their namespaces `<!ENTITY ns_svg "http://www.w3.org/2000/svg">`. Anything else in the
 * internal subset (markup in a value, parameter entities, external entities, element
 * declarations) gives undefined.
 */
function plainEntities(doctype: string): Record<string, string> | undefined {
  const open = doctype.indexOf('[');
  if (open === -1) return {};
  const subset = doctype.slice(open + 1, doctype.lastIndexOf(']')).replace(/<!--[\s\S]*?-->/g, '');
  const entities: Record<string, string> = {};
  const rest = subset.replace(/<!ENTITY\s+([\w.-]+)\s+(?:"([^"<&%]*)"|'([^'<&%]*)')\s*>/g, (_, name: string, double?: string, single?: string) => {
    entities[name] = double ?? single ?? '';
    return '';
  });
  return rest.trim() === '' ? entities : undefined;
}

/** Every reason the SVG text is unsafe (at most a few, de-duplicated); empty when it is a plain drawing. */
export function svgProblems(text: string): string[] {
  const problems = new Set<string>();
  // Only the five entities of XML (and those a DOCTYPE declares, below), as a browser reads
  // SVG. sax takes strictEntities; its published types (@types/sax) do not list it yet.
  const options = { xmlns: true, strictEntities: true };
  const parser = sax.parser(true, options);
  let root: string | undefined;
  // The <style> being read: the depth it opened at, and its text so far.
  let style: { depth: number; text: string } | undefined;
  let depth = 0;
  parser.ondoctype = (doctype) => {
    const entities = plainEntities(doctype);
    if (entities) Object.assign(parser.ENTITIES, entities);
    else problems.add('its DOCTYPE declares more than text entities (a declaration can read files or expand without end); export it without a DOCTYPE');
  };
  // <?xml-stylesheet href="…"?> loads a stylesheet; only the <?xml …?> declaration is a drawing's.
  parser.onprocessinginstruction = ({ name }) => {
    if (name.toLowerCase() !== 'xml') problems.add(`it has a processing instruction <?${name.slice(0, 30)}?>, which can load a stylesheet; export it without one`);
  };
  parser.onopentag = (tag) => {
    // With xmlns: true every tag comes qualified (its namespace and local name); the types cannot tell.
    const node = tag as sax.QualifiedTag;
    root ??= node.local;
    if (activeNs.includes(node.uri)) problems.add(`it contains HTML or MathML (<${node.name}>), which can run scripts`);
    else if (node.uri === svgNs && !drawing.has(node.local)) problems.add(`it contains <${node.local}>, which a logo does not need (scripts, links, embedded images and animations are refused)`);
    if (style) problems.add(`its <style> holds an element (<${node.name}>); a style sheet is text only`);
    depth++;
    if (node.uri === svgNs && node.local === 'style') style ??= { depth: depth - 1, text: '' };
    for (const attribute of Object.values(node.attributes)) {
      const value = attribute.value;
      // Styles and presentation attributes have no namespace; an editor's own (inkscape:label) are never CSS.
      const css = attribute.uri === '' && attribute.local !== 'href' ? cssProblem(value) : undefined;
      if (/^on/i.test(attribute.local)) problems.add(`it has an event handler (${attribute.name}= on <${node.local}>), which is a script`);
      else if (attribute.local === 'href' && !value.trim().startsWith('#') && !(node.local === 'image' && embeddedRaster.test(value))) problems.add(`it links to "${value.slice(0, 60)}" (${attribute.name}= on <${node.local}>); a logo may only refer to its own parts ("#id")`);
      else if (/javascript:/i.test(value)) problems.add(`it has a javascript: address in ${attribute.name}= on <${node.local}>`);
      else if (css) problems.add(`its ${attribute.name}= on <${node.local}> uses ${css}; a drawing's styles use only colours, numbers, transforms and url(#id) of its own parts`);
    }
  };
  parser.onclosetag = () => {
    depth--;
    if (style && depth === style.depth) {
      const problem = cssProblem(style.text);
      if (problem) problems.add(`its <style> uses ${problem}; a drawing's styles use only colours, numbers, transforms and url(#id) of its own parts`);
      style = undefined;
    }
  };
  // A style sheet is the text of its <style>, however comments and CDATA sections cut it.
  const styleText = (text: string) => {
    if (style) style.text += text;
  };
  parser.ontext = styleText;
  parser.oncdata = styleText;
  parser.onerror = (error) => {
    problems.add(`it is not well-formed XML (${error.message.split('\n')[0]})`);
    throw error;
  };
  try {
    parser.write(text).close();
  } catch {
    // The error is recorded above; sax cannot continue after one.
  }
  if (root !== undefined && root !== 'svg') problems.add(`its root element is <${root}>, not <svg>`);
  return [...problems].slice(0, 5);
}
