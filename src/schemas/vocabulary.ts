import { z } from 'zod';
import { coded, countryCode, slug, visibleText } from './shared.ts';

/**
 * Shared lists that roles refer to, so "NYC" and "New York", or "Search & Recommendation"
 * and "Search & Recommendations", cannot split a filter. Aliases are accepted in role files
 * and normalised to the id.
 */
export const areaSchema = z.strictObject({
  id: slug.describe('Used in role files and filter URLs, e.g. "machine-learning"'),
  label: visibleText.describe('Shown on pages, e.g. "Machine Learning"'),
  aliases: z.array(visibleText).default([]).describe('Other spellings that mean this area'),
});

/** An offset from UTC in hours, on the quarter hour (Nepal is +5:45), from -12 to +14. */
const utcOffset = z
  .number()
  .min(-12)
  .max(14)
  .refine((n) => Number.isInteger(n * 4), { error: 'expected hours on the quarter hour, e.g. -5, 1 or 5.5', ...coded('value-format') });

/**
 * A place. Four kinds, told apart by their fields: a city (city + country), a country
 * (country alone), a region (countries: a list) and a time-zone band (utcOffsets). Regions
 * and bands say where a remote role can be done from ("remote from Europe", "remote within
 * UTC-5 to UTC+1"); a role can be held in them only remotely.
 */
export const locationSchema = z
  .strictObject({
    id: slug.describe('Used in role files and filter URLs, e.g. "new-york"'),
    label: visibleText.describe('Shown on pages and filters, e.g. "New York", "Germany", "Europe" or "Americas time zones"'),
    city: visibleText.optional().describe('City, when the location is one; leave out for a country, a region or a time-zone band'),
    region: visibleText.optional().describe('State or region of a city, e.g. "NY"'),
    country: countryCode.optional().describe('ISO 3166 code of a city\'s or a country\'s country, e.g. "US"'),
    countries: z.array(countryCode).min(2, { error: 'list at least two countries; a single country is `country:`' }).optional().describe('A region: the ISO 3166 codes of its countries, e.g. [AT, BE, DE]'),
    utcOffsets: z
      .strictObject({ from: utcOffset, to: utcOffset })
      .refine((o) => o.from <= o.to, { error: 'from is east of to; write the western end first, e.g. { from: -5, to: 1 }', path: ['to'], ...coded('location-kind') })
      .optional()
      .describe('A time-zone band: the offsets from UTC it spans, in hours, e.g. { from: -5, to: 1 }'),
    aliases: z.array(visibleText).default([]).describe('Other spellings, e.g. "NYC"'),
  })
  .superRefine((l, ctx) => {
    const kinds = (['country', 'countries', 'utcOffsets'] as const).filter((k) => l[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: kinds.length ? [kinds[1]!] : ['country'],
        message: `${kinds.length ? `gives ${kinds.join(' and ')}` : 'is missing'}; give exactly one of country (a city's or a country's), countries (a region) or utcOffsets (a time-zone band)`,
        ...coded('location-kind'),
      });
    }
    for (const key of ['city', 'region'] as const) {
      if (l[key] !== undefined && l.country === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'belongs to a city, which needs its country: (a region or a time-zone band has no city)', ...coded('location-kind') });
    }
    const repeated = l.countries?.find((c, i) => l.countries!.indexOf(c) !== i);
    if (repeated) ctx.addIssue({ code: 'custom', path: ['countries'], message: `lists "${repeated}" twice`, ...coded('duplicate-id') });
  });

export type Area = z.output<typeof areaSchema>;
export type Location = z.output<typeof locationSchema>;

export type LocationKind = 'city' | 'country' | 'region' | 'time-zone band';

export function locationKind(l: Pick<Location, 'city' | 'country' | 'countries'>): LocationKind {
  if (l.country !== undefined) return l.city ? 'city' : 'country';
  return l.countries ? 'region' : 'time-zone band';
}
