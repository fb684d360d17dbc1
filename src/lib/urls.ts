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
  /** The address inside, itself unwrapped (wrappers nest). */
  target: string;
}

function hostIs(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** Proofpoint v2: `u=https-3A__example.com_path` ("-XX" is a hex byte, "_" is "/"). */
function proofpointV2(encoded: string): string {
  return decodeURIComponent(encoded.replace(/_/g, '/').replace(/-([0-9A-F]{2})/g, '%$1'));
}

/** Proofpoint v3: `/v3/__https://example.com/p*th__;Pw!!token`: each "*" stands for the next decoded byte. */
function proofpointV3(path: string): string | undefined {
  const match = /^\/v3\/__(.+?)__;([^!]*)/.exec(path);
  if (!match) return undefined;
  const [, body, replacements] = match;
  const chars = [...Buffer.from(replacements!, 'base64').toString('utf8')];
  let out = '';
  for (const ch of body!) out += ch === '*' ? (chars.shift() ?? '*') : ch;
  return out;
}

/** Wrappers that carry the target in a query parameter: host test, parameter names, label. */
const queryWrappers: { test: (url: URL) => boolean; params: string[]; label: string }[] = [
  { test: (u) => hostIs(u.hostname, 'safelinks.protection.outlook.com'), params: ['url'], label: 'Outlook safelinks' },
  { test: (u) => /^(l|lm)\.facebook\.com$/.test(u.hostname), params: ['u'], label: 'Facebook (l.facebook.com)' },
  { test: (u) => u.hostname === 'l.instagram.com', params: ['u'], label: 'Instagram (l.instagram.com)' },
  { test: (u) => /^(www\.)?google\.[a-z.]+$/.test(u.hostname) && u.pathname === '/url', params: ['q', 'url'], label: 'Google' },
  { test: (u) => hostIs(u.hostname, 'linkedin.com') && u.pathname.startsWith('/redir/'), params: ['url'], label: 'LinkedIn' },
  { test: (u) => hostIs(u.hostname, 'youtube.com') && u.pathname === '/redirect', params: ['q'], label: 'YouTube' },
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
  if (hostIs(url.hostname, 'urldefense.proofpoint.com') || hostIs(url.hostname, 'urldefense.com')) {
    wrapper = 'Proofpoint urldefense';
    const u = url.searchParams.get('u');
    target = u ? proofpointV2(u) : proofpointV3(url.pathname);
  } else {
    for (const w of queryWrappers) {
      if (!w.test(url)) continue;
      const value = w.params.map((p) => url.searchParams.get(p)).find(Boolean);
      if (value) {
        wrapper = w.label;
        target = value;
      }
      break;
    }
  }
  if (!wrapper || !target) return undefined;
  const inner = unwrapRedirect(target);
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
  if (unwrapped) {
    return `is wrapped in a ${unwrapped.wrapper} redirect, which expires and tracks clicks; use the address inside: "${cleanUrl(unwrapped.target)}"`;
  }
  const params = trackingParams(raw);
  if (params.length > 0) {
    return `carries tracking parameters (${params.join(', ')}); use "${cleanUrl(raw)}"`;
  }
  return undefined;
}
