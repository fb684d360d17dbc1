/**
 * A real build of the demo under a GitHub Pages base path (BOOTHKIT_BASE=/ISMIR2020/),
 * checked offline with no flags: every generated link carries the base and passes; one link
 * an author wrote without the base fails, reported at its line in the sponsor's MDX file.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { projectCopy, type ProjectCopy } from '../support/project.ts';

const env = { BOOTHKIT_BASE: '/ISMIR2020/', BOOTHKIT_BUILD_DATE: '2020-10-12' };
let project: ProjectCopy;
let line = 0;

before(() => {
  project = projectCopy();
  const mdx = project.content('sponsors', 'spotify.mdx');
  const text = readFileSync(mdx, 'utf8');
  writeFileSync(mdx, `${text.trimEnd()}\n\nAll our openings are on the [roles board](/roles/).\n`);
  line = text.trimEnd().split('\n').length + 2;
  const build = project.build(env);
  assert.equal(build.status, 0, build.output);
});

after(() => project.remove());

it('a base-path build passes, except the one link that forgot the base', () => {
  const result = project.run('check-links', ['--json'], env);
  const report = JSON.parse(result.stdout) as {
    config: { base: string };
    counts: { pages: number };
    findings: { code: string; url: string; suggestion?: string; source: { file: string; line?: number } }[];
  };
  assert.equal(report.config.base, '/ISMIR2020/');
  assert.ok(report.counts.pages > 10);
  assert.deepEqual(
    report.findings.map((f) => [f.code, f.url, f.suggestion, f.source.file, f.source.line]),
    [['missing-base', '/roles/', '/ISMIR2020/roles/', 'src/content/sponsors/spotify.mdx', line]],
    result.stdout,
  );
  assert.equal(result.status, 1);
});
