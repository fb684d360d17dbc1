/**
 * Everything a page loads by itself (images, stylesheets, media, icons) comes from this site
 * over HTTPS: no tracker, no CDN that can disappear or change, no mixed content.
 */
import type { Rule } from '../types.ts';

export const subresource: Rule = {
  code: 'subresource',
  requires: 'every image, stylesheet, media file and icon the page loads is from this site, never http: or another host',
  check(facts, page) {
    return facts.links.flatMap((link) => {
      if (!link.subresource || link.url === '' || /^data:/i.test(link.url)) return [];
      let url: URL;
      try {
        url = new URL(link.url, `${page.origin}/`);
      } catch {
        return [];
      }
      const own = url.host === new URL(page.origin).host;
      if (own && url.protocol !== 'http:') return [];
      return [{
        code: 'subresource',
        message: own ? `${link.attr} loads ${link.url} over http:` : `${link.attr} loads ${link.url} from ${url.host}, another site`,
        fix: 'put the file next to the content file that uses it (it is then served by this site), or link to it instead of loading it',
        line: link.line,
      }];
    });
  },
};
