/**
 * The roles board's filters, computed once per build: every facet (kind, level, research
 * area, country, city, workplace, remote scope, visa sponsorship, published salary, season,
 * sponsor), every value that gets a page, and the
 * listed roles under each value, in board order. Also the pagination of long lists and the
 * page-local tokens the CSS-only combined filter matches on. Pure: takes the model.
 */
import { seasons, visaAnswers } from '../schemas/role.ts';
import { locationText } from './display-text.ts';
import { slugify } from '../core/ids.ts';
import { employmentTypeLabels, isListed, type Model, type Role } from './model.ts';
import { facetNames, type FacetName } from './routes.ts';

export const facetLabels: Record<FacetName, string> = {
  kind: 'Kind of role',
  level: 'Level',
  area: 'Research area',
  country: 'Country',
  location: 'City',
  workplace: 'Workplace',
  remote: 'Remote region',
  visa: 'Visa sponsorship',
  salary: 'Salary',
  season: 'Season',
  sponsor: 'Sponsor',
};

export interface FacetValue {
  facet: FacetName;
  /** URL segment, e.g. "machine-learning". */
  id: string;
  /** Filter label, e.g. "Machine Learning". */
  label: string;
  /** Page heading, e.g. "Roles in Machine Learning". */
  title: string;
  /** Open and upcoming roles with this value, newest first. */
  roles: Role[];
}

export interface Facet {
  name: FacetName;
  label: string;
  /** Every value that has a page (also those without roles today, so shared links stay alive). */
  values: FacetValue[];
  byId: Map<string, FacetValue>;
}

export interface Facets {
  byName: Record<FacetName, Facet>;
  /** The value ids of each listed role, per facet, keyed by role id. */
  valuesOf: Map<string, Record<FacetName, string[]>>;
}

type ValueSeed = Omit<FacetValue, 'facet' | 'roles'> & { order?: number };

const levels: { id: string; label: string; title: string; test: (r: Role) => boolean }[] = [
  { id: 'phd-student', label: 'PhD student', title: 'Roles for PhD students', test: (r) => r.eligibility.enrolledIn.includes('phd') },
  { id: 'master-student', label: "Master's student", title: "Roles for master's students", test: (r) => r.eligibility.enrolledIn.includes('master') },
  { id: 'bachelor-student', label: "Bachelor's student", title: "Roles for bachelor's students", test: (r) => r.eligibility.enrolledIn.includes('bachelor') },
  { id: 'phd', label: 'PhD degree', title: 'Roles asking for a PhD', test: (r) => degree(r) === 'phd' },
  { id: 'master', label: "Master's degree", title: "Roles asking for a master's degree", test: (r) => degree(r) === 'master' },
  { id: 'bachelor', label: "Bachelor's degree", title: "Roles asking for a bachelor's degree", test: (r) => degree(r) === 'bachelor' },
];

function degree(role: Role) {
  return role.eligibility.educationRequired ?? role.eligibility.educationPreferred;
}

const workplaceLabels = { onsite: 'On site', hybrid: 'Hybrid', remote: 'Remote' } as const;
const workplaceTitles = { onsite: 'On-site roles', hybrid: 'Hybrid roles', remote: 'Remote roles' } as const;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** Visa answers in the order the filter shows them. */
const visaValues: Record<(typeof visaAnswers)[number], { label: string; title: string }> = {
  yes: { label: 'Sponsored', title: 'Roles with visa sponsorship' },
  'case-by-case': { label: 'Case by case', title: 'Roles that consider visa sponsorship case by case' },
  no: { label: 'Not sponsored', title: 'Roles without visa sponsorship' },
};

/** The one value of the salary facet: roles that publish their pay. */
const publishedSalary = { id: 'published', label: 'Published', title: 'Roles with a published salary' };

/**
 * Where remote roles can be done from: every country, region and time-zone band of
 * locations.yaml, by the location's id.
 */
function remoteScopes(locations: Model['locations']): ValueSeed[] {
  return locations.filter((l) => !l.city).map((l) => ({ id: l.id, label: locationText(l), title: `Roles remote from ${locationText(l)}` }));
}

/** The remote scope of a remote place: its location, or for a city its country's entry (if locations.yaml has one). */
function remoteScope(place: Role['places'][number], countryEntries: Map<string, string>): string | undefined {
  if (place.workplace !== 'remote') return undefined;
  const { location } = place;
  return location.city ? countryEntries.get(location.country!) : location.id;
}

/**
 * Countries by ISO code. A country-level entry of locations.yaml (one without a city, such
 * as "germany") gives the id and label; otherwise the English name does ("united-states").
 */
function countryIndex(locations: Model['locations']): Map<string, ValueSeed> {
  const byCode = new Map<string, ValueSeed>();
  for (const l of locations) {
    if (l.country === undefined) continue; // a region or a time-zone band
    const own = !l.city ? { id: l.id, label: l.label } : undefined;
    if (byCode.has(l.country) && !own) continue;
    const name = own?.label ?? regionNames.of(l.country) ?? l.country;
    byCode.set(l.country, { id: own?.id ?? slugify(name), label: name, title: `Roles in ${name}` });
  }
  return byCode;
}

/** "summer-2021" / "Summer 2021", or just the season or the year when only one is given. */
export function seasonValue(term: Role['term']): (ValueSeed & { order: number }) | undefined {
  if (!term || (!term.season && !term.year)) return undefined;
  const season = term.season ? term.season[0]!.toUpperCase() + term.season.slice(1) : undefined;
  const label = [season, term.year].filter(Boolean).join(' ');
  const order = (term.year ?? 9999) * 10 + (term.season ? seasons.indexOf(term.season) + 1 : 0);
  return { id: slugify(label), label, title: `Roles for ${label}`, order };
}

/** The value ids a role has in each facet. */
function roleValues(role: Role, countries: Map<string, ValueSeed>, countryEntries: Map<string, string>): Record<FacetName, string[]> {
  const unique = (ids: (string | undefined)[]) => [...new Set(ids.filter((id): id is string => id !== undefined))];
  return {
    kind: [role.employmentType],
    level: levels.filter((l) => l.test(role)).map((l) => l.id),
    area: role.areas.map((a) => a.id),
    country: unique(role.places.map((p) => (p.location.country ? countries.get(p.location.country)?.id : undefined))),
    location: unique(role.places.map((p) => (p.location.city ? p.location.id : undefined))),
    workplace: unique(role.places.map((p) => p.workplace)),
    remote: unique(role.places.map((p) => remoteScope(p, countryEntries))),
    visa: unique([role.visaSponsorship]),
    salary: role.salary ? [publishedSalary.id] : [],
    season: unique([seasonValue(role.term)?.id]),
    sponsor: [role.sponsor.id],
  };
}

/** Every value of every facet that gets a page, in display order. */
function valueSeeds(model: Pick<Model, 'areas' | 'locations' | 'sponsors' | 'roles'>, countries: Map<string, ValueSeed>): Record<FacetName, ValueSeed[]> {
  const byLabel = (a: ValueSeed, b: ValueSeed) => a.label.localeCompare(b.label, 'en');
  const seasonsSeen = new Map<string, ValueSeed & { order: number }>();
  for (const role of model.roles) {
    const value = seasonValue(role.term);
    if (value) seasonsSeen.set(value.id, value);
  }
  const seeds: Record<FacetName, ValueSeed[]> = {
    kind: (Object.keys(employmentTypeLabels) as Role['employmentType'][]).map((k) => ({
      id: k,
      label: employmentTypeLabels[k].singular,
      title: employmentTypeLabels[k].plural,
    })),
    level: levels.map(({ id, label, title }) => ({ id, label, title })),
    area: model.areas.map((a) => ({ id: a.id, label: a.label, title: `Roles in ${a.label}` })),
    country: [...countries.values()].sort(byLabel),
    location: model.locations
      .filter((l) => l.city)
      .map((l) => ({ id: l.id, label: l.label, title: `Roles in ${l.label}` }))
      .sort(byLabel),
    workplace: (['onsite', 'hybrid', 'remote'] as const).map((w) => ({ id: w, label: workplaceLabels[w], title: workplaceTitles[w] })),
    remote: remoteScopes(model.locations).sort(byLabel),
    visa: (Object.keys(visaValues) as (keyof typeof visaValues)[]).map((id) => ({ id, ...visaValues[id] })),
    salary: [publishedSalary],
    season: [...seasonsSeen.values()].sort((a, b) => a.order - b.order).map(({ order: _order, ...v }) => v),
    sponsor: model.sponsors.map((s) => ({ id: s.id, label: s.name, title: `Roles at ${s.name}` })),
  };
  return distinctTitles(seeds);
}

/**
 * Every page needs its own title: when two facets give a value the same one (the city and
 * the country of Singapore are both "Roles in Singapore"), each says its facet.
 */
function distinctTitles(seeds: Record<FacetName, ValueSeed[]>): Record<FacetName, ValueSeed[]> {
  const facetsWith = new Map<string, Set<FacetName>>();
  for (const name of facetNames) for (const v of seeds[name]) facetsWith.set(v.title, (facetsWith.get(v.title) ?? new Set()).add(name));
  const own = (name: FacetName, v: ValueSeed) => ((facetsWith.get(v.title)?.size ?? 0) > 1 ? { ...v, title: `${v.title} (${facetLabels[name].toLowerCase()})` } : v);
  return Object.fromEntries(facetNames.map((name) => [name, seeds[name].map((v) => own(name, v))])) as Record<FacetName, ValueSeed[]>;
}

/**
 * All facets of the listed (open and upcoming) roles. `model.roles` must be in board order
 * (the model sorts it), so every value's roles are too. Linear in roles × values per role.
 */
export function computeFacets(model: Pick<Model, 'areas' | 'locations' | 'sponsors' | 'roles'>, listed: (role: Role) => boolean = isListed): Facets {
  const countries = countryIndex(model.locations);
  const countryEntries = new Map(model.locations.filter((l) => l.country && !l.city).map((l) => [l.country!, l.id]));
  const seeds = valueSeeds(model, countries);
  const byName = {} as Record<FacetName, Facet>;
  for (const name of facetNames) {
    const values = seeds[name].map((seed) => ({ ...seed, facet: name, roles: [] as Role[] }));
    byName[name] = { name, label: facetLabels[name], values, byId: new Map(values.map((v) => [v.id, v])) };
  }
  const valuesOf = new Map<string, Record<FacetName, string[]>>();
  for (const role of model.roles) {
    if (!listed(role)) continue;
    const ids = roleValues(role, countries, countryEntries);
    valuesOf.set(role.id, ids);
    for (const name of facetNames) {
      for (const id of ids[name]) byName[name].byId.get(id)?.roles.push(role);
    }
  }
  return { byName, valuesOf };
}

// ---------------------------------------------------------------------------------------
// Pagination: every list of roles is cut into pages of a fixed size (conference.yaml
// `rolesPerPage`, 100 by default), so no page grows with the content: the board of 10,000
// roles is 100 pages of 100 rows, not one 10 MB page.

export interface ListPage<T> {
  items: T[];
  /** 1-based. */
  number: number;
  /** Number of pages of the list (at least 1, even for an empty list). */
  count: number;
  /** Items in the whole list. */
  total: number;
  /** Position of the first item in the whole list, 1-based (0 for an empty list). */
  first: number;
}

export function paginate<T>(items: readonly T[], size: number): ListPage<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    number: i + 1,
    count,
    total: items.length,
    first: items.length === 0 ? 0 : i * size + 1,
  }));
}

// ---------------------------------------------------------------------------------------
// The CSS-only combined filter. Each list page gets one checkbox per facet value present in
// its rows; a value is numbered within its facet on that page ("area-0", "area-1", …) and
// each row carries the tokens of its values. The stylesheet (filterCss) then only needs one
// rule per facet and number, the same for every page, however many values the site has.

export interface FilterOption {
  value: FacetValue;
  /** "area-3": the checkbox id is `rf-area-3`, rows with the value carry the token. */
  token: string;
}

export interface FilterGroup {
  facet: Facet;
  options: FilterOption[];
}

export interface PageFilter {
  groups: FilterGroup[];
  /** Space-separated tokens per role id, for the row's data-filter attribute. */
  rowTokens: Map<string, string>;
}

/** The filter of one page of roles; `omit` leaves out the facet the page is already about. */
export function pageFilter(roles: readonly Role[], facets: Facets, omit?: FacetName): PageFilter {
  const groups: FilterGroup[] = [];
  const tokens = new Map<string, string[]>(roles.map((r) => [r.id, []]));
  for (const name of facetNames) {
    if (name === omit) continue;
    const facet = facets.byName[name];
    const present = new Set(roles.flatMap((r) => facets.valuesOf.get(r.id)?.[name] ?? []));
    const values = facet.values.filter((v) => present.has(v.id));
    // One value that every row has would filter nothing.
    const everyRow = values.length === 1 && roles.every((r) => facets.valuesOf.get(r.id)?.[name].includes(values[0]!.id));
    if (values.length === 0 || everyRow) continue;
    const options = values.map((value, i) => ({ value, token: `${name}-${i}` }));
    const tokenOf = new Map(options.map((o) => [o.value.id, o.token]));
    for (const role of roles) {
      for (const id of facets.valuesOf.get(role.id)?.[name] ?? []) tokens.get(role.id)!.push(tokenOf.get(id)!);
    }
    groups.push({ facet, options });
  }
  return { groups, rowTokens: new Map([...tokens].map(([id, list]) => [id, list.join(' ')])) };
}

/** How many options each facet's group has at most, over the given page filters. */
export function maxOptions(filters: Iterable<PageFilter>): Partial<Record<FacetName, number>> {
  const max: Partial<Record<FacetName, number>> = {};
  for (const filter of filters) {
    for (const group of filter.groups) max[group.facet.name] = Math.max(max[group.facet.name] ?? 0, group.options.length);
  }
  return max;
}

/**
 * The filter's stylesheet. Within a facet the checked values are alternatives (a row shows
 * when it has any of them); across facets they all apply. A row hides when a facet has a
 * checked box and the row has none of that facet's checked values. Hidden rows do not count
 * in the `rf-shown` counter, which the status line prints ("None" for zero). Browsers
 * without :has() drop these rules, so the checkboxes are hidden there and the links to the
 * facet pages remain.
 */
export function filterCss(slots: Partial<Record<FacetName, number>>): string {
  const rules = [
    '@counter-style rf-count { system: cyclic; symbols: "None"; range: 0 0; fallback: decimal; }',
    '.rf { counter-reset: rf-shown; }',
    '.rf-rows tbody tr { counter-increment: rf-shown; }',
    '.rf-shown::before { content: counter(rf-shown, rf-count); }',
    '.rf:not(:has(.rf-form input:checked)) .rf-status { display: none; }',
    '@supports not selector(:has(*)) { .rf-check, .rf-status, .rf-actions { display: none; } }',
  ];
  for (const name of facetNames) {
    const n = slots[name] ?? 0;
    if (n === 0) continue;
    const alternatives = Array.from({ length: n }, (_, i) => `.rf:has(#rf-${name}-${i}:checked) [data-filter~="${name}-${i}"]`);
    rules.push(`.rf:has(.rf-group-${name} input:checked) .rf-rows tbody tr:not(${alternatives.join(', ')}) { display: none; }`);
  }
  return rules.join('\n') + '\n';
}
