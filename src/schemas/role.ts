import { z } from 'zod';
import { privateSchema } from './booth.ts';
import { latestYear } from './limits.ts';
import { applyLink } from './links.ts';
import { coded, currencyCode, isoDay, slug, visibleText } from './shared.ts';
import { standInsSchema } from './stand-ins.ts';

export const employmentTypes = ['internship', 'full-time', 'part-time', 'contract', 'postdoc', 'phd-studentship', 'fellowship', 'other'] as const;
export const educationLevels = ['bachelor', 'master', 'phd'] as const;
export const seasons = ['spring', 'summer', 'autumn', 'winter'] as const;
const roleStatuses = ['open', 'upcoming', 'filled', 'closed'] as const;
export const workplaces = ['onsite', 'hybrid', 'remote'] as const;
export const visaAnswers = ['yes', 'no', 'case-by-case'] as const;
export const relocationAnswers = ['yes', 'no'] as const;
export const salaryPeriods = ['hour', 'day', 'week', 'month', 'year'] as const;

/**
 * One of `answers`, written as the author would: `true`/`false` mean yes/no, and case and
 * spaces do not matter ("Case by case" is case-by-case). A near miss gets a did-you-mean.
 */
function answer<const T extends readonly [string, ...string[]]>(answers: T) {
  const normal = (value: unknown) =>
    value === true ? 'yes' : value === false ? 'no' : typeof value === 'string' ? value.trim().toLowerCase().replace(/\s+/g, '-') : value;
  return z.preprocess(normal, z.enum(answers));
}

/** One place a role can be held, with its own apply link (as booths publish them). */
const roleLocation = z.strictObject({
  location: visibleText.describe('Id or alias from src/content/locations.yaml, e.g. "new-york" or "NYC"'),
  workplace: z.enum(workplaces).default('onsite').describe('onsite, hybrid or remote'),
  applyUrl: applyLink.optional().describe('Apply link for this location; tracking parameters such as utm_source are allowed (with a warning)'),
});

/** Published pay: a range or a single amount per period, in an ISO 4217 currency. */
const salarySchema = z
  .strictObject({
    currency: currencyCode.describe('ISO 4217 code, e.g. "EUR"'),
    min: z.number().positive().optional().describe('Lowest amount, or the amount when there is no range'),
    max: z.number().positive().optional().describe('Highest amount of the range'),
    per: z.enum(salaryPeriods).describe('Period the amounts are paid for: hour, day, week, month or year'),
  })
  .refine((s) => s.min !== undefined || s.max !== undefined, { error: 'give min, max or both', path: ['min'], ...coded('salary-range') })
  .refine((s) => s.min === undefined || s.max === undefined || s.min <= s.max, { error: 'min is larger than max', path: ['max'], ...coded('salary-range') });

/** One role: `src/content/roles/<sponsor-id>/<role-id>.yaml`; the folder names the sponsor. */
export const roleSchema = z
  .strictObject({
    title: visibleText.describe('The role title only: no city, no year, no seniority'),
    unit: slug.optional().describe('Id of the sponsor\'s unit that hires, when the booth has units (see units: in the sponsor file)'),
    employmentType: z.enum(employmentTypes).describe('Kind of role; groups roles on the booth and filters the board'),
    order: z.number().int().optional().describe('Position on the booth among roles of the same kind; lower first, then by title'),
    seniority: z.array(z.enum(['junior', 'mid', 'senior', 'staff', 'principal', 'lead'])).default([]).describe('e.g. [senior, staff]'),
    term: z
      .strictObject({
        season: z.enum(seasons).optional(),
        year: z.number().int().min(2000).max(latestYear).optional(),
        durationMonths: z.number().int().min(1).max(60).optional(),
        flexibleStart: z.boolean().default(false),
      })
      .optional()
      .describe('When an internship or fixed-term role runs'),
    locations: z.array(roleLocation).min(1, { error: 'list at least one location' }).describe('Where the role can be held, each with its apply link'),
    applyUrl: applyLink.optional().describe('Apply link used for locations that have none of their own'),
    applyEmail: z.email().optional().describe('Address to apply to when there is no link'),
    researchAreas: z.array(visibleText).min(1, { error: 'list at least one research area' }).describe('Ids or aliases from src/content/areas.yaml'),
    eligibility: z
      .strictObject({
        enrolledIn: z.array(z.enum(educationLevels)).default([]).describe('The applicant must currently be a student at one of these levels'),
        educationRequired: z.enum(educationLevels).optional().describe('Degree the applicant must hold'),
        educationPreferred: z.enum(educationLevels).optional().describe('Degree that is preferred'),
        minYearsExperience: z.number().int().min(0).max(50).optional(),
      })
      .default({ enrolledIn: [] })
      .describe('Typed requirements used by the filters'),
    requirements: visibleText.describe('Experience needed, as shown to applicants, e.g. "PhD Student"'),
    status: z.enum(roleStatuses).default('open').describe('open, upcoming, filled or closed'),
    statusNote: visibleText.optional().describe('A short note shown with the status'),
    datePosted: isoDay.describe('Day the role was posted, YYYY-MM-DD'),
    validThrough: isoDay.optional().describe('Last day to apply; after it the role is shown as closed'),
    description: visibleText.optional().describe('Optional longer description (Markdown; raw HTML is shown as text)'),
    identifier: z
      .string()
      .min(1)
      .optional()
      .describe('The sponsor\'s own reference for the job, e.g. a requisition number "R-10442"; search engines use it'),
    salary: salarySchema.optional().describe('Pay, when the sponsor publishes it'),
    visaSponsorship: answer(visaAnswers).optional().describe('Whether the sponsor sponsors a work visa: yes, no or case-by-case; leave out when unknown'),
    relocation: answer(relocationAnswers).optional().describe('Whether the sponsor helps the hire move (relocation support): yes or no; leave out when unknown'),
    private: privateSchema,
    draft: z.boolean().default(false).describe('true keeps the role off every page and feed'),
    standIns: standInsSchema,
  })
  .refine((r) => r.status === 'upcoming' || r.applyUrl || r.applyEmail || r.locations.every((l) => l.applyUrl), {
    error: 'give every location an applyUrl, or a role-level applyUrl or applyEmail (only an upcoming role may have none)',
    ...coded('no-apply-link'),
    path: ['locations'],
  });

export type RoleData = z.output<typeof roleSchema>;
