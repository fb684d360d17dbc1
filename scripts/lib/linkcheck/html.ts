/**
 * A small, fast HTML scanner: one pass over the text, no DOM. It collects what a link
 * checker needs from a built page: every URL-bearing attribute (with its element, line
 * and link text) and every fragment target (`id` on any element, `name` on `<a>`).
 * Comments and the bodies of script/style/textarea/title are skipped, as a browser would.
 */

export interface LinkRef {
  /** Element and attribute, e.g. "a[href]" or "img[srcset]". */
  attr: string;
  /** The URL as written, entity-decoded. For srcset, one candidate per LinkRef. */
  url: string;
  /** 1-based line in the built file. */
  line: number;
  /** Visible text of an `<a>` (or the alt of its image), trimmed to 80 characters. */
  text?: string;
  /** Whether the URL is fetched by the browser with the page (image, stylesheet, …). */
  subresource: boolean;
  /** `data-link-check="skip"` on the element. */
  skip: boolean;
}

export interface ScannedPage {
  ids: Set<string>;
  links: LinkRef[];
  /** `<base href>`, when the page sets one. */
  baseHref?: string;
}

/** Which attributes of which elements hold URLs; `true` marks a subresource. */
const URL_ATTRS: Record<string, Record<string, boolean>> = {
  a: { href: false },
  area: { href: false },
  img: { src: true, srcset: true },
  source: { src: true, srcset: true },
  video: { src: true, poster: true },
  audio: { src: true },
  track: { src: true },
  script: { src: true },
  iframe: { src: true },
  embed: { src: true },
  object: { data: true },
  link: { href: true },
  meta: { content: false },
};

/** `<link rel>` values that name an origin or a feed rather than a resource we can check. */
const LINK_REL_SKIP = new Set(['preconnect', 'dns-prefetch']);
/** `<link rel>` values that are navigation, not something the page loads. */
const LINK_REL_NAV = new Set(['canonical', 'alternate', 'prev', 'next', 'author', 'license', 'help', 'search', 'me']);
/** "img[srcset]" for each element and attribute, built once so no link allocates its own. */
const LABELS: Record<string, Record<string, string>> = Object.fromEntries(
  Object.entries(URL_ATTRS).map(([tag, attrs]) => [tag, Object.fromEntries(Object.keys(attrs).map((attr) => [attr, `${tag}[${attr}]`]))]),
);

/** Attributes read from elements that carry URLs. */
const KEPT_ATTRS = new Set(['href', 'src', 'srcset', 'poster', 'data', 'content', 'rel', 'http-equiv', 'name', 'data-link-check']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes']);

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references that occur in attribute values and link text. */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z]+);?/g, (match, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? match;
  });
}

/** The URLs of a `srcset`, following the HTML candidate-string rules (URLs may hold commas). */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  const n = srcset.length;
  const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
  while (i < n) {
    while (i < n && (isSpace(srcset[i]) || srcset[i] === ',')) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(srcset[i])) i++;
    let url = srcset.slice(start, i);
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      // Skip the descriptors up to the next comma outside parentheses.
      let depth = 0;
      while (i < n) {
        const c = srcset[i];
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
        i++;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}

/** The target of `<meta http-equiv="refresh" content="0; url=…">`, if any. */
export function refreshTarget(content: string): string | undefined {
  const match = /^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?(.*)$/i.exec(content);
  const raw = match?.[1]?.trim();
  if (!raw) return undefined;
  const quote = raw[0];
  if (quote === '"' || quote === "'") {
    const end = raw.indexOf(quote, 1);
    return raw.slice(1, end < 0 ? undefined : end);
  }
  return raw;
}

function linkText(html: string): string {
  // Most link texts are plain words: no tags, entities or runs of spaces to clean up.
  if (html.length <= 80 && !/[<&\n\r\t]| {2}/.test(html)) return html.trim();
  let text = html;
  if (text.includes('<')) {
    const alt = /<img\b[^>]*\balt\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(text);
    text = text.replace(/<[^>]*>/g, ' ');
    if (!text.trim() && alt) text = alt[1] ?? alt[2] ?? '';
  }
  text = decodeEntities(text).replace(/\s+/g, ' ').trim();
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

const isNameChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 95;
const isSpaceCode = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

/** Offset of `</tag` (any case) at or after `from`, or the end of the text. */
function closingTag(html: string, tag: string, from: number): number {
  let at = from;
  while ((at = html.indexOf('</', at)) !== -1) {
    if (html.slice(at + 2, at + 2 + tag.length).toLowerCase() === tag) return at;
    at += 2;
  }
  return html.length;
}

/** Scans one HTML document. */
export function scanHtml(html: string): ScannedPage {
  const ids = new Set<string>();
  const links: LinkRef[] = [];
  let baseHref: string | undefined;
  const n = html.length;

  // Line numbers are counted incrementally as the scan moves forward.
  let lineAt = 0;
  let line = 1;
  const lineOf = (offset: number) => {
    let next = html.indexOf('\n', lineAt);
    while (next !== -1 && next < offset) {
      line++;
      lineAt = next + 1;
      next = html.indexOf('\n', lineAt);
    }
    return line;
  };

  // An open <a>: its links get their text when </a> is reached.
  let openAnchor: { links: LinkRef[]; textStart: number } | undefined;

  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    const next = html.charCodeAt(i + 1);
    if (next === 33 /* ! */) {
      if (html.startsWith('<!--', i)) {
        const end = html.indexOf('-->', i + 4);
        i = end < 0 ? n : end + 3;
      } else {
        const end = html.indexOf('>', i + 2);
        i = end < 0 ? n : end + 1;
      }
      continue;
    }
    if (next === 47 /* / */) {
      let j = i + 2;
      while (j < n && isNameChar(html.charCodeAt(j))) j++;
      const name = html.slice(i + 2, j).toLowerCase();
      if (name === 'a' && openAnchor) {
        const text = linkText(html.slice(openAnchor.textStart, i));
        for (const link of openAnchor.links) link.text = text;
        openAnchor = undefined;
      }
      const end = html.indexOf('>', j);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (!((next >= 97 && next <= 122) || (next >= 65 && next <= 90))) {
      i++;
      continue;
    }

    // Start tag: name, then attributes.
    const tagStart = i;
    let j = i + 1;
    while (j < n && isNameChar(html.charCodeAt(j))) j++;
    // Only short names can be elements we read; longer ones (custom elements) are not sliced.
    const tag = j - i - 1 <= 8 ? html.slice(i + 1, j).toLowerCase() : '';
    const wanted = URL_ATTRS[tag];
    let attrs: Record<string, string> | undefined;
    let id: string | undefined;
    while (j < n) {
      let c = html.charCodeAt(j);
      while (isSpaceCode(c) || c === 47 /* / */) c = html.charCodeAt(++j);
      if (c === 62 /* > */ || j >= n) break;
      const nameStart = j;
      while (j < n) {
        c = html.charCodeAt(j);
        if (isSpaceCode(c) || c === 61 /* = */ || c === 62 || c === 47) break;
        j++;
      }
      // Names and values are sliced only where we use them: most (class, alt, style) are skipped.
      const reads = wanted !== undefined || tag === 'base';
      const attrName = reads ? html.slice(nameStart, j).toLowerCase() : j - nameStart === 2 && (html.charCodeAt(nameStart) | 32) === 105 && (html.charCodeAt(nameStart + 1) | 32) === 100 ? 'id' : '';
      const keep = attrName === 'id' || (reads && KEPT_ATTRS.has(attrName));
      while (isSpaceCode(html.charCodeAt(j))) j++;
      let value = '';
      if (html.charCodeAt(j) === 61) {
        j++;
        while (isSpaceCode(html.charCodeAt(j))) j++;
        const q = html.charCodeAt(j);
        if (q === 34 || q === 39) {
          const end = html.indexOf(q === 34 ? '"' : "'", j + 1);
          if (keep) value = html.slice(j + 1, end < 0 ? n : end);
          j = end < 0 ? n : end + 1;
        } else {
          const vStart = j;
          while (j < n && !isSpaceCode(html.charCodeAt(j)) && html.charCodeAt(j) !== 62) j++;
          if (keep) value = html.slice(vStart, j);
        }
      }
      if (!keep) continue;
      if (attrName === 'id') id = value;
      else (attrs ??= {})[attrName] = value;
    }
    const tagEnd = j < n ? j + 1 : n;

    if (id) ids.add(decodeEntities(id));
    if (tag === 'a' && attrs?.['name']) ids.add(decodeEntities(attrs['name']));
    if (tag === 'base' && attrs?.['href'] !== undefined) baseHref ??= decodeEntities(attrs['href']).trim();

    if (wanted && attrs) {
      const skip = attrs['data-link-check'] === 'skip';
      const rel = (attrs['rel'] ?? '').toLowerCase().split(/\s+/);
      const anchorLinks: LinkRef[] = [];
      for (const [attrName, subresource] of Object.entries(wanted)) {
        const raw = attrs[attrName];
        if (raw === undefined) continue;
        let value = decodeEntities(raw).trim();
        let isSub = subresource;
        if (tag === 'meta') {
          if ((attrs['http-equiv'] ?? '').toLowerCase() !== 'refresh') continue;
          const target = refreshTarget(value);
          if (target === undefined) continue;
          value = target;
        }
        if (tag === 'link') {
          if (rel.some((r) => LINK_REL_SKIP.has(r))) continue;
          if (rel.some((r) => LINK_REL_NAV.has(r))) isSub = false;
        }
        const at = LABELS[tag]?.[attrName] ?? `${tag}[${attrName}]`;
        const lineNo = lineOf(tagStart);
        const values = attrName === 'srcset' ? srcsetUrls(value) : [value];
        for (const url of values) {
          const link: LinkRef = { attr: at, url, line: lineNo, subresource: isSub, skip };
          links.push(link);
          if (tag === 'a' || tag === 'area') anchorLinks.push(link);
        }
      }
      if (tag === 'a' && anchorLinks.length > 0) openAnchor = { links: anchorLinks, textStart: tagEnd };
    }

    i = tagEnd;
    if (RAW_TEXT.has(tag)) {
      i = closingTag(html, tag, i);
    }
  }
  return baseHref === undefined ? { ids, links } : { ids, links, baseHref };
}
