/**
 * The social platforms a booth can link to, each with the hosts its profile addresses live
 * on. One list: the schema checks against it and the booth shows its labels in this order.
 */
import { onHost } from './urls.ts';

export interface Platform {
  /** Shown as the link text, e.g. "LinkedIn". */
  label: string;
  /** Hosts (and their subdomains) that profile addresses of this platform use. */
  hosts: string[];
  /** For federated platforms: any host, but the path must look like a profile. */
  profilePath?: RegExp;
}

export const platforms = {
  linkedin: { label: 'LinkedIn', hosts: ['linkedin.com'] },
  twitter: { label: 'X (Twitter)', hosts: ['twitter.com', 'x.com'] },
  mastodon: { label: 'Mastodon', hosts: [], profilePath: /^\/@[A-Za-z0-9_]+\/?$/ },
  bluesky: { label: 'Bluesky', hosts: ['bsky.app'] },
  github: { label: 'GitHub', hosts: ['github.com'] },
  gitlab: { label: 'GitLab', hosts: ['gitlab.com'] },
  huggingface: { label: 'Hugging Face', hosts: ['huggingface.co'] },
  scholar: { label: 'Google Scholar', hosts: ['scholar.google.com'] },
  youtube: { label: 'YouTube', hosts: ['youtube.com', 'youtu.be'] },
  bilibili: { label: 'bilibili', hosts: ['bilibili.com'] },
  vimeo: { label: 'Vimeo', hosts: ['vimeo.com'] },
  soundcloud: { label: 'SoundCloud', hosts: ['soundcloud.com'] },
  instagram: { label: 'Instagram', hosts: ['instagram.com'] },
  facebook: { label: 'Facebook', hosts: ['facebook.com', 'fb.com'] },
  threads: { label: 'Threads', hosts: ['threads.net', 'threads.com'] },
  weibo: { label: 'Weibo', hosts: ['weibo.com'] },
  zhihu: { label: 'Zhihu', hosts: ['zhihu.com'] },
} as const satisfies Record<string, Platform>;

export type PlatformId = keyof typeof platforms;
export const platformIds = Object.keys(platforms) as PlatformId[];

/** Why `url` is not an address on `platform`, or undefined when it is (or is no address at all, which the URL's own check reports). */
export function platformProblem(platform: PlatformId, url: string): string | undefined {
  const spec: Platform = platforms[platform];
  const parsed = URL.parse(url);
  if (!parsed) return undefined;
  if (spec.profilePath) {
    return spec.profilePath.test(parsed.pathname) ? undefined : `is not a ${spec.label} profile; expected an address such as "https://mastodon.social/@account"`;
  }
  if (spec.hosts.some((h) => onHost(parsed.hostname, h))) return undefined;
  return `is on ${parsed.hostname}, not on ${spec.label}; expected an address on ${spec.hosts.join(' or ')}`;
}
