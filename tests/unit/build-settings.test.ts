/**
 * The build settings (src/lib/build-settings.ts) and the bench's variants of them
 * (scripts/bench/variants.ts): defaults, every variable read, and a clear stop on a value the
 * build does not take. The builds themselves run in incremental-build.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { leverVariants, parseVariant, settingsEnv, variantEnv } from '../../scripts/bench/variants.ts';
import { buildSettings, defaultBuildSettings, describeBuildSettings } from '../../src/lib/build-settings.ts';

test('no variable set: the defaults; each variable changes its setting', () => {
  assert.deepEqual(buildSettings({}), defaultBuildSettings);
  assert.deepEqual(buildSettings({ BOOTHKIT_WORKERS: '0', BOOTHKIT_CONTENT_STORE: 'chunked', BOOTHKIT_INCREMENTAL: '1' }), { workers: 0, contentStore: 'chunked', incremental: true });
  assert.deepEqual(buildSettings({ BOOTHKIT_WORKERS: ' 3 ', BOOTHKIT_INCREMENTAL: '0', BOOTHKIT_CONTENT_STORE: 'single-file' }), { workers: 3, contentStore: 'single-file', incremental: false });
  assert.deepEqual(buildSettings({ BOOTHKIT_WORKERS: '' }), defaultBuildSettings, 'an empty variable counts as unset');
});

test('a value the build does not take stops it with the variable, the value and what it expects', () => {
  for (const [name, value, expected] of [
    ['BOOTHKIT_WORKERS', 'two', /BOOTHKIT_WORKERS is "two"; expected a number of worker threads/],
    ['BOOTHKIT_WORKERS', '-1', /BOOTHKIT_WORKERS is "-1"/],
    ['BOOTHKIT_CONTENT_STORE', 'chunks', /BOOTHKIT_CONTENT_STORE is "chunks"; expected "single-file" or "chunked"/],
    ['BOOTHKIT_INCREMENTAL', 'yes', /BOOTHKIT_INCREMENTAL is "yes"; expected 1 \(reuse unchanged pages\) or 0/],
  ] as const) {
    assert.throws(() => buildSettings({ [name]: value }), expected);
  }
});

test('the build log line names the settings and the variables that change them', () => {
  assert.equal(
    describeBuildSettings({ workers: 2, contentStore: 'chunked', incremental: true }),
    'pages render in 2 worker threads, the content store in chunks, unchanged pages reused (incremental build); set BOOTHKIT_WORKERS, BOOTHKIT_CONTENT_STORE, BOOTHKIT_INCREMENTAL to change them',
  );
  assert.match(describeBuildSettings({ workers: 0, contentStore: 'single-file', incremental: false }), /^pages render in the main thread, the content store in one file, every page rendered/);
});

test('bench variants: each lever alone and all together, every variable written out', () => {
  const levers = leverVariants(2);
  assert.deepEqual(
    levers.map((v) => v.name),
    ['serial', 'workers=2', 'chunked', 'incremental', 'all'],
  );
  assert.deepEqual(buildSettings(levers[0]!.env), { workers: 0, contentStore: 'single-file', incremental: false });
  assert.deepEqual(buildSettings(levers[4]!.env), { workers: 2, contentStore: 'chunked', incremental: true });
  for (const variant of levers) assert.deepEqual(Object.keys(variant.env).sort(), Object.keys(settingsEnv(defaultBuildSettings)).sort());
});

test('bench --variant: a name and the variables it sets; the caller shell never leaks into a build', () => {
  assert.deepEqual(parseVariant('w1:BOOTHKIT_WORKERS=1'), { name: 'w1', env: { BOOTHKIT_WORKERS: '1' } });
  assert.deepEqual(parseVariant('default'), { name: 'default', env: {} });
  assert.throws(() => parseVariant('w1:WORKERS=1'), /"WORKERS=1" is not VAR=VALUE with VAR one of BOOTHKIT_WORKERS/);
  assert.throws(() => parseVariant('w1:BOOTHKIT_WORKERS=many'), /BOOTHKIT_WORKERS is "many"/);
  assert.throws(() => parseVariant(':BOOTHKIT_WORKERS=1'), /start with a name/);
  const env = variantEnv({ PATH: '/bin', BOOTHKIT_INCREMENTAL: '1', BOOTHKIT_WORKERS: '4' }, parseVariant('w1:BOOTHKIT_WORKERS=1'));
  assert.deepEqual(env, { PATH: '/bin', BOOTHKIT_WORKERS: '1' });
});
