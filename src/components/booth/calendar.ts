/** The HTTP response of an .ics endpoint: one event, a booth's events, or every booth's (/events.ics). */
import { getConference, url } from '../../content.ts';
import { routes } from '../../lib/routes.ts';
import { buildDate } from '../../core/project.ts';
import { eventIcs } from '../../lib/booth.ts';
import { icsCalendar } from '../../lib/ics.ts';
import type { Sponsor } from '../../lib/model.ts';

/**
 * A calendar of `events`, each with its sponsor. An event has the same UID in every file it
 * is in, so importing a booth's file and the conference's one gives each event once.
 */
export async function eventsCalendar(name: string, events: readonly { sponsor: Sponsor; event: Sponsor['events'][number] }[]): Promise<Response> {
  const conference = await getConference();
  const body = icsCalendar({
    name,
    // The build day, so a rebuild of unchanged content gives the same file.
    stamp: `${buildDate()}T00:00:00Z`,
    events: events.map(({ sponsor, event }) => {
      const boothUrl = new URL(url(routes.booth(sponsor)), conference.site).href;
      return eventIcs(sponsor, event, { site: conference.site, boothUrl, conference });
    }),
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}

export async function boothCalendar(sponsor: Sponsor, events: Sponsor['events']): Promise<Response> {
  const conference = await getConference();
  return eventsCalendar(`${sponsor.name} at ${conference.name}`, events.map((event) => ({ sponsor, event })));
}
