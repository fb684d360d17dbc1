/**
 * Links that content publishes: absolute http(s), never wrapped by a mail filter, never
 * tracked (apply links may be tracked, with a warning). Every URL field of every schema is
 * one of these, so the rules of src/core/urls.ts apply everywhere.
 */
import { z } from 'zod';
import { trackingProblem, wrapperProblem } from '../core/urls.ts';
import { maxChars } from './limits.ts';
import { coded, httpUrl, visibleText } from './shared.ts';

/**
 * An absolute http(s) address without a redirect wrapper (urldefense, safelinks,
 * l.facebook.com, …) or tracking parameters (utm_*, fbclid, …); the message names the
 * clean address to paste instead.
 */
export const webUrl = httpUrl.superRefine((value, ctx) => refuseUnclean(value, ctx));

/** Adds the issue of a wrapped or tracked link, naming its clean address (for fields that also accept other values). */
export function refuseUnclean(value: string, ctx: z.RefinementCtx): void {
  const wrapped = wrapperProblem(value);
  const tracked = wrapped ? undefined : trackingProblem(value);
  if (wrapped) ctx.addIssue({ code: 'custom', message: wrapped, ...coded('wrapped-link') });
  else if (tracked) ctx.addIssue({ code: 'custom', message: tracked, ...coded('tracking-parameters') });
}

/**
 * Where to apply (a role's applyUrl, a sponsor's careersUrl). A wrapper is refused as on every
 * link, but tracking parameters are allowed: a sponsor may count the applicants who came from
 * the conference (`utm_source=ismir`). The content check warns about them, so someone looks.
 */
export const applyLink = httpUrl.superRefine((value, ctx) => {
  const problem = wrapperProblem(value, true);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, ...coded('wrapped-link') });
});

/** A handle in a chat such as Slack or Discord: "#sponsor-acme". */
export const chatHandle = z.string().regex(new RegExp(`^#[a-z0-9][a-z0-9._-]{0,${maxChars.channelHandle - 1}}$`), {
  error: 'expected a channel handle such as "#sponsor-acme": "#" then lower-case letters, digits, ".", "_" or "-"',
});

/** What a publication or showcase link points to; shown as the link text. */
export const linkKinds = {
  paper: 'Paper',
  pdf: 'PDF',
  doi: 'DOI',
  arxiv: 'arXiv',
  code: 'Code',
  dataset: 'Dataset',
  demo: 'Demo',
  talk: 'Talk',
  poster: 'Poster',
  video: 'Video',
  slides: 'Slides',
  blog: 'Blog post',
  website: 'Website',
  other: 'Link',
} as const;
export type LinkKind = keyof typeof linkKinds;

/** A typed link: kind (paper, code, video, …), address, and an optional own label. */
export const typedLink = z.strictObject({
  kind: z.enum(Object.keys(linkKinds) as [LinkKind, ...LinkKind[]]).describe('paper, pdf, doi, arxiv, code, dataset, demo, talk, poster, video, slides, blog, website or other'),
  url: webUrl,
  label: visibleText.optional().describe('Link text when the kind alone is not enough, e.g. "Code (PyTorch)"'),
});
