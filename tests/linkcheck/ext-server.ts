/**
 * A small "outside web" for the external-check tests, on 127.0.0.1 with a random port.
 * Each path has one behaviour; every request is recorded (method, time) and the number of
 * requests in flight is tracked, so tests assert what the checker did on the server side.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface Hit {
  method: string;
  at: number;
}

const page = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

/** 16 MiB of spaces, compressed to about 16 KiB: the checker must stop unpacking at its limit. */
const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20));

export async function startExtServer() {
  const hits = new Map<string, Hit[]>();
  let inFlight = 0;
  let maxInFlight = 0;
  let hugeBytes = 0;

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const list = hits.get(path) ?? [];
    list.push({ method: req.method ?? '', at: Date.now() });
    hits.set(path, list);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const n = list.length;
    const html = (status: number, body = 'ok', headers: http.OutgoingHttpHeaders = {}) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(req.method === 'HEAD' ? undefined : page(body));
    };
    const redirect = (status: number, to: string) => {
      res.writeHead(status, { location: to, 'content-length': 0 });
      res.end();
    };

    if (path === '/ok' || path === '/landing' || path === '/careers' || path === '/chain/3' || path === '/jobs/search') return html(200);
    if (path === '/moved') return redirect(301, '/landing');
    if (path === '/chain/1') return redirect(308, '/chain/2');
    if (path === '/chain/2') return redirect(308, '/chain/3');
    if (path === '/loop/a') return redirect(301, '/loop/b');
    if (path === '/loop/b') return redirect(301, '/loop/a');
    if (path === '/missing') return html(404, 'not found');
    if (path === '/gone') return html(410, 'gone');
    if (path === '/flaky') return n === 1 ? html(500, 'oops') : html(200);
    if (path === '/down') return html(500, 'down');
    if (path === '/limited') return n === 1 ? html(429, 'slow down', { 'retry-after': '1' }) : html(200);
    if (path === '/limited-long') return html(429, 'slow down', { 'retry-after': '3600' });
    if (path === '/nohead') return req.method === 'HEAD' ? html(405, '', { allow: 'GET' }) : html(200);
    if (path === '/slow') return void setTimeout(() => !res.destroyed && html(200), 6000);
    if (path === '/blocked') return html(999, 'request denied');
    if (path === '/challenge') return html(403, 'just a moment', { 'cf-mitigated': 'challenge' });
    if (path === '/private') return html(403, 'forbidden');
    if (path === '/jobs/research-intern-1234') return redirect(302, '/careers');
    // Redirects that leave the web: never to be followed, each reported under its link.
    if (path === '/to-mailto') return redirect(302, 'mailto:jobs@acme.example');
    if (path === '/to-file') return redirect(301, 'file:///etc/passwd');
    if (path === '/to-app') return redirect(302, 'acme-jobs://posting/1234');
    if (path === '/to-javascript') return redirect(302, 'javascript:alert(1)');
    if (path === '/frag') return html(200, '<h2 id="present">Here</h2>');
    // Postings that say they have closed, and open ones that only seem to.
    if (path === '/jobs/closed-en') return html(200, '<h1>Research Intern</h1><p>This position is <b>no longer</b> accepting applications.</p>');
    if (path === '/jobs/closed-fr') return html(200, '<h1>Stage</h1><p>Cette offre n’est plus disponible.</p>');
    if (path === '/jobs/closed-ja') return html(200, '<h1>研究インターン</h1><p>この求人は終了しました</p>');
    if (path === '/jobs/closed-de-latin1') {
      res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
      return res.end(req.method === 'HEAD' ? undefined : Buffer.from(page('<p>Diese Stelle ist nicht mehr verfügbar.</p>'), 'latin1'));
    }
    if (path === '/jobs/closed-gzip') {
      // Compressed though the checker asks for identity.
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      return res.end(req.method === 'HEAD' ? undefined : gzipSync(page('<p>This job is no longer available.</p>')));
    }
    if (path === '/jobs/open-with-script') {
      return html(200, '<script>var t = {closed: "This job is no longer available"}</script><div hidden>This position has been filled</div><template><p>no longer accepting applications</p></template><h1>Research Intern</h1><a href="/apply">Apply now</a>');
    }
    if (path === '/jobs/unknown-charset') {
      res.writeHead(200, { 'content-type': 'text/html; charset=x-no-such-charset-42' });
      return res.end(req.method === 'HEAD' ? undefined : page('<p>This job has expired.</p>'));
    }
    if (path === '/jobs/9876') return redirect(302, '/jobs/search?q=research+intern');
    // Hostile answers: a body that drips, a compressed bomb, a Location that is no address, a long chain.
    if (path === '/jobs/drip') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write('.')), 100);
      return void res.on('close', () => clearInterval(drip));
    }
    if (path === '/jobs/bomb') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      return res.end(req.method === 'HEAD' ? undefined : bomb);
    }
    if (path === '/bad-location') return redirect(302, 'http://[::1');
    if (path.startsWith('/hop/')) return redirect(302, `/hop/${Number(path.slice(5)) + 1}`);
    if (path.startsWith('/cap/')) return void setTimeout(() => html(200), 150);
    if (path === '/huge') {
      if (req.method === 'HEAD') return html(405);
      // 64 MiB, streamed until the client hangs up.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (hugeBytes < 64 * 1024 * 1024 && !res.destroyed) {
          hugeBytes += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    html(404, 'unknown');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    base: `http://127.0.0.1:${port}`,
    hits: (path: string) => hits.get(path) ?? [],
    total: () => [...hits.values()].reduce((sum, list) => sum + list.length, 0),
    maxInFlight: () => maxInFlight,
    hugeBytes: () => hugeBytes,
    reset() {
      hits.clear();
      maxInFlight = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A port where nothing listens: opened, then closed again. */
export async function closedPort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
