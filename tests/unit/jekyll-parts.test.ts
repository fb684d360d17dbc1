/**
 * The importer's small parts: the forgiving HTML reader, "Experience needed" → eligibility,
 * hero positions, closing dates, paper list items, and the MDX escaping of converted bodies.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guardSource } from '../../src/lib/mdx-guard/check.ts';
import { convertBody, type BodyContext } from '../../scripts/lib/jekyll/body.ts';
import { parseEligibility } from '../../scripts/lib/jekyll/eligibility.ts';
import { descendants, elements, parseHtml, squash, textOf } from '../../scripts/lib/jekyll/html.ts';
import { heroPosition } from '../../scripts/lib/jekyll/booth.ts';
import { readList } from '../../scripts/lib/jekyll/markdown.ts';
import { readPaper } from '../../scripts/lib/jekyll/papers.ts';
import { Report } from '../../scripts/lib/jekyll/report.ts';
import { parseDay } from '../../scripts/lib/jekyll/roles.ts';

describe('the HTML reader (parse5)', () => {
  it('closes <li>, <td> and <p> and implies <tbody> as browsers do, and decodes every entity once', () => {
    const [list] = elements(parseHtml('<ul><li>One &amp; two &eacute;&hearts;<li>Three<br>four &amp;lt;</ul>'));
    assert.deepEqual(elements(list!.children, 'li').map((li) => squash(textOf(li))), ['One & two é♥', 'Three four &lt;']);
    const [table] = elements(parseHtml('<table><tr><td>a<td>b<tr><td>c</table>'));
    assert.deepEqual(elements(table!.children).map((e) => e.name), ['tbody']);
    assert.deepEqual(descendants(table!.children, 'tr').map((r) => elements(r.children, 'td').length), [2, 1]);
    assert.deepEqual(elements(parseHtml('<p>one<p>two<div>three</div>')).map((e) => e.name), ['p', 'p', 'div']);
  });

  it('reads a "<" that starts no tag as text, script content as raw text, and keeps attributes as written', () => {
    assert.equal(textOf(parseHtml('a < b, 3 <4')), 'a < b, 3 <4');
    const [script] = elements(parseHtml('<script>if (a < b) { x("</p>") }</script>'));
    assert.equal(script!.children.length, 1);
    const [img] = elements(parseHtml('<img SRC="/a.png" data-x=1 class="logo big" alt="A &amp; B">'));
    assert.deepEqual(img!.attrs, { src: '/a.png', 'data-x': '1', class: 'logo big', alt: 'A & B' });
  });
});

describe('"Experience needed" → eligibility', () => {
  const cases: [string, ReturnType<typeof parseEligibility>][] = [
    ['PhD Student', { enrolledIn: ['phd'] }],
    ['Masters or PhD Student', { enrolledIn: ['master', 'phd'] }],
    ['Bachelor or Masters Student', { enrolledIn: ['bachelor', 'master'] }],
    ['PhD', { educationRequired: 'phd' }],
    ['8+ years relevant experience & PhD preferred', { educationPreferred: 'phd', minYearsExperience: 8 }],
    ['PhD in relevant field, expertize in tech responsibility, & extensive leadership experience.', { educationRequired: 'phd' }],
    ['10+ postdoctoral industry or academic experience', { educationRequired: 'phd', minYearsExperience: 10 }],
    ['3-5 years in audio DSP', { minYearsExperience: 3 }],
    ['A passion for music', {}],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(parseEligibility(text), expected));
});

describe('small values', () => {
  it('hero positions from Jekyll front matter', () => {
    assert.equal(heroPosition('0% 35% '), '0% 35%');
    assert.equal(heroPosition('center top'), '50% 0%');
    assert.equal(heroPosition('top'), '50% 0%');
    assert.equal(heroPosition('left'), '0% 50%');
    assert.equal(heroPosition('30px 10px'), undefined);
  });

  it('closing dates as booths write them', () => {
    assert.equal(parseDay('2020-12-15'), '2020-12-15');
    assert.equal(parseDay('30 November 2020'), '2020-11-30');
    assert.equal(parseDay('Nov 3, 2020'), '2020-11-03');
    assert.equal(parseDay('until filled'), undefined);
  });

  it('paper list items', () => {
    const context = { conference: { name: 'ISMIR 2020', edition: 2020 }, heading: 'Papers', leadIn: '' };
    const paper = (item: string) => readPaper(readList(`- ${item}`)![0]!, context);
    assert.deepEqual(paper('"Deep chroma features", A. Smith and Bo Li. ISMIR 2020. [[code](https://github.com/x/y)]'), {
      paper: { title: 'Deep chroma features', authors: ['A. Smith', 'Bo Li'], venue: { name: 'ISMIR', year: 2020, thisConference: true }, links: [{ kind: 'code', url: 'https://github.com/x/y' }] },
      notes: [],
    });
    assert.equal(paper('Our reading group meets every Thursday'), undefined);
  });
});

describe('converted bodies', () => {
  const context = (report: Report): BodyContext => ({
    report,
    image: (src) => `./acme/${src.split('/').pop()!.replace(/\.\w+$/, '.svg')}`,
    link: (href) => href,
    media: () => undefined,
    roleTable: () => false,
  });

  it('escape what MDX would read as code or tags, and pass the guard', () => {
    const report = new Report();
    const mdx = convertBody('# Title\n\nSets {a, b} and a < b, `{kept}` in code.\n\n<p>A <b>bold</b> {claim}<br>next <span style="color:red">line</span></p>\n\nexport of goods\n', context(report));
    assert.equal(mdx, '## Title\n\nSets \\{a, b\\} and a \\< b, `{kept}` in code.\n\nA **bold** \\{claim\\}<br />\nnext line\n\n&#101;xport of goods\n');
    assert.deepEqual(guardSource(mdx, 'x.mdx'), []);
    assert.deepEqual(Report.lines(report.notes), [
      'removed inline style= attributes (the Content-Security-Policy forbids them; the theme styles booths)',
      'renumbered the heading "Title" to h2 (the page\'s h1 is the sponsor\'s name; levels never skip)',
    ]);
  });

  it('keep autolinks, and text that only looks like a character reference once decoded', () => {
    const report = new Report();
    const mdx = convertBody('Write to <jobs@acme.example> or see <https://acme.example/jobs>.\n\n<p>AT&amp;T writes &amp;lt;b&amp;gt; &amp; more</p>\n', context(report));
    assert.equal(mdx, 'Write to [jobs@acme.example](mailto:jobs@acme.example) or see [https://acme.example/jobs](https://acme.example/jobs).\n\nAT&T writes &amp;lt;b&amp;gt; & more\n');
    assert.deepEqual(guardSource(mdx, 'x.mdx'), []);
  });

  it('leave a character the source escaped with a backslash escaped, so "\\&lt;td …&gt;" stays text', () => {
    const report = new Report();
    const mdx = convertBody('Text \\&lt;td title="x" /&gt; and \\{a\\} and \\\\{b}\n', context(report));
    assert.equal(mdx, 'Text \\<td title="x" /> and \\{a\\} and \\\\\\{b\\}\n');
    assert.deepEqual(guardSource(mdx, 'x.mdx'), []);
  });

  it('turn HTML lists, callouts and figures into Markdown and components', () => {
    const report = new Report();
    const mdx = convertBody('<div class="alert alert-warning"><ul><li>One</li><li>Two<ol><li>Sub</li></ol></li></ul></div>\n\n<figure><img src="/a/lab.jpg" alt="Our lab"><figcaption>The lab, 2020</figcaption></figure>\n', context(report));
    assert.equal(mdx, '<Callout kind="warning">\n\n- One\n- Two\n   1. Sub\n\n</Callout>\n\n<Figure src="./acme/lab.svg" alt="Our lab" caption="The lab, 2020" />\n');
    assert.deepEqual(guardSource(mdx, 'x.mdx'), []);
  });
});
