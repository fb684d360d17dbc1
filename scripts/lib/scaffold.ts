/**
 * Turns the answers of `new:sponsor` and `new:role` into file text, from the files in
 * templates/. Pure: no disk writes here, so tests can read what would be written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { employmentTypes, educationLevels, relocationAnswers, salaryPeriods, seasons, visaAnswers, workplaces } from '../../src/schemas/role.ts';
import type { StandIn } from '../../src/schemas/stand-ins.ts';
import { contentLayout, contentPath } from '../../src/core/project.ts';

const templatesDir = join(import.meta.dirname, '..', '..', 'templates');

function readTemplate(name: string): string {
  return readFileSync(join(templatesDir, name), 'utf8');
}

/** A value as one YAML scalar, quoted only when YAML needs it ("Acme: Audio" → '"Acme: Audio"'). */
export function yamlScalar(value: string | number | boolean): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/**
 * The `standIns:` block of a file: what the command filled in for the author, each with the
 * field, the value and what belongs there (docs/launch.md). Empty when nothing stands in.
 */
export function standInsYaml(standIns: StandIn[]): string {
  if (standIns.length === 0) return '';
  return `# Stand-ins to replace before the conference; never shown. npm run check:content -- --launch\n# lists those whose field still holds the value below; once you change the field, the entry is done.\n${stringify({ standIns }, { lineWidth: 0 })}`;
}

/** Replaces every {{key}}; a key the template uses but `values` lacks is a bug, so it throws. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`template value "${key}" missing`);
    return value;
  });
}

export interface SponsorAnswers {
  id: string;
  name: string;
  tier: string;
  tierIds: string[];
  website: string;
  summary: string;
  /** File name of the logo next to the sponsor file, e.g. "logo.svg" or "logo.png". */
  logoFile: string;
  /** Whether the logo is the generated text placeholder. */
  placeholderLogo: boolean;
  /** Further front matter (events, programmeTiers, private), written as YAML after the logo. */
  sections?: Record<string, unknown>;
  /** The booth text below the front matter. */
  body?: string;
  /** Values written for the author to replace (a generated summary, a text logo). */
  standIns?: StandIn[];
}

export function sponsorFile(a: SponsorAnswers): string {
  return fill(readTemplate('sponsor.mdx'), {
    id: a.id,
    name: yamlScalar(a.name),
    nameText: a.name.replace(/\s+/g, ' '),
    tier: a.tier,
    tierIds: a.tierIds.join(', '),
    website: yamlScalar(a.website),
    summary: yamlScalar(a.summary),
    logoFile: a.logoFile,
    logoNote: a.placeholderLogo
      ? `A text placeholder: replace ${a.id}/${a.logoFile} with your logo (SVG preferred; for PNG or JPG change the name here).`
      : 'Your logo, next to this file (SVG preferred); the alt text is usually your name.',
    sections: `${a.sections && Object.keys(a.sections).length ? stringify(a.sections, { lineWidth: 0 }) : ''}${standInsYaml(a.standIns ?? [])}`,
    body: a.body ? `${a.body.trimEnd()}\n` : '',
  });
}

export interface RolePlace {
  location: string;
  workplace?: (typeof workplaces)[number];
  applyUrl?: string;
}

export interface RoleAnswers {
  sponsorName: string;
  title: string;
  type: (typeof employmentTypes)[number];
  term?: { season?: (typeof seasons)[number]; year?: number };
  places: RolePlace[];
  areas: string[];
  enrolledIn: (typeof educationLevels)[number][];
  requirements: string;
  salary?: { currency: string; min?: number; max?: number; per: (typeof salaryPeriods)[number] };
  visaSponsorship?: (typeof visaAnswers)[number];
  relocation?: (typeof relocationAnswers)[number];
  posted: string;
  validThrough: string;
  /** Fields filled with a stand-in value; their lines get a TODO (and the role is a draft). */
  todo: Set<'locations' | 'areas' | 'requirements' | 'applyUrl'>;
  /** Written with `draft: true`: validated, but on no page until the author removes the line. */
  draft: boolean;
  /** No closing date was given: validThrough is a stand-in (three months after posting). */
  closingGuessed?: boolean;
}

const standInNotes = {
  locations: `the real place (an id, label or alias from ${contentPath(contentLayout.locations)})`,
  applyUrl: 'the apply link of this role (the sponsor\'s careers page or website stands in)',
  areas: `the role's research areas (ids or aliases from ${contentPath(contentLayout.areas)})`,
  requirements: 'the experience the role needs, as applicants will read it',
} as const;

/** The stand-ins of a role file, field by field, in the order they appear. */
function roleStandIns(a: RoleAnswers): StandIn[] {
  const list: StandIn[] = [];
  if (a.draft && a.todo.size) list.push({ field: 'draft', value: true, note: 'delete draft: true once the stand-ins below are real' });
  a.places.forEach((p, i) => {
    if (a.todo.has('locations')) list.push({ field: `locations[${i}].location`, value: p.location, note: standInNotes.locations });
    if (a.todo.has('applyUrl') && p.applyUrl) list.push({ field: `locations[${i}].applyUrl`, value: p.applyUrl, note: standInNotes.applyUrl });
  });
  if (a.todo.has('areas')) a.areas.forEach((area, i) => list.push({ field: `researchAreas[${i}]`, value: area, note: standInNotes.areas }));
  if (a.todo.has('requirements')) list.push({ field: 'requirements', value: a.requirements, note: standInNotes.requirements });
  if (a.closingGuessed) list.push({ field: 'validThrough', value: a.validThrough, note: 'the last day to apply (three months after posting stands in)' });
  return list;
}

const todoNote = ' # TODO: a stand-in value; replace it';

export function roleFile(a: RoleAnswers): string {
  const todo = (field: 'locations' | 'areas' | 'requirements' | 'applyUrl') => (a.todo.has(field) ? todoNote : '');
  const places = a.places.flatMap((p) => [
    `  - location: ${yamlScalar(p.location)}${todo('locations')}`,
    ...(p.workplace && p.workplace !== 'onsite' ? [`    workplace: ${p.workplace}`] : []),
    ...(p.applyUrl ? [`    applyUrl: ${yamlScalar(p.applyUrl)}${todo('applyUrl')}`] : []),
  ]);
  const term = a.term
    ? `term: { ${[a.term.season && `season: ${a.term.season}`, a.term.year && `year: ${a.term.year}`].filter(Boolean).join(', ')} }`
    : `# term: { season: summer, year: ${Number(a.posted.slice(0, 4)) + 1} } # when an internship or fixed-term role runs`;
  const eligibility = a.enrolledIn.length
    ? `eligibility:\n  enrolledIn: [${a.enrolledIn.join(', ')}] # currently a student at one of these levels`
    : [
        '# eligibility:',
        '#   enrolledIn: [phd] # currently a student at one of: bachelor, master, phd',
        '#   educationRequired: phd # a degree the applicant holds (or educationPreferred)',
        '#   minYearsExperience: 3',
      ].join('\n');
  // What decides whether one can take the role; a commented example for what the answers leave out.
  const salary = a.salary
    ? `salary: { currency: ${a.salary.currency}, ${[a.salary.min !== undefined && `min: ${a.salary.min}`, a.salary.max !== undefined && `max: ${a.salary.max}`].filter(Boolean).join(', ')}, per: ${a.salary.per} }`
    : '# salary: { currency: EUR, min: 50000, max: 60000, per: year } # ISO 4217 currency; per hour, day, week, month or year';
  const visa = a.visaSponsorship ? `visaSponsorship: ${a.visaSponsorship}` : '# visaSponsorship: case-by-case';
  const relocation = a.relocation ? `relocation: ${a.relocation}` : '# relocation: yes';
  return fill(readTemplate('role.yaml'), {
    sponsorName: a.sponsorName,
    draft: a.draft
      ? `# A draft: on no page until ${a.todo.size ? 'the TODO values below are real and ' : ''}this line is removed.\ndraft: true\n`
      : '',
    title: yamlScalar(a.title),
    type: a.type,
    term,
    locations: places.join('\n'),
    areas: a.areas.map((area) => `  - ${yamlScalar(area)}${todo('areas')}`).join('\n'),
    eligibility,
    requirements: `${yamlScalar(a.requirements)}${todo('requirements')}`,
    salary,
    visa,
    relocation,
    posted: a.posted,
    validThrough: a.validThrough,
    standIns: standInsYaml(roleStandIns(a)),
  });
}
