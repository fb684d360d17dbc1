/** Settings of the outside-link check, kept apart from the HTTP code so reading flags loads no network module. */
import type { AtsSettings } from './ats.ts';
import type { LinkCache } from './cache.ts';

export type HostPolicyKind = 'check' | 'unverifiable' | 'skip';

export interface HostPolicy {
  /** Requests in flight to this host at most. */
  maxInFlight?: number;
  /** unverifiable: a bot block (403, 999, 429) is reported as "unverifiable", not broken; skip: never requested. */
  policy?: HostPolicyKind;
}

export interface ExternalOptions {
  perHost: number;
  concurrency: number;
  /** By host name ("linkedin.com" also covers "www.linkedin.com"), or "host:port". */
  hosts: Record<string, HostPolicy>;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  /** Longest Retry-After we wait for; a longer one is reported as rate-limited at once. */
  retryAfterCapMs: number;
  maxRedirects: number;
  include: string[];
  exclude: string[];
  cache?: LinkCache | undefined;
  userAgent: string;
  /** Bytes of an HTML page read to look for a fragment or a closed posting's words. */
  maxBodyBytes: number;
  /** Bytes of an ATS's answer read (a board's list of open postings can be long). */
  maxApiBytes: number;
  /** Where each ATS's posting API is, and further hosts of its posting pages (ats.ts). */
  ats: AtsSettings;
  /** Words of a closed posting's page beyond closed-phrases.yaml, e.g. a sponsor's own. */
  closedPhrases: string[];
}

/** Sites that answer automated requests with 999/403 whatever the page; their links cannot be verified. */
const BOT_BLOCKING_HOSTS: Record<string, HostPolicy> = Object.fromEntries(
  ['linkedin.com', 'lnkd.in', 'twitter.com', 'x.com', 'facebook.com', 'instagram.com', 'researchgate.net', 'scholar.google.com', 'glassdoor.com', 'indeed.com', 'quora.com', 'tiktok.com'].map(
    (host) => [host, { policy: 'unverifiable' as const }],
  ),
);

export const DEFAULT_EXTERNAL: ExternalOptions = {
  perHost: 8,
  concurrency: 64,
  hosts: BOT_BLOCKING_HOSTS,
  timeoutMs: 10_000,
  retries: 2,
  backoffMs: 1_000,
  retryAfterCapMs: 10_000,
  maxRedirects: 10,
  include: [],
  exclude: [],
  userAgent: 'Mozilla/5.0 (compatible; boothkit-link-check/0.1)',
  maxBodyBytes: 1024 * 1024,
  maxApiBytes: 16 * 1024 * 1024,
  ats: { apis: {}, hosts: {} },
  closedPhrases: [],
};
