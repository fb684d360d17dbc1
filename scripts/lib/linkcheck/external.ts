/**
 * Checks outside URLs over HTTP with Node's standard library. Each distinct URL is checked
 * once: HEAD first, GET (headers only, the body is not read) when HEAD is refused or odd,
 * GET with a bounded body read when a fragment must be found or the URL is a role's apply
 * link. Requests in flight are capped per host (8 by default) and overall; redirects are
 * followed by hand with loop detection, and never off the web (a redirect to mailto:, file:
 * or an app's scheme is reported, not followed); 429 waits for Retry-After (capped); 5xx and
 * network errors are retried with backoff.
 *
 * An apply link is also asked whether the posting has closed at the company: the posting API
 * of its applicant-tracking system (ats.ts), what its page says (closed-text.ts), and where it
 * redirects (looksClosed). Each closed posting carries its evidence.
 */
import http from 'node:http';
import https from 'node:https';
import type { CachedResult } from './cache.ts';
import { readPage } from '../built/read-page.ts';
import type { ExternalTarget } from './internal.ts';
import type { ExternalOptions, HostPolicy } from './external-options.ts';
import { atsPosting, atsQuestion, atsSystems, type AtsPosting } from './ats.ts';
import { closedPhrase } from './closed-text.ts';
import { forHost, UrlPatterns } from './patterns.ts';
import { decodeText, decompressor } from './response-body.ts';
import { isJobBoardHost } from '../../../src/core/urls.ts';
import type { LinkCode } from './codes.ts';
import type { ClosedEvidence, LinkFinding, Severity } from './types.ts';

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
  /** The kind of problem, or ok. */
  code: LinkCode | 'ok';
  severity: Severity | 'ok';
  message?: string;
  suggestion?: string;
  status?: number;
  /** Fragments asked for that the page does not have. */
  missing?: string[];
  found?: string[];
  movedTo?: string;
  /** The posting has closed at the company, and what says so. */
  closed?: ClosedEvidence;
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

/** What to read of an answer: headers only, an HTML page's text, or an API's JSON text. */
type Want = 'headers' | 'page' | 'json';

/** A URL followed to its end: the last answer, where it was, and the redirects on the way. */
interface Reached extends Answer {
  final: URL;
  hops: { status: number; to: URL }[];
  attempts: number;
}

/** What an ATS says about a posting. */
type AtsAnswer = { open: true } | { open: false; evidence: string } | { unknown: string };

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

/** Query keys of a job search: ?q=, ?keywords=, … */
const SEARCH_KEYS = ['q', 'query', 'keyword', 'keywords', 'search', 'k'];

/** A job posting redirected to a generic careers page, listing or search: the posting is likely closed. */
export function looksClosed(original: URL, final: URL): boolean {
  const from = original.pathname.split('/').filter(Boolean);
  const to = final.pathname.split('/').filter(Boolean);
  const isPosting = (from.some((s) => JOB_SEGMENT.test(s)) || isJobBoardHost(original.hostname)) && (from.some((s) => ID_LIKE.test(s)) || from.length >= 2 || /(^|&)(gh_jid|jobid|job_id|id)=/i.test(original.search));
  if (!isPosting || final.href === original.href) return false;
  if (final.searchParams.has('error')) return true;
  const isPrefix = to.length < from.length && to.every((s, i) => s === from[i]);
  const isListing = to.length < from.length && !to.some((s) => ID_LIKE.test(s)) && (to.length === 0 || to.some((s) => JOB_SEGMENT.test(s)));
  const isSearch = !to.some((s) => ID_LIKE.test(s)) && (to.some((s) => /^(search|results?)$/i.test(s)) || SEARCH_KEYS.some((key) => final.searchParams.has(key)));
  return isPrefix || isListing || isSearch;
}

/** Where a redirect off the web leads, shortened for a message. */
function shortAddress(location: string): string {
  return location.length > 80 ? `${location.slice(0, 77)}…` : location;
}

function botChallenge(headers: http.IncomingHttpHeaders): boolean {
  const server = String(headers['server'] ?? '').toLowerCase();
  return headers['cf-mitigated'] !== undefined || headers['x-datadome'] !== undefined || headers['x-amzn-waf-action'] !== undefined || /cloudflare|datadome|akamaighost/.test(server);
}

/** An answer that refuses robots rather than saying anything about the page. */
function blocksRobots(status: number, headers: http.IncomingHttpHeaders, policy: HostPolicy['policy']): boolean {
  return status === LINKEDIN_BOT_BLOCK || ((status === 403 || status === 429 || status === 401) && policy === 'unverifiable') || (status === 403 && botChallenge(headers));
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
): Promise<{ findings: Omit<LinkFinding, 'source'>[]; stats: ExternalStats }> {
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

  /**
   * One request. The body is read for a page (HTML only, of a 2xx answer) or an API's answer
   * (any type, of a 2xx, 404 or 410 answer), at most maxBodyBytes (maxApiBytes for an API)
   * once uncompressed.
   */
  const request = async (method: 'HEAD' | 'GET', url: URL, want: Want): Promise<Answer> => {
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
        const accept = want === 'json' ? 'application/json' : 'text/html,application/xhtml+xml,*/*;q=0.8';
        const req = lib.request(url, { method, agent, headers: { 'user-agent': options.userAgent, accept, 'accept-encoding': 'identity' } });
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
          const wanted = want === 'json' || (want === 'page' && /html/i.test(String(res.headers['content-type'] ?? '')));
          const unpack = wanted ? decompressor(res.headers['content-encoding']) : undefined;
          // An API's "not found" is read too: its own JSON says the posting is gone, a proxy's page does not.
          const readable = (status >= 200 && status < 300) || (want === 'json' && (status === 404 || status === 410));
          if (method === 'HEAD' || !wanted || !readable || unpack === undefined) {
            // Headers are enough (or the body is in an encoding we cannot read): drain a small
            // body to keep the connection, drop a large one.
            const length = Number(res.headers['content-length'] ?? NaN);
            if (method === 'HEAD' || (length >= 0 && length <= DRAIN_LIMIT_BYTES)) res.resume();
            else res.destroy();
            finish({ status, headers: res.headers });
            return;
          }
          const limit = want === 'json' ? options.maxApiBytes : options.maxBodyBytes;
          const chunks: Buffer[] = [];
          let size = 0;
          const done = () => finish({ status, headers: res.headers, body: decodeText(Buffer.concat(chunks).subarray(0, limit), res.headers['content-type']) });
          const source = unpack ? res.pipe(unpack) : res;
          source.on('data', (chunk: Buffer) => {
            chunks.push(chunk);
            size += chunk.length;
            if (size >= limit) {
              done();
              res.destroy();
              unpack?.destroy();
            }
          });
          source.on('end', done);
          // A body cut short (or an unpacker that gives up) still says what it said so far.
          source.on('error', done);
          if (unpack) res.on('error', () => unpack.end());
        });
        req.end();
      });
    } finally {
      all.release();
      gate.release();
    }
  };

  /**
   * A URL followed as a browser would: redirects by hand (never off the web), a wait on 429,
   * GET when HEAD is refused, retries on 5xx and network errors. Either the last answer, or
   * the verdict of a failure on the way.
   */
  const follow = async (start: URL, want: Want): Promise<{ reached: Reached } | { failed: Verdict }> => {
    const policy = policyOf(start).policy;
    let method: 'HEAD' | 'GET' = want === 'headers' ? 'HEAD' : 'GET';
    let current = start;
    const visited = new Set([start.href]);
    const hops: Reached['hops'] = [];
    let attempts = 0;
    let waits = 0;
    const retry = async () => {
      attempts++;
      await sleep(options.backoffMs * 2 ** (attempts - 1));
    };

    for (;;) {
      const answer = await request(method, current, want);
      const s = answer.status;
      const reached = () => ({ reached: { ...answer, final: current, hops, attempts } });
      if (answer.error) {
        if (answer.transient && attempts < options.retries) {
          // Some servers hang up on HEAD: the retry asks with GET.
          method = 'GET';
          await retry();
          continue;
        }
        const code = answer.error === 'timeout' ? 'timeout' : answer.error === 'ENOTFOUND' ? 'unknown-host' : /CERT|TLS|SSL/i.test(answer.error) ? 'tls-error' : 'unreachable';
        return { failed: { code, severity: 'error', message: `${NETWORK_REASON[answer.error] ?? answer.error}${attempts ? ` (${attempts + 1} tries)` : ''}` } };
      }
      const location = answer.headers.location;
      if (s >= 300 && s < 400 && location !== undefined) {
        let next: URL;
        try {
          // An empty Location would resolve to the page itself: it names no address.
          if (!location.trim()) throw new Error('empty');
          next = new URL(location, current);
        } catch {
          return { failed: { code: 'bad-redirect', severity: 'error', status: s, message: `redirects to an invalid address: "${shortAddress(location)}"` } };
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          // mailto:, file:, javascript:, an app's own scheme: no web page to check, and nothing to request.
          return {
            failed: {
              code: 'redirect-scheme',
              severity: 'error',
              status: s,
              message: `redirects to a ${next.protocol} address (${shortAddress(location)}), not a web page; the redirect was not followed`,
              ...(next.protocol === 'mailto:' && { suggestion: next.href }),
            },
          };
        }
        hops.push({ status: s, to: next });
        if (visited.has(next.href)) return { failed: { code: 'redirect-loop', severity: 'error', status: s, message: `redirect loop: ${[start, ...hops.map((h) => h.to)].map((u) => u.href).join(' → ')}` } };
        if (hops.length > options.maxRedirects) return { failed: { code: 'too-many-redirects', severity: 'error', status: s, message: `more than ${options.maxRedirects} redirects` } };
        visited.add(next.href);
        current = next;
        continue;
      }
      if (blocksRobots(s, answer.headers, policy)) return reached();
      if (s === 429) {
        const wait = retryAfterMs(answer.headers['retry-after']) ?? options.backoffMs * 2 ** waits;
        if (wait > options.retryAfterCapMs || waits >= 2) {
          return { failed: { code: 'rate-limited', severity: 'notice', status: s, message: `rate-limited (HTTP 429${wait > options.retryAfterCapMs ? `, asked to wait ${Math.round(wait / 1000)} s` : ''}); not verified this time` } };
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
      if (s >= 500 && attempts < options.retries) {
        await retry();
        continue;
      }
      return reached();
    }
  };

  // One question per board list (or posting) per run, shared by every role that links there.
  const atsAnswers = new Map<string, Promise<{ status: number; json?: unknown } | { failed: string }>>();
  const askAtsApi = (url: string) => {
    let answer = atsAnswers.get(url);
    if (!answer) {
      answer = follow(new URL(url), 'json').then((result) => {
        if ('failed' in result) return { failed: result.failed.message ?? result.failed.code };
        const { status, body } = result.reached;
        try {
          return body === undefined ? { status } : { status, json: JSON.parse(body) as unknown };
        } catch {
          return { status }; // not JSON, or cut at maxApiBytes
        }
      });
      atsAnswers.set(url, answer);
    }
    return answer;
  };

  /** Whether the ATS still publishes a posting, with the evidence when it does not. */
  const askAts = async (posting: AtsPosting): Promise<AtsAnswer> => {
    const question = atsQuestion(posting);
    const { label } = atsSystems[posting.ats];
    const answer = await askAtsApi(question.url);
    if ('failed' in answer) return { unknown: `${label}'s posting API did not answer (${answer.failed}; ${question.url})` };
    const ok = answer.status >= 200 && answer.status < 300;
    // Gone: the API's own JSON answer of 404 or 410 (a proxy's or a server's error page says nothing).
    const gone = (answer.status === 404 || answer.status === 410) && answer.json !== undefined;
    if (question.kind === 'posting') {
      if (gone) return { open: false, evidence: `${label}'s posting API answers HTTP ${answer.status} for posting ${posting.posting} of "${posting.board}" (${question.url})` };
      if (ok && answer.json && typeof answer.json === 'object') return { open: true };
    } else {
      if (gone) return { open: false, evidence: `${label} has no job board "${posting.board}" any more (HTTP ${answer.status} from ${question.url})` };
      const listed = ok && answer.json !== undefined ? question.lists(answer.json, posting.posting) : undefined;
      if (listed === false) return { open: false, evidence: `${label}'s list of open postings of "${posting.board}" no longer has posting ${posting.posting} (${question.url})` };
      if (listed) return { open: true };
    }
    return { unknown: `${label}'s posting API answered HTTP ${answer.status} without the expected list or posting (${question.url})` };
  };

  /** The verdict on a URL's last answer. */
  const judge = (target: ExternalTarget, start: URL, reached: Reached): Verdict => {
    const s = reached.status;
    if (blocksRobots(s, reached.headers, policyOf(start).policy)) {
      return { code: 'unverifiable', severity: 'notice', status: s, message: `the site blocks automated checks (HTTP ${s}); open it in a browser to verify` };
    }
    if (s >= 500) return { code: 'server-error', severity: 'error', status: s, message: `server error HTTP ${s} (${reached.attempts + 1} tries)` };
    if (s === 404) return { code: 'not-found', severity: 'error', status: s, message: 'page not found (HTTP 404)' };
    if (s === 410) return { code: 'gone', severity: 'error', status: s, message: 'page removed (HTTP 410 Gone)' };
    if (s === 403 || s === 401) return { code: 'forbidden', severity: 'error', status: s, message: `not public (HTTP ${s}); visitors cannot open it` };
    if (s < 200 || s >= 300) return { code: 'http-status', severity: 'error', status: s, message: `HTTP ${s}` };

    const verdict: Verdict = { code: 'ok', severity: 'ok', status: s };
    if (target.fragments.size > 0 && reached.body !== undefined) {
      const ids = readPage(reached.body).ids;
      verdict.found = [...target.fragments].filter((f) => ids.has(f) || f === '' || f.toLowerCase() === 'top');
      verdict.missing = [...target.fragments].filter((f) => !verdict.found?.includes(f));
    }
    const phrase = target.posting && reached.body !== undefined ? closedPhrase(reached.body, options.closedPhrases) : undefined;
    if (phrase) {
      const evidence = `its page says "${phrase}"${reached.hops.length ? ` (at ${reached.final.href})` : ''}`;
      return { ...verdict, code: 'posting-closed', severity: 'warning', message: `the posting has closed at the company: ${evidence}`, closed: { by: 'page-text', evidence } };
    }
    if (reached.hops.length > 0 && looksClosed(start, reached.final)) {
      const evidence = `it redirects to ${reached.final.href}, a general page`;
      return { ...verdict, code: 'likely-closed', severity: 'warning', message: `${evidence}: the posting is likely closed`, suggestion: 'remove the link or mark the role closed/filled', closed: { by: 'redirect', evidence } };
    }
    const permanent = reached.hops.findIndex((h) => h.status !== 301 && h.status !== 308);
    const run = permanent < 0 ? reached.hops.length : permanent;
    if (run > 0) {
      const movedTo = reached.hops[run - 1]?.to.href ?? reached.final.href;
      return { ...verdict, code: 'moved', severity: 'notice', movedTo, message: `moved permanently (HTTP ${reached.hops[0]?.status}); update the link` };
    }
    return verdict;
  };

  const check = async (target: ExternalTarget): Promise<Verdict> => {
    const start = new URL(target.url);
    // An apply link on an ATS: its posting API is the authority. A closed posting's page is not requested.
    const posting = target.posting ? atsPosting(start, options.ats) : undefined;
    const ats = posting ? await askAts(posting) : undefined;
    if (ats && 'open' in ats && !ats.open) {
      return { code: 'posting-closed', severity: 'warning', message: `the posting has closed at the company: ${ats.evidence}`, closed: { by: 'ats', evidence: ats.evidence } };
    }
    const followed = await follow(start, target.posting || target.fragments.size > 0 ? 'page' : 'headers');
    if ('failed' in followed) return followed.failed;
    const verdict = judge(target, start, followed.reached);
    if (ats && 'unknown' in ats && verdict.severity === 'ok') {
      // The page answers, but whether the posting is still open could not be asked: say so, without failing.
      return { ...verdict, code: 'ats-unanswered', severity: 'notice', message: `${ats.unknown}; the page itself answers` };
    }
    return verdict;
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

  const findings: Omit<LinkFinding, 'source'>[] = [];
  const emit = (target: ExternalTarget, verdict: Verdict) => {
    stats.byVerdict[verdict.code] = (stats.byVerdict[verdict.code] ?? 0) + 1;
    for (const use of target.uses) {
      const problems: { code: LinkCode; severity: Severity; message: string; suggestion?: string; closed?: ClosedEvidence }[] = [];
      if (verdict.severity !== 'ok' && verdict.code !== 'ok') {
        const p: (typeof problems)[number] = { code: verdict.code, severity: verdict.severity, message: verdict.message ?? verdict.code };
        const hash = use.href.includes('#') ? use.href.slice(use.href.indexOf('#')) : '';
        const suggestion = verdict.movedTo ? verdict.movedTo + (verdict.movedTo.includes('#') ? '' : hash) : verdict.suggestion;
        if (suggestion) p.suggestion = suggestion;
        if (verdict.closed) p.closed = verdict.closed;
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
        problems.push({ code: 'missing-fragment', severity: 'notice', message: `the page loads, but no id "${decoded}" was found in its HTML (it may be added by a script)` });
      }
      for (const p of problems) {
        const finding: Omit<LinkFinding, 'source'> = { mode: 'external', ...p, url: use.href, page: use.page, pageLine: use.line, attr: use.attr };
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
            verdict.message = 'moved permanently; update the link';
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
