/** Every event of a booth as one iCalendar file: /booths/<sponsor>/events.ics */
import type { APIRoute, GetStaticPaths } from 'astro';
import { boothCalendar } from '../../../components/booth/calendar.ts';
import { getBoothSponsor, getBoothSponsors } from '../../../content.ts';

export const getStaticPaths = (async () => {
  const sponsors = await getBoothSponsors();
  return sponsors.filter((s) => s.events.length > 0).map((sponsor) => ({ params: { sponsor: sponsor.id }, props: { id: sponsor.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ id: string }> = async ({ props }) => {
  const sponsor = await getBoothSponsor(props.id);
  return boothCalendar(sponsor, sponsor.events);
};
