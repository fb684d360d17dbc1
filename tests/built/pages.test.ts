/**
 * The demo build has a page of every kind the browser suite tests (e2e/site-under-test.ts),
 * so that none of its tests is skipped for want of a page when the kit tests itself.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { pickPages, siteUnderTest, templates } from '../../e2e/site-under-test.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { isOwnAddress } from '../../src/lib/routes.ts';
import { projectRoot } from '../support/project.ts';
import { dist } from './dist.ts';

it('has a page of every template kind, and a legacy address that redirects', async () => {
  const picked = pickPages(await siteUnderTest());
  assert.deepEqual(Object.keys(templates).filter((t) => !(t in picked.pages)), []);
  assert.deepEqual(picked.redirect, { from: '/spotify/', to: '/booths/spotify/' });
  // A booth with a hero image and one without are different pages.
  assert.notEqual(picked.pages['booth-hero'], picked.pages['booth-plain']);
});

it('puts at its top only addresses of its own, files of public/ and old booth addresses (so the content check knows where an old address would collide)', () => {
  const legacy = checkContent(projectRoot).model!.sponsors.flatMap((s) => s.legacyPermalinks.map((path) => path.split('/')[1]!));
  const publicNames = readdirSync(join(projectRoot, 'public'));
  const unexplained = readdirSync(dist).filter((name) => !isOwnAddress(`/${name}/`) && !publicNames.includes(name) && !legacy.includes(name));
  assert.deepEqual(unexplained, []);
  assert.ok(legacy.length > 0 && legacy.every((name) => !isOwnAddress(`/${name}/`)));
});

