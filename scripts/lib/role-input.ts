/**
 * Reading one role's answers from flags (and prompts in a terminal), each checked against
 * the same lists and schemas as the build: a wrong value is refused with a did-you-mean
 * before any file is written.
 */
import { closest } from '../../src/core/suggest.ts';
import { oneOf, unknown, withSuggestion } from '../../src/core/wording.ts';
import { educationLevels, employmentTypes, relocationAnswers, salaryPeriods, seasons, visaAnswers, workplaces } from '../../src/schemas/role.ts';
import type { z } from 'zod';
import { applyLink, webUrl } from '../../src/schemas/links.ts';
import { currencyCode, httpUrl, isoDay } from '../../src/schemas/shared.ts';
import { locationKind } from '../../src/schemas/vocabulary.ts';
import { addMonths, suggestFrom, today, vocabularyLookup, type Project } from './project.ts';
import type { RoleAnswers, RolePlace } from './scaffold.ts';
import { contentLayout, contentPath } from '../../src/core/project.ts';

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
    return { error: withSuggestion(`${unknown('location', name)}; use an id, label or alias from ${contentPath(contentLayout.locations)} (${ids.join(', ')}), or add the place there first`, suggestFrom(project.locations, name)) };
  }
  if (workplace !== undefined && !(workplaces as readonly string[]).includes(workplace)) {
    return { error: withSuggestion(`${unknown('workplace', workplace)} in "${value}"; expected ${oneOf(workplaces)}`, closest(workplace, workplaces)) };
  }
  // A region or a time-zone band says where a remote role can be done from: remote is the only workplace there.
  const kind = locationKind(location);
  const remoteOnly = kind === 'region' || kind === 'time-zone band';
  if (remoteOnly && workplace !== undefined && workplace !== 'remote') {
    return { error: `"${location.id}" in "${value}" is a ${kind}: a role is held there only remotely; write ${location.id}:remote, or name a city or a country` };
  }
  if (applyUrl !== undefined) {
    const problem = checkUrl(applyUrl, `the apply link for ${location.id}`, applyLink);
    if (problem) return { error: problem };
  }
  const place: RolePlace = { location: location.id };
  if (workplace || remoteOnly) place.workplace = (workplace ?? 'remote') as NonNullable<RolePlace['workplace']>;
  if (applyUrl) place.applyUrl = applyUrl;
  return { value: place };
}

export function parseArea(value: string, project: Project): Result<string> {
  const area = vocabularyLookup(project.areas)(value);
  if (area) return { value: area.id };
  return { error: withSuggestion(`${unknown('research area', value)}; use an id, label or alias from ${contentPath(contentLayout.areas)}, or add it there first`, suggestFrom(project.areas, value)) };
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

/** "yes", "no", "case by case" (and true/false words) → one of `answers`, for visa and relocation. */
function parseAnswer<T extends string>(value: string, answers: readonly T[], what: string): Result<T> {
  const written = value.trim().toLowerCase().replace(/[\s_]+/g, '-').replace(/\.$/, '');
  const word = ({ true: 'yes', false: 'no', y: 'yes', n: 'no' } as Record<string, string>)[written] ?? written;
  if ((answers as readonly string[]).includes(word)) return { value: word as T };
  return { error: withSuggestion(`${unknown(what, value)}; expected ${oneOf(answers)}`, closest(word, answers)) };
}

export const parseVisa = (value: string) => parseAnswer(value, visaAnswers, 'visa sponsorship answer');
export const parseRelocation = (value: string) => parseAnswer(value, relocationAnswers, 'relocation answer');

/** Currency signs that name one currency; "$" and "¥" name several, so they need the code. */
const currencySigns: Record<string, string> = { '€': 'EUR', '£': 'GBP', '₹': 'INR', '₩': 'KRW', '₪': 'ILS' };
const periodWords: Record<string, (typeof salaryPeriods)[number]> = { hourly: 'hour', daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year', annually: 'year', annual: 'year', 'p.a.': 'year', pa: 'year', annum: 'year' };

/**
 * Pay as written in a form or a flag: "EUR 50,000-60,000 per year", "€50k–60k a year", "from
 * 2200 EUR/month", "up to GBP 30 an hour", "45 USD hourly". The currency is an ISO 4217 code
 * (or €, £); the period one of hour, day, week, month, year.
 */
export function parseSalary(value: string): Result<NonNullable<RoleAnswers['salary']>> {
  const example = 'e.g. "EUR 50000-60000 per year", "from USD 45 per hour" or "up to £3,000 a month"';
  let text = value.trim().toLowerCase();
  const bound = /^(from|at least|min(?:imum)?|up to|max(?:imum)?)\b\s*/.exec(text)?.[1];
  if (bound) text = text.slice(bound.length).trim();
  let currency: string | undefined;
  text = text.replace(/[€£₹₩₪]|\b[a-z]{3}\b(?=\s*[\d.,]|\s*$|\s*(?:\/|per\b|an?\b|hourly|daily|weekly|monthly|yearly|annually))/g, (found) => {
    if (/^(per|and|the)$/.test(found)) return found;
    currency ??= currencySigns[found] ?? found.toUpperCase();
    return ' ';
  });
  if (/[$¥]/.test(text)) return { error: `the salary "${value}" uses a sign that names several currencies; write the ISO 4217 code instead, e.g. USD, CAD, AUD, JPY or CNY` };
  if (!currency) return { error: `the salary "${value}" names no currency; write its ISO 4217 code, ${example}` };
  const currencyProblem = currencyCode.safeParse(currency);
  if (!currencyProblem.success) {
    const issue = currencyProblem.error.issues[0] as { message: string; params?: { suggestion?: string } };
    return { error: withSuggestion(`the salary's currency ${issue.message}`, issue.params?.suggestion) };
  }
  const periodMatch = /(?:\/|\bper\b|\ban?\b)\s*(hour|day|week|month|year)s?\b|\b(hourly|daily|weekly|monthly|yearly|annually|annual|annum|p\.a\.|pa)(?=\s|$)/.exec(text);
  const per = periodMatch ? ((periodMatch[1] as (typeof salaryPeriods)[number] | undefined) ?? periodWords[periodMatch[2]!]) : undefined;
  if (!per) return { error: `the salary "${value}" says no period; add one of ${salaryPeriods.map((p) => `per ${p}`).join(', ')}, ${example}` };
  text = text.slice(0, periodMatch!.index) + ' ' + text.slice(periodMatch!.index + periodMatch![0].length);
  const amounts = text
    .split(/\s*(?:-|–|—|\bto\b)\s*/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(\d{1,3}(?:[,\s]\d{3})+|\d+)(?:\.(\d+))?\s*(k)?$/.exec(part);
      if (!match) return NaN;
      return Number(`${match[1]!.replace(/[,\s]/g, '')}.${match[2] ?? 0}`) * (match[3] ? 1000 : 1);
    });
  if (amounts.length === 0 || amounts.length > 2 || amounts.some((n) => !(n > 0)) || (bound && amounts.length !== 1)) {
    return { error: `the salary "${value}" should be an amount or a range with a currency and a period, ${example}` };
  }
  const [first, second] = amounts as [number, number | undefined];
  if (second !== undefined && second < first) return { error: `the salary "${value}" runs from ${first} down to ${second}; write the lower amount first` };
  const upTo = bound !== undefined && /^(up to|max)/.test(bound);
  const range = second !== undefined ? { min: first, max: second } : bound ? (upTo ? { max: first } : { min: first }) : { min: first, max: first };
  return { value: { currency, ...range, per } };
}

/** Collects every error of a list of results, or their values. */
function all<T>(results: Result<T>[], errors: string[]): T[] {
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
  salary?: string;
  visa?: string;
  relocation?: string;
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
  const salary = flags.salary ? all([parseSalary(flags.salary)], errors)[0] : undefined;
  const visaSponsorship = flags.visa ? all([parseVisa(flags.visa)], errors)[0] : undefined;
  const relocation = flags.relocation ? all([parseRelocation(flags.relocation)], errors)[0] : undefined;
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
    value: {
      sponsorName: sponsor.name,
      title: flags.title.trim(),
      type,
      ...(term ? { term } : {}),
      places,
      areas,
      enrolledIn,
      requirements,
      ...(salary ? { salary } : {}),
      ...(visaSponsorship ? { visaSponsorship } : {}),
      ...(relocation ? { relocation } : {}),
      posted,
      validThrough,
      todo,
      draft: Boolean(flags.draft) || todo.size > 0,
      closingGuessed: !flags.validThrough,
    },
  };
}
