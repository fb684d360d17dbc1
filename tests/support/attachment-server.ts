/**
 * A stand-in for GitHub's attachment hosts on 127.0.0.1: serves the upload files of
 * tests/fixtures/intake/uploads/ under /user-attachments/assets/<id> (through a redirect
 * to /private-images/, as github.com does), and a few hostile answers: a 50 MB file that
 * declares its size, one that does not, a redirect to another site, an HTML page. Counts
 * every request, so a test can show that a refused address was never asked.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { DownloadLimits } from '../../scripts/lib/intake/attachments.ts';
import { projectRoot } from './project.ts';

const uploads = join(projectRoot, 'tests', 'fixtures', 'intake', 'uploads');

/** The attachment ids of the fixture bodies and the file each one stands for. */
const uploadIds: Record<string, string> = {
  '5d1c9a0e-7a34-4f1e-9c7b-0a1b2c3d4e5f': 'logo.png',
  '7e2b1d44-1c55-4a0f-8f62-9b3e5d6c7a81': 'team.jpg',
  'a3f0c7de-2b8e-4d19-b6a1-5c4d3e2f1a00': 'plain.svg',
  'b7e9d1c2-3a4f-4e5d-8c6b-7a8f9e0d1c2b': 'scripted.svg',
};

const fiftyMegabytes = 50 * 1024 * 1024;

export interface AttachmentServer {
  origin: string;
  /** Limits that allow this server only (as GitHub's hosts are allowed in production). */
  limits: DownloadLimits;
  /** Paths asked for, in order. */
  requests: string[];
  /** Bytes sent in the body of every answer together. */
  bytesSent: () => number;
  close: () => Promise<void>;
}

export async function startAttachmentServer(): Promise<AttachmentServer> {
  const requests: string[] = [];
  let sent = 0;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const send = (status: number, headers: Record<string, string | number>, body: Buffer | string = '') => {
      sent += Buffer.byteLength(body);
      res.writeHead(status, headers).end(body);
    };
    // Streams zeros until the client hangs up or 50 MB are out; the loop stops by itself.
    const stream = (declare: boolean) => {
      res.writeHead(200, { 'content-type': 'image/png', ...(declare ? { 'content-length': fiftyMegabytes } : {}) });
      const chunk = Buffer.alloc(64 * 1024);
      const pump = () => {
        while (sent < fiftyMegabytes && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        res.end();
        return undefined;
      };
      pump();
    };
    const asset = /^\/user-attachments\/assets\/([\w-]+)$/.exec(path)?.[1];
    const image = /^\/private-images\/([\w-]+)$/.exec(path)?.[1];
    if (asset === 'fifty-megabytes') return stream(true);
    if (asset === 'endless') return stream(false);
    if (asset === 'to-elsewhere') return send(302, { location: 'https://evil.example/logo.png' });
    if (asset === 'html-page') return send(200, { 'content-type': 'image/png' }, '<!doctype html><title>Sign in</title>');
    // github.com answers an attachment address with a redirect to its image host.
    if (asset && uploadIds[asset]) return send(302, { location: `/private-images/${asset}?jwt=token` });
    if (image && uploadIds[image]) return send(200, { 'content-type': 'application/octet-stream' }, readFileSync(join(uploads, uploadIds[image]!)));
    return send(404, {}, 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    origin,
    limits: {
      hosts: [
        { origin, pathPrefix: '/user-attachments/' },
        { origin, pathPrefix: '/private-images/' },
      ],
      maxBytes: 2 * 1024 * 1024,
      timeoutMs: 5_000,
    },
    requests,
    bytesSent: () => sent,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A saved issue body with GitHub's attachment addresses pointing to this server instead. */
export function pointToServer(body: string, server: AttachmentServer): string {
  return body.replaceAll('https://github.com/user-attachments/', `${server.origin}/user-attachments/`);
}
