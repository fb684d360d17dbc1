import { z } from 'zod';
import { isoDay, visibleText } from './shared.ts';

/**
 * A field path as the content check names fields: "summary", "logo.src",
 * "locations[0].applyUrl", or "body" for the booth text below a sponsor's front matter.
 */
const fieldPath = z.string().regex(/^[A-Za-z][A-Za-z0-9]*(\[\d+\])?(\.[A-Za-z][A-Za-z0-9]*(\[\d+\])?)*$/, {
  error: 'expected a field of this file, e.g. "summary", "logo.src" or "locations[0].applyUrl"',
});

/**
 * One stand-in an authoring command wrote so the file builds before the real value is known
 * (a generated summary, a text logo, a guessed closing date). It is done once the field no
 * longer holds `value`, or, for a file path, once that file is replaced; nothing to delete.
 */
const standInSchema = z.strictObject({
  field: fieldPath.describe('The field that holds the stand-in, e.g. "summary" or "logo.src"; "body" is the booth text'),
  // The build reads an unquoted 2026-01-31 as a date, the content check as text: both are the day.
  value: z
    .union([z.string(), z.number(), z.boolean(), isoDay])
    .optional()
    .describe('The stand-in as written; left out when the field was left empty (e.g. no closing date, no booth text)'),
  note: visibleText.describe('What belongs there, e.g. "the sponsor\'s own one or two sentences"'),
});

export type StandIn = z.output<typeof standInSchema>;

/**
 * Stand-ins still to replace before the conference: written by import:jekyll, new:sponsor,
 * new:role and the intake; never shown on any page; `npm run check:content -- --launch`
 * lists those whose field still holds the stand-in.
 */
export const standInsSchema = z
  .array(standInSchema)
  .default([])
  .describe('Stand-ins to replace before launch (never shown): `npm run check:content -- --launch` lists those still in place');
