/**
 * One block of the Roles field → the answers `new:role` writes, read with the same rules
 * (role-input.ts: places and areas from the site's lists, types, terms, dates). Each
 * mistake names the block's key it came from, so the sponsor can find it in the form.
 */
import { checkDay, checkUrl, parseArea, parseLevels, parsePlace, parseRelocation, parseSalary, parseTerm, parseType, parseVisa, roleAnswers } from '../role-input.ts';
import { employmentTypes } from '../../../src/schemas/role.ts';
import { slugify, type Project } from '../project.ts';
import type { RoleAnswers } from '../scaffold.ts';
import type { Block, RoleKey } from './blocks.ts';

export interface KeyProblem {
  key: string;
  message: string;
}

export interface RoleFromBlock {
  answers?: RoleAnswers;
  problems: KeyProblem[];
}

/** "Germany (remote) = https://…", "London: https://…", "Berlin" → parsePlace's "germany:remote=https://…". */
function placeEntry(entry: string): { place: string; url?: string } {
  // Anything with "://" is meant as the link, so "htps://…" is reported as a bad link, not a place.
  const url = /[a-z][\w+.-]*:\/\/\S+|\bwww\.\S+/i.exec(entry)?.[0]?.replace(/[),.;]+$/, '');
  let rest = url ? entry.replace(url, ' ') : entry;
  const workplace = /\b(remote|hybrid|on-?site)\b/i.exec(rest)?.[1]?.toLowerCase().replace('-', '');
  if (workplace) rest = rest.replace(/\b(remote|hybrid|on-?site)\b/i, ' ');
  const name = rest.replace(/[()[\]]/g, ' ').replace(/^[\s=:–—-]+|[\s=:–—-]+$/g, '').replace(/\s+/g, ' ');
  return { place: `${name}${workplace ? `:${workplace}` : ''}`, ...(url ? { url } : {}) };
}

/** "PhD students", "Masters or PhD" → "master phd" for parseLevels. */
function levelWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/ph\.?\s?d\.?/g, 'phd')
    .replace(/\b(masters?|msc|ma)\b/g, 'master')
    .replace(/\b(bachelors?|bsc|ba|undergraduates?)\b/g, 'bachelor')
    .replace(/\b(currently|enrolled|in|or|and|students?|a|an|program(me)?s?|degrees?)\b|'s/g, ' ');
}

/** A sponsor cannot edit the site's lists; the web chair can. */
const missingFromList = '(If yours is not on the list, say so in a comment: the web chair adds it.)';

const splitList = (text: string) => text.split(/\n|;|,\s+/).map((s) => s.trim()).filter(Boolean);

export function roleFromBlock(block: Block<RoleKey>, project: Project, sponsor: { name: string; link: string }): RoleFromBlock {
  const v = block.values;
  const problems: KeyProblem[] = [];
  const add = (key: string, message: string | undefined) => message && problems.push({ key, message });
  const need = (key: RoleKey, name: string, example: string) => {
    if (!v[key]) add(name, `is missing; add a line such as "${example}"`);
  };
  need('title', 'title', 'Title: Research Intern');
  need('kind', 'kind', 'Kind: internship');
  need('places', 'places', 'Places: London = https://…');
  need('areas', 'areas', 'Areas: Machine Learning');
  need('requirements', 'requirements', 'Requirements: PhD student in MIR');

  // "Full time", "intern", "postdoctoral": the one type it starts or ends (the rest of the type is what was left out).
  const written = v.kind?.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const kind = written && (employmentTypes.find((t) => t === written) ?? employmentTypes.find((t) => written.length >= 3 && (t.startsWith(written) || written.startsWith(t))) ?? written);
  if (kind) {
    const parsed = parseType(kind);
    if ('error' in parsed) add('kind', parsed.error);
  }
  if (v.apply) add('apply link', checkUrl(v.apply, 'the apply link'));
  const places: string[] = [];
  for (const entry of splitList(v.places ?? '')) {
    const { place, url } = placeEntry(entry);
    const urlProblem = url ? checkUrl(url, `the apply link for "${place}"`) : undefined;
    if (urlProblem) add('apply link', urlProblem);
    else if (!url && !v.apply) add('apply link', `"${entry}" has no apply link; write "${entry} = https://…" or add an "Apply link: https://…" line for all places`);
    const parsed = parsePlace(url && !urlProblem ? `${place}=${url}` : place, project);
    if ('error' in parsed) add('places', `${parsed.error} ${missingFromList}`);
    else places.push(url && !urlProblem ? `${place}=${url}` : place);
  }
  const areas = splitList(v.areas ?? '');
  for (const area of areas) {
    const parsed = parseArea(area, project);
    if ('error' in parsed) add('areas', `${parsed.error} ${missingFromList}`);
  }
  const levels = v.students ? levelWords(v.students) : undefined;
  if (levels !== undefined) {
    const parsed = parseLevels(levels);
    if ('error' in parsed) add('students', `${parsed.error} (in "${v.students}")`);
  }
  if (v.term) {
    const parsed = parseTerm(v.term);
    if ('error' in parsed) add('term', parsed.error);
  }
  const closes = v.closes?.trim().replace(/^(\d{4})\/(\d{2})\/(\d{2})$/, '$1-$2-$3');
  if (closes) add('closes', checkDay(closes, 'the closing date'));
  for (const [key, parse] of [['salary', parseSalary], ['visa', parseVisa], ['relocation', parseRelocation]] as const) {
    const parsed = v[key] ? parse(v[key]!) : undefined;
    if (parsed && 'error' in parsed) add(key, parsed.error);
  }
  if (problems.length) return { problems };

  const answers = roleAnswers(
    {
      title: v.title!,
      type: kind!,
      location: places,
      area: areas,
      ...(v.apply ? { applyUrl: v.apply } : {}),
      requirements: v.requirements!,
      ...(levels?.trim() ? { enrolledIn: levels } : {}),
      ...(v.term ? { term: v.term } : {}),
      ...(closes ? { validThrough: closes } : {}),
      ...(v.salary ? { salary: v.salary } : {}),
      ...(v.visa ? { visa: v.visa } : {}),
      ...(v.relocation ? { relocation: v.relocation } : {}),
    },
    project,
    sponsor,
  );
  // What is left is a date order mistake: the only check roleAnswers makes across keys.
  if ('error' in answers) return { problems: answers.error.split('\n').map((message) => ({ key: 'closes', message })) };
  return { answers: answers.value, problems: [] };
}

/** A file or event id from a title, not taken by `taken` ("research-intern-2" for a second one). */
export function uniqueSlug(title: string, taken: Set<string>): string {
  const base = slugify(title) || 'role';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
