/**
 * Wiring only: which files make which collection, and which schema checks them. The schemas
 * live in src/schemas/ (one file per concept); cross-references are resolved in
 * src/lib/model.ts, because Astro's reference() does not fail the build on a missing entry.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse } from 'yaml';
import type { z } from 'zod';
import { conferenceSchema } from './schemas/conference.ts';
import { roleSchema } from './schemas/role.ts';
import { sponsorSchema } from './schemas/sponsor.ts';
import { tierSchema } from './schemas/tier.ts';
import { areaSchema, locationSchema } from './schemas/vocabulary.ts';

const content = './src/content';

// Astro calls a collection's schema function once per entry; building the sponsor schema
// costs more than validating with it (~2 s at 1,000 sponsors), so it is built once per kind
// of image() helper (the type generator passes a plain one, the content layer one that marks
// image paths). Entries' helpers differ only by the entry's folder, the same for every
// sponsor file.
const sponsorSchemas = new Map<string, unknown>();
function sponsorSchemaFor<I extends z.ZodType>(image: () => I): ReturnType<typeof sponsorSchema<I>> {
  const key = image.toString();
  let schema = sponsorSchemas.get(key) as ReturnType<typeof sponsorSchema<I>> | undefined;
  if (!schema) sponsorSchemas.set(key, (schema = sponsorSchema(image)));
  return schema;
}

export const collections = {
  // A single settings file: it becomes one entry with the id "conference".
  conference: defineCollection({
    loader: file(`${content}/conference.yaml`, { parser: (text) => ({ conference: parse(text) }) }),
    schema: conferenceSchema,
  }),
  tiers: defineCollection({ loader: file(`${content}/tiers.yaml`), schema: tierSchema }),
  areas: defineCollection({ loader: file(`${content}/areas.yaml`), schema: areaSchema }),
  locations: defineCollection({ loader: file(`${content}/locations.yaml`), schema: locationSchema }),
  sponsors: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${content}/sponsors` }),
    schema: ({ image }) => sponsorSchemaFor(image),
  }),
  roles: defineCollection({
    loader: glob({ pattern: '*/*.{yaml,yml}', base: `${content}/roles` }),
    schema: roleSchema,
  }),
};
