/**
 * The board's facets: counts per value, aliases normalised through the area and location
 * lists, closed roles left out as of a fixed build date, board order, pagination, and the
 * page-local tokens and stylesheet of the CSS-only filter.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkContent } from '../../src/lib/content-check.ts';
import { computeFacets, filterCss, maxOptions, pageFilter, paginate, seasonValue, type Facets } from '../../src/lib/facets.ts';
import { isListed, roleState } from '../../src/lib/model.ts';
import { facetNames, reservedSponsorIds, routes, type FacetName } from '../../src/lib/routes.ts';
import { locationSchema } from '../../src/schemas/vocabulary.ts';
import { projectRoot } from '../support/project.ts';
import { fixtureBuild, fixtureModel } from '../support/roles-fixture.ts';

const today = '2027-02-01';
const model = fixtureModel(today);
const facets = computeFacets(model);

/** Role ids under a value, in list order. */
const ids = (name: FacetName, value: string, f: Facets = facets) => f.byName[name].byId.get(value)!.roles.map((r) => r.id);

/** "value: count" of every value of a facet that has roles. */
function counts(name: FacetName): Record<string, number> {
  return Object.fromEntries(facets.byName[name].values.filter((v) => v.roles.length > 0).map((v) => [v.id, v.roles.length]));
}

describe('facets', () => {
  it('list open and upcoming roles only, newest first then by sponsor tier', () => {
    assert.deepEqual(model.roles.filter(isListed).map((r) => r.id), [
      'beta/remote-engineer', // 2027-01-12
      'acme/phd-research-intern', // 2027-01-10, gold, by title
      'acme/research-scientist',
      'beta/upcoming-intern', // upcoming is listed
    ]);
    assert.deepEqual(counts('sponsor'), { acme: 2, beta: 2 });
    // Drafts (a draft role, and every role of a draft sponsor) are nowhere, not even as a value.
    assert.equal(facets.byName.sponsor.byId.has('hidden'), false);
    assert.equal(model.roles.some((r) => r.id === 'acme/draft-role' || r.id === 'hidden/secret-role'), false);
  });

  it('count each kind, level and season', () => {
    assert.deepEqual(counts('kind'), { internship: 2, 'full-time': 2 });
    assert.deepEqual(counts('level'), { 'phd-student': 1, 'master-student': 1, phd: 1 });
    assert.deepEqual(counts('season'), { 'summer-2027': 2 });
  });

  it('normalise aliases through the area and location lists', () => {
    assert.deepEqual(counts('area'), { 'machine-learning': 2, 'music-information-retrieval': 2, 'search-recommendations': 1 });
    assert.deepEqual(ids('area', 'search-recommendations'), ['acme/research-scientist']); // "Search & Recommendation"
    assert.deepEqual(ids('location', 'new-york'), ['acme/research-scientist']); // "NYC"
    assert.deepEqual(ids('country', 'germany'), ['beta/remote-engineer', 'acme/phd-research-intern', 'acme/research-scientist']); // "Germany", germany, berlin
  });

  it('give every value of the lists a page, also while it has no roles, so shared links keep working', () => {
    assert.deepEqual(ids('area', 'music-generation'), []);
    assert.deepEqual(ids('kind', 'postdoc'), []); // the only postdoc is filled
    assert.deepEqual(ids('location', 'london'), ['acme/phd-research-intern']); // the expired London role is gone
  });

  it('list cities as locations, every place under its country, and workplaces apart', () => {
    assert.deepEqual(facets.byName.location.values.map((v) => v.id), ['berlin', 'london', 'montreal', 'new-york']);
    assert.deepEqual(
      facets.byName.country.values.map((v) => [v.id, v.label]),
      [
        ['canada', 'Canada'],
        ['germany', 'Germany'], // the list's own country entry names it
        ['united-kingdom', 'United Kingdom'],
        ['united-states', 'United States'],
      ],
    );
    assert.deepEqual(counts('workplace'), { onsite: 3, hybrid: 1, remote: 2 });
    assert.deepEqual(ids('workplace', 'remote'), ['beta/remote-engineer', 'acme/phd-research-intern']);
  });

  it('file remote roles by where they can be done from: countries, regions and time-zone bands', () => {
    assert.deepEqual(
      facets.byName.remote.values.map((v) => [v.id, v.label]),
      [
        ['americas-hours', 'Americas time zones, UTC\u22128 to UTC\u22123'],
        ['europe', 'Europe'],
        ['germany', 'Germany'],
      ],
    );
    assert.deepEqual(counts('remote'), { 'americas-hours': 1, europe: 1, germany: 2 });
    assert.deepEqual(ids('remote', 'europe'), ['beta/remote-engineer']); // written "Europe": the label is an alias
    // Regions and bands are no country: the country facet is about where a role is held.
    assert.deepEqual(ids('country', 'germany'), ['beta/remote-engineer', 'acme/phd-research-intern', 'acme/research-scientist']);
    assert.equal(facets.byName.remote.byId.get('europe')!.title, 'Roles remote from Europe');
  });

  it('file roles by visa sponsorship and by a published salary, and leave out those that do not say', () => {
    assert.deepEqual(counts('visa'), { yes: 1, 'case-by-case': 1 });
    assert.deepEqual(facets.byName.visa.values.map((v) => [v.id, v.label, v.title]), [
      ['yes', 'Sponsored', 'Roles with visa sponsorship'],
      ['case-by-case', 'Case by case', 'Roles that consider visa sponsorship case by case'],
      ['no', 'Not sponsored', 'Roles without visa sponsorship'],
    ]);
    assert.deepEqual(ids('visa', 'no'), []); // a page anyway, so a shared link keeps working
    assert.deepEqual(counts('salary'), { published: 1 });
    assert.deepEqual(ids('salary', 'published'), ['acme/research-scientist']);
  });

  it('keep a region or a time-zone band for remote places, with a clear error otherwise', () => {
    const { problems } = fixtureBuild(today, ({ roles }) => {
      (roles['beta/remote-engineer']!['locations'] as { workplace?: string }[])[1]!.workplace = 'hybrid';
      (roles['acme/research-scientist']!['locations'] as { location: string }[])[0]!.location = 'europ';
    });
    assert.deepEqual(problems.map((p) => `${p.file}: ${p.field}: ${p.message}${p.suggestion ? ` (${p.suggestion})` : ''}`), [
      'roles/acme/research-scientist.yaml: locations[0].location: unknown location "europ"; add it to locations.yaml or use one of its ids (europe)',
      'roles/beta/remote-engineer.yaml: locations[1].workplace: is hybrid, but "europe" is a region in locations.yaml: a role is held there only remotely; write workplace: remote, or name a city or a country',
    ]);
  });

  it('title each value for its page', () => {
    const title = (name: FacetName, value: string) => facets.byName[name].byId.get(value)!.title;
    assert.equal(title('area', 'machine-learning'), 'Roles in Machine Learning');
    assert.equal(title('kind', 'internship'), 'Internships');
    assert.equal(title('level', 'phd-student'), 'Roles for PhD students');
    assert.equal(title('sponsor', 'acme'), 'Roles at Acme Audio');
    assert.equal(title('workplace', 'remote'), 'Remote roles');
    assert.equal(title('season', 'summer-2027'), 'Roles for Summer 2027');
  });

  it('give each value page its own title, also where a city and its country share a name', () => {
    const singapore = locationSchema.parse({ id: 'singapore', label: 'Singapore', city: 'Singapore', country: 'SG' });
    const withCityState = computeFacets({ ...model, locations: [...model.locations, singapore] });
    const titles = facetNames.flatMap((name) => withCityState.byName[name].values.map((v) => v.title));
    assert.deepEqual(titles.filter((t, i) => titles.indexOf(t) !== i), []);
    assert.equal(withCityState.byName.location.byId.get('singapore')?.title, 'Roles in Singapore (city)');
    assert.equal(withCityState.byName.country.byId.get('singapore')?.title, 'Roles in Singapore (country)');
    assert.equal(withCityState.byName.location.byId.get('berlin')?.title, 'Roles in Berlin');
  });

  it('keep the board\'s own path segments out of sponsor ids', () => {
    for (const name of [...facetNames, 'page']) assert.ok(reservedSponsorIds.includes(name), name);
    const { problems } = fixtureBuild(today, ({ sponsors }) => {
      sponsors['level'] = { ...(sponsors['beta'] as object), name: 'Level AI' };
    });
    assert.deepEqual(problems.map((p) => `${p.file}: ${p.field}: ${p.message}`), [
      'sponsors/level.mdx: (file name): "level" cannot name a sponsor: /roles/level/ is a page of the roles board; rename the file, e.g. to level-inc.mdx',
    ]);
  });

  it('agree with the demo content on aliases', () => {
    const demo = computeFacets(checkContent(projectRoot, { today }).model!);
    assert.ok(ids('area', 'search-recommendations', demo).includes('spotify/research-scientist-summer-internship')); // "Search & Recommendation"
    assert.ok(ids('area', 'music-information-retrieval', demo).includes('resonance-labs/audio-research-engineer')); // "MIR"
  });
});

describe('expiry with a fixed build date', () => {
  it('keeps a role open through its validThrough day and closes it the day after', () => {
    assert.equal(roleState({ status: 'open', validThrough: '2027-01-31' }, '2027-01-31'), 'open');
    assert.equal(roleState({ status: 'open', validThrough: '2027-01-31' }, '2027-02-01'), 'closed');
    assert.equal(roleState({ status: 'open', validThrough: undefined }, '2099-01-01'), 'open');
  });

  it('never turns a filled, closed or upcoming role into an open one', () => {
    assert.equal(roleState({ status: 'filled', validThrough: '2099-01-01' }, '2027-01-01'), 'filled');
    assert.equal(roleState({ status: 'closed', validThrough: undefined }, '2027-01-01'), 'closed');
    assert.equal(roleState({ status: 'upcoming', validThrough: undefined }, '2027-01-01'), 'upcoming');
    assert.equal(roleState({ status: 'upcoming', validThrough: '2027-01-01' }, '2027-01-02'), 'closed');
  });

  it('takes an expired role out of every facet the day after it closes', () => {
    const before = computeFacets(fixtureModel('2027-01-31'));
    const role = 'acme/expired-engineer';
    for (const [name, value] of [['sponsor', 'acme'], ['area', 'machine-learning'], ['location', 'london'], ['country', 'united-kingdom'], ['kind', 'full-time']] as const) {
      assert.ok(ids(name, value, before).includes(role), `${name}/${value} on 2027-01-31`);
      assert.ok(!ids(name, value).includes(role), `${name}/${value} on ${today}`);
    }
    assert.equal(facets.valuesOf.has(role), false);
    assert.equal(model.roles.find((r) => r.id === role)?.state, 'closed'); // its page stays, as closed
  });
});

describe('values, pages and paths', () => {
  it('names seasons from the term', () => {
    assert.deepEqual(seasonValue({ season: 'summer', year: 2021, flexibleStart: false }), { id: 'summer-2021', label: 'Summer 2021', title: 'Roles for Summer 2021', order: 20212 });
    assert.equal(seasonValue({ year: 2022, flexibleStart: false })?.id, '2022');
    assert.equal(seasonValue({ flexibleStart: true }), undefined);
    assert.equal(seasonValue(undefined), undefined);
  });

  it('cuts lists into pages of a fixed size, one empty page for an empty list', () => {
    const pages = paginate(Array.from({ length: 250 }, (_, i) => i), 100);
    assert.deepEqual(pages.map((p) => [p.number, p.count, p.items.length, p.first, p.total]), [
      [1, 3, 100, 1, 250],
      [2, 3, 100, 101, 250],
      [3, 3, 50, 201, 250],
    ]);
    assert.deepEqual(paginate([], 100).map((p) => [p.count, p.items.length, p.first]), [[1, 0, 0]]);
    assert.equal(routes.listPage('/roles/', 1), '/roles/');
    assert.equal(routes.listPage('/roles/area/ml/', 3), '/roles/area/ml/page/3/');
  });
});

describe('the CSS-only combined filter', () => {
  const roles = model.roles.filter(isListed);
  const filter = pageFilter(roles, facets);
  const token = (name: FacetName, value: string) => filter.groups.find((g) => g.facet.name === name)!.options.find((o) => o.value.id === value)!.token;

  it('offers the values present on the page, numbered within their facet', () => {
    assert.deepEqual(filter.groups.map((g) => g.facet.name), ['kind', 'level', 'area', 'country', 'location', 'workplace', 'remote', 'visa', 'salary', 'season', 'sponsor']);
    const area = filter.groups.find((g) => g.facet.name === 'area')!;
    assert.deepEqual(area.options.map((o) => [o.value.id, o.token]), [
      ['machine-learning', 'area-0'],
      ['music-information-retrieval', 'area-1'],
      ['search-recommendations', 'area-2'],
    ]);
  });

  it('gives each row the tokens of its values', () => {
    const tokens = filter.rowTokens.get('acme/phd-research-intern')!.split(' ');
    for (const [name, value] of [['kind', 'internship'], ['level', 'phd-student'], ['area', 'machine-learning'], ['country', 'germany'], ['country', 'united-kingdom'], ['location', 'london'], ['workplace', 'remote'], ['workplace', 'onsite'], ['remote', 'germany'], ['season', 'summer-2027'], ['sponsor', 'acme']] as const) {
      assert.ok(tokens.includes(token(name, value)), `${name}=${value}`);
    }
    assert.equal(tokens.length, 12);
    assert.deepEqual(filter.rowTokens.get('acme/research-scientist')!.split(' ').filter((t) => /^(visa|salary)-/.test(t)), [token('visa', 'yes'), token('salary', 'published')]);
  });

  it('leaves out the facet a page is about, and a value every row has', () => {
    const internships = facets.byName.kind.byId.get('internship')!.roles;
    const names = pageFilter(internships, facets, 'kind').groups.map((g) => g.facet.name);
    assert.ok(!names.includes('kind'));
    assert.ok(!names.includes('season'), 'both internships are Summer 2027');
    assert.ok(names.includes('sponsor'));
  });

  it('writes one rule per facet, with an alternative per option number', () => {
    const css = filterCss(maxOptions([filter, pageFilter(roles.slice(0, 1), facets)]));
    assert.match(
      css,
      /\.rf:has\(\.rf-group-kind input:checked\) \.rf-rows tbody tr:not\(\.rf:has\(#rf-kind-0:checked\) \[data-filter~="kind-0"\], \.rf:has\(#rf-kind-1:checked\) \[data-filter~="kind-1"\]\) \{ display: none; \}/,
    );
    assert.equal(css.match(/#rf-area-\d+:checked/g)?.length, 3);
    assert.doesNotMatch(css, /rf-kind-2/);
    assert.match(css, /\.rf-rows tbody tr \{ counter-increment: rf-shown; \}/);
    assert.match(css, /@counter-style rf-count \{ system: cyclic; symbols: "None"; range: 0 0; fallback: decimal; \}/);
  });
});
