/**
 * The sponsor list of a Jekyll site, wherever it is kept: a data file (`_data/sponsors.yml`
 * as a map of tiers, a list of tiers with their sponsors, or a list of sponsors with a tier
 * field), or a page or include (tier headings or tier classes, logos as <img> in <a href>,
 * Markdown image links, name-only links). Each entry keeps the tier text as written and
 * where it was found, so an unknown tier can be named in the error.
 */
import { readFileSync } from 'node:fs';
import { basename, extname, relative } from 'node:path';
import { micromark } from 'micromark';
import { parse } from 'yaml';
import { descendants, elements, parseHtml, squash, textOf, type HtmlElement, type HtmlNode } from '../html.ts';
import { resolveLiquid } from '../liquid.ts';
import { Report } from '../report.ts';
import type { JekyllSite, Page } from './site.ts';
import { matchTier, programmeIn, sponsorWords, tierWords, type TierMatch, type TierMatcher } from './tiers.ts';

export interface Listed {
  name: string;
  /** Where the name was read: a data field, the logo's alt text or title, the link text, or the logo's file name. */
  nameFrom: 'data' | 'alt text' | 'title' | 'link text' | 'file name';
  /** The tier as the site writes it ("Platinum Sponsors", "gold"); '' when none is given. */
  tierText: string;
  tier: TierMatch;
  logo?: string;
  /** The link around the logo, or the data file's url: a website or a booth page of the site. */
  href?: string;
  /** A booth page named by a data file (`booth: /spotify/`). */
  booth?: string;
  /** Site path of the file that lists it, e.g. "_includes/sponsors.html". */
  where: string;
}

const imagePath = /\.(png|jpe?g|gif|webp|avif|svg)(\?.*)?$/i;
const genericAlt = /^(logo|image|img|avatar|picture|photo|banner|sponsor|icon)?$/i;

/** "Spotify-logo.png" → "Spotify", "deezer_logo.svg" → "Deezer", "SonySonyCSL.png" → "SonySonyCSL". */
function nameFromFile(src: string): string {
  const stem = basename(src.split(/[?#]/)[0]!, extname(src.split(/[?#]/)[0]!));
  const words = stem.replace(/[-_.]?logo[-_.]?/gi, ' ').replace(/[-_]+/g, ' ').trim().split(/\s+/);
  return words.map((w) => (w === w.toLowerCase() ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');
}

/** "Spotify logo", "Logo of Spotify" → "Spotify". */
function nameFromAlt(alt: string): string {
  return squash(alt.replace(/^logo (of|for)\s+/i, '').replace(/\s*[-–(]?\s*logo\)?$/i, ''));
}

interface Context {
  tier: TierMatch;
  tierText: string;
  /** Inside a section that lists sponsors ("Our sponsors", a tier heading, a tier class). */
  zone: boolean;
  programme?: string | undefined;
}

interface Heading extends Context {
  level: number;
}

function logoEntry(img: HtmlElement, link: HtmlElement | undefined, ctx: Context, where: string): Listed | undefined {
  const src = img.attrs['src'] ?? img.attrs['data-src'] ?? '';
  if (!imagePath.test(src) && !src.startsWith('data:')) return undefined;
  const alt = nameFromAlt(img.attrs['alt'] ?? '');
  const title = squash(link?.attrs['title'] ?? img.attrs['title'] ?? '');
  const linkText = link ? squash(textOf(link.children)) : '';
  const [name, nameFrom]: [string, Listed['nameFrom']] = !genericAlt.test(alt) ? [alt, 'alt text'] : title ? [title, 'title'] : linkText ? [linkText, 'link text'] : [nameFromFile(src), 'file name'];
  const href = link?.attrs['href'];
  return { name, nameFrom, tierText: ctx.tierText, tier: ctx.tier, logo: src, ...(href && !href.startsWith('#') && !href.startsWith('mailto:') ? { href } : {}), where };
}

/** Logos and name links of one page or include, in document order, with the tier each sits under. */
export function listedInMarkup(text: string, where: string, matcher: TierMatcher, page: { programme?: string | undefined; markdown: boolean }): Listed[] {
  // Liquid values the site fills at build time ({{ sponsor.image }}) leave paths without a file name: those are skipped below.
  const plain = resolveLiquid(text, new Report());
  const html = page.markdown ? micromark(plain, { allowDangerousHtml: true }) : plain;
  const found: Listed[] = [];
  const headings: Heading[] = [];
  const base: Context = { tier: undefined, tierText: '', zone: false, programme: page.programme };
  const current = (container: Context | undefined): Context => container ?? headings.at(-1) ?? base;

  const visit = (nodes: HtmlNode[], container: Context | undefined) => {
    for (const node of elements(nodes)) {
      const heading = /^h([1-6])$/.exec(node.name);
      if (heading) {
        const level = Number(heading[1]);
        while (headings.length && headings.at(-1)!.level >= level) headings.pop();
        const outer = current(container);
        const text = squash(textOf(node.children));
        const programme = programmeIn(text, matcher.tiers) ?? outer.programme;
        const tier = matchTier(text, matcher, programme) ?? matchTier(node.attrs['class'] ?? '', matcher, programme);
        // Under a sponsor heading every sub-heading names a tier, known or not.
        const zone = Boolean(tier) || sponsorWords.test(text) || (outer.zone && Boolean(tierWords(text, matcher.conference)));
        headings.push({ level, tier, tierText: tier || zone ? text : '', zone, programme });
        continue;
      }
      const classTier = (node.attrs['class'] ?? '')
        .split(/\s+/)
        .map((c) => ({ c, m: matchTier(c, matcher, current(container).programme) }))
        .find((x) => x.m);
      const ctx = classTier ? { ...current(container), tier: classTier.m, tierText: classTier.c, zone: true } : container;
      const inside = current(ctx);
      if (node.name === 'a' || node.name === 'img') {
        const img = node.name === 'img' ? node : descendants(node.children, 'img')[0];
        if (inside.zone && img) {
          const entry = logoEntry(img, node.name === 'a' ? node : undefined, inside, where);
          if (entry) found.push(entry);
          continue;
        }
        // A name without a logo, linked to the sponsor's site, in a tier's section.
        const name = squash(textOf(node.children));
        if (inside.tier && node.name === 'a' && /^https?:\/\//.test(node.attrs['href'] ?? '') && name && name.split(/\s+/).length <= 6) {
          found.push({ name, nameFrom: 'link text', tierText: inside.tierText, tier: inside.tier, href: node.attrs['href']!, where });
          continue;
        }
      }
      visit(node.children, ctx);
    }
  };
  visit(parseHtml(html), undefined);
  return found;
}

const groupKeys = ['sponsors', 'members', 'items', 'list', 'companies', 'logos', 'entries', 'organizations', 'organisations'];
const nameKeys = ['name', 'title', 'company', 'organization', 'organisation', 'alt'];
const tierKeys = ['tier', 'level', 'category', 'type', 'class', 'group', 'sponsorship'];
const logoKeys = ['logo', 'image', 'img', 'logo_url', 'logo_image', 'src', 'file', 'icon'];
const urlKeys = ['url', 'link', 'website', 'href', 'homepage', 'web'];
const boothKeys = ['booth', 'booth_url', 'page', 'permalink', 'booth_page'];

const field = (item: Record<string, unknown>, keys: string[]) => keys.map((k) => item[k]).find((v): v is string => typeof v === 'string' && v.trim() !== '')?.trim();

/** Sponsors of a data file, whichever of the common shapes it has. */
export function listedInData(data: unknown, where: string, matcher: TierMatcher, programme: string | undefined): Listed[] {
  const sponsor = (item: unknown, tierText: string, prog: string | undefined): Listed[] => {
    if (typeof item === 'string') return item.trim() ? [{ name: item.trim(), nameFrom: 'data', tierText, tier: matchTier(tierText, matcher, prog), where }] : [];
    if (!item || typeof item !== 'object' || Array.isArray(item)) return [];
    const record = item as Record<string, unknown>;
    const group = groupKeys.find((k) => Array.isArray(record[k]));
    if (group) return (record[group] as unknown[]).flatMap((s) => sponsor(s, field(record, [...nameKeys, ...tierKeys, 'label', 'id']) ?? tierText, prog));
    const logo = field(record, logoKeys);
    const name = field(record, nameKeys) ?? (logo ? nameFromFile(logo) : undefined);
    if (!name) return [];
    const ownTier = field(record, tierKeys);
    const text = ownTier ?? tierText;
    const href = field(record, urlKeys);
    const booth = field(record, boothKeys);
    return [{ name, nameFrom: field(record, nameKeys) ? 'data' : 'file name', tierText: text, tier: matchTier(text, matcher, prog), ...(logo ? { logo } : {}), ...(href ? { href } : {}), ...(booth ? { booth } : {}), where }];
  };
  const walk = (value: unknown, tierText: string, prog: string | undefined): Listed[] => {
    if (Array.isArray(value)) return value.flatMap((item) => sponsor(item, tierText, prog));
    if (!value || typeof value !== 'object') return [];
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => {
      // `sponsors:` wraps the list; any other key holding sponsors names their tier.
      if (/^sponsors?$/i.test(key) && !tierText) return walk(inner, '', prog);
      const innerProgramme = programmeIn(key, matcher.tiers) ?? prog;
      // A key is a tier when it holds a list, or an object with a list (a group with its own fields).
      if (Array.isArray(inner) || (inner && typeof inner === 'object' && groupKeys.some((k) => Array.isArray((inner as Record<string, unknown>)[k])))) {
        return Array.isArray(inner) ? walk(inner, key, innerProgramme) : sponsor(inner, key, innerProgramme);
      }
      return innerProgramme !== prog ? walk(inner, '', innerProgramme) : [];
    });
  };
  return walk(data, '', programme);
}

/** Pages and includes that list sponsors, and data files named for them. */
export function readListings(site: JekyllSite, matcher: TierMatcher, boothPages: Set<Page>): { listed: Listed[]; errors: string[] } {
  const listed: Listed[] = [];
  const errors: string[] = [];
  for (const file of site.dataFiles) {
    const where = relative(site.root, file).split('\\').join('/');
    if (!/sponsor|partner|supporter|exhibitor/i.test(where)) continue;
    try {
      listed.push(...listedInData(parse(readFileSync(file, 'utf8')), where, matcher, programmeIn(basename(file), matcher.tiers)));
    } catch (error) {
      errors.push(`${where}: not valid YAML or JSON (${(error as Error).message.split('\n')[0]}); fix it, Jekyll would refuse it too`);
    }
  }
  for (const page of site.pages) {
    if (boothPages.has(page)) continue;
    const title = typeof page.front['title'] === 'string' ? page.front['title'] : '';
    listed.push(...listedInMarkup(page.body, page.path, matcher, { programme: programmeIn(`${title} ${page.path}`, matcher.tiers), markdown: /\.(md|markdown)$/i.test(page.path) }));
  }
  for (const [name, file] of site.includes) {
    if (!/\.(html?|md|markdown)$/i.test(name)) continue;
    listed.push(...listedInMarkup(readFileSync(file, 'utf8'), `_includes/${name}`, matcher, { programme: programmeIn(name, matcher.tiers), markdown: /\.(md|markdown)$/i.test(name) }));
  }
  return { listed, errors };
}
