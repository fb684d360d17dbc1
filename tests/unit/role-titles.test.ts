/** Every role page gets a title of its own, also where a sponsor posts one title twice. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rolePageTitles } from '../../src/lib/role-titles.ts';
import { fixtureModel } from '../support/roles-fixture.ts';

const model = fixtureModel('2027-02-01');
const base = model.roles.find((r) => r.id === 'acme/phd-research-intern')!;
/** A copy of a role under another id, with some fields changed. */
const twin = (id: string, changes: Partial<typeof base>) => ({ ...base, id, ...changes });

test('a title shared by one sponsor\'s roles is told apart by places, then term, then number', () => {
  const london = base.places.filter((p) => p.location.id === 'london');
  const roles = [
    base,
    twin('acme/phd-research-intern-2', { places: london }),
    twin('acme/phd-research-intern-3', { places: london, term: { season: 'autumn', year: 2027, flexibleStart: false } }),
    twin('acme/phd-research-intern-4', { places: london, term: { season: 'autumn', year: 2027, flexibleStart: false } }),
    model.roles.find((r) => r.id === 'acme/research-scientist')!,
  ];
  const titles = rolePageTitles(roles);
  assert.deepEqual([...titles.values()], [
    'PhD Research Intern (London, Germany (remote)) at Acme Audio',
    'PhD Research Intern (London, Summer 2027, 3 months) at Acme Audio',
    'PhD Research Intern (London, Autumn 2027, 1) at Acme Audio',
    'PhD Research Intern (London, Autumn 2027, 2) at Acme Audio',
    'Research Scientist <Audio> & "Music" at Acme Audio',
  ]);
  assert.equal(new Set(titles.values()).size, roles.length);
});

test('titles of different sponsors never need a detail, nor does a title of its own', () => {
  const titles = rolePageTitles(model.roles);
  for (const role of model.roles) assert.equal(titles.get(role.id), `${role.title} at ${role.sponsor.name}`);
});
