import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { serveStatic, siteWideHeaders } from '../../scripts/lib/static-server.ts';
import { projectRoot } from '../support/project.ts';

let root: string;
let origin: string;
let close: () => void;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'boothkit-static-'));
  mkdirSync(join(root, 'booths', 'acme'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<h1>hall</h1>');
  writeFileSync(join(root, 'booths', 'acme', 'index.html'), '<h1>acme</h1>');
  writeFileSync(join(root, '404.html'), '<h1>not found</h1>');
  writeFileSync(join(root, '_headers'), "/*\n  Content-Security-Policy: script-src 'none'\n  X-Test: yes\n/_astro/*\n  Cache-Control: immutable\n");
  const served = await serveStatic(root, '/ISMIR2020/');
  origin = served.origin;
  close = () => served.server.close();
});

after(() => {
  close();
  rmSync(root, { recursive: true, force: true });
});

test('serves pages under the base path with the site-wide headers of _headers', async () => {
  const response = await fetch(`${origin}/ISMIR2020/booths/acme/`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-security-policy'), "script-src 'none'");
  assert.equal(response.headers.get('x-test'), 'yes');
  assert.equal(response.headers.get('cache-control'), null, 'rules for other paths are not applied');
  assert.equal(await response.text(), '<h1>acme</h1>');
});

test('compresses text for clients that accept gzip', async () => {
  const { request } = await import('node:http');
  const body = await new Promise<Buffer>((resolve, reject) => {
    request(`${origin}/ISMIR2020/`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      assert.equal(res.headers['content-encoding'], 'gzip');
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
    })
      .on('error', reject)
      .end();
  });
  assert.equal(gunzipSync(body).toString(), '<h1>hall</h1>');
});

test('answers 404 with 404.html outside the base path, for unknown pages and for ../', async () => {
  for (const path of ['/booths/acme/', '/ISMIR2020/nope/', '/ISMIR2020/../index.html']) {
    const response = await fetch(`${origin}${path}`);
    assert.equal(response.status, 404, path);
    assert.equal(await response.text(), '<h1>not found</h1>');
  }
});

test("the project's public/_headers gives every page the script-forbidding policy", () => {
  const headers = siteWideHeaders(join(projectRoot, 'public', '_headers'));
  assert.match(headers['Content-Security-Policy'] ?? '', /script-src 'none'/);
  assert.equal(headers['Referrer-Policy'], 'strict-origin-when-cross-origin');
});
