/**
 * How values read on the pages and in the feeds: a role's seniority, term, places, pay and
 * closing countdown, prices, dates, tier headings. Pure, unit-tested.
 */
import type { Location } from '../schemas/vocabulary.ts';
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

/**
 * A tier's heading in the hall: "Gold sponsors", or the label alone when it already says what
 * the tier is ("Technically Co-Sponsored by IEEE Computer Society", "Media Partners").
 */
export function tierHeading(label: string): string {
  return /\b(sponsor|sponsors|sponsored|partners?|supporters?|exhibitors?)\b/i.test(label) ? label : `${label} sponsors`;
}

/** "Summer 2021, 3 months, flexible start". */
export function termText(role: Pick<Role, 'term'>): string {
  const term = role.term;
  if (!term) return '';
  const when = [term.season && term.season[0]!.toUpperCase() + term.season.slice(1), term.year].filter(Boolean).join(' ');
  return [when, term.durationMonths && `${term.durationMonths} months`, term.flexibleStart && 'flexible start'].filter(Boolean).join(', ');
}

/** "UTC−5" for -5, "UTC+5:30" for 5.5, "UTC" for 0. */
function utcOffsetText(hours: number): string {
  if (hours === 0) return 'UTC';
  const minutes = Math.round(Math.abs(hours) * 60);
  return `UTC${hours < 0 ? '\u2212' : '+'}${Math.floor(minutes / 60)}${minutes % 60 ? `:${String(minutes % 60).padStart(2, '0')}` : ''}`;
}

/** A location's label; a time-zone band's says its span unless the label does: "Americas, UTC−8 to UTC−3". */
export function locationText(location: Location): string {
  const band = location.utcOffsets;
  if (!band || /\bUTC|\bGMT/i.test(location.label)) return location.label;
  return `${location.label}, ${utcOffsetText(band.from)} to ${utcOffsetText(band.to)}`;
}

/** "New York", "Germany (remote)", "Europe (remote)", "Barcelona (hybrid)". */
export function placeText(place: RolePlace): string {
  const label = locationText(place.location);
  return place.workplace === 'onsite' ? label : `${label} (${place.workplace})`;
}

/** "1,000 USD" style prices, in the currency's own format. */
export function priceText(price: { amount: number; currency: string }): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency: price.currency, maximumFractionDigits: 0 }).format(price.amount);
}

/** "€70,000 to €90,000 per year", "from $45 per hour", "up to £3,000 per month". */
function salaryText(salary: NonNullable<Role['salary']>): string {
  const money = (amount: number) => priceText({ amount, currency: salary.currency });
  const { min, max, per } = salary;
  const amount = min !== undefined && max !== undefined ? (min === max ? money(min) : `${money(min)} to ${money(max)}`) : min !== undefined ? `from ${money(min)}` : `up to ${money(max!)}`;
  return `${amount} per ${per}`;
}

const visaTexts: Record<NonNullable<Role['visaSponsorship']>, string> = {
  yes: 'Visa sponsorship available',
  'case-by-case': 'Visa sponsorship case by case',
  no: 'No visa sponsorship',
};

export const relocationTexts: Record<NonNullable<Role['relocation']>, string> = {
  yes: 'Relocation support',
  no: 'No relocation support',
};

/** Up to this many days before it, a closing date is a countdown ("Closes in 12 days"). */
const countdownDays = 60;

/** "Closes today", "Closes tomorrow", "Closes in 12 days" near the closing date; undefined earlier or without one. */
export function countdownText(role: Pick<Role, 'closesInDays'>): string | undefined {
  const days = role.closesInDays;
  if (days === undefined || days < 0 || days > countdownDays) return undefined;
  return days === 0 ? 'Closes today' : days === 1 ? 'Closes tomorrow' : `Closes in ${days} days`;
}

/** A calendar day as words: "Mar 3, 2027". */
export function dayText(day: string): string {
  return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/**
 * What decides whether an applicant can take the role, in plain words, in a fixed order: pay,
 * visa, relocation. Shown at the top of a role page, in the roles table and in the feeds.
 */
export function decisionTexts(role: Pick<Role, 'salary' | 'visaSponsorship' | 'relocation'>): string[] {
  const salary = role.salary && salaryText(role.salary);
  return [salary && salary[0]!.toUpperCase() + salary.slice(1), role.visaSponsorship && visaTexts[role.visaSponsorship], role.relocation && relocationTexts[role.relocation]].filter(
    (text): text is string => Boolean(text),
  );
}

export const stateLabels: Record<Role['state'], string> = {
  open: 'Open',
  upcoming: 'Upcoming',
  closed: 'Closed',
  filled: 'Filled',
};

/** "11–16 October 2020", "30 September – 2 October 2020", "30 December 2020 – 2 January 2021" for two YYYY-MM-DD days. */
export function dateRange(start: string, end: string): string {
  const day = (d: string, parts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { ...parts, timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`));
  const full = { day: 'numeric', month: 'long', year: 'numeric' } as const;
  if (start === end) return day(start, full);
  if (start.slice(0, 4) !== end.slice(0, 4)) return `${day(start, full)} – ${day(end, full)}`;
  if (start.slice(0, 7) !== end.slice(0, 7)) return `${day(start, { day: 'numeric', month: 'long' })} – ${day(end, full)}`;
  return `${day(start, { day: 'numeric' })}–${day(end, full)}`;
}
