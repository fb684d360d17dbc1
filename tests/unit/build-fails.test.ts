/**
 * A real `astro build` of a copy of the project with one broken content file must fail
 * and print the content check's message (file:line, field, expectation).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { projectRoot } from '../helpers.ts';

it('astro build stops on a content mistake and names file, line and field', () => {
  const root = mkdtempSync(join(tmpdir(), 'boothkit-build-'));
  try {
    for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public']) {
      cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
    }
    symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'));
    const role = join(root, 'src/content/roles/spotify/research-lead-personalization.yaml');
    writeFileSync(role, readFileSync(role, 'utf8').replace('  - search-recommendations', '  - search-recomendations'));

    const astro = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
    const result = spawnSync(process.execPath, [astro, 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    const output = result.stdout + result.stderr;
    assert.notEqual(result.status, 0, output);
    assert.match(output, /src\/content\/roles\/spotify\/research-lead-personalization\.yaml:8: researchAreas\[0\]: unknown research area "search-recomendations"/);
    assert.match(output, /Did you mean "search-recommendations"\?/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
