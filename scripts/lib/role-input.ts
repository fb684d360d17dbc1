/**
 * Reading one role's answers from flags (and prompts in a terminal), each checked against
 * the same lists and schemas as the build: a wrong value is refused with a did-you-mean
 * before any file is written.
 */
import { closest } from '../../src/lib/suggest.ts';
import { oneOf, unknown, withSuggestion } from '../../src/lib/wording.ts';
import { educationLevels, employmentTypes, seasons, workplaces } from '../../src/schemas/role.ts';
import type { z } from 'zod';
import { applyLink, webUrl } from '../../src/schemas/links.ts';
import { httpUrl, isoDay } from '../../src/schemas/shared.ts';
import { addMonths, suggestFrom, today, vocabularyLookup, type Project } from './project.ts';
import type { RoleAnswers, RolePlace } from './scaffold.ts';

type Result<T> = { value: T } | { error: string };

/**
 * Why `value` cannot be published as `what`, or undefined: the rules of the schemas, so a
 * link pasted from an e-mail is refused here with its clean address, before a file is written.
 * Apply links (`rules: applyLink`) may keep tracking parameters.
 */
export function checkUrl(value: string, what: string, rules: z.ZodType<string> = webUrl): string | undefined {
  if (!httpUrl.safeParse(value).success) return `${what} "${value}" is not an absolute http(s) URL such as "https://example.com/jobs/123"`;
  const result = rules.safeParse(value);
  return result.success ? undefined : `${what} "${value}" ${result.error.issues[0]!.message}`;
}

export function checkDay(value: string, what: string): string | undefined {
  return isoDay.safeParse(value).success ? undefined : `${what} "${value}" is not a date written as YYYY-MM-DD`;
}

export function parseType(value: string): Result<RoleAnswers['type']> {
  const wanted = value.trim().toLowerCase();
  if ((employmentTypes as readonly string[]).includes(wanted)) return { value: wanted as RoleAnswers['type'] };
  return { error: withSuggestion(`${unknown('role type', value)}; expected ${oneOf(employmentTypes)}`, closest(wanted, employmentTypes)) };
}

/** "london", "germany:remote", "NYC=https://…", "berlin:hybrid=https://…": a place with its own apply link. */
export function parsePlace(value: string, project: Project): Result<RolePlace> {
  const eq = value.indexOf('=');
  const [where, applyUrl] = eq === -1 ? [value, undefined] : [value.slice(0, eq), value.slice(eq + 1).trim()];
  const [name, workplace] = where.split(':').map((s) => s.trim()) as [string, string | undefined];
  const location = vocabularyLookup(project.locations)(name);
  if (!location) {
    const ids = project.locations.map((l) => l.id);
    return { error: withSuggestion(`${unknown('location', name)}; use an id, label or alias from src/content/locations.yaml (${ids.join(', ')}), or add the place there first`, suggestFrom(project.locations, name)) };
  }
  if (workplace !== undefined && !(workplaces as readonly string[]).includes(workplace)) {
    return { error: withSuggestion(`${unknown('workplace', workplace)} in "${value}"; expected ${oneOf(workplaces)}`, closest(workplace, workplaces)) };
  }
  if (applyUrl !== undefined) {
    const problem = checkUrl(applyUrl, `the apply link for ${location.id}`, applyLink);
    if (problem) return { error: problem };
  }
  const place: RolePlace = { location: location.id };
  if (workplace) place.workplace = workplace as NonNullable<RolePlace['workplace']>;
  if (applyUrl) place.applyUrl = applyUrl;
  return { value: place };
}

export function parseArea(value: string, project: Project): Result<string> {
  const area = vocabularyLookup(project.areas)(value);
  if (area) return { value: area.id };
  return { error: withSuggestion(`${unknown('research area', value)}; use an id, label or alias from src/content/areas.yaml, or add it there first`, suggestFrom(project.areas, value)) };
}

/** "summer 2027", "2027", "autumn" → a term. */
export function parseTerm(value: string): Result<NonNullable<RoleAnswers['term']>> {
  const words = value.toLowerCase().replace(/fall/g, 'autumn').split(/[\s,]+/).filter(Boolean);
  const season = words.find((w) => (seasons as readonly string[]).includes(w)) as (typeof seasons)[number] | undefined;
  const year = words.map(Number).find((n) => Number.isInteger(n) && n >= 2000 && n <= 2200);
  const rest = words.filter((w) => w !== season && Number(w) !== year);
  if (rest.length || (!season && !year)) return { error: `the term "${value}" should be a season and/or a year, e.g. "summer 2027" (seasons: ${seasons.join(', ')})` };
  return { value: { ...(season ? { season } : {}), ...(year ? { year } : {}) } };
}

export function parseLevels(value: string): Result<RoleAnswers['enrolledIn']> {
  const levels: RoleAnswers['enrolledIn'] = [];
  for (const word of value.toLowerCase().split(/[\s,]+/).filter(Boolean)) {
    if (!(educationLevels as readonly string[]).includes(word)) {
      return { error: withSuggestion(`${unknown('education level', word)}; expected ${educationLevels.join(', ')}`, closest(word, educationLevels)) };
    }
    levels.push(word as RoleAnswers['enrolledIn'][number]);
  }
  return { value: levels };
}

/** Collects every error of a list of results, or their values. */
export function all<T>(results: Result<T>[], errors: string[]): T[] {
  return results.flatMap((r) => {
    if ('error' in r) {
      errors.push(r.error);
      return [];
    }
    return [r.value];
  });
}

export interface RoleFlags {
  title: string;
  type: string;
  location?: string[];
  applyUrl?: string;
  area?: string[];
  requirements?: string;
  enrolledIn?: string;
  term?: string;
  posted?: string;
  validThrough?: string;
  draft?: boolean;
}

/**
 * Checks role flags and fills what is missing with stand-ins (the sponsor's careers page
 * or website as the apply link, the first location and area): such a role is written as a
 * draft with TODO comments, so a half-written role never reaches the site.
 */
export function roleAnswers(flags: RoleFlags, project: Project, sponsor: { name: string; link: string }): Result<RoleAnswers> {
  const errors: string[] = [];
  const todo: RoleAnswers['todo'] = new Set();
  const type = all([parseType(flags.type)], errors)[0];
  if (!flags.title.trim()) errors.push('the role title is empty');

  let places = all((flags.location ?? []).flatMap((l) => l.split(/\s*;\s*/)).filter(Boolean).map((l) => parsePlace(l, project)), errors);
  if (flags.applyUrl) {
    const problem = checkUrl(flags.applyUrl, 'the apply link', applyLink);
    if (problem) errors.push(problem);
    else places = places.map((p) => ({ ...p, applyUrl: p.applyUrl ?? flags.applyUrl! }));
  }
  if (places.length === 0 && project.locations[0]) {
    places = [{ location: project.locations[0].id }];
    todo.add('locations');
  }
  if (places.some((p) => !p.applyUrl)) {
    places = places.map((p) => ({ ...p, applyUrl: p.applyUrl ?? sponsor.link }));
    todo.add('applyUrl');
  }

  let areas = all((flags.area ?? []).flatMap((a) => a.split(/\s*[,;]\s*/)).filter(Boolean).map((a) => parseArea(a, project)), errors);
  if (areas.length === 0 && project.areas[0]) {
    areas = [project.areas[0].id];
    todo.add('areas');
  }
  let requirements = flags.requirements?.trim() ?? '';
  if (!requirements) {
    requirements = type === 'internship' ? 'PhD student' : 'PhD or equivalent experience';
    todo.add('requirements');
  }
  const enrolledIn = flags.enrolledIn ? all([parseLevels(flags.enrolledIn)], errors)[0] ?? [] : [];
  const term = flags.term ? all([parseTerm(flags.term)], errors)[0] : undefined;
  const posted = flags.posted ?? today();
  for (const [value, what] of [
    [posted, 'the posting date'],
    [flags.validThrough, 'the closing date'],
  ] as const) {
    const problem = value === undefined ? undefined : checkDay(value, what);
    if (problem) errors.push(problem);
  }
  // Three months is a common application window; the file says how to change it.
  const validThrough = flags.validThrough ?? addMonths(posted, 3);
  if (validThrough < posted) errors.push(`the closing date ${validThrough} is before the posting date ${posted}`);

  if (errors.length || !type) return { error: errors.join('\n') };
  return {
    value: { sponsorName: sponsor.name, title: flags.title.trim(), type, ...(term ? { term } : {}), places, areas, enrolledIn, requirements, posted, validThrough, todo, draft: Boolean(flags.draft) || todo.size > 0, closingGuessed: !flags.validThrough },
  };
}
