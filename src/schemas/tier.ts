import { z } from 'zod';
import { currencyCode, slug, visibleText } from './shared.ts';
import { standInsSchema } from './stand-ins.ts';

/** Logo box sizes; pages map each to a fixed box so logos of any shape look balanced. */
export const logoSizes = ['xl', 'l', 'm', 's'] as const;

/** A sponsorship tier: one entry of `src/content/tiers.yaml`. */
export const tierSchema = z.strictObject({
  id: slug.describe('Referenced by sponsors, e.g. "platinum"'),
  label: visibleText.describe('Shown on pages, e.g. "Platinum"'),
  programme: slug.default('main').describe('Sponsorship programme, e.g. "wimir" for a diversity programme; "main" when left out'),
  rank: z.number().int().min(1).describe('1 = highest tier; orders the hall and the tier table'),
  logoSize: z.enum(logoSizes).describe('Size of the logo box in the hall: xl, l, m or s'),
  hasBooth: z.boolean().describe('Whether sponsors of this tier get a booth page'),
  price: z
    .strictObject({
      amount: z.number().nonnegative(),
      currency: currencyCode.describe('ISO 4217 code, e.g. "USD"'),
    })
    .describe('Price of the tier'),
  benefits: z.array(visibleText).min(1).describe('What the tier includes, one line each'),
  available: z.boolean().default(true).describe('false when sold out; the call for sponsors says so'),
  standIns: standInsSchema,
});

export type Tier = z.output<typeof tierSchema>;
