/** One slug function for filter URLs and scaffolded ids, and one clash check for ids (ignoring case). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clashingIds, slugify } from '../../src/core/ids.ts';

describe('slugify', () => {
  it('makes URL segments of labels and names', () => {
    assert.equal(slugify("Côte d'Ivoire"), 'cote-d-ivoire');
    assert.equal(slugify('  Summer 2021 '), 'summer-2021');
    assert.equal(slugify('Acme Audio GmbH & Co.'), 'acme-audio-gmbh-co');
    assert.equal(slugify('Montréal'), 'montreal');
  });

  it('folds compatibility forms and letters that have no accent to drop', () => {
    assert.equal(slugify('Ｆｕｌｌ ﬁeld'), 'full-field');
    assert.equal(slugify('Łódź'), 'lodz');
    assert.equal(slugify('Straße Øresund Ærø'), 'strasse-oresund-aero');
  });

  it('is empty when nothing is left', () => {
    assert.equal(slugify('東京 — ?'), '');
  });
});

describe('clashingIds', () => {
  it('groups ids that differ only in case, in input order', () => {
    const items = [{ id: 'Acme' }, { id: 'globex' }, { id: 'acme' }, {}, { id: 'ACME' }];
    assert.deepEqual(clashingIds(items, (i) => i.id), [[{ id: 'Acme' }, { id: 'acme' }, { id: 'ACME' }]]);
  });

  it('finds nothing when every id is unique', () => {
    assert.deepEqual(clashingIds(['a', 'b', 'c'], (i) => i), []);
  });
});
