/**
 * A whole Jekyll site → one plan per sponsor. The sponsor list gives each sponsor its tier
 * (and programme tiers), logo and website; booth pages are found by the list's links, by
 * name, or by "booth" in their path or layout, and converted like a single booth; sponsors
 * of tiers without booths become hall entries. Nothing is written here, and nothing is
 * planned at all while a decision is open: a tier of the old site that tiers.yaml lacks
 * (--add-tiers or --tier-as), which year of a list kept by year (--year), or a
 * conference.yaml that describes another conference (--init-conference).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { programmeOf } from '../../../../src/lib/booth.ts';
import { cleanUrl } from '../../../../src/core/urls.ts';
import type { StandIn } from '../../../../src/schemas/stand-ins.ts';
import type { Tier } from '../../../../src/schemas/tier.ts';
import type { Project } from '../../project.ts';
import { planBooth, sponsorName, type BoothPlan } from '../booth.ts';
import { Report } from '../report.ts';
import { conferenceFromSite, describesSite, siteName, type InitConference } from './conference.ts';
import { readListings, type Listed } from './listing.ts';
import { planNewTiers, type TierPlan } from './new-tiers.ts';
import { pageAt, readSite, type JekyllSite, type Page } from './site.ts';
import { matchTier, readTierMapping, tierWords, type TierMatcher } from './tiers.ts';
import { count, noun } from '../../../../src/core/wording.ts';
import { splitFrontMatter } from '../../../../src/core/front-matter.ts';
import { contentLayout, contentPath } from '../../../../src/core/project.ts';
import { pictureFile } from '../../../../src/core/pictures.ts';

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
  /** --add-tiers: write the tiers the old site has and tiers.yaml lacks, instead of stopping. */
  addTiers?: boolean | undefined;
  /** --init-conference: fill conference.yaml from the old site's _config.yml. */
  initConference?: boolean | undefined;
}

/** One sponsor of the site, merged from every place that lists it. */
export interface SiteSponsor {
  name: string;
  nameFrom: Listed['nameFrom'];
  tier: Tier | undefined;
  programmeTiers: Tier[];
  logo?: string;
  website?: string;
  /** A booth on another platform the list also gave (not kept). */
  elsewhere?: string;
  /** What the list linked or showed that is no website or logo ("#", a data: URI). */
  refused?: Listed['refused'];
  booth?: Page;
  /** Where it is listed ("_includes/sponsors.html", "wimir.md"). */
  where: string[];
}

export interface SitePlan {
  site: JekyllSite;
  /** What concerns the site as a whole: lists read, tiers, booth pages without a sponsor. */
  report: Report;
  sponsors: { sponsor: SiteSponsor; plan: BoothPlan }[];
  /** --add-tiers: the tiers to write into tiers.yaml. */
  tiers?: TierPlan;
  /** --init-conference: the conference.yaml to write. */
  conference?: InitConference;
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
    // Symbolic links are passed over, as in site.ts: one could lead out of the site or loop.
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const { name } = entry;
      const path = join(dir, name);
      if (entry.isDirectory()) {
        if (!/^(_site|node_modules|vendor|\.git|\.jekyll-cache)$/.test(name)) walk(path);
      } else if (entry.isFile() && pictureFile.test(name)) {
        index.set(name.toLowerCase(), [...(index.get(name.toLowerCase()) ?? []), `/${relative(root, path).split('\\').join('/')}`]);
      }
    }
  };
  walk(root);
  return index;
}

/** How the site's templates make a logo's path from a data entry: `src="/assets/img/2026/sponsors/{{ s.image }}"`, `src="assets/partners/logo-{{ s.name }}.svg"`. */
interface LogoTemplate {
  prefix: string;
  /** The entry's field the template fills in ("image", "name"). */
  field: string;
  suffix: string;
}

/** The logo templates of every page, layout and include; a year variable in the folder is the year imported. */
function logoTemplates(site: JekyllSite, year: number | undefined): LogoTemplate[] {
  const texts = [...site.pages.map((p) => p.body), ...[...site.includes.values(), ...site.layouts.values()].map((f) => readFileSync(f, 'utf8'))];
  const found = new Map<string, LogoTemplate>();
  const liquid = /\{\{-?\s*(?:site\.(?:url|baseurl)|[\w.]*year[\w.]*)\s*-?\}\}/gi;
  for (const text of texts) {
    for (const m of text.matchAll(/src=["']\s*((?:\{\{-?\s*(?:site\.(?:url|baseurl)|[\w.]*year[\w.]*)\s*-?\}\}|[^"'{}\s])*)\{\{-?\s*[\w-]+\.([\w-]+)\s*-?\}\}([^"'{}\s]*)["']/gi)) {
      const prefix = m[1]!.replace(liquid, (v) => (/year/i.test(v) && year ? String(year) : '')).replace(/^(?!\/)/, '/');
      if (/(19|20)\d\d/.test(prefix) && year && !prefix.includes(String(year))) continue;
      const template = { prefix, field: m[2]!.toLowerCase(), suffix: m[3]! };
      found.set(JSON.stringify(template), template);
    }
  }
  return [...found.values()];
}

function merge(listed: Listed[], site: JekyllSite, boothLike: Set<Page>, report: Report): SiteSponsor[] {
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
    if (entry.elsewhere) sponsor.elsewhere ??= entry.elsewhere;
    if (entry.refused) sponsor.refused = { ...entry.refused, ...sponsor.refused };
    for (const href of [entry.booth, entry.href]) {
      if (!href) continue;
      const page = pageAt(site, href);
      // A page of the site is its booth when it is one ("booth" in its path or layout) or has its name; a link to the sponsors page is not.
      if (page && (boothLike.has(page) || [key(boothStem(page)), key(sponsorName(String(page.front['title'] ?? '')))].includes(key(entry.name)))) sponsor.booth ??= page;
      else if (page) continue;
      else if (/^https?:\/\//i.test(href) && !site.prefixes.some((p) => /^https?:/.test(p) && href.startsWith(p))) sponsor.website ??= href;
    }
  }
  return [...sponsors.values()];
}

/** Sponsors listed without any tier: one error per file, with the flag that gives them one. */
function untieredErrors(listed: Listed[], project: Project): string[] {
  const ids = project.tiers.map((t) => t.id).join(', ');
  return [...new Set(listed.filter((e) => !e.tier && !e.tierText).map((e) => e.where))].map((where) => {
    const entries = listed.filter((e) => e.where === where && !e.tier && !e.tierText);
    const names = `${entries.slice(0, 3).map((e) => e.name).join(', ')}${entries.length > 3 ? ', …' : ''}`;
    return `${where}: ${count(entries.length, 'sponsor')} (${names}) listed without a tier; give them one: --tier-as "${where}=<tier id>" (${ids})`;
  });
}

/** The tiers the old site names that tiers.yaml lacks, in one message: add them all, or map each. */
function unknownTiersError(listed: Listed[], matcher: TierMatcher): string | undefined {
  const unknown = new Map<string, Listed[]>();
  for (const entry of listed.filter((e) => !e.tier && e.tierText)) {
    const key = tierWords(entry.tierText, matcher.conference);
    unknown.set(key, [...(unknown.get(key) ?? []), entry]);
  }
  if (unknown.size === 0) return undefined;
  const ids = matcher.tiers.map((t) => t.id).join(', ');
  const list = [...unknown.values()].map((entries) => {
    const names = [...new Set(entries.map((e) => e.name))];
    return `"${entries[0]!.tierText}" (${count(names.length, 'sponsor')}: ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}; ${[...new Set(entries.map((e) => e.where))].join(', ')})`;
  });
  const first = [...unknown.values()][0]![0]!.tierText;
  return `the old site has ${unknown.size === 1 ? 'a tier' : count(unknown.size, 'tier')} ${contentPath(contentLayout.tiers)} does not: ${list.join(', ')}; add ${noun(unknown.size, 'it', 'them')} with --add-tiers (written to tiers.yaml in the old site's order, with a stand-in price and benefits to fill in), or map each to a tier you have: --tier-as "${first}=<tier id>" (${ids}), or leave it out: --tier-as "${first}=skip"`;
}

export function planSite(options: SiteOptions): { plan: SitePlan } | { errors: string[] } {
  let { project } = options;
  let site: JekyllSite;
  try {
    site = readSite(options.siteRoot, options.siteUrl);
  } catch (error) {
    return { errors: [(error as Error).message] };
  }
  const errors: string[] = [];
  // Stand-ins and dates name the conference: conference.yaml must describe the old site's.
  const ownConference = describesSite(project.conference, site);
  if (!ownConference && !options.initConference) {
    errors.push(`${contentPath(contentLayout.conference)} ${project.conference ? `describes ${project.conference.name}` : 'is missing or invalid'}, but the old site is "${siteName(site)}" (in _config.yml), so summaries, dates and links would name the wrong conference; fill it from the old site with --init-conference (it replaces conference.yaml; what _config.yml does not say gets a stand-in), or edit conference.yaml first`);
  }
  const conference = (options.initConference ? siteName(site) : project.conference?.name)?.split(/\s+/)[0];
  const tierMapping = readTierMapping(options.tierAs, project.tiers, conference);
  if ('errors' in tierMapping) return { errors: tierMapping.errors };
  let matcher: TierMatcher = { tiers: project.tiers, mapping: tierMapping.mapping, conference };
  const boothLike = new Set(site.pages.filter((p) => /booth/i.test(p.path) || /booth/i.test(String(p.front['layout'] ?? ''))));
  const read = () => {
    const found = readListings(site, matcher, boothLike, options.year);
    // Sponsors listed without any tier take the one given for their file: --tier-as "_data/sponsors.yml=bronze".
    for (const entry of found.listed) if (!entry.tier && !entry.tierText) entry.tier = matchTier(entry.where, matcher);
    return found;
  };
  let listing = read();
  errors.push(...listing.errors);
  let tierPlan: TierPlan | undefined;
  if (options.addTiers && listing.listed.some((e) => !e.tier && e.tierText)) {
    // A tier had a booth page on the old site when one of its sponsors links to one or has one by name.
    const hadBooth = (entries: Listed[]) =>
      entries.some((e) => [e.booth, e.href].some((h) => h && boothLike.has(pageAt(site, h)!)) || [...boothLike].some((p) => [key(boothStem(p)), key(sponsorName(String(p.front['title'] ?? '')))].includes(key(e.name))));
    tierPlan = planNewTiers(listing.listed, matcher, hadBooth);
    project = { ...project, tiers: tierPlan.tiers };
    matcher = { ...matcher, tiers: tierPlan.tiers };
    listing = read();
  }
  const { listed } = listing;
  const unknownTiers = unknownTiersError(listed, matcher);
  if (unknownTiers) errors.push(unknownTiers);
  errors.push(...untieredErrors(listed, project));
  if (listed.length === 0 && listing.errors.length === 0) errors.push(`--site ${options.siteRoot}: no sponsor list found (looked for the site.data lists its sponsor pages show, _data/ files named for sponsors or partners, and logos under sponsor or tier headings and tier classes in its pages and _includes/); import its booths one at a time instead`);
  if (errors.length) return { errors: [...new Set(errors)] };

  const report = new Report();
  for (const note of [...site.notes, ...listing.notes]) report.note(note);
  const years = listing.years;
  if (years) report.done(`read the ${years.chosen} sponsors (the year from ${years.from})${years.others.length ? `; the old site also keeps ${years.others.join(', ')}: import one of those with --year ${years.others.at(-1)}` : ''}`);
  let init: InitConference | undefined;
  if (options.initConference) {
    init = conferenceFromSite(site, options.year ?? years?.chosen ?? site.currentYear?.value ?? site.year?.value, options.siteUrl);
    project = { ...project, conference: init.conference };
    report.done(`conference.yaml from _config.yml: ${init.found.join('; ')}`);
    if (init.standIns.length) report.todo(`conference.yaml: _config.yml does not say ${init.standIns.map((s) => s.field).join(', ')}; stand-ins are written (${init.standIns.map((s) => `${s.field}: ${s.value}`).join(', ')}): set the real ones`);
  }
  if (tierPlan) {
    for (const { tier, texts, where } of tierPlan.added) report.done(`added the tier ${tier.label} (${tier.id}${tier.programme !== 'main' ? `, programme ${tier.programme}` : ''}, rank ${tier.rank}, logo size ${tier.logoSize}, ${tier.hasBooth ? 'with booth pages' : 'no booth pages'}) for "${texts.join('", "')}" in ${where}`);
    if (tierPlan.reranked.size) report.note(`tiers.yaml: ranks moved to keep the old site's order: ${[...tierPlan.reranked].map(([id, rank]) => `${id} → ${rank}`).join(', ')}`);
    report.todo(`tiers.yaml: the new tier${tierPlan.added.length > 1 ? 's have' : ' has'} a stand-in price (0 ${tierPlan.added[0]!.tier.price.currency}) and benefits: set the real ones (${tierPlan.added.map((a) => a.tier.id).join(', ')})`);
  }
  const sponsors = merge(listed, site, boothLike, report);
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

  const projectYear = project.conference ? { value: project.conference.edition, from: `edition: in ${contentPath(contentLayout.conference)}` } : undefined;
  const listYear = years ? { value: years.chosen, from: years.from } : undefined;
  const year = options.year ? { value: options.year, from: '--year' } : (listYear ?? site.year ?? projectYear);
  if (!options.year && site.year && projectYear && site.year.value !== projectYear.value) report.note(`the old site says ${site.year.value} (${site.year.from}), ${contentPath(contentLayout.conference)} ${projectYear.value}: days without a year are read as ${site.year.value}; pass --year to choose`);
  else if (year) report.note(`days written without a year are read as ${year.value} (from ${year.from})`);

  const images = imagesByName(site.root);
  const templates = logoTemplates(site, years?.chosen);
  const existing = (paths: string[]) => [...new Set(paths)].filter((p) => existsSync(join(site.root, p)) && statSync(join(site.root, p)).isFile());
  const mainTiers = project.tiers.filter((t) => programmeOf(t) === 'main');
  const planned: SitePlan['sponsors'] = [];
  const ordered = sponsors.sort((a, b) => (a.tier?.rank ?? Infinity) - (b.tier?.rank ?? Infinity) || a.name.localeCompare(b.name));
  for (const sponsor of ordered) {
    const drafts: string[] = [];
    // What the old site did not say, marked in the file for check:content --launch.
    const standIns: StandIn[] = [];
    let tier = sponsor.tier;
    if (!tier) {
      tier = mainTiers.at(-1);
      drafts.push(`${sponsor.name} is listed only as ${sponsor.programmeTiers.map((t) => t.label).join(', ')}, but every sponsor needs a main tier: set tier: (${mainTiers.map((t) => t.id).join(', ')}; ${tier?.id} stands in)`);
      if (tier) standIns.push({ field: 'tier', value: tier.id, note: `its main tier (listed only as ${sponsor.programmeTiers.map((t) => t.label).join(', ')})` });
    }
    let logo = sponsor.logo;
    if (logo && !logo.includes('/')) {
      // A bare file name: where the templates put it, else the one file of that name (exact case first).
      const templated = existing(templates.filter((t) => !/name|title|id|slug/.test(t.field)).map((t) => `${t.prefix}${logo}${t.suffix}`));
      const found = images.get(logo.toLowerCase()) ?? [];
      const exact = found.filter((p) => basename(p) === logo);
      logo = templated.length === 1 ? templated[0] : found.length === 1 ? found[0] : exact.length === 1 ? exact[0] : logo;
    } else if (!logo) {
      // No logo in the list: a template that makes the path from the name ("logo-{{ s.name }}.svg").
      const named = existing(templates.filter((t) => /name|title|id|slug/.test(t.field)).map((t) => `${t.prefix}${sponsor.name}${t.suffix}`));
      if (named.length === 1) logo = named[0];
    }
    const boothWebsite = sponsor.booth && typeof sponsor.booth.front['website'] === 'string';
    const standIn = sponsor.booth && site.url ? `${site.url}${sponsor.booth.addresses[0]}` : (project.conference?.url ?? 'https://example.com');
    if (!sponsor.website && !boothWebsite) {
      const linked = sponsor.refused?.link !== undefined ? `its logo links to "${sponsor.refused.link}", which is no address` : 'its logo links nowhere else';
      drafts.push(`no website for ${sponsor.name} on the old site (${linked}); website: ${standIn} stands in: set the real one`);
      standIns.push({ field: 'website', value: standIn, note: 'the sponsor\'s own website' });
    }
    if (sponsor.nameFrom === 'file name' && !sponsor.booth) standIns.push({ field: 'name', value: sponsor.name, note: `the sponsor's name as it should appear (read from the logo's file name ${basename(sponsor.logo ?? '')})` });
    if (tier?.hasBooth && !sponsor.booth) standIns.push({ field: 'body', note: 'the booth text, below the front matter (the old site had no booth page)' });
    // Lists carry tracking parameters (?utm_source=conf); the website is the plain address.
    const website = sponsor.website ? cleanUrl(sponsor.website) : undefined;
    const result = planBooth({
      project,
      file: sponsor.booth?.file,
      source: sponsor.booth ? sponsor.booth.path : sponsor.where[0],
      name: sponsor.nameFrom === 'file name' && sponsor.booth ? undefined : sponsor.name,
      tier: tier?.id,
      website: website ?? (boothWebsite ? undefined : standIn),
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
      standIns,
    });
    if ('errors' in result) {
      errors.push(...result.errors);
      continue;
    }
    const { plan } = result;
    if (website && website !== sponsor.website) plan.report.done(`website: ${sponsor.website} → ${website} (tracking parameters removed)`);
    if (sponsor.elsewhere) plan.report.note(`the list gives two addresses: ${sponsor.website} (the company's own, kept as website:) and ${sponsor.elsewhere} (a booth on another platform, not kept)`);
    if (sponsor.refused?.logo) plan.report.note(`the list's logo is "${sponsor.refused.logo}…", a data: URI or tracking pixel, not a logo file: left out`);
    if (sponsor.nameFrom === 'file name' && !sponsor.booth) plan.report.todo(`the name "${sponsor.name}" was read from the logo's file name (${basename(sponsor.logo ?? '')}): check it`);
    if (tier && !tier.hasBooth && sponsor.booth && splitFrontMatter(plan.files[0]!.content.toString())?.body.trim()) {
      plan.report.todo(`${tier.label} sponsors have no booth page (tiers.yaml hasBooth: false), so the booth text imported from ${sponsor.booth.path} is not shown: change the tier, or the tier's hasBooth`);
    }
    if (tier?.hasBooth && !sponsor.booth) plan.report.todo(`${tier.label} sponsors have a booth page, but the old site had none for ${sponsor.name}: write its booth text below the front matter`);
    planned.push({ sponsor: { ...sponsor, tier }, plan });
  }
  if (errors.length) return { errors };
  return { plan: { site, report, sponsors: planned, ...(tierPlan ? { tiers: tierPlan } : {}), ...(init ? { conference: init } : {}) } };
}
