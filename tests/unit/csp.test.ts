import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { heroCrop } from '../../src/components/booth/hero-crop.ts';
import { cspDirectives, headerOnlyDirectives, pagePolicy, parsePolicy, scriptSrc, styleHash } from '../../src/lib/csp.ts';
import { executableScripts } from '../../src/lib/page-scripts.ts';
import { projectRoot } from '../support/project.ts';

const page = (policy: string, body = '') =>
  `<html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy}"><style>p{}</style></head><body>${body}</body></html>`;

test("a page's policy: no script, the fixed directives, and style-src with the hash of each inline rule", () => {
  const crop = '.hero-image{object-position:0% 35%}';
  const policy = parsePolicy(pagePolicy([crop]));
  assert.deepEqual(policy.get('script-src'), ["'none'"]);
  assert.deepEqual(policy.get('style-src'), ["'self'", `'${styleHash(crop)}'`]);
  for (const directive of cspDirectives) {
    const [name, ...values] = directive.split(' ');
    assert.deepEqual(policy.get(name!), values);
  }
  assert.deepEqual(parsePolicy(pagePolicy([])).get('style-src'), ["'self'"]);
});

test('executableScripts finds scripts a browser would run and ignores JSON data', () => {
  const html = page('', '<script type="application/ld+json">{}</script><script>alert(1)</script><SCRIPT type=module src="/x.js"></SCRIPT><script type="text/javascript"></script>');
  assert.deepEqual(executableScripts(html), ['<script>', '<SCRIPT type=module src="/x.js">', '<script type="text/javascript">']);
  assert.deepEqual(executableScripts(page('', '<script type="application/ld+json">{}</script>')), []);
  // In SVG and in a template they are scripts all the same.
  assert.deepEqual(executableScripts(page('', '<svg><script>alert(1)</script></svg><template><script src="/t.js"></script></template>')), ['<script>', '<script src="/t.js">']);
});

test('executableScripts reads "<script>" in an attribute value or a comment as the text it is (a summary that mentions the tag)', () => {
  const summary = '<b>bold</b> &amp; <script>alert(1)</script>';
  const html = page('', `<meta name="description" content="${summary}"><img alt='<script type=module>' src="a.png"><!-- <script>x</script> --><p title=<script>x</p>`);
  assert.deepEqual(executableScripts(html), []);
  // A script after such an attribute is still found.
  assert.deepEqual(executableScripts(html.replace('</body>', '<script>alert(2)</script></body>')), ['<script>']);
});

test('styleHash is the base64 SHA-256 a browser compares with the <style> text', () => {
  // The same value as: printf '%s' '.hero-image{object-position:0% 35%}' | openssl dgst -sha256 -binary | base64
  assert.equal(styleHash('.hero-image{object-position:0% 35%}'), 'sha256-AF9zHg1d1sFvMXZ3/eyFFsLkGMZUmF/gvZr1KsvKI9Y=');
});

test('heroCrop is one rule with the sponsor position, nothing without a hero', () => {
  assert.deepEqual(heroCrop({ hero: { src: 'x' as never, position: '0% 35%' } }), ['.hero-image{object-position:0% 35%}']);
  assert.deepEqual(heroCrop({ hero: undefined }), []);
});

test('public/_headers repeats the fixed part of the policy and adds what a <meta> cannot carry', () => {
  const headers = readFileSync(join(projectRoot, 'public', '_headers'), 'utf8');
  const line = /^\s+Content-Security-Policy:\s*(.+)$/m.exec(headers)?.[1];
  assert.ok(line, 'a Content-Security-Policy header for /*');
  const header = parsePolicy(line);
  // default-src would fall back onto style-src and block the hashed inline styles.
  const fixed = [scriptSrc, ...cspDirectives.filter((d) => !d.startsWith('default-src')), ...headerOnlyDirectives];
  for (const directive of fixed) {
    const [name, ...values] = directive.split(' ');
    assert.deepEqual(header.get(name!), values, `${name} in public/_headers`);
  }
  assert.equal(header.has('default-src'), false);
  assert.equal(header.has('style-src'), false);
  assert.match(headers, /^\s+Referrer-Policy: strict-origin-when-cross-origin$/m);
});
