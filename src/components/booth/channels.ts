/** How a contact channel reads on the page: its text and, where there is one, its link. */
import type { Conference } from '../../schemas/conference.ts';
import type { Channel } from '../../schemas/socials.ts';

export const kindLabels: Record<Channel['kind'], string> = {
  chat: 'Chat',
  slack: 'Slack',
  discord: 'Discord',
  matrix: 'Matrix',
  email: 'E-mail',
  form: 'Form',
  zoom: 'Zoom',
  teams: 'Teams',
  meet: 'Google Meet',
  web: 'Web',
};

export function channelText(channel: Channel, conference: Pick<Conference, 'chat'>): { text: string; href?: string } {
  if (channel.kind === 'chat') {
    // The conference chat: "#sponsor-acme on the ISMIR 2020 Slack", linking to the workspace.
    const chat = conference.chat;
    return { text: `${channel.handle} on ${chat?.label ?? 'the conference chat'}`, ...(chat ? { href: chat.url } : {}) };
  }
  if (channel.kind === 'email' && channel.url) return { text: channel.url.replace(/^mailto:/i, ''), href: channel.url };
  if (channel.handle) return { text: channel.handle, ...(channel.url ? { href: channel.url } : {}) };
  // A link channel (Zoom, form, Discord invite): its host tells where it leads.
  return { text: channel.url ? new URL(channel.url).hostname : kindLabels[channel.kind], ...(channel.url ? { href: channel.url } : {}) };
}
