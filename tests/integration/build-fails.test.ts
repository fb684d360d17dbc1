/**
 * A real `astro build` of a broken copy of the project must fail and say why: a content
 * mistake with the content check's message (file:line, field, expectation), a page that
 * would run a script with the page named (src/integrations/finish-pages.ts), and booth text
 * that ran code during the build of 835d344 (issue 20), refused before any of it runs.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { after, it } from 'node:test';
import { addBooth, bodyLine, markers, projectCopy } from '../support/project.ts';

const code = markers();
after(() => code.remove());

it('astro build stops on a content mistake and names file, line and field', () => {
  const copy = projectCopy();
  try {
    const role = copy.content('roles/spotify/research-lead-personalization.yaml');
    writeFileSync(role, readFileSync(role, 'utf8').replace('  - search-recommendations', '  - search-recomendations'));
    const { status, output } = copy.build();
    assert.notEqual(status, 0, output);
    assert.match(output, /src\/content\/roles\/spotify\/research-lead-personalization\.yaml:8: researchAreas\[0\]: unknown research area "search-recomendations"/);
    assert.match(output, /Did you mean "search-recommendations"\?/);
  } finally {
    copy.remove();
  }
});

it('astro build stops on a page that would run a script, and names the page', () => {
  const copy = projectCopy();
  try {
    writeFileSync(`${copy.root}/src/pages/tracker.astro`, '<html><head><title>t</title></head><body><script is:inline>alert(1)</script></body></html>\n');
    const { status, output } = copy.build();
    assert.notEqual(status, 0, output);
    assert.match(output, /tracker\/index\.html: contains an executable script <script>/);
  } finally {
    copy.remove();
  }
});

it('astro build refuses the booth text that ran code on 835d344, names each file and line, and none of it runs', () => {
  const copy = projectCopy();
  try {
    addBooth(copy, 'table-part', `<td title={${code.leave('table-part')}} />`);
    addBooth(copy, 'private-use-mark', `{\`$\uF002{${code.leave('private-use-mark')}}\`}`);
    addBooth(copy, 'line-separator', `{"a" // note\u2028 + ${code.leave('line-separator')}\n}`);
    addBooth(copy, 'image-module', '![Our logo](./image-module/run.mjs)');
    mkdirSync(copy.content('sponsors/image-module'));
    writeFileSync(copy.content('sponsors/image-module/run.mjs'), `${code.leave('image-module')};\n`);
    const { status, output } = copy.build();
    assert.notEqual(status, 0, output);
    const line = bodyLine(copy, 'table-part');
    assert.match(output, new RegExp(`src/content/sponsors/table-part\\.mdx:${line}: <td>: raw HTML tables and their parts are not allowed`));
    assert.match(output, new RegExp(`src/content/sponsors/private-use-mark\\.mdx:${line}: \\(hidden character\\): U\\+F002`));
    assert.match(output, new RegExp(`src/content/sponsors/line-separator\\.mdx:${line}: \\(hidden character\\): U\\+2028`));
    assert.match(output, new RegExp(`src/content/sponsors/image-module\\.mdx:${line}: image "\\./image-module/run\\.mjs": is not an image file`));
    assert.deepEqual(code.ran(), []);
  } finally {
    copy.remove();
  }
});
