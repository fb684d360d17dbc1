/** Role descriptions: Markdown to HTML, with everything a role file must not smuggle in made inert. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { descriptionHtml } from '../../src/lib/description.ts';

describe('a role description', () => {
  it('renders Markdown: emphasis, lists, links', () => {
    assert.equal(
      descriptionHtml('Work on **audio**.\n\n- one\n- [two](https://x.example/a)'),
      '<p>Work on <strong>audio</strong>.</p>\n<ul>\n<li>one</li>\n<li><a href="https://x.example/a">two</a></li>\n</ul>',
    );
  });

  it('shows raw HTML as text', () => {
    const html = descriptionHtml('Hi <script>alert(1)</script> <b onmouseover="x()">b</b>\n\n<iframe src="https://evil.example"></iframe>');
    assert.doesNotMatch(html, /<(script|b|iframe)\b/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('drops links that are not http(s) or mailto, and reference links', () => {
    const html = descriptionHtml('[a](javascript:alert(1)) [b](data:text/html,x) [c][r] [d](mailto:jobs@x.example)\n\n[r]: javascript:alert(2)');
    assert.doesNotMatch(html, /javascript:|data:/);
    assert.match(html, /<p>a b c <a href="mailto:jobs@x.example">d<\/a><\/p>/);
  });

  it('turns images into their alt text and puts headings below the page\'s own', () => {
    assert.equal(descriptionHtml('# Team\n\n![Our lab](https://x.example/lab.jpg)'), '<h3>Team</h3>\n<p>Our lab</p>');
  });
});
