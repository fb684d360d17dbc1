/**
 * The demo build has a page of every kind the browser suite tests (e2e/site-under-test.ts),
 * so that none of its tests is skipped for want of a page when the kit tests itself.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { pickPages, siteUnderTest, templates } from '../../e2e/site-under-test.ts';
import './dist.ts';

it('has a page of every template kind, and a legacy address that redirects', async () => {
  const picked = pickPages(await siteUnderTest());
  assert.deepEqual(Object.keys(templates).filter((t) => !(t in picked.pages)), []);
  assert.deepEqual(picked.redirect, { from: '/spotify/', to: '/booths/spotify/' });
  // A booth with a hero image and one without are different pages.
  assert.notEqual(picked.pages['booth-hero'], picked.pages['booth-plain']);
});
