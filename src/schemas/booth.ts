/**
 * Everything a booth can hold besides its identity: units, events, publications, showcase
 * items, people, offers, resources and a private block. Each list is typed so the booth page
 * can render it well, and cross-references (unit, repeatOf, channel) are resolved in
 * src/lib/booth.ts.
 */
import { z } from 'zod';
import { chatHandle, typedLink, webUrl } from './links.ts';
import { mediaSchema, pictureSchema, relativeFile, withExtension, type FileSchema, type ImageSchema } from './media.ts';
import { keepTo } from '../core/wording.ts';
import { latestYear, maxChars } from './limits.ts';
import { coded, isoDay, plate, slug, visibleText } from './shared.ts';

const unitRef = slug.optional().describe('Id of one of this booth\'s units, when the item belongs to one');

/** One organisation within the booth, e.g. a company's lab and its research institute. */
export const unitSchema = <I extends z.ZodType>(image: ImageSchema<I>) =>
  z.strictObject({
    id: slug.describe('Short name that events, papers and people use to name the unit, e.g. "labs"'),
    name: visibleText.describe('Full name, e.g. "Acme Research Institute"'),
    logo: z
      .strictObject({
        src: image(),
        alt: z.string().refine((alt) => alt.trim() !== '', { error: 'is empty; write the alt text, usually the unit name', ...coded('no-alt-text') }),
        plate: plate.optional().describe('The plate behind the logo: light (white, the default) or dark, for a logo drawn in white'),
      })
      .optional()
      .describe('Logo file next to this file, SVG preferred'),
    website: webUrl.optional(),
    summary: visibleText.max(maxChars.summary, { error: keepTo('a unit summary', maxChars.summary) }).optional(),
  });

/**
 * A date and time with its UTC offset, e.g. "2020-10-13T09:00:00-04:00". A time without an
 * offset is ambiguous for a conference spread over time zones, so it is refused. Stored as
 * UTC ("2020-10-13T13:00:00Z").
 */
const offsetDateTime = z
  .union([
    // Astro's front matter parser turns timestamps into Date objects; the content check
    // (which reads the text) has already refused any without an offset.
    z.date(),
    z.iso.datetime({ offset: true, local: false, error: 'expected a date and time with its UTC offset, e.g. "2020-10-13T09:00:00-04:00" or "2020-10-13T13:00:00Z"' }),
  ])
  .transform((v) => (typeof v === 'string' ? new Date(v) : v).toISOString().replace(/\.000Z$/, 'Z'));

export const eventKinds = ['industry-poster', 'talk', 'demo', 'meetup', 'office-hours', 'panel', 'workshop', 'social', 'other'] as const;

/** A booth event; an A/B repeat of the same session for other time zones names the first with repeatOf. */
export const eventSchema = z
  .strictObject({
    id: slug.describe('Stable name, used in the calendar file and by repeatOf, e.g. "poster-a"'),
    kind: z.enum(eventKinds).describe('industry-poster, talk, demo, meetup, office-hours, panel, workshop, social or other'),
    title: visibleText,
    session: z.string().regex(new RegExp(`^[A-Za-z0-9][A-Za-z0-9.-]{0,${maxChars.sessionCode - 1}}$`), { error: 'expected a short session code such as "8A"' }).optional().describe('Session code in the programme, e.g. "8A"'),
    start: offsetDateTime.describe('Start with its offset, e.g. 2020-10-13T09:00:00-04:00'),
    end: offsetDateTime.describe('End with its offset'),
    repeatOf: slug.optional().describe('Id of the event this one repeats (the B session of an A/B pair)'),
    description: visibleText.optional(),
    link: webUrl.optional().describe('Where to join or read more'),
    channel: slug.optional().describe('Id of one of the booth\'s channels where it happens'),
    unit: unitRef,
  })
  .refine((e) => e.end > e.start, { error: 'the event ends before it starts', path: ['end'], ...coded('date-order') });

/** An author; `affiliated: true` (or a unit id) marks an author from this booth. A plain name is fine too. */
const author = z.preprocess(
  (v) => (typeof v === 'string' ? { name: v } : v),
  z.strictObject({
    name: visibleText,
    affiliated: z.boolean().default(false).describe('true when the author is from this sponsor'),
    unit: slug.optional().describe('The unit the author is from; implies affiliated'),
  }),
);

export const publicationSchema = z.strictObject({
  title: visibleText,
  authors: z.array(author).min(1, { error: 'list at least one author' }).describe('In paper order; mark the sponsor\'s own authors with affiliated: true or unit: <id>'),
  venue: z
    .strictObject({
      name: visibleText.describe('e.g. "ISMIR" or "ICASSP"'),
      year: z.number().int().min(1950).max(latestYear),
      thisConference: z.boolean().default(false).describe('true for papers at this conference'),
    })
    .describe('Where and when it appeared'),
  paperId: visibleText.max(maxChars.paperId, { error: keepTo('a paper id', maxChars.paperId) }).optional().describe('Id in this conference\'s programme, e.g. "P3-07"'),
  links: z.array(typedLink).default([]),
  chat: chatHandle.optional().describe('The paper\'s channel in the conference chat, e.g. "#p3-07"'),
  award: visibleText.optional().describe('e.g. "Best Paper Award"'),
  group: visibleText.optional().describe('Heading to list it under; default "Our papers at <conference>" or "Other venues"'),
  unit: unitRef,
});

const showcaseKinds = ['demo', 'product', 'prototype', 'dataset', 'tool', 'service'] as const;
const badges = ['new', 'beta', 'award', 'open-source', 'free'] as const;

export const showcaseSchema = <I extends z.ZodType>(image: ImageSchema<I>, file: FileSchema = relativeFile) =>
  z.strictObject({
    kind: z.enum(showcaseKinds).describe('demo, product, prototype, dataset, tool or service'),
    title: visibleText,
    summary: visibleText.max(maxChars.showcaseSummary, { error: keepTo('a showcase summary', maxChars.showcaseSummary) }),
    group: visibleText.optional().describe('Heading to list it under, e.g. "Demos"'),
    media: z.array(mediaSchema(image, file)).default([]),
    links: z.array(typedLink).default([]),
    badges: z.array(z.enum(badges)).default([]).describe('new, beta, award, open-source or free'),
    footnotes: z.array(visibleText).default([]).describe('Small print, one line each'),
    credit: visibleText.optional().describe('Who made it, e.g. "Audio: CC BY 4.0, the Foo Ensemble"'),
    unit: unitRef,
  });

export const personSchema = <I extends z.ZodType>(image: ImageSchema<I>) =>
  z.strictObject({
    name: visibleText,
    title: visibleText.optional().describe('Job title, e.g. "Research Scientist"'),
    team: visibleText.optional(),
    location: visibleText.optional().describe('City, e.g. "Tokyo"; people are grouped by it'),
    url: webUrl.optional().describe('Personal or profile page'),
    photo: pictureSchema(image).optional(),
    unit: unitRef,
  });

const offerKinds = ['discount', 'trial', 'credit', 'dataset', 'download', 'form', 'other'] as const;

/** A promo item; from the day after validUntil it is hidden everywhere. */
export const offerSchema = z
  .strictObject({
    title: visibleText,
    kind: z.enum(offerKinds).describe('discount, trial, credit, dataset, download, form or other'),
    description: visibleText.optional(),
    code: visibleText.max(maxChars.promoCode, { error: keepTo('a promo code', maxChars.promoCode) }).optional().describe('Promo code attendees type in'),
    url: webUrl.optional().describe('Where to redeem or download'),
    validFrom: isoDay.optional().describe('First day, YYYY-MM-DD'),
    validUntil: isoDay.optional().describe('Last day, YYYY-MM-DD; after it the offer disappears'),
  })
  .refine((o) => !o.validFrom || !o.validUntil || o.validUntil >= o.validFrom, { error: 'validUntil is before validFrom', path: ['validUntil'], ...coded('date-order') })
  .refine((o) => o.code || o.url, { error: 'give the offer a code or a url (or both)', path: ['code'], ...coded('one-of-fields') });

const resourceKinds = ['pdf', 'slides', 'flyer', 'dataset', 'form', 'page', 'video', 'code'] as const;
export const resourceFileTypes = ['pdf', 'pptx', 'odp', 'key', 'csv', 'zip', 'txt', 'md'] as const;

export const resourceSchema = (file: FileSchema = relativeFile) =>
  z
    .strictObject({
      label: visibleText.describe('Link text, e.g. "2021 internship programme (PDF)"'),
      kind: z.enum(resourceKinds).describe('pdf, slides, flyer, dataset, form, page, video or code'),
      url: webUrl.optional(),
      file: withExtension(file, resourceFileTypes, 'a document').optional().describe('A file next to this one, e.g. "./acme/brochure.pdf"'),
      description: visibleText.optional(),
      unit: unitRef,
    })
    .refine((r) => Boolean(r.url) !== Boolean(r.file), { error: 'give either url (a link) or file (a file next to this one), not both and not neither', path: ['url'], ...coded('one-of-fields') });

/**
 * Notes for the organisers only: contacts, invoices, reminders. Accepted by the schema and
 * never published: the model drops this block before any page sees the sponsor.
 */
export const privateSchema = z
  .strictObject({
    contacts: z
      .array(
        z.strictObject({
          name: visibleText,
          email: z.email().optional(),
          phone: visibleText.optional(),
          role: visibleText.optional(),
        }),
      )
      .default([]),
    notes: z.string().optional(),
    invoice: z.string().optional(),
  })
  .optional()
  .describe('For organisers only; never published');

export type EventData = z.output<typeof eventSchema>;
