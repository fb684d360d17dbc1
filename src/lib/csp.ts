/**
 * The Content-Security-Policy of every page, in one place.
 *
 * The layout writes it as the first <meta> of every page (`pagePolicy`): no script of any
 * kind, stylesheets from the site itself, and the hash of each of the page's own inline
 * rules (a booth's hero crop). Astro's own CSP feature is not used: it lists hashes of its
 * island scripts under script-src on pages without any, and browsers ignore 'none' next to
 * a hash. public/_headers repeats the fixed part as an HTTP header (a unit test keeps them
 * in step); the site gate checks every built page against `cspDirectives` and `scriptSrc`.
 */
import { createHash } from 'node:crypto';

/** Everything besides scripts and styles. */
export const cspDirectives = [
  "default-src 'self'",
  "img-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** No script of any kind may run: the site ships zero JavaScript. */
export const scriptSrc = "script-src 'none'";

/** Outside sites learn the origin a visitor came from, never the page (a role's or a filter's URL). */
export const referrerPolicy = 'strict-origin-when-cross-origin';

/** Browsers ignore frame-ancestors in a <meta> policy, so it only goes in the HTTP header. */
export const headerOnlyDirectives = ["frame-ancestors 'none'"] as const;

/** The CSP hash of an inline <style> element's text. */
export function styleHash(css: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}`;
}

/** A page's whole policy: the fixed directives, style-src with its inline rules' hashes, no script. */
export function pagePolicy(inlineStyles: readonly string[]): string {
  const styleSrc = ["style-src 'self'", ...inlineStyles.map((css) => `'${styleHash(css)}'`)].join(' ');
  return [...cspDirectives, styleSrc, scriptSrc].join('; ');
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

/** Script types that browsers treat as data and never run: the only <script> a page may have (JSON-LD). */
export const dataScriptTypes = new Set(['application/ld+json', 'application/json']);
