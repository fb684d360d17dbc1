/** One booth event as an iCalendar file: /booths/<sponsor>/events/<event-id>.ics */
import type { APIRoute, GetStaticPaths } from 'astro';
import { boothCalendar } from '../../../../components/booth/calendar.ts';
import { getBoothSponsors } from '../../../../content.ts';
import type { Sponsor } from '../../../../lib/model.ts';

export const getStaticPaths = (async () => {
  const sponsors = await getBoothSponsors();
  return sponsors.flatMap((sponsor) => sponsor.events.map((event) => ({ params: { sponsor: sponsor.id, event: event.id }, props: { sponsor, event: event.id } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ sponsor: Sponsor; event: string }> = async ({ props }) =>
  boothCalendar(props.sponsor, props.sponsor.events.filter((e) => e.id === props.event));
