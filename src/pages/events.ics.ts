/** Every booth event of the conference as one iCalendar file: /events.ics (the sponsor schedule's). */
import type { APIRoute } from 'astro';
import { eventsCalendar } from '../components/booth/calendar.ts';
import { getConference, getSchedule } from '../content.ts';

export const GET: APIRoute = async () => {
  const [conference, days] = await Promise.all([getConference(), getSchedule()]);
  const events = days.flatMap((d) => d.entries).flatMap(({ sponsor, sessions }) => sessions.map((event) => ({ sponsor, event })));
  return eventsCalendar(`Sponsor events at ${conference.name}`, events);
};
