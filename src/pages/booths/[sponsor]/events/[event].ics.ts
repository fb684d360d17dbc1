/** One booth event as an iCalendar file: /booths/<sponsor>/events/<event-id>.ics */
import type { APIRoute, GetStaticPaths } from 'astro';
import { boothCalendar } from '../../../../components/booth/calendar.ts';
import { getBoothSponsor, getBoothSponsors } from '../../../../content.ts';

export const getStaticPaths = (async () => {
  const sponsors = await getBoothSponsors();
  return sponsors.flatMap((sponsor) => sponsor.events.map((event) => ({ params: { sponsor: sponsor.id, event: event.id }, props: { sponsor: sponsor.id, event: event.id } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ sponsor: string; event: string }> = async ({ props }) => {
  const sponsor = await getBoothSponsor(props.sponsor);
  return boothCalendar(sponsor, sponsor.events.filter((e) => e.id === props.event));
};
