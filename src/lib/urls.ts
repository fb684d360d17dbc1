/**
 * Links pasted from mail clients and share buttons carry two kinds of junk: a redirect
 * wrapper around the real address (Proofpoint urldefense, Outlook safelinks, Facebook's
 * l.php, Google's /url) and tracking parameters (utm_*, fbclid, …). Wrapped links break when
 * the wrapper's token expires and leak who clicked; we reject both and name the clean URL.
 * Pure functions, no network.
 */

/** A redirect wrapper that was found, and the address it points to. */
export interface Unwrapped {
  /** Who wrapped it, for the message, e.g. "Proofpoint urldefense". */
  wrapper: string;
  /** The address inside, itself unwrapped (wrappers nest); '' when it cannot be recovered. */
  target: string;
}

function hostIs(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
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
  { test: (u) => hostIs(u.hostname, 'safelinks.protection.outlook.com'), params: ['url'], label: 'Outlook safelinks' },
  { test: (u) => /^(l|lm)\.facebook\.com$/.test(u.hostname), params: ['u'], label: 'Facebook (l.facebook.com)' },
  { test: (u) => u.hostname === 'l.instagram.com', params: ['u'], label: 'Instagram (l.instagram.com)' },
  { test: (u) => /^(www\.)?google\.[a-z.]+$/.test(u.hostname) && u.pathname === '/url', params: ['q', 'url'], label: 'Google' },
  { test: (u) => hostIs(u.hostname, 'linkedin.com') && u.pathname.startsWith('/redir/'), params: ['url'], label: 'LinkedIn' },
  { test: (u) => hostIs(u.hostname, 'youtube.com') && u.pathname === '/redirect', params: ['q'], label: 'YouTube' },
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
  if (hostIs(host, 'urldefense.proofpoint.com') || hostIs(host, 'urldefense.com') || hostIs(host, 'urldefense.us')) {
    wrapper = 'Proofpoint urldefense';
    const u = url.searchParams.get('u');
    target = url.pathname.startsWith('/v3/') ? proofpointV3(url.pathname) : u ? proofpointQuery(u, url.pathname.startsWith('/v2/')) : '';
  } else if (hostIs(host, 'mimecast.com') && url.pathname.startsWith('/s/')) {
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
  const hostSpecific = trackingOnHost.filter((t) => hostIs(url.hostname, t.domain)).flatMap((t) => t.params);
  return [...new Set([...url.searchParams.keys()])].filter(
    (key) => /^utm_/i.test(key) || trackingAnywhere.has(key.toLowerCase()) || hostSpecific.includes(key),
  );
}

/** `raw` without its wrapper and tracking parameters. */
export function cleanUrl(raw: string): string {
  const target = unwrapRedirect(raw)?.target ?? raw;
  const drop = trackingParams(target);
  if (drop.length === 0) return target;
  const url = new URL(target);
  for (const key of drop) url.searchParams.delete(key);
  return url.href;
}

/**
 * What is wrong with `raw` as a published link, in one sentence that names the clean
 * address, or undefined when it is clean.
 */
export function urlProblem(raw: string): string | undefined {
  const unwrapped = unwrapRedirect(raw);
  if (unwrapped && !unwrapped.target) {
    return `is wrapped in a ${unwrapped.wrapper} redirect, which expires and tracks clicks, and the address inside cannot be recovered; ask the sponsor for the original link`;
  }
  if (unwrapped) {
    return `is wrapped in a ${unwrapped.wrapper} redirect, which expires and tracks clicks; use the address inside: "${cleanUrl(unwrapped.target)}"`;
  }
  const params = trackingParams(raw);
  if (params.length > 0) {
    return `carries tracking parameters (${params.join(', ')}); use "${cleanUrl(raw)}"`;
  }
  return undefined;
}
