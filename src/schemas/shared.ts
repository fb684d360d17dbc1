/**
 * Building blocks shared by every content schema. Pure zod: no `astro:` imports, so the
 * same schemas run inside the Astro build, in `npm run check:content` and in unit tests.
 */
import { z } from 'zod';
import type { ProblemCode } from '../core/problem-codes.ts';
import { closest } from '../core/suggest.ts';

/**
 * The code of a refinement's problem (src/core/problem-codes.ts), and the value it likely
 * meant, as zod carries them to src/lib/zod-problems.ts: `.refine(test, { error, ...coded('date-order') })`.
 */
export const coded = (code: ProblemCode, suggestion?: string) => ({ params: { code, ...(suggestion && { suggestion }) } });

/**
 * Text that shows: not empty, and not only spaces or invisible characters (a name of one
 * no-break space passed, and left the share card nothing to draw).
 */
export const visibleText = z
  .string()
  .min(1)
  .refine((value) => !/^[\s\u200b-\u200d\u2060\u180e]*$/u.test(value), { error: 'holds only spaces or invisible characters; write the text, or delete the field if it is optional', ...coded('empty-text') });

/** Lower-case, hyphenated identifier used in file names, URLs and references. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'expected a lower-case id of letters, digits and single hyphens, e.g. "machine-learning"',
  });

/**
 * An absolute http(s) URL. `z.url()` alone would also accept `javascript:` and `data:`. A user
 * name or password before the host is refused: "https://trusted.example@other.example/" shows
 * one site and opens another. zod gives the address trimmed of every kind of space, the value
 * that is published (a browser would keep a no-break space as part of it).
 */
export const httpUrl = z
  .url({
    protocol: /^https?$/,
    hostname: z.regexes.domain,
    error: 'expected an absolute http(s) URL such as "https://example.com/jobs/123"',
  })
  .refine((value) => {
    const url = URL.parse(value);
    return !url || (url.username === '' && url.password === '' && !/^[a-z]+:\/\/[^/?#]*@/i.test(value));
  }, { error: 'has a user name or password before the host (the part up to "@"), which makes a link show one site and open another; delete it, e.g. "https://example.com/jobs/123"', ...coded('not-http-url') });

/**
 * A calendar day. YAML turns `2020-10-11` into a Date while front matter parsers may keep
 * a string; both become the string `2020-10-11` so comparisons and output are stable.
 */
export const isoDay = z
  .union([z.date(), z.iso.date({ error: 'expected a date written as YYYY-MM-DD' })])
  .transform((value) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10)));

/** An IANA time zone name such as "America/Toronto", checked against the runtime's list. */
export const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'expected an IANA time zone name such as "America/Toronto" or "Europe/Berlin"', ...coded('value-format') },
);

/** A CSS `background-position` made of one or two percentages, e.g. "0% 35%". */
export const backgroundPosition = z
  .string()
  .regex(/^-?\d{1,3}(\.\d+)?% -?\d{1,3}(\.\d+)?%$/, {
    error: 'expected two percentages "X% Y%", e.g. "0% 35%" (horizontal then vertical)',
  });

/**
 * The plate a logo sits on: `light` (white, the default) suits logos drawn for white paper;
 * `dark` suits a logo in white or pale colours. The content check warns about a logo that
 * would hardly show on its plate.
 */
const plateColours = ['light', 'dark'] as const;
export const plate = z.enum(plateColours);
export type Plate = z.output<typeof plate>;

/** The currencies of ISO 4217 that the runtime knows, e.g. "EUR", "USD", "JPY". */
const currencies = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 currency code; a near miss ("EUO", "eur") names the code it likely meant. */
export const currencyCode = z.string().superRefine((value, ctx) => {
  if (currencies.has(value)) return;
  const suggestion = currencies.has(value.toUpperCase()) ? value.toUpperCase() : closest(value, currencies);
  ctx.addIssue({ code: 'custom', message: `is "${value}"; expected an ISO 4217 currency code such as "EUR" or "USD"`, ...coded('currency', suggestion) });
});

/** An ISO 3166 two-letter country code such as "US". */
export const countryCode = z.string().regex(/^[A-Z]{2}$/, { error: 'expected an ISO 3166 two-letter country code such as "US"' });
