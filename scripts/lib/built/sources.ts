/**
 * Maps a problem on a built page back to the file an author edits, for the site gate and the
 * link check. No list of pages, and no guessing:
 * - a page comes from the content entry src/lib/routes.ts names for its address
 *   (`/booths/acme/`, its calendars and `/share/acme.png` ← `sponsors/acme.mdx`,
 *   `/roles/acme/intern/` ← `roles/acme/intern.yaml`); a redirect page comes from the content
 *   file that lists its address (a legacy permalink);
 * - a URL written literally in a content file maps to that file and line (a role's apply
 *   link shown on a booth, a navigation link in conference.yaml).
 * Content is read lazily, only when there is something to map.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { routeOfFile } from '../../../src/lib/built-site.ts';
import { contentEntryOf } from '../../../src/lib/routes.ts';
import { contentDir as defaultContentDir } from '../../../src/core/project.ts';

export interface SourceLocation {
  /** Project-relative path of the file to edit, e.g. "src/content/sponsors/acme.mdx". */
  file: string;
  line?: number;
  /** No content file holds it: `file` is the built page, and a template wrote it. */
  built?: boolean;
}

/** A built file as the place to fix a problem a template wrote: relative to the project when it is inside it. */
export function builtSource(root: string, outDir: string, file: string, line?: number): SourceLocation {
  const abs = join(outDir, file);
  const rel = relative(root, abs);
  return { file: (rel.startsWith('..') || isAbsolute(rel) ? abs : rel).split(sep).join('/'), ...(line ? { line } : {}), built: true };
}

const CONTENT_EXTENSIONS = ['.mdx', '.md', '.yaml', '.yml', '.json'];
const URL_IN_TEXT = /https?:\/\/[^\s"'<>`)\]}|\\]+/g;
const URL_CHAR = /[A-Za-z0-9\-._~/?#@$&*+=%]/;

interface ContentFile {
  path: string;
  lines: string[];
}

export class SourceMap {
  readonly root: string;
  readonly contentDir: string;
  #files: Map<string, ContentFile> | undefined;
  #urls: Map<string, SourceLocation[]> | undefined;
  #pageSources = new Map<string, string | undefined>();
  #entries: Map<string, string> | undefined;

  constructor(root: string, contentDir = defaultContentDir) {
    this.root = root;
    this.contentDir = contentDir;
  }

  /** Every content file, read once on first use. */
  get files(): Map<string, ContentFile> {
    if (this.#files) return this.#files;
    const files = new Map<string, ContentFile>();
    const dir = join(this.root, this.contentDir);
    if (existsSync(dir)) {
      for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !CONTENT_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) continue;
        const abs = join(entry.parentPath, entry.name);
        const path = relative(this.root, abs).split(sep).join('/');
        files.set(path, { path, lines: readFileSync(abs, 'utf8').split('\n') });
      }
    }
    this.#files = files;
    return files;
  }

  /** Absolute http(s) URLs written in content files, with every place they appear. */
  get urls(): Map<string, SourceLocation[]> {
    if (this.#urls) return this.#urls;
    const urls = new Map<string, SourceLocation[]>();
    for (const file of this.files.values()) {
      file.lines.forEach((text, i) => {
        for (const match of text.matchAll(URL_IN_TEXT)) {
          // Prose punctuation right after an address is not part of it.
          const url = match[0].replace(/[.,;:!?]+$/, '');
          const list = urls.get(url) ?? [];
          list.push({ file: file.path, line: i + 1 });
          urls.set(url, list);
        }
      });
    }
    this.#urls = urls;
    return urls;
  }

  /** Content files by their collection and id: "sponsors/acme" for sponsors/acme.mdx, "roles/acme/intern" for roles/acme/intern.yaml. */
  get #byEntry(): Map<string, string> {
    if (this.#entries) return this.#entries;
    const entries = new Map<string, string>();
    for (const path of this.files.keys()) entries.set(path.slice(this.contentDir.length + 1).replace(/\.[a-z]+$/, ''), path);
    this.#entries = entries;
    return entries;
  }

  /** The content file a built page is generated from, if one can be named. */
  pageSource(page: string): string | undefined {
    if (this.#pageSources.has(page)) return this.#pageSources.get(page);
    const found = this.#findPageSource(page);
    this.#pageSources.set(page, found);
    return found;
  }

  #findPageSource(page: string): string | undefined {
    // The address below the base: "booths/acme/index.html" is /booths/acme/, "share/acme.png" /share/acme.png.
    const entry = contentEntryOf(`/${page.replace(/(^|\/)index\.html$/, '$1')}`);
    return entry && this.#byEntry.get(`${entry.collection}/${entry.id}`);
  }

  /** The one content line that lists a page's address, e.g. `- /old-globex/` under legacyPermalinks. */
  #listing(route: string): SourceLocation | undefined {
    if (!route) return undefined;
    const address = new RegExp(`(^|[\\s'"\\[,:])/?${escapeRegExp(route)}/?(['"\\],]|\\s|$)`);
    const found: SourceLocation[] = [];
    for (const file of this.files.values()) {
      file.lines.forEach((text, i) => {
        if (address.test(text)) found.push({ file: file.path, line: i + 1 });
      });
    }
    return found.length === 1 ? found[0] : undefined;
  }

  /** First line of `file` that contains `needle` as a whole URL (not a prefix of a longer one). */
  lineOf(file: string, needle: string): number | undefined {
    const content = this.files.get(file);
    if (!content || !needle) return undefined;
    for (const [i, text] of content.lines.entries()) {
      let at = text.indexOf(needle);
      while (at !== -1) {
        const after = text[at + needle.length];
        if (after === undefined || !URL_CHAR.test(after)) return i + 1;
        at = text.indexOf(needle, at + 1);
      }
    }
    return undefined;
  }

  /** Where an absolute URL is written in content, trying the spellings Markdown may have changed. */
  urlLocations(url: string): SourceLocation[] {
    for (const variant of spellings(url)) {
      const found = this.urls.get(variant);
      if (found) return found;
    }
    return [];
  }

  /**
   * The place to fix a problem with `url` found on `page`: the page's own content file at
   * the line that holds the URL, else any content file that holds it, else the built page.
   */
  locate(page: string, url: string, isRedirect = false): SourceLocation | undefined {
    // A redirect page is made whole from one content line (a legacy permalink): that is the place to fix.
    if (isRedirect) {
      const listing = this.#listing(routeOfFile(page));
      if (listing) return listing;
    }
    const own = this.pageSource(page);
    const variants = spellings(url);
    if (own) {
      for (const variant of variants) {
        const line = this.lineOf(own, variant);
        if (line) return { file: own, line };
      }
    }
    if (/^https?:\/\//i.test(url)) {
      const found = this.urlLocations(url);
      const preferred = found.find((l) => l.file === own) ?? found[0];
      if (preferred) return preferred;
    } else if (url.length > 3 && !url.startsWith('#')) {
      for (const file of this.files.keys()) {
        for (const variant of variants) {
          const line = this.lineOf(file, variant);
          if (line) return { file, line };
        }
      }
    }
    return undefined;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The ways a URL in the HTML may have been written in the source. */
function spellings(url: string): string[] {
  const out = new Set([url]);
  try {
    out.add(decodeURI(url));
  } catch {
    // keep the written form only
  }
  if (url.includes('&')) out.add(url.replace(/&/g, '&amp;'));
  return [...out];
}
