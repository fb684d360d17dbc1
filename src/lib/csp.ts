/**
 * The Content-Security-Policy of every page, in one place.
 *
 * astro.config.mjs hands `cspDirectives` to Astro's `security.csp`, which writes a <meta> tag
 * per page with `style-src 'self'` plus the hashes of the styles it emits. Astro also lists
 * hashes of its island scripts under script-src even on pages without any, and browsers
 * ignore 'none' next to a hash; so after the build, src/integrations/finish-pages.ts rewrites
 * script-src to exactly 'none' with `sealScriptSrc` and fails on any executable <script>.
 * public/_headers repeats the fixed part as an HTTP header (a unit test keeps them in step).
 */
import { createHash } from 'node:crypto';

/** Everything besides scripts and styles. Styles are Astro's: 'self' plus hashes. */
export const cspDirectives = [
  "default-src 'self'",
  "img-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** No script of any kind may run: the site ships zero JavaScript. */
export const scriptSources = ["'none'"] as const;
export const scriptSrc = `script-src ${scriptSources.join(' ')}`;

/** Outside sites learn the origin a visitor came from, never the page (a role's or a filter's URL). */
export const referrerPolicy = 'strict-origin-when-cross-origin';

/** Browsers ignore frame-ancestors in a <meta> policy, so it only goes in the HTTP header. */
export const headerOnlyDirectives = ["frame-ancestors 'none'"] as const;

/** The CSP hash of an inline <style> element's text, for `Astro.csp.insertStyleHash`. */
export function styleHash(css: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}`;
}

const metaPattern = /(<meta\s+http-equiv="content-security-policy"\s+content=")([^"]*)(")/i;

/** The policy of a page's <meta http-equiv="content-security-policy">, if it has one. */
export function pagePolicy(html: string): string | undefined {
  return metaPattern.exec(html)?.[2];
}

/** The directive names and values of a policy, e.g. "script-src" → ["'none'"]. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/).filter(Boolean);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/**
 * Rewrites a page's CSP meta tag so that script-src is exactly 'none' (dropping any hashes
 * and script-src-elem/-attr). Returns undefined when the page has no CSP meta tag.
 */
export function sealScriptSrc(html: string): string | undefined {
  const policy = pagePolicy(html);
  if (policy === undefined) return undefined;
  const kept = policy
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part && !/^script-src(-elem|-attr)?(\s|$)/i.test(part));
  const sealed = [...kept, scriptSrc].join('; ');
  return html.replace(metaPattern, (_, start: string, _old: string, end: string) => `${start}${sealed}${end}`);
}

/** Script types that browsers treat as data and never run. */
const dataScriptTypes = new Set(['application/ld+json', 'application/json']);

/** The opening tags of <script> elements a browser would run (anything but JSON data). */
export function executableScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => {
      const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1]?.toLowerCase();
      return !type || !dataScriptTypes.has(type);
    });
}
