/**
 * Link forms that are wrong however the target answers, found without the network:
 * mail-filter wrappers (urldefense, safelinks, …) with the clean URL recovered, Google Drive
 * links pinned to the author's account (`/u/2/`), `http:` resources on an `https:` site,
 * `javascript:` links, and addresses pasted without a scheme.
 */

import { unwrapRedirect } from '../../../src/lib/urls.ts';

export interface FormProblem {
  code: string;
  reason: string;
  suggestion?: string;
}

/** A mail-filter or tracking wrapper around the real address. */
export function wrapperProblem(href: string): FormProblem | undefined {
  const unwrapped = unwrapRedirect(href);
  if (!unwrapped) return undefined;
  const host = new URL(href).hostname;
  return unwrapped.target
    ? { code: 'wrapped-url', reason: `wrapped by a mail filter or redirector (${host}); visitors pass through it and it expires`, suggestion: unwrapped.target }
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
