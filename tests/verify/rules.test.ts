/** Each rule of the site gate on small pages: what it accepts, what it reports, and the line. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cspDirectives, scriptSrc, styleHash } from '../../src/lib/csp.ts';
import { weighImages } from '../../scripts/lib/built/image-choice.ts';
import { readPage } from '../../scripts/lib/built/read-page.ts';
import { rulesFor } from '../../scripts/lib/verify/rules/index.ts';
import { duplicateTitles } from '../../scripts/lib/verify/rules/title.ts';
import type { PageContext } from '../../scripts/lib/verify/types.ts';

const css = 'body{margin:0}';
const policy = `${[...cspDirectives, `style-src 'self' '${styleHash(css)}'`, scriptSrc].join('; ')}`;

/** A page that passes every rule, with `body` as its main content. */
function page(body: string, head = ''): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A booth · Conf</title>',
    `<meta name="referrer" content="strict-origin-when-cross-origin"><meta http-equiv="content-security-policy" content="${policy}">`,
    `<style>${css}</style>${head}</head>`,
    `<body><a href="#main">Skip to content</a><main id="main"><h1>A booth</h1>${body}</main></body></html>`,
  ].join('\n');
}

const context: PageContext = {
  file: 'booths/a/index.html',
  path: '/booths/a/',
  kind: 'booth',
  redirect: false,
  origin: 'https://sponsors.example',
  gzipBytes: () => 1000,
  images: () => ({ firstScreen: 0, total: 0, loads: [] }),
  imageSource: () => undefined,
};

/** "code line: message" for every problem of the page. */
function problems(html: string, ctx: Partial<PageContext> = {}): string[] {
  const facts = readPage(html);
  const page = { ...context, ...ctx };
  return rulesFor(page).flatMap((rule) => rule.check(facts, page)).map((p) => `${p.code} ${p.line ?? '-'}: ${p.message}`);
}

describe('site gate rules', () => {
  it('pass a well-made page', () => {
    assert.deepEqual(problems(page('<h2>Roles</h2><p><a href="/roles/"><img src="/logo.svg" alt="Acme"></a><img src="/x.png" alt=""></p><script type="application/ld+json">{"@type":"Thing"}</script>')), []);
  });

  it('find scripts, handlers, javascript: links, embeds and script preloads', () => {
    assert.deepEqual(problems(page('<p onclick="go()">x</p><a href="javascript:go()">go</a><iframe src="/x/" title="x"></iframe><script>go()</script><script type="module" src="/a.js"></script>', '<link rel="modulepreload" href="/b.js">')), [
      'script 4: has an executable <script>',
      'script 4: loads a script from /a.js',
      'script 3: preloads the script /b.js',
      'script 4: a[href] is a javascript: URL',
      'script 4: has an event handler (p onclick)',
      'script 4: embeds another document (iframe src=/x/)',
    ]);
  });

  it('want the policy with script-src none, every inline style hashed, and the referrer policy', () => {
    const html = page('<p>x</p>', '<style>p{color:red}</style>').replace("script-src 'none'", "script-src 'self'").replace('<meta name="referrer" content="strict-origin-when-cross-origin">', '');
    assert.deepEqual(problems(html), [
      "policy 2: policy has script-src 'self'; expected script-src 'none'",
      'policy 2: an inline <style> ("p{color:red}"…) is not hashed in style-src: the browser ignores it',
      'policy -: has no referrer policy <meta>',
    ]);
    assert.deepEqual(problems(page('<p>x</p>').replace(/<meta http-equiv[^>]*>/, '')), ['policy -: has no Content-Security-Policy <meta>']);
  });

  it('want lang and a title', () => {
    assert.deepEqual(problems(page('').replace(' lang="en"', '').replace('<title>A booth · Conf</title>', '<title> </title>')), ['lang -: <html> has no lang attribute', 'title -: has an empty <title>']);
    assert.deepEqual([...duplicateTitles([{ file: 'a.html', title: 'T' }, { file: 'b.html', title: 'T' }, { file: 'c.html', title: 'U' }])], [['b.html', { title: 'T', first: 'a.html' }]]);
  });

  it('want one h1 and headings without a skipped level, hidden ones aside', () => {
    assert.deepEqual(problems(page('<h2>A</h2><h4>B</h4><h1>Again</h1><div hidden><h1>Hidden</h1></div>')), [
      'headings 4: has 2 <h1> headings ("A booth", "Again")',
      'headings 4: heading "B" is an h4 after an h2',
    ]);
    assert.deepEqual(problems(page('<h3>Only</h3>').replace(/<h1>A booth<\/h1>/, '')), ['headings 4: has no <h1>', 'headings 4: heading "Only" is an h3 before any h1']);
    // A redirect stub has no content to check.
    assert.deepEqual(problems(page('').replace(/<h1>A booth<\/h1>/, ''), { redirect: true }), []);
  });

  it('want alt text on images and a name on links and buttons', () => {
    assert.deepEqual(problems(page('<img src="/a.png">\n<a href="/x/"><img src="/b.png" alt=""></a><button></button><a href="/y/" aria-label="Y"></a><a href="/z/"><svg aria-label="Z"></svg></a><a href="/h/" aria-hidden="true"></a>')), [
      'img-alt 4: image without alt text (img src=/a.png)',
      'name 5: link without a name (a href=/x/)',
      'name 5: button without a name (button)',
    ]);
  });

  it('find duplicate ids, style attributes, outside and http: resources', () => {
    assert.deepEqual(problems(page('<h2 id="main">Main</h2><p style="color:red">x</p><img src="https://cdn.example/a.png" alt="a"><img src="http://sponsors.example/b.png" alt="b"><img src="data:image/png;base64,AA" alt="c">')), [
      'subresource 4: img[src] loads https://cdn.example/a.png from cdn.example, another site',
      'subresource 4: img[src] loads http://sponsors.example/b.png over http:',
      'duplicate-id 4: id "main" is on 2 elements',
      'inline-style 4: style="" attribute on p',
    ]);
  });

  it('parse JSON-LD and want what Google requires of a JobPosting', () => {
    assert.deepEqual(problems(page('<script type="application/ld+json">{"@type": </script>')).map((p) => p.replace(/\(.*\)/, '(…)')), ['json-ld 4: a application/ld+json block is not valid JSON (…)']);
    const posting = { '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Intern', description: 'x', hiringOrganization: { '@type': 'Organization', name: 'Acme' }, jobLocation: [] };
    assert.deepEqual(problems(page(`<script type="application/ld+json">${JSON.stringify({ '@graph': [posting] })}</script>`)), [
      'json-ld 4: JobPosting: datePosted is required, as an ISO 8601 date',
      'json-ld 4: JobPosting: jobLocation is required unless the job is remote (jobLocationType TELECOMMUTE)',
    ]);
    // The decision properties: remote scope only with TELECOMMUTE, visa as text, pay as a range that is one.
    const decided = {
      ...posting,
      datePosted: '2027-01-01',
      applicantLocationRequirements: [{ '@type': 'Country', name: 'Germany' }],
      eligibilityToWorkRequirement: ['visa'],
      baseSalary: { '@type': 'MonetaryAmount', currency: 'EUR', value: { '@type': 'QuantitativeValue', minValue: 90000, maxValue: 70000, unitText: 'YEAR' } },
    };
    assert.deepEqual(problems(page(`<script type="application/ld+json">${JSON.stringify(decided)}</script>`)), [
      'json-ld 4: JobPosting: applicantLocationRequirements is only for remote jobs: set jobLocationType to TELECOMMUTE (and never use it for visa status)',
      'json-ld 4: JobPosting: eligibilityToWorkRequirement must be text',
      'json-ld 4: JobPosting: jobLocation is required unless the job is remote (jobLocationType TELECOMMUTE)',
      'json-ld 4: JobPosting: baseSalary.value.minValue is larger than maxValue',
    ]);
  });

  it('hold each kind of page to its budget', () => {
    assert.deepEqual(problems(page(''), { gzipBytes: () => 21 * 1024 }), ['weight -: weighs 21.0 kB of HTML and CSS (gzip), over the 20.0 kB budget of a booth page']);
    assert.deepEqual(problems(page(''), { kind: 'board', gzipBytes: () => 21 * 1024 }), []);
  });

  it('hold the images of a page to its budgets, naming the heaviest files and their sources', () => {
    const html = page('<img src="/_astro/a.avif" alt="" width="10" height="10"><img src="/_astro/b.avif" alt="" loading="lazy"><img src="/_astro/c.avif" alt="" loading="lazy">');
    const sizes: Record<string, number> = { '/_astro/a.avif': 150 * 1024, '/_astro/b.avif': 600 * 1024, '/_astro/c.avif': 300 * 1024 };
    const images = () => weighImages(readPage(html).images, (url) => sizes[url]);
    const imageSource = (url: string) => (url === '/_astro/b.avif' ? 'src/content/sponsors/a/b.jpg' : undefined);
    assert.deepEqual(problems(html, { images, imageSource }), [
      'weight -: loads 1050.0 kB of images in all, over the 1000.0 kB budget of a booth page; the heaviest: /_astro/b.avif (600.0 kB, from src/content/sponsors/a/b.jpg); /_astro/c.avif (300.0 kB); /_astro/a.avif (150.0 kB)',
    ]);
    assert.deepEqual(problems(html, { kind: 'role', images, imageSource }), [
      'weight -: loads 150.0 kB of images with the page (its first screen), over the 50.0 kB budget of a role page; the heaviest: /_astro/a.avif (150.0 kB)',
      'weight -: loads 1050.0 kB of images in all, over the 100.0 kB budget of a role page; the heaviest: /_astro/b.avif (600.0 kB, from src/content/sponsors/a/b.jpg); /_astro/c.avif (300.0 kB); /_astro/a.avif (150.0 kB)',
    ]);
  });
});
