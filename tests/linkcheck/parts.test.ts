/** The checker's small parts: reading pages, bad link forms, patterns, Retry-After, closed postings. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looksClosed, retryAfterMs } from '../../scripts/lib/linkcheck/external.ts';
import { readPage, refreshTarget, srcsetUrls } from '../../scripts/lib/built/read-page.ts';
import { driveAccountProblem } from '../../scripts/lib/linkcheck/rules/drive-account.ts';
import { missingSchemeProblem } from '../../scripts/lib/linkcheck/rules/missing-scheme.ts';
import { mixedContentProblem } from '../../scripts/lib/linkcheck/rules/mixed-content.ts';
import { unwrapRedirect } from '../../src/core/urls.ts';

const unwrap = (href: string) => unwrapRedirect(href)?.target;
import { forHost, UrlPatterns } from '../../scripts/lib/linkcheck/patterns.ts';

describe('readPage', () => {
  it('collects links with element, line and text, and every fragment target', () => {
    const page = readPage(
      [
        '<!doctype html><html><head><link rel="preconnect" href="https://cdn.example"><link rel="canonical" href="/a/">',
        '<meta http-equiv="refresh" content="0; url=/b/"></head><body>',
        '<!-- <a href="/in-comment/">x</a> --><script>var a = "<a href=\'/in-script/\'>";</script>',
        '<h2 ID="Café">Café</h2><a name="old"></a><A HREF="/c/?q=1&amp;r=2#x">See <b>the</b>\n  page</A>',
        '<a href="/d/"><img src="/i.png" alt="Logo"></a>',
        '<img srcset="/s1.png 1x, /s,2.png 2x" src="/s0.png"><a data-link-check="skip" href="/e/">e</a>',
        '</body></html>',
      ].join('\n'),
    );
    assert.deepEqual([...page.ids], ['Café', 'old']);
    assert.deepEqual(
      page.links.map((l) => [l.attr, l.url, l.line, l.text ?? null, l.subresource, l.skip]),
      [
        ['link[href]', '/a/', 1, null, false, false],
        ['meta[content]', '/b/', 2, null, false, false],
        ['a[href]', '/c/?q=1&r=2#x', 4, 'See the page', false, false],
        ['a[href]', '/d/', 6, 'Logo', false, false],
        ['img[src]', '/i.png', 6, null, true, false],
        ['img[src]', '/s0.png', 7, null, true, false],
        ['img[srcset]', '/s1.png', 7, null, true, false],
        ['img[srcset]', '/s,2.png', 7, null, true, false],
        ['a[href]', '/e/', 7, 'e', false, true],
      ],
    );
  });

  it('splits srcset and reads meta refresh like a browser', () => {
    assert.deepEqual(srcsetUrls('a.png 480w,b.png  960w, c.png'), ['a.png', 'b.png', 'c.png']);
    assert.deepEqual(srcsetUrls('data:image/png;base64,AAA= 1x, x.png 2x'), ['data:image/png;base64,AAA=', 'x.png']);
    assert.equal(refreshTarget("5;URL='/x/'"), '/x/');
    assert.equal(refreshTarget('0'), undefined);
  });
});

describe('bad link forms', () => {
  it('recovers the address inside mail-filter wrappers', () => {
    assert.equal(unwrap('https://urldefense.com/v3/__https://acme.example/a*20b__;JQ!!x$'), 'https://acme.example/a%20b');
    assert.equal(unwrap('https://urldefense.proofpoint.com/v2/url?u=https-3A__acme.example_jobs-3Fid-3D7&d=x'), 'https://acme.example/jobs?id=7');
    assert.equal(unwrap('https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme.example%2F&data=1'), 'https://acme.example/');
    assert.equal(unwrap('https://www.google.com/url?q=https://acme.example/x&sa=D'), 'https://acme.example/x');
    assert.equal(unwrap('https://protect-eu.mimecast.com/s/abc'), '');
    assert.equal(unwrap('https://acme.example/url?u=x'), undefined);
  });

  it('finds Drive account slots, missing schemes and mixed content', () => {
    assert.equal(driveAccountProblem('https://docs.google.com/document/u/1/d/abc/edit')?.suggestion, 'https://docs.google.com/document/d/abc/edit');
    assert.equal(driveAccountProblem('https://drive.google.com/file/d/abc/view'), undefined);
    assert.equal(missingSchemeProblem('jobs@acme.example')?.suggestion, 'mailto:jobs@acme.example');
    assert.equal(missingSchemeProblem('acme.com/careers')?.suggestion, 'https://acme.com/careers');
    assert.equal(missingSchemeProblem('report.pdf'), undefined);
    assert.equal(missingSchemeProblem('../booths/acme/'), undefined);
    assert.equal(mixedContentProblem('http://cdn.example/x.png', true, true)?.code, 'mixed-content');
    assert.equal(mixedContentProblem('http://cdn.example/x.png', false, true), undefined, 'a plain link is navigation, not mixed content');
    assert.equal(mixedContentProblem('http://127.0.0.1:8080/x.png', true, true), undefined);
  });
});

describe('outside-link helpers', () => {
  it('matches globs with or without the scheme, and host tables by domain', () => {
    const patterns = new UrlPatterns(['*.linkedin.com/*', 'https://acme.example/private/*']);
    assert.ok(patterns.matches('https://www.linkedin.com/jobs/view/1'));
    assert.ok(patterns.matches('https://acme.example/private/a'));
    assert.ok(!patterns.matches('https://acme.example/public/a'));
    assert.deepEqual(forHost({ 'linkedin.com': 1 }, 'www.linkedin.com'), 1);
    assert.equal(forHost({ 'linkedin.com': 1 }, 'notlinkedin.com'), undefined);
    assert.equal(forHost({ '127.0.0.1:8080': 2 }, '127.0.0.1', '8080'), 2);
  });

  it('reads Retry-After as seconds or a date', () => {
    assert.equal(retryAfterMs('3'), 3000);
    assert.equal(retryAfterMs(new Date(61_000).toUTCString(), 1_000), 60_000);
    assert.equal(retryAfterMs('soon'), undefined);
  });

  it('tells a closed job posting from a moved page', () => {
    const closed = (from: string, to: string) => looksClosed(new URL(from), new URL(to));
    assert.ok(closed('https://acme.example/careers/jobs/1234', 'https://acme.example/careers'));
    assert.ok(closed('https://boards.greenhouse.io/acme/jobs/4567', 'https://boards.greenhouse.io/acme?error=true'));
    assert.ok(closed('https://acme.example/jobs/research-intern-2021', 'https://acme.example/'));
    assert.ok(!closed('https://acme.example/jobs/1234', 'https://acme.example/jobs/1234/'));
    assert.ok(!closed('http://acme.example/jobs/1234', 'https://acme.example/jobs/1234'));
    assert.ok(!closed('https://acme.example/about', 'https://acme.example/'));
    // A posting sent to a job search.
    assert.ok(closed('https://acme.example/jobs/9876', 'https://acme.example/jobs/search?q=research+intern'));
    assert.ok(closed('https://careers.acme.example/job/research-intern-2021', 'https://careers.acme.example/results?keywords=intern'));
    assert.ok(!closed('https://acme.example/jobs/9876', 'https://acme.example/jobs/9876/apply?q=1'), 'the posting itself, with a query');
  });
});
