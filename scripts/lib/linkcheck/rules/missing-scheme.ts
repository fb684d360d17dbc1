/** An address pasted without its scheme (`www.acme.com`, `jobs@acme.com`): a browser reads it as a file on this site. */
import type { LinkProblem } from './types.ts';

const EMAIL = /^[^\s/@:?#]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i;
const FILE_EXTENSIONS = /\.(html?|php|aspx?|pdf|png|jpe?g|gif|svg|webp|avif|css|js|json|xml|txt|zip|ics|mp4|webm|mp3)$/i;
const DOMAIN_START = /^(www\d?\.[^\s/]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|ai|co|dev|app|info|fm|tv|me|[a-z]{2}))(?:[/?#:]|$)/i;

/** A relative href that is really an email address or a web address without its scheme. */
export function missingSchemeProblem(href: string): LinkProblem | undefined {
  if (EMAIL.test(href)) {
    return { code: 'missing-scheme', message: 'an email address written as a link without "mailto:"', suggestion: `mailto:${href}` };
  }
  const domain = DOMAIN_START.exec(href)?.[1];
  if (domain && !FILE_EXTENSIONS.test(domain)) {
    return { code: 'missing-scheme', message: 'a web address without "https://": browsers read it as a file on this site', suggestion: `https://${href}` };
  }
  return undefined;
}
