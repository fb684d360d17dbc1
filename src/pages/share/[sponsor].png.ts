/**
 * /share/<sponsor>.png: the picture a link to the sponsor's booth or to one of its roles shows
 * when it is shared (og:image, see src/layouts/Base.astro). One card per sponsor, which its
 * booth and its roles all use: a card per role would cost 10,000 drawings at 10,000 roles
 * (docs/performance.md, "Share cards"), and the role's own title and summary are in the
 * preview's text anyway.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { cardCache, getSharedSponsors, shareCardContent } from '../../content.ts';
import { shareCard } from '../../lib/share-card.ts';

export const getStaticPaths = (async () => (await getSharedSponsors()).map((sponsor) => ({ params: { sponsor: sponsor.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const card = await shareCard(await shareCardContent(params.sponsor!), cardCache);
  return new Response(new Uint8Array(card), { headers: { 'Content-Type': 'image/png' } });
};
