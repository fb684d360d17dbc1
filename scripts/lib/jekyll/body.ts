/**
 * The body of a Jekyll booth (Markdown with pasted HTML) → an MDX body the guard accepts:
 * Markdown headings, paragraphs, lists, links and local images, plus the kit's components.
 * Role tables are handed to the caller; HTML with a Markdown equivalent is converted; what
 * cannot be converted is removed and reported, never passed through.
 */
import { elements, isBlank, parseHtml, squash, textOf, type HtmlElement, type HtmlNode } from './html.ts';
import { resolveLiquid } from './liquid.ts';
import { splitAtLists } from './markdown.ts';
import type { Report } from './report.ts';

export interface BodyContext {
  report: Report;
  /** The path to write for an image of the old site, e.g. "./spotify/image2.svg" (copied or a placeholder). */
  image(src: string, alt: string): string;
  /** A link of the old site (its text may be empty: an icon) → the address to keep, or undefined to keep only its text (the caller reports why). */
  link(href: string, text: string): string | undefined;
  /** A video or audio (embed address or file) → MDX that places it, or undefined (the caller reports why). */
  media(src: string, title: string, kind: 'video' | 'audio', captions?: string): string | undefined;
  /** Offered every HTML table with the heading it sits under; true when it took it as roles. */
  roleTable(table: HtmlElement, heading: string): boolean;
  /** Offered every other table: when it is a schedule, `before` places its events and `keep` are the rows left as a table. */
  scheduleTable?(table: HtmlElement, heading: string): { before: string[]; keep: HtmlElement[] } | undefined;
  /**
   * Offered every block but headings, with the heading it sits under and the paragraph just
   * before it: `before` goes where its heading stands, `replace` in its place.
   */
  section?(block: string, where: { heading: string; leadIn: string }): { before: string[]; replace: string[] } | undefined;
}

const headingLine = /^(#{1,6}) (.*)$/;

/** Marks where a role table stood, so a heading left with nothing under it can go. */
const rolesMarker = '\u0000roles';

const blockElements = new Set([
  'address', 'article', 'aside', 'audio', 'blockquote', 'body', 'canvas', 'center', 'details', 'dialog', 'div', 'dl', 'embed', 'fieldset', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'iframe', 'link', 'main', 'meta', 'nav', 'noscript', 'object', 'ol', 'p', 'picture', 'pre',
  'script', 'section', 'style', 'svg', 'table', 'title', 'ul', 'video', 'base',
]);
const voidBlocks = new Set(['hr', 'link', 'meta', 'embed', 'base']);
const keptInline = new Set(['sup', 'sub', 'small', 'mark', 'kbd', 's', 'del', 'ins', 'q', 'wbr']);

/** The Callout kind closest to a Bootstrap-style class: alert-danger → warning, alert-success → tip. */
function calloutKind(classes: string): string {
  if (/warning|danger|alert-error/i.test(classes)) return 'warning';
  if (/important/i.test(classes)) return 'important';
  if (/tip|success/i.test(classes)) return 'tip';
  return 'note';
}

/** An "&" that would read as a character reference once written out (the parser decoded the one it stood for). */
const entityLike = /&(?=#?[a-z0-9]+;)/gi;

/** Text from HTML as Markdown text: Markdown and MDX syntax characters escaped. */
function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(entityLike, '&amp;')
    .replace(/[*`[\]{}<>|]/g, (c) => `\\${c}`)
    .replace(/(^|\W)_|_(?=\W|$)/g, (m) => m.replace('_', '\\_'));
}

/**
 * Markdown source text as MDX text: only what MDX reads differently ({, }, <) is escaped. One
 * the source escaped already (an odd run of backslashes before it) is left as it is: another
 * backslash would escape the backslash instead, and "\\<td …>" would become real JSX.
 */
function escapeMdx(text: string): string {
  return text.replace(entityLike, '&amp;').replace(/(\\*)([{}<])/g, (_, slashes: string, c: string) => (slashes.length % 2 ? `${slashes}${c}` : `${slashes}\\${c}`)).replace(/^(\s*)(import|export)(\s)/gm, (_, a: string, word: string, b: string) => `${a}&#${word.charCodeAt(0)};${word.slice(1)}${b}`);
}

/** A string as a JSX attribute: "…" when it can be, else a {"…"} plain value. */
export function jsxAttr(name: string, value: string): string {
  return value.includes('"') ? `${name}={${JSON.stringify(value)}}` : `${name}="${value}"`;
}

/** **text** with surrounding spaces moved outside, so the emphasis still parses. */
function wrap(marker: string, inner: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  return m[2] ? `${m[1]}${marker}${m[2]}${marker}${m[3]}` : inner;
}

class Converter {
  readonly ctx: BodyContext;
  heading = '';
  /** Code spans set aside before HTML parsing, so "`<table>`" stays code. */
  readonly code: string[] = [];
  constructor(ctx: BodyContext) {
    this.ctx = ctx;
  }

  protectCode(text: string): string {
    return text.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (whole) => `\u0001${this.code.push(whole) - 1}\u0001`);
  }

  restoreCode(text: string): string {
    return text.replace(/\u0001(\d+)\u0001/g, (_, i: string) => this.code[Number(i)]!);
  }

  image(src: string, alt: string, title: string | undefined): string {
    let text = alt.trim() || title?.trim() || '';
    if (!text) {
      // The guard refuses an image without alt text; a guess from the file name keeps the
      // booth building, and the report asks for a real description.
      text = decodeURI(src.split(/[?#]/)[0]!.split('/').pop() ?? 'image').replace(/\.[a-z0-9]+$/i, '').replace(/[-_]+/g, ' ').trim() || 'image';
      text = text[0]!.toUpperCase() + text.slice(1);
      this.ctx.report.todo(`an image (${src.slice(0, 60)}) had no alt text; "${text}" was guessed from its file name: write what it shows`);
    }
    const path = this.ctx.image(src.trim(), text);
    const label = text.replace(/[[\]]/g, '\\$&');
    return `![${label}](${path}${title ? ` "${title.replace(/"/g, "'")}"` : ''})`;
  }

  /** A link; one without text (an icon) shows its address, or nothing when it is dropped. */
  link(href: string, text: string): string {
    const url = this.ctx.link(href.trim(), text);
    return url ? `[${text || url}](${url.replace(/[()\s]/g, encodeURIComponent)})` : text;
  }

  /** Markdown text (from the .md source): images and links resolved, MDX specials escaped. */
  markdownText(text: string): string {
    const kept: string[] = [];
    const keep = (s: string) => `\u0002${kept.push(s) - 1}\u0002`;
    let out = text.replace(/!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+["'(]([^"')]*)["')])?\s*\)/g, (_, alt: string, src: string, title?: string) => keep(this.image(src, alt, title)));
    out = out.replace(/\[((?:[^[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+["'(][^"')]*["')])?\s*\)/g, (_, label: string, href: string) => keep(this.link(href, this.markdownText(label))));
    out = escapeMdx(out);
    return out.replace(/\u0002(\d+)\u0002/g, (_, i: string) => kept[Number(i)]!);
  }

  /** Markdown source (which may hold inline HTML) → blocks. */
  markdownBlocks(text: string): string[] {
    const protectedText = this.protectCode(text).replace(/<((?:https?|mailto):[^>\s]+)>/g, '[$1]($1)').replace(/<([^\s<>@]+@[^\s<>@]+\.[a-z]{2,})>/gi, '[$1](mailto:$1)');
    return this.blocks(parseHtml(protectedText), true);
  }

  /** Inline nodes → Markdown. `markdown` says whether text nodes are Markdown source or HTML text. */
  inline(nodes: HtmlNode[], markdown: boolean): string {
    return nodes.map((node) => this.inlineNode(node, markdown)).join('');
  }

  inlineNode(node: HtmlNode, markdown: boolean): string {
    if (node.type === 'comment') {
      this.ctx.report.note('removed HTML comments');
      return '';
    }
    if (node.type === 'text') {
      if (markdown) return this.restoreCode(this.markdownText(node.text));
      return escapeText(this.restoreCode(node.text).replace(/[\s\u00a0]+/g, ' '));
    }
    this.noteAttributes(node);
    const inner = () => this.inline(node.children, false);
    switch (node.name) {
      case 'a': {
        const text = inner().trim();
        return node.attrs['href'] ? this.link(node.attrs['href'], text) : text;
      }
      case 'strong':
      case 'b':
        return wrap('**', inner());
      case 'em':
      case 'i':
      case 'cite':
        return wrap('_', inner());
      case 'code':
      case 'tt':
        return `\`${textOf(node.children)}\``;
      case 'br':
        return '<br />';
      case 'img': {
        const src = node.attrs['src'] ?? '';
        if (!src) return '';
        return this.image(src, node.attrs['alt'] ?? '', node.attrs['title']);
      }
      case 'abbr':
        return node.attrs['title'] ? `<abbr ${jsxAttr('title', node.attrs['title'])}>${inner()}</abbr>` : inner();
      case 'time':
        return node.attrs['datetime'] ? `<time ${jsxAttr('datetime', node.attrs['datetime'])}>${inner()}</time>` : inner();
      case 'span':
        return node.attrs['lang'] ? `<span ${jsxAttr('lang', node.attrs['lang'])}>${inner()}</span>` : inner();
      case 'input':
      case 'button':
      case 'select':
      case 'textarea':
        this.ctx.report.todo(`removed a form control <${node.name}>: booth pages have no forms; add the form's address as a channel with kind: form`);
        return '';
      case 'script':
      case 'style':
        this.block(node);
        return '';
      case 'font':
      case 'u':
      case 'big':
      case 'center':
        this.ctx.report.note(`removed presentational <${node.name}> tags (the theme styles booths); their text is kept`);
        return inner();
      default:
        if (keptInline.has(node.name)) return `<${node.name}>${inner()}</${node.name}>`;
        if (blockElements.has(node.name)) return ` ${squash(textOf(node.children))} `;
        this.ctx.report.note(`removed <${node.name}> tags; their text is kept`);
        return inner();
    }
  }

  noteAttributes(node: HtmlElement) {
    if (node.attrs['style'] !== undefined) this.ctx.report.note('removed inline style= attributes (the Content-Security-Policy forbids them; the theme styles booths)');
    if (Object.keys(node.attrs).some((a) => /^on/i.test(a))) this.ctx.report.note('removed event handlers (on…= attributes): booth pages run no JavaScript');
  }

  /** A run of nodes → Markdown blocks; inline runs become paragraphs. */
  blocks(nodes: HtmlNode[], markdown: boolean): string[] {
    const out: string[] = [];
    let run: HtmlNode[] = [];
    const flush = () => {
      const text = this.inline(run, markdown);
      run = [];
      const trimmed = markdown ? text.replace(/^\s*\n|\s+$/g, '') : squash(text.replace(/<br \/>\s*/g, '<br />\u0003')).replace(/\u0003/g, '\n');
      if (trimmed.trim()) out.push(trimmed);
    };
    for (const node of nodes) {
      if (node.type === 'element' && blockElements.has(node.name)) {
        flush();
        out.push(...this.block(node));
      } else if (!(node.type !== 'element' && !markdown && isBlank(node) && run.length === 0)) run.push(node);
    }
    flush();
    return out;
  }

  heading_(level: number, text: string): string {
    this.heading = squash(text.replace(/[*_\\]/g, ''));
    return `${'#'.repeat(level)} ${text.trim()}`;
  }

  block(node: HtmlElement): string[] {
    const { report } = this.ctx;
    this.noteAttributes(node);
    const children = () => this.blocks(node.children, false);
    const name = node.name;
    if (/^h[1-6]$/.test(name)) return [this.heading_(Number(name[1]), squash(this.inline(node.children, false)))];
    switch (name) {
      case 'p':
        return children();
      case 'hr':
        return ['---'];
      case 'pre':
        return [`\`\`\`\n${textOf(node.children).replace(/\n$/, '')}\n\`\`\``];
      case 'ul':
      case 'ol':
        return [this.list(node, 0).join('\n')];
      case 'dl':
        return elements(node.children).map((e) => (e.name === 'dt' ? `**${squash(this.inline(e.children, false))}**` : squash(this.inline(e.children, false))));
      case 'blockquote':
        return [children().join('\n\n').replace(/^/gm, '> ')];
      case 'table':
        if (this.ctx.roleTable(node, this.heading)) return [rolesMarker];
        {
          const schedule = this.ctx.scheduleTable?.(node, this.heading);
          if (schedule) return [...schedule.before, ...(schedule.keep.length ? [this.table(node, schedule.keep)] : [])];
        }
        return [this.table(node)];
      case 'figure':
        return this.figure(node);
      case 'details': {
        const summary = elements(node.children, 'summary')[0];
        const title = summary ? squash(textOf(summary.children)) : '';
        const body = this.blocks(node.children.filter((c) => c !== summary), false);
        report.note('converted a <details> block to a <Callout>: its content is always visible');
        return [this.callout('note', title, body)];
      }
      case 'aside':
        return [this.callout('note', '', children())];
      case 'iframe':
      case 'video':
      case 'audio':
      case 'embed':
      case 'object':
        return this.mediaBlock(node);
      case 'picture': {
        const img = elements(node.children, 'img')[0];
        return img ? [this.inlineNode(img, false)] : [];
      }
      case 'script':
        report.note('removed a <script>: booth pages run no JavaScript');
        return [];
      case 'style':
        report.note('removed a <style> block: the theme styles booths, and the Content-Security-Policy forbids page styles');
        return [];
      case 'head':
      case 'link':
      case 'meta':
      case 'title':
      case 'base':
        report.note('removed a pasted page <head> (stylesheets, meta tags, title): the site provides these');
        return [];
      case 'noscript':
        return [];
      case 'form': {
        const action = node.attrs['action'];
        report.todo(`removed a <form>${action ? ` (${action})` : ''}: booth pages have no forms; add it as a channel with kind: form and its url`);
        return [];
      }
      case 'svg':
      case 'canvas':
        report.todo(`removed an inline <${name}>: save the drawing as an image file next to the sponsor file and place it with ![what it shows](./id/drawing.svg)`);
        return [];
      case 'center':
        report.note('removed presentational <center> tags (the theme lays out booths); their content is kept');
        return children();
      default: {
        // kramdown's markdown="1": the element's text is Markdown, not HTML text.
        if (node.attrs['markdown'] && node.attrs['markdown'] !== '0') {
          return this.blocks(node.children, true);
        }
        // div, section, article, header, footer, main, nav, body, html: their content.
        const classes = `${node.attrs['class'] ?? ''} ${node.attrs['role'] ?? ''}`;
        const found = /\b(alert|callout|note|notice|warning|danger|info|tip|success|important|highlight)\b/i.exec(classes)?.[1]?.toLowerCase();
        if (found) {
          report.done(`converted a highlighted <${name} class="${node.attrs['class'] ?? ''}"> to a <Callout>`);
          return [this.callout(calloutKind(classes), '', children())];
        }
        return children();
      }
    }
  }

  callout(kind: string, title: string, body: string[]): string {
    const props = `${kind === 'note' ? '' : ` kind="${kind}"`}${title ? ` ${jsxAttr('title', title)}` : ''}`;
    return `<Callout${props}>\n\n${body.join('\n\n')}\n\n</Callout>`;
  }

  list(node: HtmlElement, depth: number): string[] {
    const ordered = node.name === 'ol';
    const lines: string[] = [];
    let n = Number(node.attrs['start'] ?? 1);
    for (const item of elements(node.children, 'li')) {
      const nested = elements(item.children).filter((e) => e.name === 'ul' || e.name === 'ol');
      const own = item.children.filter((c) => !nested.includes(c as HtmlElement));
      const marker = ordered ? `${n++}.` : '-';
      lines.push(`${'   '.repeat(depth)}${marker} ${squash(this.inline(own, false))}`);
      for (const sub of nested) lines.push(...this.list(sub, depth + 1));
    }
    return lines;
  }

  /** A table that holds no roles → a Markdown table (cells on one line each); `only` keeps the header and these rows. */
  table(node: HtmlElement, only?: HtmlElement[]): string {
    const rows = elements(node.children)
      .flatMap((e) => (e.name === 'tr' ? [e] : elements(e.children, 'tr')))
      .filter((row, i) => !only || i === 0 || only.includes(row));
    const cellText = (cell: HtmlElement) => squash(this.inline(cell.children, false).replace(/\n/g, ' ')).replace(/\|/g, '\\|') || ' ';
    const grid = rows.map((row) => elements(row.children).filter((c) => c.name === 'td' || c.name === 'th').map(cellText));
    if (grid.length === 0) return '';
    if (rows.some((r) => elements(r.children).some((c) => c.attrs['colspan'] || c.attrs['rowspan']))) {
      this.ctx.report.todo('a table with merged cells became a Markdown table without the merges: check it reads well');
    }
    const width = Math.max(...grid.map((r) => r.length));
    const line = (cells: string[]) => `| ${[...cells, ...Array(width - cells.length).fill(' ')].join(' | ')} |`;
    this.ctx.report.done('converted an HTML table (not roles) to a Markdown table');
    return [line(grid[0]!), line(Array(width).fill('---')), ...grid.slice(1).map(line)].join('\n');
  }

  figure(node: HtmlElement): string[] {
    const img = elements(node.children, 'img')[0] ?? elements(node.children, 'picture').flatMap((p) => elements(p.children, 'img'))[0];
    const caption = elements(node.children, 'figcaption')[0];
    if (!img?.attrs['src']) return this.blocks(node.children.filter((c) => c !== caption), false);
    const captionText = caption ? squash(textOf(caption.children)) : '';
    const alt = img.attrs['alt'] ?? '';
    const src = this.ctx.image(img.attrs['src'], alt || captionText);
    this.ctx.report.done('converted a <figure> with its caption to a <Figure>');
    return [`<Figure ${jsxAttr('src', src)} ${jsxAttr('alt', alt || captionText)}${captionText ? ` ${jsxAttr('caption', captionText)}` : ''} />`];
  }

  mediaBlock(node: HtmlElement): string[] {
    const source = node.attrs['src'] ?? node.attrs['data'] ?? elements(node.children, 'source')[0]?.attrs['src'] ?? '';
    const title = node.attrs['title'] ?? node.attrs['aria-label'] ?? '';
    const captions = elements(node.children, 'track').find((t) => !t.attrs['kind'] || /captions|subtitles/.test(t.attrs['kind']))?.attrs['src'];
    const kind = node.name === 'audio' ? 'audio' : 'video';
    const placed = source ? this.ctx.media(source, squash(title), kind, captions) : undefined;
    if (placed) return [placed];
    if (!source) this.ctx.report.todo(`removed a <${node.name}> without a source`);
    return [];
  }
}

/** Whether the block that starts an HTML chunk is complete in `text`. */
function complete(text: string, tag: string): boolean {
  if (tag === '!--') return text.includes('-->');
  if (voidBlocks.has(tag)) return true;
  const opens = text.match(new RegExp(`<${tag}(?=[\\s>/])`, 'gi'))?.length ?? 0;
  const closes = text.match(new RegExp(`</${tag}\\s*>`, 'gi'))?.length ?? 0;
  if (/^(script|style)$/.test(tag)) return closes >= 1;
  return closes >= opens;
}

/**
 * Heading levels as the guard wants them: the page's h1 is the sponsor's name, so the body
 * starts at h2 and never skips a level.
 */
function fixHeadings(blocks: string[], report: Report): string[] {
  let last = 1;
  return blocks.map((block) => {
    const match = headingLine.exec(block);
    if (!match) return block;
    const level = Math.min(Math.max(match[1]!.length, 2), last + 1);
    if (level !== match[1]!.length) report.note(`renumbered the heading "${match[2]}" to h${level} (the page's h1 is the sponsor's name; levels never skip)`);
    last = level;
    return `${'#'.repeat(level)} ${match[2]}`;
  });
}

const listMarker = /^([-*+]|\d+[.)])\s/;

/** Loose lists arrive one item per block (items are split at blank lines): join them again. */
function joinLooseLists(blocks: string[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    const marker = listMarker.exec(block)?.[1];
    const previous = out.length ? listMarker.exec(out.at(-1)!)?.[1] : undefined;
    if (marker && previous && (marker === previous || (/\d/.test(marker) && /\d/.test(previous)))) out[out.length - 1] = `${out.at(-1)}\n\n${block}`;
    else out.push(block);
  }
  return out;
}

/** Blocks with a meaning (events, papers, job links) → typed data and components; a heading left empty goes. */
function transformSections(blocks: string[], ctx: BodyContext): string[] {
  const out: string[] = [];
  let heading = { index: -1, text: '' };
  const joined = joinLooseLists(blocks.flatMap((b) => (listMarker.test(b) || /^[A-Za-z*_[]/.test(b) ? splitAtLists(b) : [b])));
  joined.forEach((block, i) => {
    const h = headingLine.exec(block);
    if (h) {
      heading = { index: out.length, text: squash(h[2]!.replace(/[*_\\]/g, '')) };
      out.push(block);
      return;
    }
    const previous = i > 0 && !headingLine.test(joined[i - 1]!) ? joined[i - 1]! : '';
    const leadIn = previous && !listMarker.test(previous) && !/^[<`|>]/.test(previous) ? squash(previous.replace(/[*_\\]|\]\([^)]*\)|\[/g, '')) : '';
    const result = ctx.section?.(block, { heading: heading.text, leadIn });
    if (!result) {
      out.push(block);
      return;
    }
    const headingFirst = heading.index === out.length - 1 && heading.index >= 0;
    const sectionEnds = i + 1 >= joined.length || headingLine.test(joined[i + 1]!);
    if (headingFirst && result.replace.length === 0 && sectionEnds) {
      ctx.report.done(`removed the heading "${heading.text}": the section that replaces its list has its own`);
      out.splice(heading.index, 1, ...result.before);
    } else if (headingFirst) out.splice(heading.index, 0, ...result.before);
    else out.push(...result.before);
    out.push(...result.replace);
  });
  return out;
}

/** A heading whose section held only role tables goes: the booth page lists the roles. */
function dropRoleOnlyHeadings(blocks: string[], report: Report): string[] {
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const heading = headingLine.exec(blocks[i]!);
    if (heading) {
      const level = heading[1]!.length;
      const endsSection = (block: string) => {
        const next = /^(#{1,6}) /.exec(block);
        return next !== null && next[1]!.length <= level;
      };
      let j = i + 1;
      const section: string[] = [];
      while (j < blocks.length && !endsSection(blocks[j]!)) section.push(blocks[j++]!);
      if (section.length > 0 && section.every((b) => b === rolesMarker)) {
        report.done(`removed the heading "${heading[2]}": its section held only roles, which the booth page lists under its own heading`);
        i = j - 1;
        continue;
      }
    }
    if (blocks[i] !== rolesMarker) out.push(blocks[i]!);
  }
  return out;
}

const htmlStart = /^\s{0,3}<(!--|[a-zA-Z][\w-]*)/;

/** Converts a Jekyll booth body to MDX. */
export function convertBody(source: string, ctx: BodyContext): string {
  const converter = new Converter(ctx);
  const lines = resolveLiquid(source, ctx.report).split(/\r?\n/);
  const blocks: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      const end = lines.findIndex((l, j) => j > i && l.trim().startsWith(fence[1]!));
      const stop = end === -1 ? lines.length : end + 1;
      blocks.push(lines.slice(i, stop).join('\n'));
      i = stop;
      continue;
    }
    if (!line.trim()) {
      i++;
      continue;
    }
    const html = htmlStart.exec(line);
    const tag = html?.[1]?.toLowerCase();
    if (tag && (tag === '!--' || blockElements.has(tag))) {
      let j = i;
      let text = line;
      while (!complete(text, tag) && j + 1 < lines.length) text += `\n${lines[++j]}`;
      if (!complete(text, tag)) {
        // Never closed: like Markdown, the HTML block ends at the next blank line.
        j = i;
        text = line;
        while (j + 1 < lines.length && lines[j + 1]!.trim()) text += `\n${lines[++j]}`;
      }
      blocks.push(...converter.blocks(parseHtml(converter.protectCode(text)), false));
      i = j + 1;
      continue;
    }
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (atx) {
      blocks.push(converter.heading_(atx[1]!.length, converter.inline(parseHtml(converter.protectCode(atx[2]!)), true)));
      i++;
      continue;
    }
    let j = i;
    const group = [line];
    while (j + 1 < lines.length && lines[j + 1]!.trim() && !/^\s{0,3}(#{1,6}\s|`{3,}|~{3,})/.test(lines[j + 1]!) && !(htmlStart.test(lines[j + 1]!) && blockElements.has(htmlStart.exec(lines[j + 1]!)![1]!.toLowerCase()))) group.push(lines[++j]!);
    i = j + 1;
    // Indented code (kramdown): MDX has none, so it becomes a fenced block.
    if (group.every((l) => /^( {4}|\t)/.test(l)) && !/^\s*([-*+]|\d+[.)])\s/.test(lines[i - group.length - 2] ?? '')) {
      blocks.push(`\`\`\`\n${group.map((l) => l.replace(/^( {4}|\t)/, '')).join('\n')}\n\`\`\``);
      continue;
    }
    // A setext heading: the line above a === or --- underline.
    const underline = group.length >= 2 && /^\s*(=+|-+)\s*$/.test(group.at(-1)!) ? group.at(-1)!.trim()[0] : undefined;
    const title = underline ? group.splice(-2)[0]! : undefined;
    if (group.length) blocks.push(...converter.markdownBlocks(group.join('\n')));
    if (title) blocks.push(converter.heading_(underline === '=' ? 1 : 2, converter.markdownText(title.trim())));
  }
  const cleaned = fixHeadings(transformSections(dropRoleOnlyHeadings(blocks, ctx.report), ctx), ctx.report);
  return `${cleaned.map((b) => converter.restoreCode(b)).join('\n\n')}\n`;
}
