/** Small display helpers shared by components. Pure, unit-tested. */
import type { Role, RolePlace } from './model.ts';

const seniorityLabels: Record<string, string> = {
  junior: 'Junior',
  mid: 'Mid-level',
  senior: 'Senior',
  staff: 'Staff',
  principal: 'Principal',
  lead: 'Lead',
};

/** "Senior/Staff", as booths write it after a title. */
export function seniorityText(role: Pick<Role, 'seniority'>): string {
  return role.seniority.map((s) => seniorityLabels[s] ?? s).join('/');
}

/** "Summer 2021, 3 months, flexible start". */
export function termText(role: Pick<Role, 'term'>): string {
  const term = role.term;
  if (!term) return '';
  const when = [term.season && term.season[0]!.toUpperCase() + term.season.slice(1), term.year].filter(Boolean).join(' ');
  return [when, term.durationMonths && `${term.durationMonths} months`, term.flexibleStart && 'flexible start'].filter(Boolean).join(', ');
}

/** "New York", "Germany (remote)", "Barcelona (hybrid)". */
export function placeText(place: RolePlace): string {
  return place.workplace === 'onsite' ? place.location.label : `${place.location.label} (${place.workplace})`;
}

/** "1,000 USD" style prices, in the currency's own format. */
export function priceText(price: { amount: number; currency: string }): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency: price.currency, maximumFractionDigits: 0 }).format(price.amount);
}

export const stateLabels: Record<Role['state'], string> = {
  open: 'Open',
  upcoming: 'Upcoming',
  closed: 'Closed',
  filled: 'Filled',
};

/**
 * The title of each role's page: "Research Intern at Acme". A sponsor may post the same title
 * twice (one role per city, or two teams); every page needs a title of its own, so those say
 * their places, then their term, then their number among the roles that still share one.
 */
export function rolePageTitles(roles: readonly Role[]): Map<string, string> {
  const details = new Map<string, string[]>(roles.map((role) => [role.id, []]));
  const title = (role: Role) => {
    const more = details.get(role.id)!;
    return `${role.title}${more.length ? ` (${more.join(', ')})` : ''} at ${role.sponsor.name}`;
  };
  const distinguish = (detail: (role: Role, index: number) => string) => {
    for (const group of Map.groupBy(roles, title).values()) {
      if (group.length < 2) continue;
      group.forEach((role, index) => {
        const more = detail(role, index);
        if (more) details.get(role.id)!.push(more);
      });
    }
  };
  distinguish((role) => role.places.map(placeText).join(', '));
  distinguish((role) => termText(role));
  distinguish((_role, index) => String(index + 1));
  return new Map(roles.map((role) => [role.id, title(role)]));
}

/** "11–16 October 2020", "30 September – 2 October 2020", "30 December 2020 – 2 January 2021" for two YYYY-MM-DD days. */
export function dateRange(start: string, end: string): string {
  const day = (d: string, parts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { ...parts, timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`));
  const full = { day: 'numeric', month: 'long', year: 'numeric' } as const;
  if (start === end) return day(start, full);
  if (start.slice(0, 4) !== end.slice(0, 4)) return `${day(start, full)} – ${day(end, full)}`;
  if (start.slice(0, 7) !== end.slice(0, 7)) return `${day(start, { day: 'numeric', month: 'long' })} – ${day(end, full)}`;
  return `${day(start, { day: 'numeric' })}–${day(end, full)}`;
}
