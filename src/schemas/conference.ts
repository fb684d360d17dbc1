import { z } from 'zod';
import { latestYear } from './limits.ts';
import { refuseUnclean, webUrl } from './links.ts';
import { coded, isoDay, timeZone, visibleText } from './shared.ts';
import { standInsSchema } from './stand-ins.ts';

/** One link of the site's top navigation. */
const navLink = z.strictObject({
  label: visibleText.describe('Text of the link, e.g. "Programme"'),
  href: z
    .string()
    .regex(/^(https?:\/\/|\/)/, { error: 'expected an absolute URL or a path starting with "/"' })
    .superRefine((href, ctx) => {
      if (!href.startsWith('/')) refuseUnclean(href, ctx);
    })
    .describe('Absolute URL (conference main site) or a path inside this site, e.g. "/roles/"'),
});

/** The conference this site belongs to: `src/content/conference.yaml`. */
export const conferenceSchema = z
  .strictObject({
    name: visibleText.describe('Short name shown in titles, e.g. "ISMIR 2020"'),
    fullName: visibleText.optional().describe('Long name, e.g. "21st International Society for Music Information Retrieval Conference"'),
    edition: z.number().int().min(1900).max(latestYear).describe('Year of this edition'),
    startDate: isoDay.describe('First day, YYYY-MM-DD'),
    endDate: isoDay.describe('Last day, YYYY-MM-DD'),
    timeZone: timeZone.describe('IANA zone in which the programme is scheduled, e.g. "America/Toronto"'),
    url: webUrl.describe('The conference main website'),
    site: webUrl.describe('Where this sponsor site is published (origin only), e.g. "https://ismir2020.net"'),
    base: z
      .string()
      .regex(/^\/([A-Za-z0-9._-]+\/)*$/, { error: 'expected "/" or a path such as "/ISMIR2020/" that starts and ends with "/"' })
      .default('/')
      .describe('Path under `site` where the pages live; "/ISMIR2020/" for a GitHub Pages project site'),
    rolesPerPage: z
      .number()
      .int()
      .min(2)
      .max(500)
      .default(100)
      .describe('Roles on each page of the roles board and of each filter page; longer lists continue on /page/2/, …, so no page grows with the conference'),
    sponsorsContact: z.email().optional().describe('Address sponsors write to, shown on the call for sponsors'),
    nav: z.array(navLink).default([]).describe('Extra links in the header, after the built-in ones'),
    chat: z
      .strictObject({
        kind: z.enum(['slack', 'discord', 'zulip', 'matrix', 'rocketchat', 'other']).describe('The chat the conference runs'),
        label: visibleText.describe('Shown after a channel handle, e.g. "ISMIR 2020 Slack"'),
        url: webUrl.describe('Where attendees open the chat, e.g. "https://ismir2020.slack.com"'),
      })
      .optional()
      .describe('The conference chat; booths then store only their channel handle, e.g. "#sponsor-acme"'),
    standIns: standInsSchema,
  })
  .refine((c) => c.endDate >= c.startDate, { error: 'endDate is before startDate', path: ['endDate'], ...coded('date-order') });

export type Conference = z.output<typeof conferenceSchema>;
