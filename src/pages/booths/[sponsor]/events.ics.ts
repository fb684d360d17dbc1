/** Every event of a booth as one iCalendar file: /booths/<sponsor>/events.ics */
import type { APIRoute, GetStaticPaths } from 'astro';
import { boothCalendar } from '../../../components/booth/calendar.ts';
import { getBoothSponsors } from '../../../content.ts';
import type { Sponsor } from '../../../lib/model.ts';

export const getStaticPaths = (async () => {
  const sponsors = await getBoothSponsors();
  return sponsors.filter((s) => s.events.length > 0).map((sponsor) => ({ params: { sponsor: sponsor.id }, props: { sponsor } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ sponsor: Sponsor }> = async ({ props }) => boothCalendar(props.sponsor, props.sponsor.events);
