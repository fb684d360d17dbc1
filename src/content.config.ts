/**
 * Wiring only: which files make which collection, and which schema checks them. The schemas
 * live in src/schemas/ (one file per concept); cross-references are resolved in
 * src/lib/model.ts, because Astro's reference() does not fail the build on a missing entry.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import type { z } from 'zod';
import { conferenceSchema } from './schemas/conference.ts';
import { roleSchema } from './schemas/role.ts';
import { sponsorSchema } from './schemas/sponsor.ts';
import { tierSchema } from './schemas/tier.ts';
import { areaSchema, locationSchema } from './schemas/vocabulary.ts';
import { contentLayout, contentPath } from './core/project.ts';
import { readYamlAsBuild } from './core/yaml.ts';


// Astro calls a collection's schema function once per entry, with an image() helper of the
// entry's own; building the sponsor schema costs more than validating with it (1.6 ms, so
// ~2 s at 1,000 sponsors). Every sponsor file is in one folder (the glob below is flat), so
// the helpers of all entries treat a path alike and the schema is built once per kind of
// helper. The kind is what a helper makes of a path: the content layer's marks it for
// Astro's image pipeline, the type generator's keeps it as it is.
const sponsorSchemas = new Map<string, unknown>();
function helperKind(image: () => z.ZodType): string {
  try {
    return JSON.stringify(image().safeParse('./probe.svg').data);
  } catch {
    return 'async'; // a helper that resolves files asynchronously (not one the content layer passes)
  }
}
function sponsorSchemaFor<I extends z.ZodType>(image: () => I): ReturnType<typeof sponsorSchema<I>> {
  const key = helperKind(image);
  let schema = sponsorSchemas.get(key) as ReturnType<typeof sponsorSchema<I>> | undefined;
  if (!schema) sponsorSchemas.set(key, (schema = sponsorSchema(image)));
  return schema;
}

export const collections = {
  // A single settings file: it becomes one entry with the id "conference".
  conference: defineCollection({
    loader: file(contentPath(contentLayout.conference), { parser: (text) => ({ conference: readYamlAsBuild(text) as Record<string, unknown> }) }),
    schema: conferenceSchema,
  }),
  tiers: defineCollection({ loader: file(contentPath(contentLayout.tiers)), schema: tierSchema }),
  areas: defineCollection({ loader: file(contentPath(contentLayout.areas)), schema: areaSchema }),
  locations: defineCollection({ loader: file(contentPath(contentLayout.locations)), schema: locationSchema }),
  sponsors: defineCollection({
    loader: glob({ pattern: '*.mdx', base: contentPath(contentLayout.sponsors) }),
    schema: ({ image }) => sponsorSchemaFor(image),
  }),
  roles: defineCollection({
    loader: glob({ pattern: '*/*.{yaml,yml}', base: contentPath(contentLayout.roles) }),
    schema: roleSchema,
  }),
};
