/**
 * The machine-readable roles feeds: JSON Feed 1.1 (with our typed fields in a `_boothkit`
 * extension object) and Atom 1.0, generated from the same model as the pages. Only open
 * roles belong in them, and every published field is named here one by one, so nothing
 * private or internal (a role's `private` block, its source file) can leak by accident.
 * Long lists are paged (JSON Feed `next_url`, Atom RFC 5005 `rel="next"`). Pure.
 */
import type { Role } from './model.ts';
import { escapeHtml, roleSummaryLines } from './jsonld.ts';

export interface FeedEntry {
  role: Role;
  /** Absolute URL of the role page: the entry's id and link. */
  url: string;
  /** The role's description as HTML (or a summary built from its fields). */
  contentHtml: string;
}

export interface FeedOptions {
  title: string;
  description: string;
  /** Absolute URL of the roles board. */
  homePageUrl: string;
  /** Absolute URL of this feed document. */
  feedUrl: string;
  /** Absolute URL of the next page of the feed, when there is one. */
  nextUrl?: string | undefined;
  /** The build date, YYYY-MM-DD: when the list of open roles was last computed. */
  updated: string;
}

/** A calendar day as an RFC 3339 date-time (midnight UTC), as both formats require. */
function feedDate(day: string): string {
  return `${day}T00:00:00Z`;
}

/** Our typed fields of one role, for consumers that filter (the `_boothkit` extension). */
export function roleFields(role: Role) {
  return {
    id: role.id,
    title: role.title,
    sponsor: { id: role.sponsor.id, name: role.sponsor.name, website: role.sponsor.website },
    employmentType: role.employmentType,
    seniority: role.seniority,
    ...(role.term && {
      term: {
        ...(role.term.season && { season: role.term.season }),
        ...(role.term.year && { year: role.term.year }),
        ...(role.term.durationMonths && { durationMonths: role.term.durationMonths }),
        flexibleStart: role.term.flexibleStart,
      },
    }),
    locations: role.places.map(({ location, workplace, applyUrl }) => ({
      id: location.id,
      label: location.label,
      ...(location.city && { city: location.city }),
      ...(location.region && { region: location.region }),
      ...(location.country && { country: location.country }),
      ...(location.countries && { countries: location.countries }),
      ...(location.utcOffsets && { utcOffsets: { ...location.utcOffsets } }),
      workplace,
      ...(applyUrl && { applyUrl }),
    })),
    ...(role.applyEmail && { applyEmail: role.applyEmail }),
    researchAreas: role.areas.map((a) => ({ id: a.id, label: a.label })),
    eligibility: {
      enrolledIn: role.eligibility.enrolledIn,
      ...(role.eligibility.educationRequired && { educationRequired: role.eligibility.educationRequired }),
      ...(role.eligibility.educationPreferred && { educationPreferred: role.eligibility.educationPreferred }),
      ...(role.eligibility.minYearsExperience !== undefined && { minYearsExperience: role.eligibility.minYearsExperience }),
    },
    requirements: role.requirements,
    status: role.state,
    ...(role.statusNote && { statusNote: role.statusNote }),
    datePosted: role.datePosted,
    ...(role.validThrough && { validThrough: role.validThrough }),
    ...(role.identifier && { identifier: role.identifier }),
    ...(role.salary && { salary: { ...role.salary } }),
    ...(role.visaSponsorship && { visaSponsorship: role.visaSponsorship }),
    ...(role.relocation && { relocation: role.relocation }),
  };
}

export function jsonFeed(entries: readonly FeedEntry[], options: FeedOptions) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: options.title,
    home_page_url: options.homePageUrl,
    feed_url: options.feedUrl,
    description: options.description,
    language: 'en',
    ...(options.nextUrl && { next_url: options.nextUrl }),
    items: entries.map(({ role, url, contentHtml }) => ({
      id: url,
      url,
      title: `${role.title} at ${role.sponsor.name}`,
      content_html: contentHtml,
      content_text: roleSummaryLines(role).join('\n'),
      summary: roleSummaryLines(role)[0],
      date_published: feedDate(role.datePosted),
      authors: [{ name: role.sponsor.name, url: role.sponsor.website }],
      tags: role.areas.map((a) => a.label),
      _boothkit: roleFields(role),
    })),
  };
}

/** Escapes text for XML content and attribute values. */
export function xmlText(text: string): string {
  return escapeHtml(text).replace(/'/g, '&apos;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

export function atomFeed(entries: readonly FeedEntry[], options: FeedOptions): string {
  const x = xmlText;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <id>${x(options.homePageUrl)}</id>`,
    `  <title>${x(options.title)}</title>`,
    `  <subtitle>${x(options.description)}</subtitle>`,
    `  <updated>${feedDate(options.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(options.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(options.homePageUrl)}"/>`,
    ...(options.nextUrl ? [`  <link rel="next" type="application/atom+xml" href="${x(options.nextUrl)}"/>`] : []),
    '  <generator>boothkit</generator>',
  ];
  for (const { role, url, contentHtml } of entries) {
    lines.push(
      '  <entry>',
      `    <id>${x(url)}</id>`,
      `    <title>${x(`${role.title} at ${role.sponsor.name}`)}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(url)}"/>`,
      `    <published>${feedDate(role.datePosted)}</published>`,
      `    <updated>${feedDate(role.datePosted)}</updated>`,
      `    <author><name>${x(role.sponsor.name)}</name><uri>${x(role.sponsor.website)}</uri></author>`,
      ...role.areas.map((a) => `    <category term="${x(a.id)}" label="${x(a.label)}"/>`),
      `    <summary type="text">${x(roleSummaryLines(role).join(' '))}</summary>`,
      `    <content type="html">${x(contentHtml)}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>');
  return lines.join('\n') + '\n';
}

/** Open roles per feed document; later ones are reached through next links. */
export const rolesPerFeed = 100;
