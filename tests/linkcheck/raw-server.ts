/**
 * Answers no well-behaved HTTP server gives, written byte by byte on a plain TCP socket of
 * 127.0.0.1: a status line that is not one, headers without end, a header too large, an
 * empty Location, a redirect to data:, pages in UTF-16 and Shift_JIS. Node's own server
 * would tidy them, which is why this one does not use it.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

const answer = (head: string, body: Buffer | string = '') => {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return Buffer.concat([Buffer.from(`${head}\r\nConnection: close\r\nContent-Length: ${bytes.length}\r\n\r\n`), bytes]);
};

/** "この求人は終了しました" (this job has closed) in Shift_JIS. */
const shiftJis = Buffer.from([0x82, 0xb1, 0x82, 0xcc, 0x8b, 0x81, 0x90, 0x6c, 0x82, 0xcd, 0x8f, 0x49, 0x97, 0xb9, 0x82, 0xb5, 0x82, 0xdc, 0x82, 0xb5, 0x82, 0xbd]);

const behaviours: Record<string, (socket: net.Socket) => void> = {
  '/bad-status': (s) => s.end('HTTP/1.1 abc Nope\r\n\r\n'),
  '/not-http': (s) => s.end('\x00\x01 not http at all\r\n\r\n'),
  '/huge-header': (s) => s.end(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`),
  '/header-drip': (s) => {
    s.write('HTTP/1.1 200 OK\r\n');
    const drip = setInterval(() => (s.destroyed ? clearInterval(drip) : s.write('X')), 50);
    s.on('close', () => clearInterval(drip));
  },
  '/empty-location': (s) => s.end(answer('HTTP/1.1 302 Found\r\nLocation: ')),
  '/to-data': (s) => s.end(answer('HTTP/1.1 302 Found\r\nLocation: data:text/html,<h1>Apply</h1>')),
  '/utf16': (s) => s.end(answer('HTTP/1.1 200 OK\r\nContent-Type: text/html', Buffer.from('\ufeff<p>This position has been filled.</p>', 'utf16le'))),
  '/shift-jis': (s) => s.end(answer('HTTP/1.1 200 OK\r\nContent-Type: text/html', Buffer.concat([Buffer.from('<meta charset="shift_jis"><p>'), shiftJis, Buffer.from('</p>')]))),
  '/api-deep/v1/boards/acme/jobs': (s) => s.end(answer('HTTP/1.1 200 OK\r\nContent-Type: application/json', `${'['.repeat(500_000)}${']'.repeat(500_000)}`)),
  '/acme/jobs/1': (s) => s.end(answer('HTTP/1.1 200 OK\r\nContent-Type: text/html', '<h1>Research Intern</h1>')),
};

export async function startRawServer() {
  const server = net.createServer((socket) => {
    let head = '';
    socket.on('error', () => {});
    socket.on('data', (data) => {
      head += data.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      const path = (head.split(' ')[1] ?? '/').split('?')[0]!;
      (behaviours[path] ?? ((s) => s.end(answer('HTTP/1.1 404 Not Found'))))(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
