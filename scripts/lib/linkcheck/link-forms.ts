/**
 * Link forms that are wrong however the target answers, found without the network:
 * mail-filter wrappers (urldefense, safelinks, …) with the clean URL recovered, Google Drive
 * links pinned to the author's account (`/u/2/`), `http:` resources on an `https:` site,
 * `javascript:` links, and addresses pasted without a scheme.
 */

export interface FormProblem {
  code: string;
  reason: string;
  suggestion?: string;
}

const RUN_LENGTHS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Proofpoint v3: `__URL__;BASE64!!…`, where `*` and `**X` stand for characters kept in BASE64. */
function urldefenseV3(href: string): string | undefined {
  const match = /\/v3\/__(.+?)__;([^!]*)!/.exec(href);
  if (!match?.[1]) return undefined;
  const b64 = (match[2] ?? '').replace(/-/g, '+').replace(/_/g, '/');
  const kept = [...Buffer.from(b64, 'base64').toString('utf8')];
  let at = 0;
  return match[1].replace(/\*(\*.)?/g, (token) => {
    const count = token === '*' ? 1 : RUN_LENGTHS.indexOf(token[2] ?? '') + 2;
    const chars = kept.slice(at, at + count).join('');
    at += count;
    return chars;
  });
}

function param(url: URL, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = url.searchParams.get(name);
    if (value) return value;
  }
  return undefined;
}

/** The address a wrapper or redirector URL stands for: '' when it is wrapped but cannot be decoded. */
export function unwrap(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  if (host === 'urldefense.com' || host === 'urldefense.proofpoint.com' || host === 'urldefense.us') {
    if (url.pathname.startsWith('/v3/')) return urldefenseV3(href) ?? '';
    const u = param(url, 'u');
    if (!u) return '';
    // v2 writes "%" as "-" and "/" as "_"; v1 is plainly percent-encoded.
    const encoded = url.pathname.startsWith('/v2/') ? u.replace(/-/g, '%').replace(/_/g, '/') : u;
    try {
      return decodeURIComponent(encoded);
    } catch {
      return '';
    }
  }
  if (host.endsWith('.safelinks.protection.outlook.com')) return param(url, 'url') ?? '';
  if ((host === 'l.facebook.com' || host === 'lm.facebook.com') && url.pathname === '/l.php') return param(url, 'u') ?? '';
  if (/^(www\.)?google\.[a-z.]+$/.test(host) && url.pathname === '/url') return param(url, 'q', 'url') ?? '';
  if (host === 'www.linkedin.com' && url.pathname.startsWith('/redir/')) return param(url, 'url') ?? '';
  if (host === 'slack-redir.net') return param(url, 'url') ?? '';
  if (host === 'linkprotect.cudasvc.com') return param(url, 'a') ?? '';
  if (/(^|\.)mimecast\.com$/.test(host) && url.pathname.startsWith('/s/')) return '';
  return undefined;
}

/** A mail-filter or tracking wrapper around the real address. */
export function wrapperProblem(href: string): FormProblem | undefined {
  let clean = unwrap(href);
  if (clean === undefined) return undefined;
  // Wrappers are sometimes nested (a safelink around a urldefense link).
  for (let depth = 0; clean && depth < 3; depth++) {
    const inner = unwrap(clean);
    if (inner === undefined) break;
    clean = inner || clean;
    if (!inner) break;
  }
  const host = new URL(href).hostname;
  return clean
    ? { code: 'wrapped-url', reason: `wrapped by a mail filter or redirector (${host}); visitors pass through it and it expires`, suggestion: clean }
    : { code: 'wrapped-url', reason: `wrapped by a mail filter (${host}); ask the sponsor for the original address` };
}

/** Google Drive/Docs links that name the author's signed-in account slot: `/drive/u/2/…`. */
export function driveAccountProblem(href: string): FormProblem | undefined {
  const match = /^(https?:\/\/(?:drive|docs)\.google\.com\/(?:[a-z]+\/)?)u\/\d+\/(.*)$/i.exec(href);
  if (!match) return undefined;
  return {
    code: 'drive-account',
    reason: 'Google link pinned to the author\'s account slot ("/u/N/"); other visitors get an error or the wrong account',
    suggestion: `${match[1]}${match[2]}`,
  };
}

const LOOPBACK = /^(localhost|127(?:\.\d+){3}|\[::1\])$/;

/** An `http:` resource (image, stylesheet, video, …) on a page served over `https:`. */
export function mixedContentProblem(href: string, subresource: boolean, siteIsHttps: boolean): FormProblem | undefined {
  if (!subresource || !siteIsHttps || !/^http:\/\//i.test(href)) return undefined;
  let host: string;
  try {
    host = new URL(href).hostname;
  } catch {
    return undefined;
  }
  if (LOOPBACK.test(host)) return undefined;
  return {
    code: 'mixed-content',
    reason: 'loaded over http: on an https: site; browsers block or flag it as mixed content',
    suggestion: href.replace(/^http:/i, 'https:'),
  };
}

const EMAIL = /^[^\s/@:?#]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i;
const FILE_EXTENSIONS = /\.(html?|php|aspx?|pdf|png|jpe?g|gif|svg|webp|avif|css|js|json|xml|txt|zip|ics|mp4|webm|mp3)$/i;
const DOMAIN_START = /^(www\d?\.[^\s/]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|ai|co|dev|app|info|fm|tv|me|[a-z]{2}))(?:[/?#:]|$)/i;

/** A relative href that is really an email address or a web address without its scheme. */
export function missingSchemeProblem(href: string): FormProblem | undefined {
  if (EMAIL.test(href)) {
    return { code: 'missing-scheme', reason: 'an email address written as a link without "mailto:"', suggestion: `mailto:${href}` };
  }
  const domain = DOMAIN_START.exec(href)?.[1];
  if (domain && !FILE_EXTENSIONS.test(domain)) {
    return { code: 'missing-scheme', reason: 'a web address without "https://": browsers read it as a file on this site', suggestion: `https://${href}` };
  }
  return undefined;
}

export function scriptUrlProblem(href: string): FormProblem | undefined {
  return /^\s*javascript:/i.test(href)
    ? { code: 'javascript-url', reason: 'a javascript: link; the site ships no JavaScript, so it does nothing (or something unsafe)' }
    : undefined;
}

export function localFileProblem(href: string): FormProblem | undefined {
  return /^\s*file:/i.test(href) ? { code: 'local-file', reason: "a file: link to a file on the author's computer" } : undefined;
}
