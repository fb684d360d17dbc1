/**
 * A real `astro build` of a broken copy of the project must fail and say why: a content
 * mistake with the content check's message (file:line, field, expectation), and a page that
 * would run a script with the page named (src/integrations/finish-pages.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { it } from 'node:test';
import { projectCopy } from './project-copy.ts';

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
