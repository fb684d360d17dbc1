/**
 * Every kind of problem the link check reports, by a short code that stays the same while the
 * words change. Each code has a heading of its own in docs/links.md (`### \`missing-page\``),
 * which every finding names; tests/unit/error-codes.test.ts holds the two lists equal.
 */
export const linkCodes = {
  // In the built site (offline)
  'missing-page': 'no such page in the build',
  'missing-file': 'no such file in the build',
  'missing-fragment': 'no such id on the target page',
  'missing-base': 'a root-relative link without the base path',
  placeholder: 'a "#" link written in content',
  'missing-scheme': 'an e-mail address or a host written as a link without its scheme',
  'wrapped-url': 'a link wrapped by a mail filter or a redirector',
  'drive-account': "a Google Drive or Docs link with the author's account slot",
  'mixed-content': 'an http: image, video or stylesheet on an https: site',
  'javascript-url': 'a javascript: link',
  'local-file': 'a file: link',
  'malformed-url': 'a link that is not a valid URL',
  'sitemap-missing': 'a sitemap entry that was not built',
  'sitemap-outside': 'a sitemap entry outside the site and base',
  // Outside links (--external)
  'not-found': 'HTTP 404',
  gone: 'HTTP 410',
  'server-error': 'HTTP 5xx, after retries',
  'http-status': 'another HTTP status that is not a page',
  forbidden: 'HTTP 401 or 403: visitors cannot open it',
  timeout: 'no answer in time, after retries',
  unreachable: 'the connection failed, after retries',
  'unknown-host': 'the host name does not exist',
  'tls-error': 'the secure connection failed',
  'redirect-loop': 'redirects that come back to an address they passed',
  'too-many-redirects': 'more redirects than the limit',
  'redirect-scheme': 'a redirect to an address that is not a web page',
  'bad-redirect': 'a redirect to an invalid address',
  moved: 'moved permanently (notice)',
  'rate-limited': 'HTTP 429, after waiting (notice)',
  unverifiable: 'the site blocks automated checks (notice)',
  'posting-closed': 'the job posting has closed at the company (warning)',
  'likely-closed': 'the posting redirects to a careers home or a listing (warning)',
  'ats-unanswered': "the posting API did not answer with its list or posting (notice)",
} as const;

export type LinkCode = keyof typeof linkCodes;
