/**
 * Links pasted from mail clients and share buttons carry two kinds of junk: a redirect
 * wrapper around the real address (Proofpoint urldefense, Outlook safelinks, Facebook's
 * l.php, Google's /url) and tracking parameters (utm_*, fbclid, …). Wrapped links break when
 * the wrapper's token expires and leak who clicked; we reject both and name the clean URL.
 * Apply links are the exception for tracking: a sponsor may count the applicants who came
 * from the conference, so there it is a warning (src/schemas/links.ts, applyLink).
 * Also the host test and the job-board hosts every URL rule of the kit uses. Pure functions, no network.
 */

/** A redirect wrapper that was found, and the address it points to. */
export interface Unwrapped {
  /** Who wrapped it, for the message, e.g. "Proofpoint urldefense". */
  wrapper: string;
  /** The address inside, itself unwrapped (wrappers nest); '' when it cannot be recovered. */
  target: string;
}

/** True when `host` is `domain` or one of its subdomains: the one host test of every URL rule. */
export function onHost(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * Applicant tracking systems and job boards: hosts where many employers' postings live. A
 * link there is a posting, not a sponsor's own careers site (the Jekyll importer), and a
 * redirect away from it means a closed posting (the outside-link check).
 */
const jobBoardHosts: readonly string[] = [
  'greenhouse.io',
  'lever.co',
  'workable.com',
  'myworkdayjobs.com',
  'myworkdaysite.com',
  'workday.com',
  'smartrecruiters.com',
  'ashbyhq.com',
  'jobvite.com',
  'icims.com',
  'recruitee.com',
  'bamboohr.com',
  'teamtailor.com',
  'personio.de',
  'personio.com',
  'breezy.hr',
  'successfactors.com',
  'successfactors.eu',
  'taleo.net',
  'linkedin.com',
];

/** True when `host` is a job board or applicant tracking system (see jobBoardHosts). */
export function isJobBoardHost(host: string): boolean {
  return jobBoardHosts.some((domain) => onHost(host.toLowerCase(), domain));
}

/** Proofpoint v2 writes "%" as "-" and "/" as "_" (`u=https-3A__example.com_path`); v1 is plainly percent-encoded. */
function proofpointQuery(encoded: string, v2: boolean): string {
  try {
    return decodeURIComponent(v2 ? encoded.replace(/-/g, '%').replace(/_/g, '/') : encoded);
  } catch {
    return '';
  }
}

const RUN_LENGTHS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Proofpoint v3: `/v3/__https://example.com/p*th__;Pw!!token`. The characters it replaced
 * are kept, base64-encoded, after `__;`: each `*` stands for the next one, `**X` for a run
 * of several (X's position in RUN_LENGTHS, plus 2).
 */
function proofpointV3(path: string): string {
  const match = /^\/v3\/__(.+?)__;([^!]*)/.exec(path);
  if (!match) return '';
  const kept = [...Buffer.from(match[2]!.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')];
  let at = 0;
  return match[1]!.replace(/\*(\*.)?/g, (token) => {
    const count = token === '*' ? 1 : RUN_LENGTHS.indexOf(token[2] ?? '') + 2;
    const chars = kept.slice(at, at + count).join('');
    at += count;
    return chars;
  });
}

/** Wrappers that carry the target in a query parameter: host test, parameter names, label. */
const queryWrappers: { test: (url: URL) => boolean; params: string[]; label: string }[] = [
  { test: (u) => onHost(u.hostname, 'safelinks.protection.outlook.com'), params: ['url'], label: 'Outlook safelinks' },
  { test: (u) => /^(l|lm)\.facebook\.com$/.test(u.hostname), params: ['u'], label: 'Facebook (l.facebook.com)' },
  { test: (u) => u.hostname === 'l.instagram.com', params: ['u'], label: 'Instagram (l.instagram.com)' },
  { test: (u) => /^(www\.)?google\.[a-z.]+$/.test(u.hostname) && u.pathname === '/url', params: ['q', 'url'], label: 'Google' },
  { test: (u) => onHost(u.hostname, 'linkedin.com') && u.pathname.startsWith('/redir/'), params: ['url'], label: 'LinkedIn' },
  { test: (u) => onHost(u.hostname, 'youtube.com') && u.pathname === '/redirect', params: ['q'], label: 'YouTube' },
  { test: (u) => u.hostname === 'slack-redir.net', params: ['url'], label: 'Slack' },
  { test: (u) => u.hostname === 'linkprotect.cudasvc.com', params: ['a'], label: 'Barracuda link protection' },
];

/** The wrapper around `raw`, if it is one, with the clean target (recursively unwrapped). */
export function unwrapRedirect(raw: string): Unwrapped | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  let wrapper: string | undefined;
  let target: string | undefined;
  const host = url.hostname;
  if (onHost(host, 'urldefense.proofpoint.com') || onHost(host, 'urldefense.com') || onHost(host, 'urldefense.us')) {
    wrapper = 'Proofpoint urldefense';
    const u = url.searchParams.get('u');
    target = url.pathname.startsWith('/v3/') ? proofpointV3(url.pathname) : u ? proofpointQuery(u, url.pathname.startsWith('/v2/')) : '';
  } else if (onHost(host, 'mimecast.com') && url.pathname.startsWith('/s/')) {
    // Mimecast keeps the address on its server: only the sponsor can give the original.
    wrapper = 'Mimecast';
    target = '';
  } else {
    for (const w of queryWrappers) {
      if (!w.test(url)) continue;
      wrapper = w.label;
      target = w.params.map((p) => url.searchParams.get(p)).find(Boolean) ?? '';
      break;
    }
  }
  if (!wrapper || target === undefined) return undefined;
  const inner = target ? unwrapRedirect(target) : undefined;
  return { wrapper, target: inner ? inner.target : target };
}

/** Parameters that only track clicks, on any host. */
const trackingAnywhere = new Set(['fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'mc_cid', 'mc_eid', 'igshid', 'igsh', '_hsenc', '_hsmi', 'mkt_tok', 'li_fat_id', 'ref_src', 'ref_url', 'trk', 'trackingid', 'si']);
/** Parameters that track only on some hosts (elsewhere they may mean something). */
const trackingOnHost: { domain: string; params: string[] }[] = [
  { domain: 'twitter.com', params: ['s', 't'] },
  { domain: 'x.com', params: ['s', 't'] },
  { domain: 'linkedin.com', params: ['originalSubdomain', 'lipi', 'trackingId'] },
];

/** Names of the tracking parameters in `raw`, in the order they appear. */
export function trackingParams(raw: string): string[] {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return [];
  }
  const hostSpecific = trackingOnHost.filter((t) => onHost(url.hostname, t.domain)).flatMap((t) => t.params);
  return [...new Set([...url.searchParams.keys()])].filter(
    (key) => /^utm_/i.test(key) || trackingAnywhere.has(key.toLowerCase()) || hostSpecific.includes(key),
  );
}

/** `raw` without its wrapper, and without its tracking parameters unless `keepTracking`. */
export function cleanUrl(raw: string, keepTracking = false): string {
  const target = unwrapRedirect(raw)?.target ?? raw;
  const drop = keepTracking ? [] : trackingParams(target);
  if (drop.length === 0) return target;
  const url = new URL(target);
  for (const key of drop) url.searchParams.delete(key);
  return url.href;
}

/**
 * What is wrong with `raw` as a published link, in one sentence that names the clean
 * address, or undefined when it is clean: a redirect wrapper, then tracking parameters.
 */
export function urlProblem(raw: string): string | undefined {
  return wrapperProblem(raw) ?? trackingProblem(raw);
}

/**
 * The redirect wrapper around `raw`, as a sentence naming the address inside, or undefined.
 * With `keepTracking` the address inside keeps its tracking parameters (apply links may carry them).
 */
export function wrapperProblem(raw: string, keepTracking = false): string | undefined {
  const unwrapped = unwrapRedirect(raw);
  if (!unwrapped) return undefined;
  const wrapped = `is wrapped in ${/^[aeiou]/i.test(unwrapped.wrapper) ? 'an' : 'a'} ${unwrapped.wrapper} redirect, which expires and tracks clicks`;
  if (!unwrapped.target) return `${wrapped}, and the address inside cannot be recovered; ask the sponsor for the original link`;
  return `${wrapped}; use the address inside: "${cleanUrl(unwrapped.target, keepTracking)}"`;
}

/** The tracking parameters of `raw`, as a sentence naming the clean address, or undefined. */
export function trackingProblem(raw: string): string | undefined {
  const params = trackingParams(raw);
  return params.length > 0 ? `carries tracking parameters (${params.join(', ')}); use "${cleanUrl(raw)}"` : undefined;
}

/**
 * The warning for tracking parameters on an apply link, where they are allowed: a sponsor may
 * count the applicants who came from the conference. Undefined when there are none.
 */
export function trackingWarning(raw: string): string | undefined {
  const params = trackingParams(raw);
  if (params.length === 0) return undefined;
  return `carries tracking parameters (${params.join(', ')}); allowed on apply links, where a sponsor may count applicants from the conference, but keep them only if the sponsor asked for them; the clean link is "${cleanUrl(raw)}"`;
}

/**
 * The scheme of `url` as a browser reads it (case, whitespace and control characters ignored)
 * when it is one that runs code or hides a file in the page: javascript, data, vbscript, file.
 */
export function unsafeScheme(url: string): string | undefined {
  return /^(javascript|data|vbscript|file):/.exec(url.replace(/[\u0000-\u0020]/g, '').toLowerCase())?.[1];
}
