/**
 * Checks outside URLs over HTTP with Node's standard library. Each distinct URL is checked
 * once: HEAD first, GET (headers only, the body is not read) when HEAD is refused or odd,
 * GET with a bounded body read when a fragment must be found. Requests in flight are capped
 * per host (8 by default) and overall; redirects are followed by hand with loop detection;
 * 429 waits for Retry-After (capped); 5xx and network errors are retried with backoff.
 */
import http from 'node:http';
import https from 'node:https';
import type { CachedResult } from './cache.ts';
import { readPage } from '../built/read-page.ts';
import type { ExternalTarget } from './internal.ts';
import type { ExternalOptions, HostPolicy } from './external-options.ts';
import { forHost, UrlPatterns } from './patterns.ts';
import { isJobBoardHost } from '../../../src/lib/urls.ts';
import type { Finding, Severity } from './types.ts';

export interface ExternalStats {
  urls: number;
  checked: number;
  fromCache: number;
  skipped: number;
  requests: number;
  maxInFlightPerHost: number;
  byVerdict: Record<string, number>;
}

interface Verdict {
  code: string;
  severity: Severity | 'ok';
  reason?: string;
  suggestion?: string;
  status?: number;
  /** Fragments asked for that the page does not have. */
  missing?: string[];
  found?: string[];
  movedTo?: string;
}

class Gate {
  active = 0;
  peak = 0;
  readonly limit: number;
  readonly #waiting: (() => void)[] = [];

  constructor(limit: number) {
    this.limit = Math.max(1, limit);
  }

  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      this.peak = Math.max(this.peak, this.active);
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.active--;
  }
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body?: string;
  error?: string;
  /** Network failures worth another try (timeout, reset, refused), unlike a TLS error. */
  transient?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds or an HTTP date, in ms from now. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const JOB_SEGMENT = /^(jobs?|careers?|positions?|openings?|vacanc(y|ies)|requisitions?|postings?|opportunit(y|ies)|apply|internships?|job-?search|stellenangebote)$/i;
const ID_LIKE = /\d{3,}|[0-9a-f]{8}-[0-9a-f]{4}/i;

/** A job posting redirected to a generic careers page or listing: the posting is likely closed. */
export function looksClosed(original: URL, final: URL): boolean {
  const from = original.pathname.split('/').filter(Boolean);
  const to = final.pathname.split('/').filter(Boolean);
  const isPosting = (from.some((s) => JOB_SEGMENT.test(s)) || isJobBoardHost(original.hostname)) && (from.some((s) => ID_LIKE.test(s)) || from.length >= 2 || /(^|&)(gh_jid|jobid|job_id|id)=/i.test(original.search));
  if (!isPosting || final.href === original.href) return false;
  if (final.searchParams.has('error')) return true;
  const isPrefix = to.length < from.length && to.every((s, i) => s === from[i]);
  const isListing = to.length < from.length && !to.some((s) => ID_LIKE.test(s)) && (to.length === 0 || to.some((s) => JOB_SEGMENT.test(s)));
  return isPrefix || isListing;
}

function botChallenge(headers: http.IncomingHttpHeaders): boolean {
  const server = String(headers['server'] ?? '').toLowerCase();
  return headers['cf-mitigated'] !== undefined || headers['x-datadome'] !== undefined || headers['x-amzn-waf-action'] !== undefined || /cloudflare|datadome|akamaighost/.test(server);
}

/** A body this small is read to the end so the connection can be reused; a larger one is dropped. */
const DRAIN_LIMIT_BYTES = 64 * 1024;
/** LinkedIn's own status for "we do not answer robots": never a verdict on the page. */
const LINKEDIN_BOT_BLOCK = 999;
const TRANSIENT = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNABORTED', 'UND_ERR_SOCKET', 'timeout']);

const NETWORK_REASON: Record<string, string> = {
  timeout: 'no answer within the time limit',
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'the host name does not exist (DNS)',
  EAI_AGAIN: 'the host name could not be resolved (DNS)',
  ECONNRESET: 'the connection was reset',
};

export async function checkExternal(
  targets: ExternalTarget[],
  options: ExternalOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<{ findings: Omit<Finding, 'source'>[]; stats: ExternalStats }> {
  const include = new UrlPatterns(options.include);
  const exclude = new UrlPatterns(options.exclude);
  const hostGates = new Map<string, Gate>();
  const all = new Gate(options.concurrency);
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: Infinity }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: Infinity }),
  };
  const stats: ExternalStats = { urls: targets.length, checked: 0, fromCache: 0, skipped: 0, requests: 0, maxInFlightPerHost: 0, byVerdict: {} };

  const policyOf = (url: URL): HostPolicy => forHost(options.hosts, url.hostname, url.port) ?? {};
  const gateOf = (url: URL): Gate => {
    let gate = hostGates.get(url.host);
    if (!gate) {
      gate = new Gate(policyOf(url).maxInFlight ?? options.perHost);
      hostGates.set(url.host, gate);
    }
    return gate;
  };

  /** One request; the body is read only when `readBody`, and then at most maxBodyBytes. */
  const request = async (method: 'HEAD' | 'GET', url: URL, readBody: boolean): Promise<Answer> => {
    const gate = gateOf(url);
    await gate.acquire();
    await all.acquire();
    stats.requests++;
    try {
      return await new Promise<Answer>((resolve) => {
        const lib = url.protocol === 'https:' ? https : http;
        const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
        let settled = false;
        const finish = (answer: Answer) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(answer);
        };
        const req = lib.request(url, {
          method,
          agent,
          headers: { 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-encoding': 'identity' },
        });
        const timer = setTimeout(() => {
          finish({ status: 0, headers: {}, error: 'timeout', transient: true });
          req.destroy();
        }, options.timeoutMs);
        req.on('error', (error: NodeJS.ErrnoException) => {
          const code = error.code ?? error.message;
          finish({ status: 0, headers: {}, error: code, transient: TRANSIENT.has(code) || /socket hang up/.test(error.message) });
        });
        req.on('response', (res) => {
          const status = res.statusCode ?? 0;
          const isHtml = /html/i.test(String(res.headers['content-type'] ?? ''));
          if (!readBody || !isHtml || status < 200 || status >= 300) {
            // Headers are enough: drain a small body to keep the connection, drop a large one.
            const length = Number(res.headers['content-length'] ?? NaN);
            if (method === 'HEAD' || (length >= 0 && length <= DRAIN_LIMIT_BYTES)) res.resume();
            else res.destroy();
            finish({ status, headers: res.headers });
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            chunks.push(chunk);
            size += chunk.length;
            if (size >= options.maxBodyBytes) {
              res.destroy();
              finish({ status, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
            }
          });
          res.on('end', () => finish({ status, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', () => finish({ status, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        });
        req.end();
      });
    } finally {
      all.release();
      gate.release();
    }
  };

  const check = async (target: ExternalTarget): Promise<Verdict> => {
    const start = new URL(target.url);
    const policy = policyOf(start).policy ?? 'check';
    const wantsBody = target.fragments.size > 0;
    let method: 'HEAD' | 'GET' = wantsBody ? 'GET' : 'HEAD';
    let current = start;
    const visited = new Set([start.href]);
    const hops: { status: number; to: URL }[] = [];
    let attempts = 0;
    let waits = 0;
    const retry = async () => {
      attempts++;
      await sleep(options.backoffMs * 2 ** (attempts - 1));
    };

    for (;;) {
      const answer = await request(method, current, wantsBody);
      const s = answer.status;
      if (answer.error) {
        if (answer.transient && attempts < options.retries) {
          // Some servers hang up on HEAD: the retry asks with GET.
          method = 'GET';
          await retry();
          continue;
        }
        const code = answer.error === 'timeout' ? 'timeout' : answer.error === 'ENOTFOUND' ? 'unknown-host' : /CERT|TLS|SSL/i.test(answer.error) ? 'tls-error' : 'unreachable';
        return { code, severity: 'error', reason: `${NETWORK_REASON[answer.error] ?? answer.error}${attempts ? ` (${attempts + 1} tries)` : ''}` };
      }
      const location = answer.headers.location;
      if (s >= 300 && s < 400 && location) {
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          return { code: 'bad-redirect', severity: 'error', status: s, reason: `redirects to an invalid address: ${location}` };
        }
        hops.push({ status: s, to: next });
        if (visited.has(next.href)) return { code: 'redirect-loop', severity: 'error', status: s, reason: `redirect loop: ${[start, ...hops.map((h) => h.to)].map((u) => u.href).join(' → ')}` };
        if (hops.length > options.maxRedirects) return { code: 'too-many-redirects', severity: 'error', status: s, reason: `more than ${options.maxRedirects} redirects` };
        visited.add(next.href);
        current = next;
        continue;
      }
      if (s === LINKEDIN_BOT_BLOCK || ((s === 403 || s === 429 || s === 401) && policy === 'unverifiable') || (s === 403 && botChallenge(answer.headers))) {
        return { code: 'unverifiable', severity: 'notice', status: s, reason: `the site blocks automated checks (HTTP ${s}); open it in a browser to verify` };
      }
      if (s === 429) {
        const wait = retryAfterMs(answer.headers['retry-after']) ?? options.backoffMs * 2 ** waits;
        if (wait > options.retryAfterCapMs || waits >= 2) {
          return { code: 'rate-limited', severity: 'notice', status: s, reason: `rate-limited (HTTP 429${wait > options.retryAfterCapMs ? `, asked to wait ${Math.round(wait / 1000)} s` : ''}); not verified this time` };
        }
        waits++;
        await sleep(wait);
        continue;
      }
      if (method === 'HEAD' && (s === 405 || s === 501 || s === 400 || s === 403 || s === 406 || s >= 500)) {
        // Servers that refuse or mishandle HEAD: ask again with GET.
        method = 'GET';
        if (s >= 500) await retry();
        continue;
      }
      if (s >= 500) {
        if (attempts < options.retries) {
          await retry();
          continue;
        }
        return { code: 'server-error', severity: 'error', status: s, reason: `server error HTTP ${s} (${attempts + 1} tries)` };
      }
      if (s === 404) return { code: 'not-found', severity: 'error', status: s, reason: 'page not found (HTTP 404)' };
      if (s === 410) return { code: 'gone', severity: 'error', status: s, reason: 'page removed (HTTP 410 Gone)' };
      if (s === 403 || s === 401) return { code: 'forbidden', severity: 'error', status: s, reason: `not public (HTTP ${s}); visitors cannot open it` };
      if (s < 200 || s >= 300) return { code: `http-${s}`, severity: 'error', status: s, reason: `HTTP ${s}` };

      const verdict: Verdict = { code: 'ok', severity: 'ok', status: s };
      if (wantsBody && answer.body !== undefined) {
        const ids = readPage(answer.body).ids;
        verdict.found = [...target.fragments].filter((f) => ids.has(f) || f === '' || f.toLowerCase() === 'top');
        verdict.missing = [...target.fragments].filter((f) => !verdict.found?.includes(f));
      }
      if (hops.length > 0 && looksClosed(start, current)) {
        return { ...verdict, code: 'likely-closed', severity: 'warning', reason: `redirects to ${current.href}, a general page: the posting is likely closed`, suggestion: 'remove the link or mark the role closed/filled' };
      }
      const permanent = hops.findIndex((h) => h.status !== 301 && h.status !== 308);
      const run = permanent < 0 ? hops.length : permanent;
      if (run > 0) {
        const movedTo = hops[run - 1]?.to.href ?? current.href;
        return { ...verdict, code: 'moved', severity: 'notice', movedTo, reason: `moved permanently (HTTP ${hops[0]?.status}); update the link` };
      }
      return verdict;
    };
  };

  // Interleave hosts so one slow host does not hold up the others' queues.
  const byHost = new Map<string, ExternalTarget[]>();
  for (const t of targets) {
    const host = new URL(t.url).host;
    byHost.set(host, [...(byHost.get(host) ?? []), t]);
  }
  const ordered: ExternalTarget[] = [];
  for (let i = 0, left = true; left; i++) {
    left = false;
    for (const list of byHost.values()) {
      const t = list[i];
      if (t) {
        ordered.push(t);
        left = true;
      }
    }
  }

  const findings: Omit<Finding, 'source'>[] = [];
  const emit = (target: ExternalTarget, verdict: Verdict) => {
    stats.byVerdict[verdict.code] = (stats.byVerdict[verdict.code] ?? 0) + 1;
    for (const use of target.uses) {
      const problems: { code: string; severity: Severity; reason: string; suggestion?: string }[] = [];
      if (verdict.severity !== 'ok') {
        const p: (typeof problems)[number] = { code: verdict.code, severity: verdict.severity, reason: verdict.reason ?? verdict.code };
        const hash = use.href.includes('#') ? use.href.slice(use.href.indexOf('#')) : '';
        const suggestion = verdict.movedTo ? verdict.movedTo + (verdict.movedTo.includes('#') ? '' : hash) : verdict.suggestion;
        if (suggestion) p.suggestion = suggestion;
        problems.push(p);
      }
      const fragment = use.href.includes('#') ? use.href.slice(use.href.indexOf('#') + 1) : '';
      let decoded = fragment;
      try {
        decoded = decodeURIComponent(fragment);
      } catch {
        // compared as written
      }
      if (decoded && verdict.missing?.includes(decoded)) {
        problems.push({ code: 'missing-fragment', severity: 'notice', reason: `the page loads, but no id "${decoded}" was found in its HTML (it may be added by a script)` });
      }
      for (const p of problems) {
        const finding: Omit<Finding, 'source'> = { mode: 'external', ...p, url: use.href, page: use.page, pageLine: use.line, attr: use.attr };
        if (use.text) finding.text = use.text;
        findings.push(finding);
      }
    }
  };

  let done = 0;
  await Promise.all(
    ordered.map(async (target) => {
      const policy = forHost(options.hosts, new URL(target.url).hostname, new URL(target.url).port)?.policy;
      if (target.skip || policy === 'skip' || exclude.matches(target.url) || (include.size > 0 && !include.matches(target.url))) {
        stats.skipped++;
      } else {
        const cached = options.cache?.get(target.url, target.fragments);
        let verdict: Verdict;
        if (cached) {
          stats.fromCache++;
          verdict = { code: cached.movedTo ? 'moved' : 'ok', severity: cached.movedTo ? 'notice' : 'ok', status: cached.status };
          if (cached.movedTo) {
            verdict.movedTo = cached.movedTo;
            verdict.reason = 'moved permanently; update the link';
          }
          if (cached.missing) verdict.missing = cached.missing;
        } else {
          stats.checked++;
          verdict = await check(target);
          if (options.cache && (verdict.code === 'ok' || verdict.code === 'moved')) {
            const entry: CachedResult = { at: Date.now(), status: verdict.status ?? 200 };
            if (verdict.movedTo) entry.movedTo = verdict.movedTo;
            if (verdict.found) entry.found = verdict.found;
            if (verdict.missing) entry.missing = verdict.missing;
            options.cache.set(target.url, entry);
          }
        }
        emit(target, verdict);
      }
      onProgress?.(++done, ordered.length);
    }),
  );
  agents['http:'].destroy();
  agents['https:'].destroy();
  options.cache?.save();
  stats.maxInFlightPerHost = Math.max(0, ...[...hostGates.values()].map((g) => g.peak));
  return { findings, stats };
}
