/**
 * What the roles board should show, worked out here straight from the content files
 * (YAML and front matter), independently of the site's own code: which roles are open,
 * upcoming or closed on a given day, and which roles each facet page must list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentDir } from '../../src/core/project.ts';

const content = join(import.meta.dirname, '..', '..', contentDir);

interface RoleFile {
  title: string;
  employmentType: string;
  term?: { season?: string; year?: number };
  locations: { location: string; workplace?: string }[];
  researchAreas: string[];
  visaSponsorship?: string | boolean;
  salary?: object;
  eligibility?: { enrolledIn?: string[]; educationRequired?: string; educationPreferred?: string };
  status?: string;
  validThrough?: string | Date;
  draft?: boolean;
}

interface Vocabulary {
  id: string;
  label: string;
  aliases?: string[];
  city?: string;
  country?: string;
}

export interface ExpectedRole {
  /** "/roles/spotify/research-lead-personalization/" */
  path: string;
  title: string;
  state: 'open' | 'upcoming' | 'closed';
  /** "area/machine-learning", "kind/internship", …: the facet pages that list it. */
  facetPages: string[];
}

const yaml = (file: string) => parse(readFileSync(join(content, file), 'utf8'), { schema: 'core' });

function finder(list: Vocabulary[]) {
  return (value: string) => list.find((v) => [v.id, v.label, ...(v.aliases ?? [])].some((k) => k.toLowerCase() === value.toLowerCase()))!;
}

const day = (value: string | Date | undefined) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

/** Every published role as of `today` (YYYY-MM-DD), with the facet pages that list it. */
export function expectedRoles(today: string): ExpectedRole[] {
  const areas = finder(yaml('areas.yaml') as Vocabulary[]);
  const locationList = yaml('locations.yaml') as Vocabulary[];
  const location = finder(locationList);
  const englishName = new Intl.DisplayNames(['en'], { type: 'region' });
  const countryPage = (code: string) => {
    const own = locationList.find((l) => !l.city && l.country === code);
    return own ? own.id : englishName.of(code)!.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  };
  const draftSponsors = new Set(
    readdirSync(join(content, 'sponsors'))
      .filter((f) => f.endsWith('.mdx'))
      .filter((f) => /^draft:\s*true\s*$/m.test(readFileSync(join(content, 'sponsors', f), 'utf8').split(/^---$/m)[1] ?? ''))
      .map((f) => f.replace(/\.mdx$/, '')),
  );
  const roles: ExpectedRole[] = [];
  for (const sponsor of readdirSync(join(content, 'roles'))) {
    if (draftSponsors.has(sponsor)) continue;
    for (const file of readdirSync(join(content, 'roles', sponsor)).filter((f) => /\.ya?ml$/.test(f))) {
      const role = yaml(join('roles', sponsor, file)) as RoleFile;
      if (role.draft) continue;
      const status = role.status ?? 'open';
      const validThrough = day(role.validThrough);
      const state = status === 'filled' || status === 'closed' || (validThrough && validThrough < today) ? 'closed' : (status as 'open' | 'upcoming');
      const places = role.locations.map((p) => ({ ...location(p.location), workplace: p.workplace ?? 'onsite' }));
      const e = role.eligibility ?? {};
      const degree = e.educationRequired ?? e.educationPreferred;
      const season = [role.term?.season, role.term?.year].filter(Boolean).join('-');
      const pages = [
        `kind/${role.employmentType}`,
        ...(e.enrolledIn ?? []).map((l) => `level/${l}-student`),
        ...(degree ? [`level/${degree}`] : []),
        ...role.researchAreas.map((a) => `area/${areas(a).id}`),
        ...places.filter((p) => p.city).map((p) => `location/${p.id}`),
        ...places.filter((p) => p.country).map((p) => `country/${countryPage(p.country!)}`),
        ...places.map((p) => `workplace/${p.workplace}`),
        // Remote from a country, a region or a time-zone band: the list's entry; from a city: its country's entry.
        ...places.filter((p) => p.workplace === 'remote').flatMap((p) => {
          const entry = p.city ? locationList.find((l) => !l.city && l.country === p.country) : p;
          return entry ? [`remote/${entry.id}`] : [];
        }),
        ...(role.visaSponsorship === undefined ? [] : [`visa/${role.visaSponsorship === true ? 'yes' : role.visaSponsorship === false ? 'no' : String(role.visaSponsorship).toLowerCase().replace(/\s+/g, '-')}`]),
        ...(role.salary ? ['salary/published'] : []),
        ...(season ? [`season/${season}`] : []),
        `sponsor/${sponsor}`,
      ];
      roles.push({
        path: `/roles/${sponsor}/${file.replace(/\.ya?ml$/, '')}/`,
        title: role.title,
        state,
        facetPages: state === 'closed' ? [] : [...new Set(pages)],
      });
    }
  }
  return roles;
}
