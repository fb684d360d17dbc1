/**
 * The seal of csp-seal.ts, applied to each page in memory as Astro renders it, instead of
 * reading every page back from dist/ and writing it again after the build (at 1,000 booths
 * and 10,000 roles that second pass read and rewrote ~460 MB of HTML).
 */
import { defineMiddleware } from 'astro:middleware';
import { executableScripts, sealScriptSrc } from '../lib/csp.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  // The dev server injects its own scripts and Astro writes no policy there: builds only.
  if (import.meta.env.DEV || !response.headers.get('content-type')?.includes('text/html')) return response;
  const html = await response.text();
  const sealed = sealScriptSrc(html);
  const problems = [
    ...(sealed === undefined ? ['has no Content-Security-Policy <meta> tag'] : []),
    ...executableScripts(html).map((tag) => `contains an executable script ${tag}`),
  ];
  if (problems.length > 0) {
    throw new Error(`The site must run no JavaScript and carry its Content-Security-Policy: ${context.url.pathname} ${problems.join(', ')}`);
  }
  return new Response(sealed, { status: response.status, statusText: response.statusText, headers: response.headers });
});
