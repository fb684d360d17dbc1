/**
 * The five applicant-tracking systems as the closed-posting tests meet them, each on its own
 * port of 127.0.0.1: its posting pages (a 200 shell for every posting, open or closed, as the
 * single-page boards answer) and its public posting API in the shape its documentation gives,
 * with board "acme" publishing only the postings listed in OPEN. The checker is pointed at
 * them with --ats-api NAME=URL and --ats-host 127.0.0.1:PORT=NAME. Every request is counted.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AtsName } from '../../scripts/lib/linkcheck/ats.ts';

/** Postings of board "acme" per ATS: open ones are in the API's answer, closed ones are not. */
export const POSTINGS = {
  greenhouse: { open: ['4012001', '4012002'], closed: ['4012003'] },
  lever: { open: ['5a1f0c3e-1111-4a2b-9c3d-000000000001'], closed: ['5a1f0c3e-1111-4a2b-9c3d-000000000002'] },
  ashby: { open: ['0c9e6d1a-2222-4b3c-8d4e-000000000001'], closed: ['0c9e6d1a-2222-4b3c-8d4e-000000000002'] },
  workable: { open: ['AB12CD34EF'], closed: ['ZZ99YY88XX'] },
  smartrecruiters: { open: ['743999100000001'], closed: ['743999100000002'] },
} satisfies Record<AtsName, { open: string[]; closed: string[] }>;

/** A posting page's path on each ATS, as its apply links write it. */
const postingPath: Record<AtsName, (id: string) => string> = {
  greenhouse: (id) => `/acme/jobs/${id}`,
  lever: (id) => `/acme/${id}`,
  ashby: (id) => `/acme/${id}/application`,
  workable: (id) => `/acme/j/${id}/`,
  smartrecruiters: (id) => `/Acme/${id}-research-intern`,
};

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};

/** The API of one ATS: what it answers for board "acme" ("gone-co" has no board any more). */
function api(ats: AtsName, path: string, base: string, res: http.ServerResponse): boolean {
  const open = POSTINGS[ats].open;
  let m: RegExpExecArray | null;
  if (ats === 'greenhouse' && (m = /^\/v1\/boards\/([^/]+)\/jobs$/.exec(path))) {
    if (m[1] !== 'acme') return json(res, 404, { status: 404, error: 'Job not found' }), true;
    return json(res, 200, { jobs: open.map((id) => ({ id: Number(id), title: 'Role', absolute_url: `${base}/acme/jobs/${id}` })), meta: { total: open.length } }), true;
  }
  if (ats === 'lever' && (m = /^\/v0\/postings\/acme\/([^/]+)$/.exec(path))) {
    return open.includes(m[1]!) ? json(res, 200, { id: m[1], text: 'Role', hostedUrl: `${base}/acme/${m[1]}` }) : json(res, 404, { ok: false, error: 'Document not found' }), true;
  }
  if (ats === 'ashby' && path === '/posting-api/job-board/acme') {
    return json(res, 200, { apiVersion: '1', jobs: open.map((id) => ({ id, title: 'Role', jobUrl: `${base}/acme/${id}`, applyUrl: `${base}/acme/${id}/application` })) }), true;
  }
  if (ats === 'workable' && path === '/api/v1/widget/accounts/acme') {
    return json(res, 200, { name: 'Acme', jobs: open.map((code) => ({ title: 'Role', shortcode: code, url: `${base}/acme/j/${code}/`, application_url: `${base}/acme/j/${code}/apply/` })) }), true;
  }
  if (ats === 'smartrecruiters' && (m = /^\/v1\/companies\/Acme\/postings\/(\d+)$/.exec(path))) {
    return open.includes(m[1]!) ? json(res, 200, { id: m[1], name: 'Role' }) : json(res, 404, { message: 'Posting not found' }), true;
  }
  return false;
}

export interface AtsServers {
  /** Base URL of each ATS's server, e.g. "http://127.0.0.1:43123". */
  base: Record<AtsName, string>;
  /** The apply link of a posting on an ATS. */
  link: (ats: AtsName, id: string) => string;
  /** Requests per ATS and path. */
  hits: (ats: AtsName, path: string) => number;
  /** The flags that point the checker at these servers. */
  flags: string[];
  close: () => Promise<void>;
}

export async function startAtsServers(): Promise<AtsServers> {
  const servers = new Map<AtsName, http.Server>();
  const base = {} as Record<AtsName, string>;
  const hits = new Map<string, number>();
  for (const ats of Object.keys(POSTINGS) as AtsName[]) {
    const server = http.createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      hits.set(`${ats} ${path}`, (hits.get(`${ats} ${path}`) ?? 0) + 1);
      if (api(ats, path, base[ats], res)) return;
      // Every posting page answers, open or closed: only the API can tell.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : '<!doctype html><html><head><title>Careers</title></head><body><div id="app">Loading…</div></body></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base[ats] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    servers.set(ats, server);
  }
  const hostOf = (ats: AtsName) => base[ats].slice('http://'.length);
  return {
    base,
    link: (ats, id) => `${base[ats]}${postingPath[ats](id)}`,
    hits: (ats, path) => hits.get(`${ats} ${path}`) ?? 0,
    flags: (Object.keys(POSTINGS) as AtsName[]).flatMap((ats) => ['--ats-api', `${ats}=${base[ats]}`, '--ats-host', `${hostOf(ats)}=${ats}`]),
    async close() {
      for (const server of servers.values()) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}
