/** The open roles as JSON Feed 1.1: /roles.json (then /roles-2.json, … when there are many). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonFeed } from '../lib/feeds.ts';
import { feedDocument, feedPaths } from './_roles-feed.ts';

export const getStaticPaths = (() => feedPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { entries, options } = await feedDocument('json', props['number'] as number);
  return new Response(JSON.stringify(jsonFeed(entries, options), null, 1), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
