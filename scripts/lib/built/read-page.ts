/**
 * Reads one built HTML page in a single pass with htmlparser2 (a streaming parser: no DOM is
 * kept, so a page costs its parse and little memory) and returns the facts every post-build
 * check needs: the link checker (URLs, link text, fragment targets) and the site gate
 * (scripts, policy, title, headings, images, accessible names, ids, inline styles, JSON-LD).
 */
import { Parser } from 'htmlparser2';

export interface LinkRef {
  /** Element and attribute, e.g. "a[href]" or "img[srcset]". */
  attr: string;
  /** The URL as written, entity-decoded. For srcset, one candidate per LinkRef. */
  url: string;
  /** 1-based line in the built file. */
  line: number;
  /** Visible text of an `<a>` (or the alt of its image), trimmed to 80 characters. */
  text?: string;
  /** Whether the browser fetches the URL with the page (image, stylesheet, …). */
  subresource: boolean;
  /** `data-link-check="skip"` on the element. */
  skip: boolean;
}

/** One candidate of a `srcset`: its URL and its width (`480w`) or density (`2x`) descriptor. */
export interface SrcsetCandidate {
  url: string;
  /** Width descriptor in pixels, e.g. 480 for "480w". */
  w?: number;
  /** Density descriptor, e.g. 2 for "2x"; a candidate without any descriptor is 1x. */
  x?: number;
}

/** Where an image may come from: an `<img>`, a `<source>` of a `<picture>`, or a video's poster. */
export interface ImageChoice {
  src?: string | undefined;
  srcset: SrcsetCandidate[];
  sizes?: string | undefined;
  /** `<source type>` and `media`, which decide whether a browser uses it. */
  type?: string | undefined;
  media?: string | undefined;
}

/** An image the page shows, with what a browser needs to pick the file it fetches. */
export interface PageImage {
  /** The `<source>` elements of its `<picture>`, in order, then the `<img>` itself. */
  choices: ImageChoice[];
  /** `loading="lazy"`: fetched only when it comes near the screen. Posters load at once. */
  lazy: boolean;
  line: number;
}

/** An element, as a report names it: tag, line and the start of its markup. */
export interface ElementRef {
  tag: string;
  line: number;
  /** "a href=/booths/acme/", enough to find the element in the page. */
  snippet: string;
}

export interface PageFacts {
  /** `<html lang>`, undefined when missing. */
  lang: string | undefined;
  /** Text of the document `<title>` (not an SVG title); undefined when there is none. */
  title: string | undefined;
  headings: { level: number; text: string; line: number }[];
  /** Every `id`, with how many elements carry it (more than one is a duplicate). */
  idCounts: Map<string, { count: number; line: number }>;
  /** Fragment targets: every id, and `name` on `<a>`. */
  ids: Set<string>;
  links: LinkRef[];
  baseHref?: string;
  /** `<img>` and `<input type=image>` without an alt attribute (alt="" marks a decorative image and is fine). */
  imagesWithoutAlt: ElementRef[];
  /** Links and buttons a screen reader would announce without a name. */
  unnamed: ElementRef[];
  /** Elements with a `style=""` attribute. */
  styleAttributes: ElementRef[];
  /** `on…=` event handler attributes. */
  handlers: ElementRef[];
  /** `<script>` elements: their type (lowercase, "" when absent), src, and text for data blocks. */
  scripts: { type: string; src: string | undefined; line: number; text: string }[];
  /** Contents of each inline `<style>`, for the policy's hashes. */
  inlineStyles: string[];
  /** `<link rel=stylesheet>` targets, as written. */
  stylesheets: string[];
  /** `<link rel=modulepreload>` and `<link rel=preload as=script>` targets. */
  scriptPreloads: string[];
  /** `<iframe>`, `<frame>`, `<embed>`, `<object>`: documents from elsewhere, with their scripts. */
  embeds: ElementRef[];
  /** `<meta http-equiv="content-security-policy">`: its policy and line. */
  csp: { policy: string; line: number } | undefined;
  /** `<meta name=…>` values by lowercase name (referrer, robots, description, viewport, twitter:…). */
  metaNames: Map<string, string>;
  /** `<meta property=…>` values (Open Graph: og:title, og:image, …), in order; a property may repeat. */
  metaProperties: { property: string; content: string }[];
  /** Images the page shows: `<img>` (with its `<picture>` sources) and video posters. */
  images: PageImage[];
  /** `<meta http-equiv="refresh">`: a redirect stub, not a page to read. */
  refresh: string | undefined;
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
  input: { src: true },
  link: { href: true },
  meta: { content: false },
  form: { action: false },
};

/** `<link rel>` values that name an origin rather than a resource we can check. */
const LINK_REL_SKIP = new Set(['preconnect', 'dns-prefetch']);
/** `<link rel>` values that are navigation, not something the page loads. */
const LINK_REL_NAV = new Set(['canonical', 'alternate', 'prev', 'next', 'author', 'license', 'help', 'search', 'me']);
/** Elements whose text (or alt) names the link or button around them. */
const NAMED_BY_CONTENT = new Set(['a', 'button', 'summary']);
/** Elements whose content never reaches the page's text. */
const NO_TEXT = new Set(['script', 'style', 'template', 'noscript']);

/** The candidates of a `srcset`, following the HTML candidate-string rules (URLs may hold commas). */
export function srcsetCandidates(srcset: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let i = 0;
  const n = srcset.length;
  const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
  while (i < n) {
    while (i < n && (isSpace(srcset[i]) || srcset[i] === ',')) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(srcset[i])) i++;
    let url = srcset.slice(start, i);
    let descriptors = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      // The descriptors run up to the next comma outside parentheses.
      const from = i;
      let depth = 0;
      while (i < n) {
        const c = srcset[i];
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
        i++;
      }
      descriptors = srcset.slice(from, i);
    }
    if (!url) continue;
    const candidate: SrcsetCandidate = { url };
    for (const d of descriptors.trim().split(/\s+/)) {
      const m = /^(\d+(?:\.\d+)?)([wx])$/.exec(d);
      if (m) candidate[m[2] as 'w' | 'x'] = Number(m[1]);
    }
    candidates.push(candidate);
  }
  return candidates;
}

/** The URLs of a `srcset`. */
export function srcsetUrls(srcset: string): string[] {
  return srcsetCandidates(srcset).map((c) => c.url);
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

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function snippet(tag: string, attrs: Record<string, string>): string {
  const shown = ['href', 'src', 'id', 'class', 'type', 'name'].filter((a) => attrs[a] !== undefined).map((a) => `${a}=${clip(attrs[a]!, 60)}`);
  return [tag, ...shown].join(' ');
}

/** An open element that collects text: a link or button (for its name), a heading, a title. */
interface Collector {
  text: string;
  /** Text from `alt` of images inside (a link around a logo is named by the logo's alt). */
  alt: string;
}

/** Reads one HTML document. */
export function readPage(html: string): PageFacts {
  const facts: PageFacts = {
    lang: undefined,
    title: undefined,
    headings: [],
    idCounts: new Map(),
    ids: new Set(),
    links: [],
    imagesWithoutAlt: [],
    unnamed: [],
    styleAttributes: [],
    handlers: [],
    scripts: [],
    inlineStyles: [],
    stylesheets: [],
    scriptPreloads: [],
    embeds: [],
    csp: undefined,
    metaNames: new Map(),
    metaProperties: [],
    images: [],
    refresh: undefined,
  };
  /** The `<source>`s of the `<picture>` being read; undefined outside one. */
  let pictureSources: ImageChoice[] | undefined;
  const choice = (attrs: Record<string, string>): ImageChoice => ({
    src: attrs['src']?.trim(),
    srcset: attrs['srcset'] ? srcsetCandidates(attrs['srcset']) : [],
    sizes: attrs['sizes'],
    type: attrs['type']?.trim().toLowerCase(),
    media: attrs['media'],
  });

  // Line numbers, counted forward as the parser moves on. Built pages are often one long
  // line, so the next line break is remembered rather than searched for at every tag.
  let line = 1;
  let nextBreak = html.indexOf('\n');
  const lineOf = (offset: number) => {
    while (nextBreak !== -1 && nextBreak < offset) {
      line++;
      nextBreak = html.indexOf('\n', nextBreak + 1);
    }
    return line;
  };

  /** Open elements, innermost last, each with what it collects. */
  const stack: { tag: string; hidden: boolean; svg: boolean; done?: (c: Collector) => void; collector?: Collector }[] = [];
  const collectors: Collector[] = [];
  let rawText: { tag: string; text: string; type?: string; src?: string | undefined; line: number } | undefined;

  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        const at = lineOf(parser.startIndex);
        const parent = stack.at(-1);
        const hidden = (parent?.hidden ?? false) || attrs['aria-hidden'] === 'true' || attrs['hidden'] !== undefined;
        const svg = (parent?.svg ?? false) || tag === 'svg';
        const entry: (typeof stack)[number] = { tag, hidden, svg };
        stack.push(entry);
        const ref = (): ElementRef => ({ tag, line: at, snippet: snippet(tag, attrs) });

        for (const name in attrs) {
          if (name.length > 2 && name.startsWith('on')) facts.handlers.push({ ...ref(), snippet: `${tag} ${name}` });
        }
        if (attrs['style'] !== undefined) facts.styleAttributes.push(ref());
        const id = attrs['id'];
        if (id) {
          const seen = facts.idCounts.get(id);
          if (seen) seen.count++;
          else facts.idCounts.set(id, { count: 1, line: at });
          facts.ids.add(id);
        }

        switch (tag) {
          case 'html':
            facts.lang = attrs['lang']?.trim() || undefined;
            break;
          case 'base':
            if (attrs['href'] !== undefined) facts.baseHref ??= attrs['href'].trim();
            break;
          case 'title':
            if (!svg && facts.title === undefined) rawText = { tag, text: '', line: at };
            break;
          case 'style':
            rawText = { tag, text: '', line: at };
            break;
          case 'script':
            rawText = { tag, text: '', type: (attrs['type'] ?? '').trim().toLowerCase(), src: attrs['src'], line: at };
            break;
          case 'link': {
            const rel = (attrs['rel'] ?? '').toLowerCase().split(/\s+/);
            const script = rel.includes('modulepreload') || (rel.includes('preload') && attrs['as']?.toLowerCase() === 'script');
            const href = attrs['href']?.trim();
            if (href !== undefined && script) facts.scriptPreloads.push(href);
            if (href !== undefined && rel.includes('stylesheet')) facts.stylesheets.push(href);
            break;
          }
          case 'iframe':
          case 'frame':
          case 'embed':
          case 'object':
            facts.embeds.push(ref());
            break;
          case 'meta': {
            const equiv = (attrs['http-equiv'] ?? '').toLowerCase();
            const content = attrs['content'] ?? '';
            if (equiv === 'content-security-policy' && !facts.csp) facts.csp = { policy: content, line: at };
            if (equiv === 'refresh') facts.refresh = content;
            if (attrs['name']) facts.metaNames.set(attrs['name'].toLowerCase(), content);
            if (attrs['property']) facts.metaProperties.push({ property: attrs['property'].toLowerCase(), content });
            break;
          }
          case 'picture':
            pictureSources = [];
            break;
          case 'source':
            pictureSources?.push(choice(attrs));
            break;
          case 'img':
            if (attrs['alt'] === undefined) facts.imagesWithoutAlt.push(ref());
            else for (const c of collectors) c.alt += ` ${attrs['alt']}`;
            facts.images.push({ choices: [...(pictureSources ?? []), choice(attrs)], lazy: attrs['loading']?.trim().toLowerCase() === 'lazy', line: at });
            break;
          case 'video':
            if (attrs['poster']?.trim()) facts.images.push({ choices: [{ src: attrs['poster'].trim(), srcset: [] }], lazy: false, line: at });
            break;
          case 'input': {
            const type = (attrs['type'] ?? 'text').toLowerCase();
            if (type === 'image' && attrs['alt'] === undefined) facts.imagesWithoutAlt.push(ref());
            const label = attrs['aria-label'] ?? attrs['value'] ?? attrs['alt'] ?? attrs['title'];
            // A submit or reset button without a value is still named ("Submit") by the browser.
            if (type === 'button' && !label?.trim() && !attrs['aria-labelledby']) facts.unnamed.push(ref());
            break;
          }
          case 'svg':
            if (attrs['aria-label']) for (const c of collectors) c.alt += ` ${attrs['aria-label']}`;
            break;
        }
        if (tag === 'a' && attrs['name']) facts.ids.add(attrs['name']);

        const heading = /^h([1-6])$/.exec(tag);
        const named = (NAMED_BY_CONTENT.has(tag) && (tag !== 'a' || attrs['href'] !== undefined)) || attrs['role'] === 'button' || attrs['role'] === 'link';
        if (heading || named) {
          const collector: Collector = { text: '', alt: '' };
          entry.collector = collector;
          collectors.push(collector);
          const label = attrs['aria-label']?.trim() || attrs['title']?.trim() || '';
          // An element outside the accessibility tree needs no name and is no heading.
          entry.done = (c) => {
            if (hidden) return;
            const text = squash(`${c.text} ${c.alt}`);
            if (heading) facts.headings.push({ level: Number(heading[1]), text: clip(label || text), line: at });
            else if (!label && !text && !attrs['aria-labelledby']) facts.unnamed.push(ref());
          };
        }

        const wanted = URL_ATTRS[tag];
        if (wanted) readUrls(tag, attrs, wanted, at, entry);
      },
      ontext(text) {
        if (rawText) {
          rawText.text += text;
          return;
        }
        const top = stack.at(-1);
        if (top?.hidden || (top && NO_TEXT.has(top.tag))) return;
        for (const c of collectors) c.text += text;
      },
      onclosetag(tag) {
        if (tag === 'picture') pictureSources = undefined;
        if (rawText?.tag === tag) {
          const done = rawText;
          rawText = undefined;
          if (tag === 'title') facts.title = squash(done.text);
          else if (tag === 'style') facts.inlineStyles.push(done.text);
          else facts.scripts.push({ type: done.type ?? '', src: done.src, line: done.line, text: done.text });
        }
        // Close up to the matching element (htmlparser2 reports implied closes too).
        while (stack.length > 0) {
          const entry = stack.pop()!;
          if (entry.collector) {
            collectors.splice(collectors.lastIndexOf(entry.collector), 1);
            entry.done?.(entry.collector);
          }
          if (entry.tag === tag) break;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );

  /** The URL-bearing attributes of one element, as LinkRefs; an `<a>` gets its text when it closes. */
  function readUrls(tag: string, attrs: Record<string, string>, wanted: Record<string, boolean>, at: number, entry: (typeof stack)[number]) {
    const skip = attrs['data-link-check'] === 'skip';
    const rel = (attrs['rel'] ?? '').toLowerCase().split(/\s+/);
    const anchorLinks: LinkRef[] = [];
    for (const [name, subresource] of Object.entries(wanted)) {
      let value = attrs[name]?.trim();
      if (value === undefined) continue;
      let isSub = subresource;
      if (tag === 'meta') {
        if ((attrs['http-equiv'] ?? '').toLowerCase() !== 'refresh') continue;
        value = refreshTarget(value);
        if (value === undefined) continue;
      }
      if (tag === 'link') {
        if (rel.some((r) => LINK_REL_SKIP.has(r))) continue;
        if (rel.some((r) => LINK_REL_NAV.has(r))) isSub = false;
      }
      if (tag === 'input' && (attrs['type'] ?? '').toLowerCase() !== 'image') continue;
      const label = `${tag}[${name}]`;
      for (const url of name === 'srcset' ? srcsetUrls(value) : [value]) {
        const link: LinkRef = { attr: label, url, line: at, subresource: isSub, skip };
        facts.links.push(link);
        if (tag === 'a' || tag === 'area') anchorLinks.push(link);
      }
    }
    if (tag === 'a' && anchorLinks.length > 0 && entry.collector) {
      const named = entry.done;
      entry.done = (c) => {
        const text = clip(squash(c.text) || squash(c.alt));
        for (const link of anchorLinks) if (text) link.text = text;
        named?.(c);
      };
    }
  }

  parser.end(html);
  // Elements left open at the end of the document still count.
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if (entry.collector) entry.done?.(entry.collector);
  }
  return facts;
}
