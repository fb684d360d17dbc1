/**
 * Images, videos and audio of a booth. Images are local files that Astro optimises; videos
 * and audio are either links to a platform (shown as a poster and a link: no third-party
 * player, script or iframe ever loads) or local files played by the browser's own player.
 */
import { z } from 'zod';
import { onHost } from '../core/urls.ts';
import { webUrl } from './links.ts';
import type { ProblemCode } from '../core/problem-codes.ts';
import { coded, slug, visibleText } from './shared.ts';

/**
 * The schema for a local image. Inside Astro this is the `image()` helper of the content
 * layer (it resolves and optimises the file); outside Astro (checks, tests) it is a
 * string check. Passing it in keeps the schemas free of `astro:` imports.
 */
export type ImageSchema<I extends z.ZodType = z.ZodType> = () => I;

/**
 * A local file next to the sponsor file, e.g. "./acme/demo.mp4". The build resolves it with
 * Vite; the content check also makes sure it exists.
 */
export type FileSchema = () => z.ZodType<string>;

/** The default file schema: a relative path, never a link (hot-linked media is an error). */
export const relativeFile: FileSchema = () =>
  z.string().refine((v) => v.startsWith('./') && !v.includes('..'), {
    error: 'expected a file next to the sponsor file, e.g. "./sponsor-id/demo.mp4"; links to other sites are not allowed here',
    ...coded('file-path'),
  });

/** A path whose extension is one of `extensions` (lower case, without the dot). */
export function withExtension(file: FileSchema, extensions: readonly string[], what: string) {
  return file().refine((v) => extensions.includes(v.split('.').pop()!.toLowerCase()), {
    error: `expected ${what} (${extensions.map((e) => `.${e}`).join(', ')})`,
    ...coded('file-type'),
  });
}

export const videoFileTypes = ['mp4', 'webm'] as const;
export const audioFileTypes = ['mp3', 'ogg', 'opus', 'm4a', 'wav'] as const;

/** An image with its text alternative. */
export const pictureSchema = <I extends z.ZodType>(image: ImageSchema<I>) =>
  z
    .strictObject({
      src: image().describe('Image file next to this file, e.g. "./acme/lab.jpg" (PNG, JPEG, WebP, AVIF or SVG)'),
      alt: z.string().optional().describe('What the image shows, for people who cannot see it'),
      decorative: z.boolean().default(false).describe('true for a purely decorative image; it then needs no alt text'),
      text: visibleText.optional().describe('All the words written in the image (slides, banners, posters), shown as text beside it'),
    })
    .refine((p) => p.decorative || (p.alt !== undefined && p.alt.trim() !== ''), {
      error: 'write the alt text (what the image shows), or set decorative: true for an image that carries no information',
      path: ['alt'],
      ...coded('no-alt-text'),
    });

/** Video and audio platforms we link to, and the hosts their addresses live on. */
export const mediaPlatforms = {
  youtube: { label: 'YouTube', hosts: ['youtube.com', 'youtu.be'] },
  vimeo: { label: 'Vimeo', hosts: ['vimeo.com'] },
  bilibili: { label: 'bilibili', hosts: ['bilibili.com', 'b23.tv'] },
  soundcloud: { label: 'SoundCloud', hosts: ['soundcloud.com'] },
  file: { label: 'a file on this site', hosts: [] },
} as const;
export type MediaPlatform = keyof typeof mediaPlatforms;
const mediaKinds = ['video', 'audio', 'image'] as const;

/** One video, recording or image of the booth. */
export const mediaSchema = <I extends z.ZodType>(image: ImageSchema<I>, file: FileSchema = relativeFile) =>
  z
    .strictObject({
      id: slug.optional().describe('Name to place it in the body with <Video id="…" />'),
      kind: z.enum(mediaKinds).describe('video, audio or image'),
      title: visibleText.describe('What it is, e.g. "Live demo: score following"'),
      platform: z.enum(Object.keys(mediaPlatforms) as [MediaPlatform, ...MediaPlatform[]]).optional().describe('youtube, vimeo, bilibili, soundcloud, or file for a file next to this one'),
      url: webUrl.optional().describe('Address of the video on its platform'),
      file: file().optional().describe('Local video or audio file, e.g. "./acme/demo.mp4"'),
      poster: pictureSchema(image).optional().describe('Still image shown with the link, or before a local video plays'),
      image: pictureSchema(image).optional().describe('The image itself, for kind: image'),
      captions: withExtension(file, ['vtt'], 'a WebVTT captions file').optional().describe('Captions for a local video, e.g. "./acme/demo.en.vtt"'),
      captionsLanguage: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, { error: 'expected a language tag such as "en" or "pt-BR"' }).default('en'),
      transcript: webUrl.optional().describe('Address of a transcript'),
      duration: z.string().regex(/^(\d+:)?\d{1,2}:\d{2}$/, { error: 'expected a duration such as "4:05" or "1:02:30"' }).optional(),
    })
    .superRefine((m, ctx) => {
      const issue = (message: string, path: string, code: ProblemCode = 'media-entry') => ctx.addIssue({ code: 'custom', message, path: [path], ...coded(code) });
      if (m.kind === 'image') {
        if (!m.image) issue('an image needs `image: { src, alt }`', 'image');
        return;
      }
      if (!m.platform) return issue('say where the media lives: platform: youtube, vimeo, bilibili, soundcloud or file', 'platform');
      if (m.platform === 'file') {
        if (!m.file) return issue('platform: file needs `file: ./sponsor-id/name.mp4`', 'file');
        const ext = m.file.split('.').pop()!.toLowerCase();
        const allowed: readonly string[] = m.kind === 'video' ? videoFileTypes : audioFileTypes;
        if (!allowed.includes(ext)) issue(`a ${m.kind} file must be ${allowed.map((e) => `.${e}`).join(', ')}`, 'file', 'file-type');
        if (m.kind === 'video' && !m.captions) issue('a local video needs captions: add a WebVTT file and `captions: ./sponsor-id/name.vtt`', 'captions');
        if (m.kind === 'audio' && !m.transcript) issue('a local audio file needs a transcript link: `transcript: https://…`', 'transcript');
        return;
      }
      if (m.file) issue(`a ${mediaPlatforms[m.platform].label} ${m.kind} is linked with url:, not file:`, 'file');
      if (!m.url) return issue(`a ${mediaPlatforms[m.platform].label} ${m.kind} needs its url`, 'url');
      // A url that is no address at all is reported by its own check (zod runs this one too).
      const host = URL.parse(m.url)?.hostname;
      if (host === undefined) return;
      const hosts: readonly string[] = mediaPlatforms[m.platform].hosts;
      if (!hosts.some((h) => onHost(host, h))) issue(`is on ${host}, not on ${mediaPlatforms[m.platform].label}; expected an address on ${hosts.join(' or ')}`, 'url', 'platform-address');
    });

export type MediaData<I = unknown> = Omit<z.output<ReturnType<typeof mediaSchema>>, 'poster' | 'image'> & {
  poster?: Picture<I> | undefined;
  image?: Picture<I> | undefined;
};
export interface Picture<I = unknown> {
  src: I;
  alt?: string | undefined;
  decorative: boolean;
  text?: string | undefined;
}
