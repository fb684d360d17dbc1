/**
 * The MDX guard: walks the Markdown/MDX tree of a booth body and reports every construct
 * that would break the zero-JavaScript, accessible, private promise: scripts, styles,
 * frames, raw HTML, inline styles, event handlers, unsafe URLs, imports and exports, code
 * expressions, unknown components or props, images without alt text or from other sites,
 * and headings that skip a level. Each problem names the line, the construct and what to
 * use instead. Used by the content check (before the build, all files at once) and by the
 * Sätteri plugin in astro.config.mjs (every MDX file the build compiles).
 */
import type { ProblemCode } from '../../core/problem-codes.ts';
import type { Problem } from '../../core/problems.ts';
import { unsafeScheme, wrapperProblem, trackingProblem } from '../../core/urls.ts';
import { oneOf, suggest, unknown } from '../../core/wording.ts';
import { visible } from './characters.ts';
import { allowedComponents, allowedHtml, localImagePath, sectionNames, type SectionName } from './components.ts';
import { isComment, isPlainValue } from './plain-value.ts';
import type { Placements } from './placements.ts';
import { contentLayout, contentPath } from '../../core/project.ts';
import { picturesInWords } from '../../core/pictures.ts';

/** The rules over the tree, each by its problem code (src/core/problem-codes.ts); tests hold one fixture per rule. */
export const guardRules = [
  'script',
  'style',
  'iframe',
  'head',
  'obsolete-html',
  'raw-table',
  'raw-html',
  'inline-style',
  'event-handler',
  'directive',
  'unsafe-url',
  'import-export',
  'expression',
  'unknown-component',
  'unknown-prop',
  'missing-prop',
  'unknown-media',
  'no-alt-text',
  'remote-image',
  'image-path',
  'image-reference',
  'no-such-file',
  'extra-h1',
  'heading-skip',
  'nesting',
  'wrapped-link',
  'tracking-parameters',
] as const satisfies readonly ProblemCode[];
export type GuardRule = (typeof guardRules)[number];

export interface GuardProblem {
  rule: GuardRule;
  /** 1-based line in the file (front matter included). */
  line?: number;
  /** The construct, as the author wrote it: "<script>", "style= on <div>", "# heading". */
  construct: string;
  /** What is wrong and what to use instead. */
  message: string;
  suggestion?: string;
}

export interface GuardOptions {
  /** Ids of the booth's media items, for `<Video id="…" />`. Unchecked when left out. */
  mediaIds?: readonly string[];
  /** Whether a relative path exists next to the file. Unchecked when left out. */
  fileExists?: (path: string) => boolean;
}

/** The parts of mdast (and its MDX extensions) the guard reads. */
export interface GuardNode {
  type: string;
  children?: GuardNode[];
  position?: { start: { line: number } } | undefined;
  value?: unknown;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  url?: string;
  alt?: string | null;
  /** A reference's label as written ([lab] in ![Our lab][lab]). */
  label?: string | null;
  depth?: number;
}

const componentNames = Object.keys(allowedComponents);
/**
 * How deep elements may nest in booth text (quotes in quotes, lists in lists, tags in tags).
 * Real booths stay under ten; a hostile body thousands deep makes compiled code grow with the
 * square of its depth and overflows the parsers' stacks, so it is refused before it is compiled.
 */
export const maxNesting = 64;

const tableParts = ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col'];
const componentList = componentNames.join(', ');

const htmlAdvice: Record<string, string> = {
  img: 'write ![what it shows](./sponsor-id/photo.jpg) or <Figure src="./sponsor-id/photo.jpg" alt="…" />',
  picture: 'write <Figure src="./sponsor-id/photo.jpg" alt="…" />',
  a: 'write [link text](https://example.com)',
  video: 'list it under media: in the front matter and place it with <Video id="…" />',
  audio: 'list it under media: in the front matter and place it with <Audio id="…" />',
  source: 'list it under media: in the front matter and place it with <Video id="…" />',
  object: 'list it under media: in the front matter and place it with <Video id="…" />',
  embed: 'list it under media: in the front matter and place it with <Video id="…" />',
  form: 'add a channel with kind: form and its url in the front matter',
  input: 'add a channel with kind: form and its url in the front matter',
  button: 'write a Markdown link [text](https://…)',
  svg: 'save it as an .svg file next to the sponsor file and use <Figure src="./sponsor-id/diagram.svg" alt="…" />',
  ul: 'write a Markdown list (- item)',
  ol: 'write a Markdown list (1. item)',
  p: 'write a plain paragraph',
  h2: 'write ## Heading',
  h3: 'write ### Heading',
  blockquote: 'write > quoted text',
  details: 'use <Callout title="…">',
  aside: 'use <Callout>',
  div: 'write Markdown, or use <Callout> for a highlighted block',
  section: 'write Markdown with ## headings',
};

function textOf(node: GuardNode): string {
  return typeof node.value === 'string' ? node.value : (node.children ?? []).map(textOf).join('');
}

/** A path as the compiler reads it (it decodes a Markdown image's address before importing it). */
function decoded(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function isExternal(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}

/** Every problem in `root`, in document order. */
export function guardTree(root: GuardNode, options: GuardOptions = {}): GuardProblem[] {
  const problems: GuardProblem[] = [];
  let lastHeading = 1; // the page's h1 is the sponsor name
  const report = (rule: GuardRule, node: GuardNode, construct: string, message: string, hint: { suggestion?: string } = {}) => {
    const line = node.position?.start.line;
    problems.push({ rule, construct, message, ...(line ? { line } : {}), ...hint });
  };

  const checkUrl = (node: GuardNode, url: string, what: string) => {
    const scheme = unsafeScheme(url);
    if (scheme) {
      const why = scheme === 'data' ? 'which hides a file inside the page; put the file next to the sponsor file and link to it' : 'which could run code; use an https:// address';
      report('unsafe-url', node, what, `"${url.length > 60 ? `${url.slice(0, 60)}…` : url}" is a ${scheme}: URL, ${why}`);
      return false;
    }
    if (!/^https?:/i.test(url)) return true;
    const wrapped = wrapperProblem(url);
    const tracked = wrapped ? undefined : trackingProblem(url);
    if (wrapped) report('wrapped-link', node, what, `"${url}" ${wrapped}`);
    else if (tracked) report('tracking-parameters', node, what, `"${url}" ${tracked}`);
    return true;
  };

  const checkImage = (node: GuardNode, src: string, alt: string | undefined, decorative: boolean, what: string) => {
    if (!checkUrl(node, src, what)) return;
    if (isExternal(src)) {
      report('remote-image', node, `image "${src}"`, 'images must be local files: download it next to the sponsor file (e.g. "./sponsor-id/photo.jpg") so the build can optimise it');
    } else if (!src.startsWith('/') && !localImagePath.test(decoded(src))) {
      report('image-path', node, `image "${src}"`, `is not an image file beside the sponsor file: write the path from the sponsor file, e.g. "./sponsor-id/photo.jpg", to a ${picturesInWords} file, without "../", "?" or "%" (the build imports the file, and a file of another kind would run as code)`);
    } else if (options.fileExists && !options.fileExists(src)) {
      report('no-such-file', node, `image "${src}"`, 'no such file; paths are relative to the sponsor file, e.g. "./sponsor-id/photo.jpg"');
    }
    if (!decorative && (alt === undefined || alt.trim() === '')) {
      const how = what.startsWith('<') ? `add alt="what the image shows" to ${what}, or the decorative prop if it carries no information` : 'write it between the brackets: ![what the image shows](./sponsor-id/photo.jpg)';
      report('no-alt-text', node, `image "${src}" without alt text`, `people who cannot see the image need its alt text; ${how}`);
    }
  };

  /** Checks one JSX element (`inTable`: inside a <table>); returns false when its children need no separate report. */
  const jsx = (node: GuardNode, inTable: boolean): boolean => {
    const name = node.name ?? null;
    const tag = name === null ? '<>' : `<${name}>`;
    const attributes = node.attributes ?? [];
    const attr = (key: string) => attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === key);
    const stringAttr = (key: string) => {
      const value = attr(key)?.value;
      if (typeof value === 'string') return value;
      if (value && typeof value === 'object' && isPlainValue(String((value as { value?: unknown }).value))) {
        try {
          const parsed: unknown = JSON.parse(String((value as { value: unknown }).value));
          return typeof parsed === 'string' ? parsed : undefined;
        } catch {
          return undefined;
        }
      }
      return undefined;
    };

    let allowedProps: readonly string[] | undefined;
    if (name === null) {
      report('unknown-component', node, tag, 'fragments are not needed in Markdown; remove the <> and </>');
    } else if (name === 'script') {
      report('script', node, tag, 'booth pages run no JavaScript; remove it (for a video use <Video id="…" />, for a sign-up form a channel with kind: form)');
    } else if (name === 'style') {
      report('style', node, tag, 'the site theme styles every booth and the Content-Security-Policy blocks page styles; remove it (for a highlighted block use <Callout>)');
    } else if (name === 'iframe' || name === 'frame' || name === 'frameset') {
      report('iframe', node, tag, 'third-party frames load scripts and trackers; list the video under media: in the front matter and place it with <Video id="…" /> (a poster and a link)');
    } else if (['head', 'html', 'body', 'meta', 'link', 'title', 'base', 'noscript'].includes(name)) {
      report('head', node, tag, 'the page head belongs to the site; remove it (the title and description come from name: and summary: in the front matter, styles from the theme)');
      return false;
    } else if (['center', 'font', 'marquee', 'blink', 'big', 'tt', 'strike'].includes(name)) {
      report('obsolete-html', node, tag, 'presentational HTML is not allowed; remove it and let the theme lay out the text (for emphasis use **bold** or <Callout>)');
    } else if (name === 'table' || (tableParts.includes(name) && !inTable)) {
      report('raw-table', node, tag, `raw HTML tables${name === 'table' ? '' : ' and their parts'} are not allowed; put roles in role files (${contentPath(contentLayout.roles, '<sponsor-id>')}/) so the role table shows them, or write a Markdown table (| a | b |)`);
    } else if (tableParts.includes(name)) {
      // A part of a <table> reported above: one message per table, not one per cell; its props are still checked below.
    } else if (/^[a-z]/.test(name)) {
      if (name in allowedHtml) allowedProps = allowedHtml[name];
      else report('raw-html', node, tag, `raw HTML is not allowed in booth files; ${htmlAdvice[name] ?? `write Markdown, or use one of the components: ${componentList}`}`);
    } else if (name in allowedComponents) {
      allowedProps = allowedComponents[name]!.props;
    } else {
      report('unknown-component', node, tag, `is not a booth component; use ${oneOf(componentNames)}`, suggest(name, componentNames));
    }

    for (const a of attributes) {
      if (a.type !== 'mdxJsxAttribute') {
        report('expression', node, `{${String(a.value)}} in ${tag}`, 'spread props are code; write each prop as name="value"');
        continue;
      }
      const key = a.name ?? '';
      if (key === 'style') {
        report('inline-style', node, `style= on ${tag}`, 'inline styles are not allowed (the Content-Security-Policy blocks them); remove it and let the theme style the booth');
      } else if (/^on[a-z]/i.test(key)) {
        report('event-handler', node, `${key}= on ${tag}`, 'event handlers are JavaScript, which booth pages never run; remove it');
      } else if (key.includes(':') || key === 'dangerouslySetInnerHTML') {
        report('directive', node, `${key}= on ${tag}`, 'directives are not allowed in booth files (client:* ships JavaScript, set:html injects raw HTML); remove it');
      } else if (allowedProps && !allowedProps.includes(key)) {
        const takes = allowedProps.length ? `takes ${allowedProps.join(', ')}` : 'takes no props';
        report('unknown-prop', node, `${key}= on ${tag}`, `${unknown('prop', key)}; ${tag} ${takes}`, suggest(key, allowedProps));
      }
      if (a.value && typeof a.value === 'object') {
        const code = String((a.value as { value?: unknown }).value ?? '');
        if (!isPlainValue(code)) report('expression', node, `${key}={${visible(code)}} on ${tag}`, 'is code, which would run at build time; write a plain value, e.g. title="Our demo" or decorative={true}');
      } else if (typeof a.value === 'string' && ['href', 'src', 'url', 'cite'].includes(key) && name !== 'Figure') {
        checkUrl(node, a.value, tag);
      }
    }

    const spec = name ? allowedComponents[name] : undefined;
    if (spec) {
      for (const required of spec.required ?? []) {
        if (!attr(required)) report('missing-prop', node, tag, `needs ${required}="…"; ${tag} takes ${spec.props.join(', ')}`);
      }
      if (spec.image) {
        const src = stringAttr(spec.image);
        if (src !== undefined) checkImage(node, src, stringAttr('alt'), attr('decorative') !== undefined, tag);
      }
      if (name === 'Video' || name === 'Audio') {
        const id = stringAttr('id');
        if (!attr('id') && !(attr('url') && attr('title'))) {
          report('missing-prop', node, tag, `needs id="…" (a media item in the front matter) or url="…" with title="…"`);
        } else if (id !== undefined && options.mediaIds && !options.mediaIds.includes(id)) {
          const known = options.mediaIds.length ? oneOf(options.mediaIds) : 'an id given to an item under media: in the front matter (none has one)';
          report('unknown-media', node, `${tag} id="${id}"`, `no media item has this id; expected ${known}`, suggest(id, options.mediaIds));
        }
        const url = stringAttr('url');
        if (url !== undefined) checkUrl(node, url, tag);
      }
    }
    return true;
  };

  const visit = (node: GuardNode, inTable: boolean, depth: number) => {
    if (depth > maxNesting) {
      report('nesting', node, `${depth} levels deep`, `booth text nests elements at most ${maxNesting} levels deep (a quote in a quote, a list in a list, a tag in a tag); flatten this part`);
      return;
    }
    switch (node.type) {
      case 'mdxjsEsm': {
        const keyword = /^\s*export\b/.test(String(node.value)) ? 'export' : 'import';
        report('import-export', node, keyword, `booth files never ${keyword}: the components (${componentList}) are available by name, and data belongs in the front matter`);
        break;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const code = String(node.value ?? '');
        if (!isComment(code) && !isPlainValue(code)) {
          const shown = visible(code.length > 40 ? `${code.slice(0, 40)}…` : code);
          report('expression', node, `{${shown}}`, 'is code, which would run at build time; write the text itself, or a plain value such as {"text"}');
        }
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        if (!jsx(node, inTable)) return;
        inTable ||= node.name === 'table';
        break;
      case 'html':
        report('raw-html', node, 'HTML', `raw HTML is not allowed in booth files; write Markdown, or use one of the components: ${componentList}`);
        break;
      case 'image':
        checkImage(node, node.url ?? '', node.alt ?? undefined, false, 'Markdown image');
        break;
      case 'imageReference':
        // The compiler leaves ![alt][ref] as a plain address that the build cannot show.
        report('image-reference', node, `![${node.alt ?? ''}][${node.label ?? ''}]`, 'reference-style images are not shown by the build; write the path in place: ![what the image shows](./sponsor-id/photo.jpg)');
        break;
      case 'link':
      case 'definition':
        checkUrl(node, node.url ?? '', node.type === 'link' ? 'Markdown link' : 'link definition');
        break;
      case 'heading': {
        const depth = node.depth ?? 2;
        const hashes = `${'#'.repeat(depth)} ${textOf(node).slice(0, 40)}`;
        if (depth === 1) {
          report('extra-h1', node, hashes, 'the page\'s only h1 is the sponsor name; start sections at ## (h2)');
        } else if (depth > lastHeading + 1) {
          report('heading-skip', node, hashes, `heading levels must not skip: this h${depth} follows an h${lastHeading}; use ${'#'.repeat(lastHeading + 1)} (h${lastHeading + 1})`);
        }
        lastHeading = depth;
        break;
      }
    }
    for (const child of node.children ?? []) visit(child, inTable, depth + 1);
  };
  visit(root, false, 0);
  return problems;
}

/**
 * What the body places itself, so the page does not repeat it: section components (Events,
 * Publications, …) and media items (`<Video id="…" />`), in document order.
 */
export function placed(root: GuardNode): Placements {
  const sections = new Set<SectionName>();
  const media = new Set<string>();
  const visit = (node: GuardNode) => {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      if (sectionNames.includes(node.name as SectionName)) sections.add(node.name as SectionName);
      const id = node.attributes?.find((a) => a.name === 'id')?.value;
      if ((node.name === 'Video' || node.name === 'Audio') && typeof id === 'string') media.add(id);
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return { sections: [...sections], media: [...media] };
}

/** Guard problems as content problems of `file` (the construct stands in the field's place). */
export function toProblems(file: string, found: readonly GuardProblem[]): Problem[] {
  return found.map((p) => ({ code: p.rule, file, field: p.construct, message: p.message, ...(p.line ? { line: p.line } : {}), ...(p.suggestion ? { suggestion: p.suggestion } : {}) }));
}
