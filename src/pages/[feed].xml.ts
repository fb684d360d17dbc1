/** The open roles as an Atom 1.0 feed: /roles.xml (then /roles-2.xml, … when there are many). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { atomFeed } from '../lib/feeds.ts';
import { feedDocument, feedPaths } from './_roles-feed.ts';

export const getStaticPaths = (() => feedPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { entries, options } = await feedDocument('xml', props['number'] as number);
  return new Response(atomFeed(entries, options), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
