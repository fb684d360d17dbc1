/**
 * What src/lib/plain-svg.ts refuses, one kind at a time, with the words a sponsor reads. The
 * browser judges the same check in tests/integration/svg-boundary.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { svgProblems } from '../../src/lib/plain-svg.ts';

const svg = (inside: string, attributes = '') => `<svg xmlns="http://www.w3.org/2000/svg"${attributes}>${inside}</svg>`;

describe('svgProblems', () => {
  it('accepts a drawing: shapes, gradients, transforms, styles of its own parts, an embedded raster image', () => {
    assert.deepEqual(svgProblems('<?xml version="1.0"?>' + svg('<defs><linearGradient id="g"/></defs><rect fill="url(#g)" transform="scale(2)"/>')), []);
    assert.deepEqual(svgProblems(svg('<style>.a { fill: rgb(0 0 0 / 50%) } @media (prefers-color-scheme: dark) { .a { fill: #fff } }</style>')), []);
    assert.deepEqual(svgProblems(svg('<image href="data:image/png;base64,iVBORw0KGgo="/>')), []);
    assert.deepEqual(svgProblems('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">' + svg('<rect/>')), []);
  });

  it('reads entities a DOCTYPE declares as text, as the browser does, and refuses any other declaration', () => {
    assert.deepEqual(svgProblems('<!DOCTYPE svg [<!ENTITY ns_svg "http://www.w3.org/2000/svg">]><svg xmlns="&ns_svg;"><rect/></svg>'), []);
    assert.match(svgProblems('<!DOCTYPE svg [<!ENTITY ns "http://www.w3.org/2000/svg">]><svg xmlns="&ns;"><script>x()</script></svg>').join(), /<script>/);
    for (const subset of ['<!ENTITY x SYSTEM "file:///etc/passwd">', '<!ENTITY x "&#60;script&#62;">', '<!ENTITY % p "x">', '<!ELEMENT svg ANY>']) {
      assert.match(svgProblems(`<!DOCTYPE svg [${subset}]>${svg('<text>&x;</text>')}`).join(), /DOCTYPE declares more than text entities/, subset);
    }
  });

  it('refuses scripts, handlers, HTML, links and animations', () => {
    assert.match(svgProblems(svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><script>1</script></div></foreignObject>')).join(' '), /<foreignObject>.*HTML or MathML/);
    assert.match(svgProblems(svg('<rect/>', ' onload="x()"')).join(), /event handler \(onload= on <svg>\)/);
    assert.match(svgProblems(svg('<use x:href="https://evil.example/s.svg#a"/>', ' xmlns:x="http://www.w3.org/1999/xlink"')).join(), /it links to "https:\/\/evil\.example/);
    assert.match(svgProblems(svg('<image href="data:image/svg+xml,&lt;svg/>"/>')).join(), /it links to "data:image\/svg\+xml/);
    assert.match(svgProblems(svg('<set attributeName="fill" to="red"/>')).join(), /<set>/);
  });

  it('holds CSS to its closed lists, wherever it is written and however it is cut', () => {
    assert.match(svgProblems(svg('<style>@import url(https://evil.example/x.css);</style>')).join(), /<style> uses @import/);
    assert.match(svgProblems(svg('<rect style="fill: url(https://evil.example/p.svg#g)"/>')).join(), /style= on <rect> uses url\(\) of a file/);
    assert.match(svgProblems(svg('<rect fill="URL( x.png)"/>')).join(), /fill= on <rect> uses url\(\) of a file/);
    assert.match(svgProblems(svg('<style>svg { background: image-set("x.png" 1x) }</style>')).join(), /uses image-set\(\)/);
    assert.match(svgProblems(svg('<style>rect { fill: \\75 rl(https://evil.example/p) }</style>')).join(), /<style> uses a backslash/);
    assert.match(svgProblems(svg('<style>rect { fill: u<!---->rl(x.png) }</style>')).join(), /<style> uses url\(\) of a file/);
    assert.match(svgProblems(svg('<style>rect { fill: u<![CDATA[rl(x.png)]]> }</style>')).join(), /<style> uses url\(\) of a file/);
    assert.match(svgProblems(svg('<style><g/>@import "x.css";</style>')).join(), /<style> holds an element \(<g>\)/);
  });

  it('refuses what is not a plain SVG document', () => {
    assert.match(svgProblems('<?xml-stylesheet href="https://evil.example/x.css"?>' + svg('')).join(), /processing instruction <\?xml-stylesheet\?>/);
    assert.match(svgProblems(svg('<rect>')).join(), /not well-formed XML/);
    // An HTML entity is no XML entity: the browser shows an error page for it, and so it is refused.
    assert.match(svgProblems(svg('<text>&nbsp;</text>')).join(), /not well-formed XML/);
    assert.match(svgProblems('<html xmlns="http://www.w3.org/1999/xhtml"/>').join(), /root element is <html>/);
  });
});
