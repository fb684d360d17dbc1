import type { ImageMetadata } from 'astro';
import { z } from 'zod';
import { eventSchema, offerSchema, personSchema, privateSchema, publicationSchema, resourceSchema, showcaseSchema, unitSchema } from './booth.ts';
import { applyLink, webUrl } from './links.ts';
import { maxChars } from './limits.ts';
import { keepTo } from '../core/wording.ts';
import { mediaSchema, relativeFile, type FileSchema, type ImageSchema } from './media.ts';
import { backgroundPosition, coded, plate, slug, visibleText } from './shared.ts';
import { channelSchema, socialsSchema } from './socials.ts';
import { standInsSchema } from './stand-ins.ts';

/** An old address of a booth (`legacyPermalinks`), a folder path such as "/spotify/". */
export const legacyPermalink = z.string().regex(/^\/((?!\.+\/)[a-z0-9._-]+\/)+$/i, {
  error: 'expected a path that starts and ends with "/", e.g. "/spotify/", whose parts are not "." or ".."',
});

/** Front matter of one sponsor file: `src/content/sponsors/<id>.mdx` is that sponsor's booth. */
export const sponsorSchema = <I extends z.ZodType>(image: ImageSchema<I>, file: FileSchema = relativeFile) =>
  z.strictObject({
    name: visibleText.describe('Company or organisation name, e.g. "Spotify"'),
    tier: slug.describe('Id of the tier in src/content/tiers.yaml, e.g. "gold"'),
    order: z.number().int().optional().describe('Optional position within the tier; lower comes first, then by name'),
    website: webUrl.describe('Main website; the hall links here when the tier has no booth'),
    summary: z
      .string()
      .min(1)
      .max(maxChars.summary, { error: keepTo('the summary', maxChars.summary, 'longer text belongs in the body') })
      .describe('One or two sentences for cards, feeds and search results'),
    logo: z
      .strictObject({
        src: image().describe('Logo file next to this file, SVG preferred, e.g. "./spotify/logo.svg"'),
        alt: z.string().refine((alt) => alt.trim() !== '', { error: 'is empty; write the alt text, usually the company name', ...coded('no-alt-text') }).describe('Alt text, usually the company name'),
        plate: plate.optional().describe('The plate behind the logo: light (white, the default) or dark, for a logo drawn in white'),
      })
      .describe('Logo shown in the hall and on the booth'),
    hero: z
      .strictObject({
        src: image().describe('Wide background image for the booth header'),
        position: backgroundPosition.default('50% 50%').describe('Which part of the image stays visible, e.g. "0% 35%"'),
      })
      .optional()
      .describe('Optional hero band at the top of the booth page'),
    legacyPermalinks: z
      .array(legacyPermalink)
      .default([])
      .describe('Old addresses of this booth (e.g. "/spotify/") that must keep reaching it'),
    careersUrl: applyLink.optional().describe('The sponsor\'s general careers page; tracking parameters are allowed (with a warning)'),
    draft: z.boolean().default(false).describe('true keeps the sponsor off every page, list and feed'),
    // Booth content (see src/schemas/booth.ts, socials.ts, media.ts). Every list is optional.
    shortName: visibleText.max(maxChars.shortName, { error: keepTo('the short name', maxChars.shortName) }).optional().describe('Short name for tight spaces, e.g. "ACME"'),
    programmeTiers: z
      .array(slug)
      .default([])
      .describe('Tiers in other sponsorship programmes (e.g. a diversity programme): ids from tiers.yaml whose programme is not "main"'),
    externalBooth: webUrl.optional().describe('A booth hosted elsewhere; the hall links there instead of a booth page'),
    units: z.array(unitSchema(image)).default([]).describe('Organisations sharing this booth, e.g. a lab and its institute'),
    channels: z.array(channelSchema).default([]).describe('Chat channels, e-mail, forms and meeting rooms'),
    socials: socialsSchema.describe('Profile addresses per platform, e.g. linkedin: https://www.linkedin.com/company/acme'),
    events: z.array(eventSchema).default([]).describe('Booth events with start and end times including the UTC offset'),
    publications: z.array(publicationSchema).default([]).describe('Papers at this conference and elsewhere'),
    showcase: z.array(showcaseSchema(image, file)).default([]).describe('Demos, products, prototypes and datasets'),
    media: z.array(mediaSchema(image, file)).default([]).describe('Videos, recordings and images, each with a poster and a link'),
    people: z.array(personSchema(image)).default([]).describe('Who attendees can meet'),
    offers: z.array(offerSchema).default([]).describe('Promo items: codes, trials, free data sets'),
    resources: z.array(resourceSchema(file)).default([]).describe('Brochures, slides, forms'),
    recruitingNote: visibleText.max(maxChars.recruitingNote, { error: keepTo('the recruiting note', maxChars.recruitingNote) }).optional().describe('A note shown with the roles, e.g. "More positions open in January"'),
    private: privateSchema,
    standIns: standInsSchema,
  });

/** Sponsor data as pages see it: images resolved by Astro's pipeline. */
export type SponsorData = z.output<ReturnType<typeof sponsorSchema<z.ZodType<ImageMetadata>>>>;
