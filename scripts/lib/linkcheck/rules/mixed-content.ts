/** An `http:` resource on an `https:` site: browsers block it or flag the page. */
import type { LinkProblem } from './types.ts';

const LOOPBACK = /^(localhost|127(?:\.\d+){3}|\[::1\])$/;

/** An `http:` resource (image, stylesheet, video, …) on a page served over `https:`. */
export function mixedContentProblem(href: string, subresource: boolean, siteIsHttps: boolean): LinkProblem | undefined {
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
    message: 'loaded over http: on an https: site; browsers block or flag it as mixed content',
    suggestion: href.replace(/^http:/i, 'https:'),
  };
}
