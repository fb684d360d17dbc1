import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentEntryOf, facetNames, isOwnAddress, pageKind, reservedSponsorIds, routes, withBase } from '../../src/lib/routes.ts';

describe('routes', () => {
  it('tells every page the routes write back as its kind, and the number of a list page', () => {
    const cases: [string, ReturnType<typeof pageKind>][] = [
      [routes.hall, { kind: 'hall', page: 1 }],
      [routes.booth({ id: 'acme' }), { kind: 'booth', page: 1 }],
      [routes.board, { kind: 'board', page: 1 }],
      [routes.listPage(routes.board, 3), { kind: 'board', page: 3 }],
      [routes.role({ id: 'acme/research-intern' }), { kind: 'role', page: 1 }],
      [routes.facetIndex('area'), { kind: 'filter-index', page: 1 }],
      [routes.listPage(routes.facet({ facet: 'area', id: 'machine-learning' }), 2), { kind: 'filter', page: 2 }],
      [routes.callForSponsors, { kind: 'other', page: 1 }],
      [routes.schedule, { kind: 'other', page: 1 }],
    ];
    for (const [path, kind] of cases) assert.deepEqual(pageKind(path), kind, path);
    for (const facet of facetNames) assert.equal(pageKind(routes.facet({ facet, id: 'x' })).kind, 'filter', facet);
  });

  it('names the content entry a page, calendar or card is made from, and none for the rest', () => {
    assert.deepEqual(contentEntryOf(routes.booth({ id: 'acme' })), { collection: 'sponsors', id: 'acme' });
    assert.deepEqual(contentEntryOf(routes.boothCalendar({ id: 'acme' })), { collection: 'sponsors', id: 'acme' });
    assert.deepEqual(contentEntryOf(routes.eventCalendar({ id: 'acme' }, { id: 'poster-a' })), { collection: 'sponsors', id: 'acme' });
    assert.deepEqual(contentEntryOf(routes.shareCard({ id: 'acme' })), { collection: 'sponsors', id: 'acme' });
    assert.deepEqual(contentEntryOf(routes.role({ id: 'acme/research-intern' })), { collection: 'roles', id: 'acme/research-intern' });
    for (const path of [routes.hall, routes.board, routes.facet({ facet: 'sponsor', id: 'acme' }), routes.listPage(routes.board, 2), routes.feed('json'), routes.schedule]) {
      assert.equal(contentEntryOf(path), undefined, path);
    }
  });

  it("keeps a sponsor from taking a name of the board's own pages: its filters and its pages", () => {
    assert.deepEqual([...reservedSponsorIds].sort(), ['page', ...facetNames].sort());
    // A sponsor named like a filter would have its role pages read as that filter's pages.
    for (const id of reservedSponsorIds) assert.notEqual(pageKind(routes.role({ id: `${id}/${id === 'page' ? '2' : 'intern'}` })).kind, 'role', id);
  });

  it('applies the base one way, and names feeds in order', () => {
    assert.equal(withBase('/ISMIR2020/', routes.board), '/ISMIR2020/roles/');
    assert.equal(withBase('/', routes.hall), '/');
    assert.deepEqual([routes.feed('json'), routes.feed('xml', 2), routes.feedName(3)], ['/roles.json', '/roles-2.xml', 'roles-3']);
  });

  it("tells where the site's own pages and files are, so an old address cannot land on one", () => {
    for (const path of [routes.booth({ id: 'acme' }), routes.board, routes.role({ id: 'a/b' }), routes.schedule, routes.callForSponsors, '/share/', '/roles.json/', '/roles-3.xml/', '/Events.ics/', '/sitemap.xml/', '/robots.txt/', '/404.html/', '/index.html/', '/_astro/', '/_headers/']) {
      assert.equal(isOwnAddress(path), true, path);
    }
    for (const path of ['/spotify/', '/sponsors/acme/', '/booth/', '/roles-x/', '/2020/roles/']) assert.equal(isOwnAddress(path), false, path);
  });
});
