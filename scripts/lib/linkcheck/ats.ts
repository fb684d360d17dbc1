/**
 * Applicant-tracking systems whose public posting APIs say whether a posting is still open:
 * Greenhouse, Lever, Ashby, Workable and SmartRecruiters. Each is known by the hosts of its
 * posting pages and the shape of their paths (which name the board and the posting), and is
 * asked in one of two ways: the board's list of open postings (one request serves every
 * posting of the board; a posting missing from it is closed), or the posting itself (an
 * answer of 404 means closed). Where each API lives can be changed (`--ats-api`), for a proxy
 * or a test server, and further hosts can serve an ATS's pages (`--ats-host`). Pure: the
 * requests are made by external.ts.
 */

export const atsNames = ['greenhouse', 'lever', 'ashby', 'workable', 'smartrecruiters'] as const;
export type AtsName = (typeof atsNames)[number];

/** A posting on an ATS, as its page address names it. */
export interface AtsPosting {
  ats: AtsName;
  /** The company's board: Greenhouse's board token, Lever's site, Workable's account, … */
  board: string;
  posting: string;
  /** Base of the API to ask, without a trailing slash. */
  api: string;
}

/** How to ask an ATS about a posting, and how to read its answer. */
export type AtsQuestion =
  | {
      kind: 'list';
      /** The board's list of open postings. */
      url: string;
      /** Whether the list names the posting; undefined when the answer is not a list this ATS writes. */
      lists: (json: unknown, posting: string) => boolean | undefined;
    }
  | { kind: 'posting'; url: string };

interface Ats {
  label: string;
  /** The API base for a posting page's host, when the host is this ATS's own. */
  api: (host: string) => string | undefined;
  /** Board and posting from a posting page's address (path and query); undefined for other pages of the ATS. */
  posting: (url: URL) => { board: string; posting: string } | undefined;
  question: (api: string, board: string, posting: string) => AtsQuestion;
}

const segments = (url: URL) => url.pathname.split('/').filter(Boolean).map((s) => decodeURIComponentSafe(s));
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');
const record = (value: unknown): Record<string, unknown> | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The entries of `key` in a JSON object, or undefined when it holds no list. */
function entries(json: unknown, key: string): Record<string, unknown>[] | undefined {
  const list = record(json)?.[key];
  return Array.isArray(list) ? list.map((item) => record(item) ?? {}) : undefined;
}

/** Whether a posting id is one of the values, or a path segment of one of the links, of a list entry. */
function names(entry: Record<string, unknown>, posting: string, idKeys: string[], linkKeys: string[]): boolean {
  const wanted = posting.toLowerCase();
  if (idKeys.some((key) => String(entry[key] ?? '').toLowerCase() === wanted)) return true;
  return linkKeys.some((key) => {
    try {
      return segments(new URL(String(entry[key]))).some((s) => s.toLowerCase() === wanted);
    } catch {
      return false;
    }
  });
}

export const atsSystems: Record<AtsName, Ats> = {
  // boards.greenhouse.io/<board>/jobs/<id>, job-boards(.eu).greenhouse.io/…, and the embed form
  // boards.greenhouse.io/embed/job_app?for=<board>&token=<id>. List: /v1/boards/<board>/jobs.
  greenhouse: {
    label: 'Greenhouse',
    api: (host) =>
      ({ 'boards.greenhouse.io': 'https://boards-api.greenhouse.io', 'job-boards.greenhouse.io': 'https://boards-api.greenhouse.io', 'boards.eu.greenhouse.io': 'https://boards-api.eu.greenhouse.io', 'job-boards.eu.greenhouse.io': 'https://boards-api.eu.greenhouse.io' })[host],
    posting(url) {
      const [board, jobs, id] = segments(url);
      if (board === 'embed') {
        const [forBoard, token] = [url.searchParams.get('for'), url.searchParams.get('token')];
        return forBoard && token && /^\d+$/.test(token) ? { board: forBoard, posting: token } : undefined;
      }
      return board && jobs === 'jobs' && id && /^\d+$/.test(id) ? { board, posting: id } : undefined;
    },
    question: (api, board) => ({
      kind: 'list',
      url: `${api}/v1/boards/${path(board)}/jobs`,
      lists: (json, posting) => entries(json, 'jobs')?.some((job) => names(job, posting, ['id'], ['absolute_url'])),
    }),
  },
  // jobs.lever.co/<site>/<uuid>[/apply] (jobs.eu.lever.co in the EU). One posting: /v0/postings/<site>/<id>.
  lever: {
    label: 'Lever',
    api: (host) => ({ 'jobs.lever.co': 'https://api.lever.co', 'jobs.eu.lever.co': 'https://api.eu.lever.co' })[host],
    posting(url) {
      const [site, id] = segments(url);
      return site && id && uuid.test(id) ? { board: site, posting: id } : undefined;
    },
    question: (api, board, posting) => ({ kind: 'posting', url: `${api}/v0/postings/${path(board, posting)}?mode=json` }),
  },
  // jobs.ashbyhq.com/<board>/<uuid>[/application]. List: /posting-api/job-board/<board>.
  ashby: {
    label: 'Ashby',
    api: (host) => (host === 'jobs.ashbyhq.com' ? 'https://api.ashbyhq.com' : undefined),
    posting(url) {
      const [board, id] = segments(url);
      return board && id && uuid.test(id) ? { board, posting: id } : undefined;
    },
    question: (api, board) => ({
      kind: 'list',
      url: `${api}/posting-api/job-board/${path(board)}`,
      lists: (json, posting) => entries(json, 'jobs')?.some((job) => names(job, posting, ['id'], ['jobUrl', 'applyUrl'])),
    }),
  },
  // apply.workable.com/<account>/j/<shortcode>[/apply], and the older <account>.workable.com/j/<shortcode>
  // or /jobs/<id>. List: /api/v1/widget/accounts/<account>.
  workable: {
    label: 'Workable',
    api: (host) => (host === 'apply.workable.com' || /^[a-z0-9-]+\.workable\.com$/.test(host) ? 'https://apply.workable.com' : undefined),
    posting(url) {
      const parts = segments(url);
      const [account, kind, id] = url.hostname === 'apply.workable.com' || !url.hostname.endsWith('.workable.com') ? parts : [url.hostname.split('.')[0]!, ...parts];
      return account && (kind === 'j' || kind === 'jobs') && id ? { board: account, posting: id } : undefined;
    },
    question: (api, board) => ({
      kind: 'list',
      url: `${api}/api/v1/widget/accounts/${path(board)}`,
      lists: (json, posting) => entries(json, 'jobs')?.some((job) => names(job, posting, ['shortcode', 'id'], ['url', 'application_url', 'shortlink'])),
    }),
  },
  // jobs.smartrecruiters.com/<company>/<posting id>-<title> (careers.… too). One posting:
  // /v1/companies/<company>/postings/<id>.
  smartrecruiters: {
    label: 'SmartRecruiters',
    api: (host) => (host === 'jobs.smartrecruiters.com' || host === 'careers.smartrecruiters.com' ? 'https://api.smartrecruiters.com' : undefined),
    posting(url) {
      const [company, slug] = segments(url);
      const id = /^(\d{6,})(?:-|$)/.exec(slug ?? '')?.[1];
      return company && id ? { board: company, posting: id } : undefined;
    },
    question: (api, board, posting) => ({ kind: 'posting', url: `${api}/v1/companies/${path(board)}/postings/${path(posting)}` }),
  },
};

export interface AtsSettings {
  /** API base per ATS, replacing its own (every region's), e.g. a proxy or a test server. */
  apis: Partial<Record<AtsName, string>>;
  /** Further hosts (or host:port) that serve an ATS's posting pages with its own paths. */
  hosts: Record<string, AtsName>;
}

/** The ATS posting an apply link points to, with the API to ask; undefined for any other link. */
export function atsPosting(url: URL, settings: AtsSettings): AtsPosting | undefined {
  const host = url.hostname.toLowerCase();
  const mapped = settings.hosts[url.host.toLowerCase()] ?? settings.hosts[host];
  for (const name of mapped ? [mapped] : atsNames) {
    const ats = atsSystems[name];
    const own = ats.api(host);
    if (!mapped && own === undefined) continue;
    const found = ats.posting(url);
    const api = settings.apis[name] ?? own;
    if (found && api) return { ats: name, ...found, api: api.replace(/\/+$/, '') };
    return undefined;
  }
  return undefined;
}

/** What to ask the ATS about a posting. */
export function atsQuestion(posting: AtsPosting): AtsQuestion {
  return atsSystems[posting.ats].question(posting.api, posting.board, posting.posting);
}
