/**
 * schema.org JobPosting data for a role page, following Google's job posting guidelines:
 * every required property (title, description, datePosted, hiringOrganization, jobLocation
 * or a remote job's applicantLocationRequirements) and the recommended ones the content has.
 * Only open roles get one: a closed, filled or upcoming role is not a posting to apply to.
 * Pure: URLs and the description HTML come from the page.
 */
import type { Role } from './model.ts';
import { decisionTexts, locationText, placeText, relocationTexts, termText } from './display-text.ts';

type Thing<T extends string> = { '@type': T };

interface PostalAddress extends Thing<'PostalAddress'> {
  addressLocality?: string;
  addressRegion?: string;
  addressCountry: string;
}

export interface JobPostingLd extends Thing<'JobPosting'> {
  '@context': 'https://schema.org';
  title: string;
  description: string;
  datePosted: string;
  validThrough?: string;
  url: string;
  hiringOrganization: Thing<'Organization'> & { name: string; sameAs?: string; logo?: string };
  jobLocation?: (Thing<'Place'> & { address: PostalAddress })[];
  jobLocationType?: 'TELECOMMUTE';
  applicantLocationRequirements?: (Thing<'Country' | 'AdministrativeArea'> & { name: string })[];
  /** schema.org's place for visa requirements (applicantLocationRequirements is not for them). */
  eligibilityToWorkRequirement?: string;
  jobBenefits?: string;
  employmentType: GoogleEmploymentType | GoogleEmploymentType[];
  identifier: Thing<'PropertyValue'> & { name: string; value: string };
  directApply: boolean;
  educationRequirements?: Thing<'EducationalOccupationalCredential'> & { credentialCategory: string };
  experienceRequirements?: Thing<'OccupationalExperienceRequirements'> & { monthsOfExperience: number };
  qualifications?: string;
  baseSalary?: Thing<'MonetaryAmount'> & {
    currency: string;
    value: Thing<'QuantitativeValue'> & { minValue?: number; maxValue?: number; value?: number; unitText: string };
  };
}

const googleEmploymentTypes = ['FULL_TIME', 'PART_TIME', 'CONTRACTOR', 'TEMPORARY', 'INTERN', 'VOLUNTEER', 'PER_DIEM', 'OTHER'] as const;
type GoogleEmploymentType = (typeof googleEmploymentTypes)[number];

const employmentTypes: Record<Role['employmentType'], GoogleEmploymentType | GoogleEmploymentType[]> = {
  internship: 'INTERN',
  'full-time': 'FULL_TIME',
  'part-time': 'PART_TIME',
  contract: 'CONTRACTOR',
  postdoc: ['FULL_TIME', 'TEMPORARY'],
  'phd-studentship': ['FULL_TIME', 'TEMPORARY'],
  fellowship: 'TEMPORARY',
  other: 'OTHER',
};

/** The visa answer as a sentence for eligibilityToWorkRequirement. */
const visaRequirements: Record<NonNullable<Role['visaSponsorship']>, string> = {
  yes: 'The employer sponsors a work visa for this role.',
  'case-by-case': 'The employer considers sponsoring a work visa case by case.',
  no: 'The employer does not sponsor a work visa: applicants need the right to work where the role is held.',
};

/** Google's credential categories for our education levels. */
const credentials = { bachelor: 'bachelor degree', master: 'postgraduate degree', phd: 'postgraduate degree' } as const;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

export interface JobPostingContext {
  /** Absolute URL of the role page. */
  url: string;
  /** The role's description as HTML; use `roleSummaryHtml` when it has none. */
  descriptionHtml: string;
  /** Absolute URL of the sponsor's logo. */
  logoUrl?: string | undefined;
}

/** The JobPosting of an open role; undefined for any other state. */
export function jobPosting(role: Role, context: JobPostingContext): JobPostingLd | undefined {
  if (role.state !== 'open') return undefined;
  const onsite = role.places.filter((p) => p.workplace !== 'remote');
  const remote = role.places.filter((p) => p.workplace === 'remote');
  const { educationRequired, minYearsExperience } = role.eligibility;
  const ld: JobPostingLd = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: role.title,
    description: context.descriptionHtml,
    datePosted: role.datePosted,
    ...(role.validThrough && { validThrough: role.validThrough }),
    url: context.url,
    hiringOrganization: {
      '@type': 'Organization',
      name: role.sponsor.name,
      sameAs: role.sponsor.website,
      ...(context.logoUrl && { logo: context.logoUrl }),
    },
    employmentType: employmentTypes[role.employmentType],
    identifier: { '@type': 'PropertyValue', name: role.sponsor.name, value: role.identifier ?? role.id },
    // Applicants follow a link to the sponsor's own site: they cannot apply on this page.
    directApply: false,
    qualifications: role.requirements,
  };
  if (onsite.length > 0) {
    ld.jobLocation = onsite.map(({ location }) => ({
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        ...(location.city && { addressLocality: location.city }),
        ...(location.region && { addressRegion: location.region }),
        addressCountry: location.country!, // only a city or a country is held on site (src/lib/model.ts)
      },
    }));
  }
  if (remote.length > 0) {
    // Where applicants may work from: countries by name (a region's, one by one); a
    // time-zone band has no countries, so it is named as an area of its own.
    ld.jobLocationType = 'TELECOMMUTE';
    const countries = [...new Set(remote.flatMap(({ location }) => location.countries ?? (location.country ? [location.country] : [])))];
    const bands = remote.filter(({ location }) => location.utcOffsets).map(({ location }) => locationText(location));
    ld.applicantLocationRequirements = [
      ...countries.map((code) => ({ '@type': 'Country' as const, name: regionNames.of(code) ?? code })),
      ...[...new Set(bands)].map((name) => ({ '@type': 'AdministrativeArea' as const, name })),
    ];
  }
  if (role.visaSponsorship) ld.eligibilityToWorkRequirement = visaRequirements[role.visaSponsorship];
  if (role.relocation === 'yes') ld.jobBenefits = relocationTexts.yes;
  if (educationRequired) {
    ld.educationRequirements = { '@type': 'EducationalOccupationalCredential', credentialCategory: credentials[educationRequired] };
  }
  if (minYearsExperience !== undefined) {
    ld.experienceRequirements = { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: minYearsExperience * 12 };
  }
  if (role.salary) {
    const { currency, min, max, per } = role.salary;
    // An exact amount is a value; "from" and "up to" keep their one end of the range.
    const amount = min !== undefined && min === max ? { value: min } : { ...(min !== undefined && { minValue: min }), ...(max !== undefined && { maxValue: max }) };
    ld.baseSalary = { '@type': 'MonetaryAmount', currency, value: { '@type': 'QuantitativeValue', ...amount, unitText: per.toUpperCase() } };
  }
  return ld;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain sentences about a role: what and where, research areas, experience needed, and pay, visa and relocation when given. */
export function roleSummaryLines(role: Role): string[] {
  const term = termText(role);
  const what = `${role.title} at ${role.sponsor.name}${term ? ` (${term})` : ''}`;
  const where = role.places.map(placeText).join(', ');
  const areas = role.areas.map((a) => a.label).join(', ');
  const decision = decisionTexts(role);
  return [`${what}, in ${where}.`, `Research areas: ${areas}.`, `Experience needed: ${role.requirements}`, ...(decision.length ? [decision.map((text) => `${text}.`).join(' ')] : [])];
}

/** A description built from the role's fields, for roles whose file has none. */
export function roleSummaryHtml(role: Role): string {
  return roleSummaryLines(role)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}

/**
 * The text of a `<script type="application/ld+json">` element. `<`, `>` and `&` are written
 * as \u escapes so no value (a title containing "</script>") can end the element early.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const isoDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const credentialCategories = ['high school', 'associate degree', 'bachelor degree', 'professional certificate', 'postgraduate degree'];
const salaryUnits = ['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'];
const currencies = new Set(Intl.supportedValuesOf('currency'));

/** A baseSalary as Google documents it: a MonetaryAmount whose value is an amount or a range per unit. */
function salaryProblems(salary: Record<string, unknown> | undefined): string[] {
  const value = salary?.['value'] && typeof salary['value'] === 'object' ? (salary['value'] as Record<string, unknown>) : undefined;
  if (salary?.['@type'] !== 'MonetaryAmount' || value?.['@type'] !== 'QuantitativeValue') {
    return ['baseSalary must be a MonetaryAmount whose value is a QuantitativeValue'];
  }
  const problems: string[] = [];
  if (!currencies.has(String(salary['currency']))) problems.push(`baseSalary.currency is ${JSON.stringify(salary['currency'])}; expected an ISO 4217 code such as "EUR"`);
  if (!salaryUnits.includes(String(value['unitText']))) problems.push(`baseSalary.value.unitText must be one of ${salaryUnits.join(', ')}`);
  const amount = (key: string) => (value[key] === undefined ? undefined : typeof value[key] === 'number' && value[key] > 0 ? value[key] : NaN);
  const [single, min, max] = [amount('value'), amount('minValue'), amount('maxValue')];
  if ([single, min, max].some((n) => Number.isNaN(n))) problems.push('baseSalary amounts must be positive numbers');
  else if (single === undefined && min === undefined && max === undefined) problems.push('baseSalary.value needs an amount: value, or minValue and maxValue');
  else if (single !== undefined && (min !== undefined || max !== undefined)) problems.push('baseSalary.value has both value and a range; give one');
  else if (min !== undefined && max !== undefined && min > max) problems.push('baseSalary.value.minValue is larger than maxValue');
  return problems;
}

/**
 * What Google's job posting guidelines would reject in a JobPosting: a missing required
 * property, or a recommended one in the wrong shape. Empty when the data is valid.
 */
export function jobPostingProblems(ld: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const text = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
  const obj = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

  if (ld['@context'] !== 'https://schema.org') problems.push('@context must be "https://schema.org"');
  if (ld['@type'] !== 'JobPosting') problems.push('@type must be "JobPosting"');
  for (const key of ['title', 'description']) if (!text(ld[key])) problems.push(`${key} is required`);
  if (!text(ld['datePosted']) || !isoDate.test(String(ld['datePosted']))) problems.push('datePosted is required, as an ISO 8601 date');
  if (ld['validThrough'] !== undefined) {
    if (!isoDate.test(String(ld['validThrough']))) problems.push('validThrough must be an ISO 8601 date');
    else if (String(ld['validThrough']) < String(ld['datePosted'])) problems.push('validThrough is before datePosted');
  }
  const org = obj(ld['hiringOrganization']);
  if (!org || org['@type'] !== 'Organization' || !text(org['name'])) problems.push('hiringOrganization is required: an Organization with a name');

  const places = list(ld['jobLocation']);
  places.forEach((place, i) => {
    const address = obj(obj(place)?.['address']);
    if (obj(place)?.['@type'] !== 'Place' || address?.['@type'] !== 'PostalAddress' || !text(address['addressCountry'])) {
      problems.push(`jobLocation[${i}] must be a Place with a PostalAddress that has addressCountry`);
    }
  });
  const remote = ld['jobLocationType'] === 'TELECOMMUTE';
  if (ld['jobLocationType'] !== undefined && !remote) problems.push('jobLocationType can only be "TELECOMMUTE"');
  const applicantRegions = list(ld['applicantLocationRequirements']);
  if (remote && applicantRegions.length === 0) problems.push('a remote job (TELECOMMUTE) needs applicantLocationRequirements');
  if (!remote && applicantRegions.length > 0) problems.push('applicantLocationRequirements is only for remote jobs: set jobLocationType to TELECOMMUTE (and never use it for visa status)');
  applicantRegions.forEach((region, i) => {
    if (!['Country', 'State', 'AdministrativeArea'].includes(String(obj(region)?.['@type'])) || !text(obj(region)?.['name'])) {
      problems.push(`applicantLocationRequirements[${i}] must be a Country, State or AdministrativeArea with a name`);
    }
  });
  for (const key of ['eligibilityToWorkRequirement', 'jobBenefits']) {
    if (ld[key] !== undefined && !text(ld[key])) problems.push(`${key} must be text`);
  }
  if (places.length === 0 && !remote) problems.push('jobLocation is required unless the job is remote (jobLocationType TELECOMMUTE)');

  const types = list(ld['employmentType']);
  if (types.some((t) => !(googleEmploymentTypes as readonly unknown[]).includes(t))) problems.push(`employmentType must be among ${googleEmploymentTypes.join(', ')}`);
  const id = obj(ld['identifier']);
  if (ld['identifier'] !== undefined && (id?.['@type'] !== 'PropertyValue' || !text(id['name']) || !text(id['value']))) {
    problems.push('identifier must be a PropertyValue with a name and a value');
  }
  if (ld['directApply'] !== undefined && typeof ld['directApply'] !== 'boolean') problems.push('directApply must be true or false');
  const education = obj(ld['educationRequirements']);
  if (ld['educationRequirements'] !== undefined && !credentialCategories.includes(String(education?.['credentialCategory']))) {
    problems.push(`educationRequirements.credentialCategory must be one of ${credentialCategories.join(', ')}`);
  }
  const experience = obj(ld['experienceRequirements']);
  if (ld['experienceRequirements'] !== undefined && typeof experience?.['monthsOfExperience'] !== 'number') {
    problems.push('experienceRequirements.monthsOfExperience must be a number');
  }
  if (ld['baseSalary'] !== undefined) problems.push(...salaryProblems(obj(ld['baseSalary'])));
  return problems;
}
