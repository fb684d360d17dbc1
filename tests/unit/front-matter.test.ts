import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitFrontMatter } from '../../src/core/front-matter.ts';

describe('front matter', () => {
  it('reads the YAML and the body, and the line the body starts on', () => {
    assert.deepEqual(splitFrontMatter('---\nname: Acme\ntier: gold\n---\n## Booth\n'), { yaml: 'name: Acme\ntier: gold', body: '## Booth\n', bodyOffset: 30, bodyLine: 5 });
  });

  it('takes what Windows editors and Jekyll sites write: a byte order mark, CR LF, blanks after a fence', () => {
    const front = splitFrontMatter('\uFEFF---  \r\nname: Acme\r\n---\t\r\nText');
    assert.equal(front?.yaml, 'name: Acme');
    assert.equal(front?.body, 'Text');
    assert.equal(front?.bodyLine, 4);
  });

  it('finds none where the file does not start with two fences', () => {
    for (const text of ['name: Acme\n', '\n---\nname: Acme\n---\n', '---\nname: Acme\n', '---\nname: Acme\n----\n', '---\n---\n']) assert.equal(splitFrontMatter(text), undefined, JSON.stringify(text));
  });
});
