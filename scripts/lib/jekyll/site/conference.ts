/**
 * The conference an old site belongs to, from its `_config.yml`: whether conference.yaml
 * already describes it, and (`--init-conference`) a conference.yaml filled from it. What
 * the config does not say gets a stand-in marked for `check:content -- --launch`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Conference } from '../../../../src/schemas/conference.ts';
import type { StandIn } from '../../../../src/schemas/stand-ins.ts';
import { timeZone } from '../../../../src/schemas/shared.ts';
import { standInsYaml } from '../../scaffold.ts';
import type { JekyllSite } from './site.ts';

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().replace(/\s+/g, ' ') : undefined);
/** Words that say little about which conference it is. */
const common = /^(the|of|and|on|for|in|conference|international|annual|workshop|symposium|meeting|society|\d+(st|nd|rd|th)?)$/i;
const significant = (name: string) => new Set(name.toLowerCase().replace(/\b(19|20)\d\d\b/g, ' ').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !common.test(w)));

/** The site's own name: its title without a tagline after "|" or "-". */
export function siteName(site: JekyllSite): string | undefined {
  // Titles may carry markup for the theme's header: "JOURNÉES <br>de PROGRAMMATION".
  const plain = (value: unknown) => text(typeof value === 'string' ? value.replace(/<[^>]*>/g, ' ') : value);
  return (plain(site.config['title']) ?? plain(site.config['name']))?.split(/\s+[|–—-]\s+/)[0];
}

/** Whether conference.yaml names the conference of the old site (a shared significant word). */
export function describesSite(conference: Conference | undefined, site: JekyllSite): boolean {
  const name = siteName(site);
  if (!name) return true;
  if (!conference) return false;
  const ours = significant(`${conference.name} ${conference.fullName ?? ''}`);
  return [...significant(name)].some((w) => ours.has(w));
}

const day = (value: unknown): string | undefined => {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const s = text(value);
  return s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined;
};
const pick = (config: Record<string, unknown>, keys: string[]) => keys.map((k) => config[k]).find((v) => v !== undefined && v !== null && v !== '');
const exampleAddress = /@(domain|example|email|yourdomain)\.(com|org|net)$|^your[-_.]/i;

export interface InitConference {
  conference: Conference;
  /** conference.yaml as written: the values, then the stand-ins. */
  text: string;
  /** "name ← title", one line each, for the report. */
  found: string[];
  standIns: StandIn[];
}

/** conference.yaml from the old site's _config.yml; `year` is the edition the import reads. */
export function conferenceFromSite(site: JekyllSite, year: number | undefined, siteUrl: string | undefined): InitConference {
  const { config } = site;
  const found: string[] = [];
  const standIns: StandIn[] = [];
  const edition = year ?? new Date().getUTCFullYear();
  if (year) found.push(`edition: ${year}`);
  else standIns.push({ field: 'edition', value: edition, note: 'the year of this edition' });
  const title = siteName(site);
  const name = title ? (/\b(19|20)\d\d\b/.test(title) ? title : `${title} ${edition}`) : `Conference ${edition}`;
  if (title) found.push(`name: ${name} (from ${site.config['title'] ? 'title' : 'name'}:)`);
  else standIns.push({ field: 'name', value: name, note: 'the conference\'s short name, e.g. "ISMIR 2026"' });
  const description = text(config['description']);
  const fullName = description && description.length <= 120 && !/[.!?]\s/.test(description) ? description : undefined;
  if (fullName) found.push('fullName (from description:)');
  const start = day(pick(config, ['start_date', 'startDate', 'start', 'date_start', 'begin']));
  const end = day(pick(config, ['end_date', 'endDate', 'end', 'date_end'])) ?? start;
  const startDate = start ?? `${edition}-01-01`;
  const endDate = end && end >= startDate ? end : startDate;
  if (start) found.push(`startDate, endDate: ${startDate} to ${endDate}`);
  else standIns.push({ field: 'startDate', value: startDate, note: 'the first day of the conference' }, { field: 'endDate', value: endDate, note: 'the last day of the conference' });
  const zone = text(config['timezone']);
  const zoneOk = zone !== undefined && timeZone.safeParse(zone).success;
  if (zoneOk) found.push(`timeZone: ${zone} (from timezone:)`);
  else standIns.push({ field: 'timeZone', value: 'UTC', note: 'the IANA time zone the programme is scheduled in, e.g. "Europe/Berlin"' });
  // A GitHub Pages site on its own domain names it in CNAME.
  const cname = existsSync(join(site.root, 'CNAME')) ? readFileSync(join(site.root, 'CNAME'), 'utf8').trim().split(/\s+/)[0] : undefined;
  const address = siteUrl ?? text(config['url']) ?? (cname ? `https://${cname}` : undefined);
  const url = address && /^https?:\/\//.test(address) ? `${address.replace(/\/+$/, '')}${site.prefixes.find((p) => p.startsWith('/')) ?? ''}` : undefined;
  const origin = url ? new URL(url).origin : 'https://example.com';
  const base = `${site.prefixes.find((p) => p.startsWith('/')) ?? ''}/`;
  if (url) found.push(`url: ${url}, site: ${origin}, base: ${base}${!siteUrl && !text(config['url']) ? ' (from CNAME)' : ''}`);
  else standIns.push({ field: 'url', value: 'https://example.com', note: 'the conference\'s main website' }, { field: 'site', value: 'https://example.com', note: 'where this sponsor site is published (origin only)' });
  const email = text(config['email']);
  const contact = email && /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(email) && !exampleAddress.test(email) ? email : undefined;
  if (contact) found.push(`sponsorsContact: ${contact} (from email:)`);

  const fields = {
    name,
    ...(fullName ? { fullName } : {}),
    edition,
    startDate,
    endDate,
    timeZone: zoneOk ? zone! : 'UTC',
    url: url ?? 'https://example.com',
    site: origin,
    base,
    ...(contact ? { sponsorsContact: contact } : {}),
    nav: url ? [{ label: 'Conference', href: url }] : [],
  };
  const conference: Conference = { ...fields, rolesPerPage: 100, standIns };
  const head = `# The conference this sponsor site belongs to, filled from ${relativeConfig(site)} by npm run import:jekyll -- --init-conference.\n# Page titles, dates and the site address all come from here (docs/authoring.md).\n`;
  return { conference, text: `${head}${stringify(fields, { lineWidth: 0 })}${standInsYaml(standIns)}`, found, standIns };
}

function relativeConfig(site: JekyllSite): string {
  return `${site.root.replace(/\/+$/, '').split('/').pop()}/_config.yml`;
}
