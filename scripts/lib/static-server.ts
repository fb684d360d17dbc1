/**
 * A small static file server for a built site, as a plain host would serve it: gzip for
 * text, the headers of dist/_headers for every path, 404.html for unknown paths. Listens on
 * 127.0.0.1 only; used by the browser tests and the page benchmark.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.mp4': 'video/mp4',
  '.pdf': 'application/pdf',
};

/** The headers that dist/_headers gives to every path ("/*"); other rules are ignored. */
export function siteWideHeaders(headersFile: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(headersFile, 'utf8');
  } catch {
    return {};
  }
  const headers: Record<string, string> = {};
  let inAll = false;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) inAll = line.trim() === '/*';
    else if (inAll && /^\s+[\w-]+:/.test(line)) {
      const [name, ...value] = line.trim().split(':');
      headers[name!] = value.join(':').trim();
    }
  }
  return headers;
}

function fileFor(root: string, urlPath: string): string | undefined {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (!path.startsWith(root)) return undefined;
  try {
    const stat = statSync(path);
    if (stat.isFile()) return path;
    if (stat.isDirectory()) return statSync(join(path, 'index.html')).isFile() ? join(path, 'index.html') : undefined;
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * Serves `root` on 127.0.0.1 under `base` (e.g. "/ISMIR2020/"), as the site is published,
 * at `port` (a free one by default); resolves once it listens.
 */
export function serveStatic(root: string, base = '/', port = 0): Promise<{ server: Server; origin: string }> {
  const extra = siteWideHeaders(join(root, '_headers'));
  const prefix = base.replace(/\/$/, '');
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const inBase = url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
    const found = inBase ? fileFor(root, url.pathname.slice(prefix.length) || '/') : undefined;
    const file = found ?? join(root, '404.html');
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      res.writeHead(404).end('not found');
      return;
    }
    const type = types[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { ...extra, 'content-type': type };
    if (/text|json|xml|svg|calendar/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(found ? 200 : 404, headers).end(body);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}` });
    });
  });
}
