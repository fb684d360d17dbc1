/**
 * A whole Jekyll site → one plan per sponsor. The sponsor list gives each sponsor its tier
 * (and programme tiers), logo and website; booth pages are found by the list's links, by
 * name, or by "booth" in their path or layout, and converted like a single booth; sponsors
 * of tiers without booths become hall entries. Nothing is written here, and nothing is
 * planned at all while a tier of the old site has no tier in tiers.yaml.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { programmeOf } from '../../../../src/lib/booth.ts';
import type { Tier } from '../../../../src/schemas/tier.ts';
import type { Project } from '../../project.ts';
import { planBooth, sponsorName, type BoothPlan } from '../import.ts';
import { Report } from '../report.ts';
import { readListings, type Listed } from './listing.ts';
import { pageAt, readSite, type JekyllSite, type Page } from './site.ts';
import { matchTier, readTierMapping } from './tiers.ts';

export interface SiteOptions {
  project: Project;
  siteRoot: string;
  /** --tier-as values: "Diamond=platinum", "Media partners=skip". */
  tierAs: string[];
  /** The old site's address when _config.yml has no url: (--site-url). */
  siteUrl?: string | undefined;
  year?: number | undefined;
  eventMinutes?: number | undefined;
  posted?: string | undefined;
  validThrough?: string | undefined;
  newAreas?: Map<string, string> | undefined;
}

/** One sponsor of the site, merged from every place that lists it. */
export interface SiteSponsor {
  name: string;
  nameFrom: Listed['nameFrom'];
  tier: Tier | undefined;
  programmeTiers: Tier[];
  logo?: string;
  website?: string;
  booth?: Page;
  /** Where it is listed ("_includes/sponsors.html", "wimir.md"). */
  where: string[];
}

export interface SitePlan {
  site: JekyllSite;
  /** What concerns the site as a whole: lists read, tiers, booth pages without a sponsor. */
  report: Report;
  sponsors: { sponsor: SiteSponsor; plan: BoothPlan }[];
}

const key = (name: string) => name.toLowerCase().replace(/&/g, 'and').replace(/[^\p{L}\p{N}]+/gu, '');

/** "virtual_booth_spotify.md", "spotify-booth.md", "_booths/spotify.md" → "spotify". */
function boothStem(page: Page): string {
  return basename(page.path, extname(page.path)).replace(/^(virtual[-_ ]?)?booth[-_ ]?/i, '').replace(/[-_ ]?(virtual[-_ ]?)?booth$/i, '');
}

/** Image files of the site by lower-case file name, to find a data file's bare "spotify.png". */
function imagesByName(root: string): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (!/^(_site|node_modules|vendor|\.git|\.jekyll-cache)$/.test(name)) walk(path);
      } else if (/\.(png|jpe?g|gif|webp|avif|svg)$/i.test(name)) {
        index.set(name.toLowerCase(), [...(index.get(name.toLowerCase()) ?? []), `/${relative(root, path).split('\\').join('/')}`]);
      }
    }
  };
  walk(root);
  return index;
}

function merge(listed: Listed[], site: JekyllSite, report: Report): SiteSponsor[] {
  const sponsors = new Map<string, SiteSponsor>();
  for (const entry of listed) {
    if (!entry.tier || 'skip' in entry.tier) continue;
    const k = key(entry.name);
    const sponsor = sponsors.get(k) ?? { name: entry.name, nameFrom: entry.nameFrom, tier: undefined, programmeTiers: [], where: [] };
    sponsors.set(k, sponsor);
    if (sponsor.nameFrom === 'file name' && entry.nameFrom !== 'file name') Object.assign(sponsor, { name: entry.name, nameFrom: entry.nameFrom });
    const { tier } = entry.tier;
    if (programmeOf(tier) === 'main') {
      if (sponsor.tier && sponsor.tier.id !== tier.id) report.todo(`${sponsor.name} is listed as ${sponsor.tier.label} (${sponsor.where[0]}) and as ${tier.label} (${entry.where}); written as ${sponsor.tier.label}: check its tier`);
      sponsor.tier ??= tier;
    } else if (!sponsor.programmeTiers.some((t) => t.id === tier.id)) sponsor.programmeTiers.push(tier);
    if (!sponsor.where.includes(entry.where)) sponsor.where.push(entry.where);
    if (entry.logo && !sponsor.logo) sponsor.logo = entry.logo;
    for (const href of [entry.booth, entry.href]) {
      if (!href) continue;
      const page = pageAt(site, href);
      if (page) sponsor.booth ??= page;
      else if (/^https?:\/\//i.test(href) && !site.prefixes.some((p) => /^https?:/.test(p) && href.startsWith(p))) sponsor.website ??= href;
    }
  }
  return [...sponsors.values()];
}

/** Unknown tiers, one error each with the fix. */
function tierErrors(listed: Listed[], project: Project): string[] {
  const unknown = new Map<string, Listed[]>();
  for (const entry of listed.filter((e) => !e.tier)) {
    const k = `${entry.where}\u0000${entry.tierText}`;
    unknown.set(k, [...(unknown.get(k) ?? []), entry]);
  }
  const ids = project.tiers.map((t) => t.id).join(', ');
  return [...unknown.values()].map((entries) => {
    const { where, tierText } = entries[0]!;
    const names = `${entries.slice(0, 3).map((e) => e.name).join(', ')}${entries.length > 3 ? ', …' : ''}`;
    if (!tierText) return `${where}: ${entries.length} sponsor${entries.length > 1 ? 's' : ''} (${names}) listed without a tier; give them one: --tier-as "${where}=<tier id>" (${ids})`;
    return `${where}: ${entries.length} sponsor${entries.length > 1 ? 's' : ''} (${names}) under "${tierText}", a tier src/content/tiers.yaml does not have; add it there, or map it: --tier-as "${tierText}=<tier id>" (${ids}), or leave them out: --tier-as "${tierText}=skip"`;
  });
}

export function planSite(options: SiteOptions): { plan: SitePlan } | { errors: string[] } {
  const { project } = options;
  let site: JekyllSite;
  try {
    site = readSite(options.siteRoot, options.siteUrl);
  } catch (error) {
    return { errors: [(error as Error).message] };
  }
  const conference = project.conference?.name.split(/\s+/)[0];
  const tierMapping = readTierMapping(options.tierAs, project.tiers, conference);
  if ('errors' in tierMapping) return { errors: tierMapping.errors };
  const matcher = { tiers: project.tiers, mapping: tierMapping.mapping, conference };
  const boothLike = new Set(site.pages.filter((p) => /booth/i.test(p.path) || /booth/i.test(String(p.front['layout'] ?? ''))));
  const { listed, errors } = readListings(site, matcher, boothLike);
  // Sponsors listed without any tier take the one given for their file: --tier-as "_data/sponsors.yml=bronze".
  for (const entry of listed) if (!entry.tier && !entry.tierText) entry.tier = matchTier(entry.where, matcher);
  errors.push(...tierErrors(listed, project));
  if (listed.length === 0) errors.push(`--site ${options.siteRoot}: no sponsor list found (looked for logos under sponsor or tier headings and tier classes in its pages and _includes/, and for _data/*sponsor*.yml); import its booths one at a time instead`);
  if (errors.length) return { errors };

  const report = new Report();
  const sponsors = merge(listed, site, report);
  const sources = [...new Set(listed.map((l) => l.where))];
  report.done(`read the sponsor list from ${sources.map((w) => `${w} (${listed.filter((l) => l.where === w && l.tier && !('skip' in l.tier)).length})`).join(', ')}`);
  const skipped = listed.filter((l) => l.tier && 'skip' in l.tier);
  if (skipped.length) report.note(`left out as asked (--tier-as …=skip): ${[...new Set(skipped.map((l) => l.name))].join(', ')}`);

  // Booth pages: by the list's link, else by name; a "booth" page no sponsor claims is reported.
  const claimed = new Set(sponsors.flatMap((s) => (s.booth ? [s.booth] : [])));
  for (const sponsor of sponsors.filter((s) => !s.booth)) {
    const page = [...boothLike].find((p) => !claimed.has(p) && [key(boothStem(p)), key(sponsorName(String(p.front['title'] ?? '')))].includes(key(sponsor.name)));
    if (page) {
      sponsor.booth = page;
      claimed.add(page);
    }
  }
  for (const page of [...boothLike].filter((p) => !claimed.has(p))) {
    report.todo(`${page.path} looks like a booth page but no sponsor on the list links to it or has its name ("${String(page.front['title'] ?? boothStem(page))}"); import it alone: npm run import:jekyll -- ${join(options.siteRoot, page.path)} --tier … --website … --site-root ${options.siteRoot}`);
  }

  const projectYear = project.conference ? { value: project.conference.edition, from: 'edition: in src/content/conference.yaml' } : undefined;
  const year = options.year ? { value: options.year, from: '--year' } : (site.year ?? projectYear);
  if (!options.year && site.year && projectYear && site.year.value !== projectYear.value) report.note(`the old site says ${site.year.value} (${site.year.from}), src/content/conference.yaml ${projectYear.value}: days without a year are read as ${site.year.value}; pass --year to choose`);
  else if (year) report.note(`days written without a year are read as ${year.value} (from ${year.from})`);

  const images = imagesByName(site.root);
  const mainTiers = project.tiers.filter((t) => programmeOf(t) === 'main');
  const planned: SitePlan['sponsors'] = [];
  const ordered = sponsors.sort((a, b) => (a.tier?.rank ?? Infinity) - (b.tier?.rank ?? Infinity) || a.name.localeCompare(b.name));
  for (const sponsor of ordered) {
    const drafts: string[] = [];
    let tier = sponsor.tier;
    if (!tier) {
      tier = mainTiers.at(-1);
      drafts.push(`${sponsor.name} is listed only as ${sponsor.programmeTiers.map((t) => t.label).join(', ')}, but every sponsor needs a main tier: set tier: (${mainTiers.map((t) => t.id).join(', ')}; ${tier?.id} stands in)`);
    }
    let logo = sponsor.logo;
    if (logo && !logo.includes('/')) {
      const found = images.get(logo.toLowerCase()) ?? [];
      if (found.length === 1) logo = found[0];
    }
    const boothWebsite = sponsor.booth && typeof sponsor.booth.front['website'] === 'string';
    const standIn = sponsor.booth && site.url ? `${site.url}${sponsor.booth.addresses[0]}` : (project.conference?.url ?? 'https://example.com');
    if (!sponsor.website && !boothWebsite) drafts.push(`no website for ${sponsor.name} on the old site (its logo links nowhere else); website: ${standIn} stands in: set the real one`);
    const result = planBooth({
      project,
      file: sponsor.booth?.file,
      source: sponsor.booth ? sponsor.booth.path : sponsor.where[0],
      name: sponsor.nameFrom === 'file name' && sponsor.booth ? undefined : sponsor.name,
      tier: tier?.id,
      website: sponsor.website ?? (boothWebsite ? undefined : standIn),
      logo,
      programmeTiers: sponsor.programmeTiers.map((t) => t.id),
      siteRoot: site.root,
      siteUrl: site.url,
      sitePrefixes: site.prefixes,
      posted: options.posted,
      validThrough: options.validThrough,
      newAreas: options.newAreas,
      year,
      eventMinutes: options.eventMinutes,
      ...(drafts.length ? { draft: drafts.join('; ') } : {}),
    });
    if ('errors' in result) {
      errors.push(...result.errors);
      continue;
    }
    const { plan } = result;
    if (sponsor.nameFrom === 'file name' && !sponsor.booth) plan.report.todo(`the name "${sponsor.name}" was read from the logo's file name (${basename(sponsor.logo ?? '')}): check it`);
    if (tier && !tier.hasBooth && sponsor.booth && plan.files[0]!.content.toString().split('\n---\n')[1]?.trim()) {
      plan.report.todo(`${tier.label} sponsors have no booth page (tiers.yaml hasBooth: false), so the booth text imported from ${sponsor.booth.path} is not shown: change the tier, or the tier's hasBooth`);
    }
    if (tier?.hasBooth && !sponsor.booth) plan.report.todo(`${tier.label} sponsors have a booth page, but the old site had none for ${sponsor.name}: write its booth text below the front matter`);
    planned.push({ sponsor: { ...sponsor, tier }, plan });
  }
  if (errors.length) return { errors };
  return { plan: { site, report, sponsors: planned } };
}
