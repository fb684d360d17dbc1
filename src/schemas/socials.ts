/** How attendees reach a booth: social profiles (one per platform) and contact channels. */
import { z } from 'zod';
import { platformIds, platformProblem, platforms, type PlatformId } from '../core/socials.ts';
import type { ProblemCode } from '../core/problem-codes.ts';
import { chatHandle, refuseUnclean, webUrl } from './links.ts';
import { onHost, urlProblem } from '../core/urls.ts';
import { coded, httpUrl, slug, visibleText } from './shared.ts';

/** `socials: { linkedin: https://…, github: https://… }`: each address on its platform's host. */
export const socialsSchema = z
  .strictObject(
    Object.fromEntries(
      platformIds.map((id) => [
        id,
        httpUrl
          .superRefine((value, ctx) => {
            // One message per link: a wrapped link is on the wrapper's host, so say "unwrap" only.
            if (urlProblem(value)) return refuseUnclean(value, ctx);
            const elsewhere = platformProblem(id, value);
            if (elsewhere) ctx.addIssue({ code: 'custom', message: elsewhere, ...coded('platform-address') });
          })
          .optional()
          .describe(`Profile address on ${platforms[id].label}`),
      ]),
    ) as Record<PlatformId, z.ZodOptional<typeof webUrl>>,
  )
  .default({});

const channelKinds = ['chat', 'slack', 'discord', 'matrix', 'email', 'form', 'zoom', 'teams', 'meet', 'web'] as const;
export type ChannelKind = (typeof channelKinds)[number];

/** Hosts that meeting and chat links of a kind must be on. */
const channelHosts: Partial<Record<ChannelKind, string[]>> = {
  slack: ['slack.com'],
  discord: ['discord.com', 'discord.gg'],
  matrix: ['matrix.to'],
  zoom: ['zoom.us'],
  teams: ['teams.microsoft.com', 'teams.live.com'],
  meet: ['meet.google.com'],
};

const emailAddress = /^mailto:[^@\s/]+@[^@\s/]+\.[a-z]{2,}$/i;

/**
 * One way to reach the booth: the conference chat (`kind: chat` with a `#handle`), Slack,
 * Discord, e-mail (`mailto:`), a form, a video meeting, a page.
 */
export const channelSchema = z
  .strictObject({
    id: slug.optional().describe('Name that events use to say where they happen, e.g. "booth-zoom"'),
    kind: z.enum(channelKinds).describe('chat (the conference chat), slack, discord, matrix, email, form, zoom, teams, meet or web'),
    label: visibleText.optional().describe('Link text, e.g. "Ask our recruiters"'),
    handle: chatHandle.optional().describe('Channel name in the chat, e.g. "#sponsor-acme"'),
    url: z.string().optional().describe('Address: mailto:… for email, https://… otherwise'),
    unit: slug.optional().describe('Id of the unit this channel belongs to'),
  })
  .superRefine((c, ctx) => {
    const issue = (message: string, path: string, code: ProblemCode = 'channel-entry') => ctx.addIssue({ code: 'custom', message, path: [path], ...coded(code) });
    if (c.kind === 'email') {
      if (!c.url) return issue('an email channel needs `url: mailto:name@example.com`', 'url');
      if (!emailAddress.test(c.url)) {
        const fix = /^[^@\s:]+@[^@\s]+$/.test(c.url) ? `; write "mailto:${c.url}"` : '';
        issue(`is "${c.url}"; expected "mailto:" and an address, e.g. "mailto:recruiting@example.com"${fix}`, 'url');
      }
      return;
    }
    if (c.kind === 'chat' || c.kind === 'slack') {
      if (!c.handle) issue(`a ${c.kind} channel needs its handle, e.g. handle: "#sponsor-acme"`, 'handle');
    } else if (c.kind !== 'discord' && c.kind !== 'matrix' && !c.url) {
      return issue(`a ${c.kind} channel needs its url`, 'url');
    } else if (!c.url && !c.handle) {
      return issue(`a ${c.kind} channel needs a handle or a url`, 'handle');
    }
    if (c.url === undefined) return;
    const parsed = webUrl.safeParse(c.url);
    if (!parsed.success) {
      const [first] = parsed.error.issues;
      return issue(first!.message, 'url', (first as { params?: { code?: ProblemCode } }).params?.code ?? 'not-http-url');
    }
    const hosts = channelHosts[c.kind];
    // The address as zod gives it (trimmed of every kind of space), as the transform below does.
    const host = new URL(parsed.data).hostname;
    if (hosts && !hosts.some((h) => onHost(host, h))) {
      issue(`is on ${host}; a ${c.kind} link must be on ${hosts.join(' or ')}`, 'url', 'platform-address');
    }
  })
  // The address as checked, not as written: the URL reader drops tabs, line breaks and outer
  // spaces, which would otherwise reach the page and the calendar files.
  .transform((c) => (c.url === undefined || c.kind === 'email' ? c : { ...c, url: webUrl.parse(c.url) }));

export type Channel = z.output<typeof channelSchema>;
