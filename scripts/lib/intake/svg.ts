/**
 * Uploaded SVG files. SVG is a document format: it can carry scripts, event handlers, links,
 * external images and HTML, and a site serving the file from its own address would run a
 * script in it. So an SVG from the intake is never shipped: it is drawn to a PNG with sharp
 * (`svgToPng`), and only the PNG is written. Before it is drawn it must be a plain drawing
 * (`svgProblems`), which keeps the renderer away from anything that could load or run, and
 * tells the sponsor what to change rather than quietly dropping parts of their logo.
 */
import sax from 'sax';
import sharp from 'sharp';

const svgNs = 'http://www.w3.org/2000/svg';
/** Namespaces a browser would render as HTML or MathML, where scripts and links live. */
const activeNs = ['http://www.w3.org/1999/xhtml', 'http://www.w3.org/1998/Math/MathML'];

/** Drawing elements: shapes, text, paint servers, clipping, filters. No script, a, image, foreignObject, animate, set. */
const drawing = new Set([
  'svg', 'g', 'defs', 'title', 'desc', 'metadata', 'symbol', 'use', 'switch', 'style',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feFlood', 'feGaussianBlur',
  'feMerge', 'feMergeNode', 'feOffset', 'feMorphology', 'feFuncR', 'feFuncG', 'feFuncB', 'feFuncA', 'feDropShadow',
]);

/**
 * CSS that fetches or runs something: imports, url() to anything but a fragment, old IE
 * expressions, and any backslash (a CSS escape such as "\\75 rl(" spells url( past a pattern).
 */
const unsafeCss = /@import|url\(\s*['"]?(?!#)|expression\s*\(|javascript:|\\/i;

/** Every reason the SVG text is unsafe (at most a few, de-duplicated); empty when it is a plain drawing. */
export function svgProblems(text: string): string[] {
  const problems = new Set<string>();
  const parser = sax.parser(true, { xmlns: true });
  let root: string | undefined;
  let inStyle = false;
  parser.ondoctype = () => problems.add('it has a DOCTYPE (entity declarations can expand or read files); export it without one');
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
    inStyle = node.uri === svgNs && node.local === 'style';
    for (const attribute of Object.values(node.attributes)) {
      const value = attribute.value;
      if (/^on/i.test(attribute.local)) problems.add(`it has an event handler (${attribute.name}= on <${node.local}>), which is a script`);
      else if (attribute.local === 'href' && !value.trim().startsWith('#')) problems.add(`it links to "${value.slice(0, 60)}" (${attribute.name}= on <${node.local}>); a logo may only refer to its own parts ("#id")`);
      else if (/javascript:/i.test(value)) problems.add(`it has a javascript: address in ${attribute.name}= on <${node.local}>`);
      else if (unsafeCss.test(value) && (attribute.local === 'style' || /^url\(/i.test(value.trim()))) problems.add(`its styles load something from outside or hide what they do behind a backslash (${attribute.name}= on <${node.local}>)`);
    }
  };
  parser.onclosetag = () => {
    inStyle = false;
  };
  const styleText = (text: string) => {
    if (inStyle && unsafeCss.test(text)) problems.add('its <style> imports or loads something from outside, or hides what it does behind a backslash');
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

/** The longer side of a logo drawn from an SVG: room for a 2x screen at the largest logo size. */
const drawnSide = 1200;

/**
 * A plain SVG (see svgProblems) drawn to a PNG whose longer side is `drawnSide` pixels, sharp
 * reading it at the density that gives that size, so small drawings stay sharp.
 */
export async function svgToPng(svg: Uint8Array): Promise<Uint8Array> {
  const { width = drawnSide, height = drawnSide } = await sharp(svg).metadata();
  const density = Math.min(2400, Math.max(1, (72 * drawnSide) / Math.max(width, height, 1)));
  return sharp(svg, { density }).resize({ width: drawnSide, height: drawnSide, fit: 'inside' }).png().toBuffer();
}
