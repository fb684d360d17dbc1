import { z } from 'zod';
import { slug } from './shared.ts';

/**
 * Shared lists that roles refer to, so "NYC" and "New York", or "Search & Recommendation"
 * and "Search & Recommendations", cannot split a filter. Aliases are accepted in role files
 * and normalised to the id.
 */
export const areaSchema = z.strictObject({
  id: slug.describe('Used in role files and filter URLs, e.g. "machine-learning"'),
  label: z.string().min(1).describe('Shown on pages, e.g. "Machine Learning"'),
  aliases: z.array(z.string().min(1)).default([]).describe('Other spellings that mean this area'),
});

export const locationSchema = z.strictObject({
  id: slug.describe('Used in role files and filter URLs, e.g. "new-york"'),
  label: z.string().min(1).describe('Shown on pages and filters, e.g. "New York" or "Germany"'),
  city: z.string().min(1).optional().describe('City, when the location is one; leave out for a country (remote roles)'),
  region: z.string().min(1).optional().describe('State or region, e.g. "NY"'),
  country: z.string().regex(/^[A-Z]{2}$/, { error: 'expected an ISO 3166 two-letter country code such as "US"' }),
  aliases: z.array(z.string().min(1)).default([]).describe('Other spellings, e.g. "NYC"'),
});

export type Area = z.output<typeof areaSchema>;
export type Location = z.output<typeof locationSchema>;
