/**
 * URL patterns for --include/--exclude and host policies. A pattern is a glob where `*`
 * matches any run of characters; it is matched against the whole URL and against the URL
 * without its scheme, so `*.linkedin.com/*` and `https://example.org/private/*` both work.
 */

function globToRegExp(glob: string): RegExp {
  const body = glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${body}$`, 'i');
}

export class UrlPatterns {
  readonly #patterns: RegExp[];

  constructor(globs: readonly string[]) {
    this.#patterns = globs.map(globToRegExp);
  }

  get size(): number {
    return this.#patterns.length;
  }

  matches(url: string): boolean {
    const bare = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    return this.#patterns.some((re) => re.test(url) || re.test(bare));
  }
}

/** The entry of a host table that applies to `host` ("www.linkedin.com" uses "linkedin.com"). */
export function forHost<T>(table: Readonly<Record<string, T>>, hostname: string, port = ''): T | undefined {
  const host = hostname.toLowerCase();
  if (port && table[`${host}:${port}`] !== undefined) return table[`${host}:${port}`];
  for (let h = host; h; h = h.slice(h.indexOf('.') + 1)) {
    if (table[h] !== undefined) return table[h];
    if (!h.includes('.')) break;
  }
  return undefined;
}
