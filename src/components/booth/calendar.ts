/** The HTTP response for a booth's .ics endpoints (one event or all of them). */
import { getConference, routes, url } from '../../content.ts';
import { buildDate } from '../../lib/content-check.ts';
import { eventIcs } from '../../lib/booth.ts';
import { icsCalendar } from '../../lib/ics.ts';
import type { Sponsor } from '../../lib/model.ts';

export async function boothCalendar(sponsor: Sponsor, events: Sponsor['events']): Promise<Response> {
  const conference = await getConference();
  const boothUrl = new URL(url(routes.booth(sponsor)), conference.site).href;
  const context = { site: conference.site, boothUrl, conference };
  const body = icsCalendar({
    name: `${sponsor.name} at ${conference.name}`,
    // The build day, so a rebuild of unchanged content gives the same file.
    stamp: `${buildDate()}T00:00:00Z`,
    events: events.map((event) => eventIcs(sponsor, event, context)),
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
