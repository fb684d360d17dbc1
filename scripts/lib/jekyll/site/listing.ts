/**
 * The sponsor list of a Jekyll site, wherever it is kept: a data file (a map of tiers, a list
 * of tiers with their sponsors under any of the usual keys, a list of sponsors with a tier
 * field; see data.ts for which files), or a page or include (tier headings or tier classes,
 * logos as <img> in <a href>, Markdown image links, name-only links). Each entry keeps the
 * tier text as written and where it was found, so an unknown tier can be named in the error.
 * People are never sponsors (team and committee pages are skipped) and pixels never logos.
 */
import { basename, extname } from 'node:path';
import { markdownToHtml } from 'satteri';
import { descendants, elements, parseHtml, squash, textOf, type HtmlElement, type HtmlNode } from '../html.ts';
import { resolveLiquid } from '../liquid.ts';
import { Report } from '../report.ts';
import { isPeoplePage, peopleWords, readDataSources, type DataListing } from './data.ts';
import type { JekyllSite, Page } from './site.ts';
import { matchTier, programmeIn, sponsorWords, tierCore, tierWords, type TierMatch, type TierMatcher } from './tiers.ts';
import { readSource } from '../source.ts';
import { pictureExtensionPattern } from '../../../../src/core/pictures.ts';

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
  /** A booth on another platform, when the list also gives the company's own address (`url` beside `url-external`). */
  elsewhere?: string;
  /** What the list links to when that is no address ("#", ""), or a logo it refuses (a data: URI). */
  refused?: { link?: string; logo?: string };
  /** The logo's width in the old markup or data (`image_width: 170px`, width="120"), in pixels. */
  logoWidth?: number;
  /** Site path of the file that lists it, e.g. "_includes/sponsors.html". */
  where: string;
}

/** Tracking pixels, beacons and the blank images themes pad rows with: images that are not logos whatever their size. */
const trackingImage = /^data:|(^|\/)(blank|empty|spacer|transparent|placeholder)([-_.]logo)?\.\w+$|[/.](pixel|beacon|tracking|tracker|analytics)[/.?_-]|\/(tr|collect|p)\?|doubleclick\.net|facebook\.com\/tr|google-analytics|googletagmanager|\/1x1\.|\bspacer\.gif/i;

/** A heading whose last word names a part of the programme ("Sponsor Talks"), unlike a tier ("Keynote Sponsor"). */
const eventHeading = /\b(talks?|sessions?|keynotes?|speakers?|panels?|presentations?|tutorials?|workshops?|programm?e?|schedule|agenda|highlights?|demos?|posters?|awards?|grants?|pricing|prices|benefits|packages|prospectus|opportunities|become a sponsor|contact)\W*$/i;

/** "170px", 170, "170" → 170. */
const pixels = (value: unknown) => {
  const n = Number.parseFloat(String(value ?? ''));
  return Number.isFinite(n) && n > 0 && !/%|em|rem|vw/.test(String(value)) ? n : undefined;
};

const imagePath = new RegExp(`\\.(?:${pictureExtensionPattern})(\\?.*)?$`, 'i');
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
  /** Under a heading for a part of the programme ("Sponsor Talks"): its cards show people, whatever their classes say. */
  event?: boolean;
}

interface Heading extends Context {
  level: number;
}

function logoEntry(img: HtmlElement, link: HtmlElement | undefined, ctx: Context, where: string): Listed | undefined {
  const src = img.attrs['src'] ?? img.attrs['data-src'] ?? '';
  // A data: URI, a 1×1 image or a tracking pixel is no sponsor's logo.
  const tiny = [img.attrs['width'], img.attrs['height']].some((v) => v !== undefined && (pixels(v) ?? 0) <= 2);
  if (!imagePath.test(src) || trackingImage.test(src) || tiny) return undefined;
  const alt = nameFromAlt(img.attrs['alt'] ?? '');
  const title = squash(link?.attrs['title'] ?? img.attrs['title'] ?? '');
  const linkText = link ? squash(textOf(link.children)) : '';
  const [name, nameFrom]: [string, Listed['nameFrom']] = !genericAlt.test(alt) ? [alt, 'alt text'] : title ? [title, 'title'] : linkText ? [linkText, 'link text'] : [nameFromFile(src), 'file name'];
  // A template whose values Liquid would fill ("logo-{{ s.name }}.svg" → "logo-.svg") names no one.
  if (!name) return undefined;
  const href = link?.attrs['href']?.trim();
  const width = pixels(img.attrs['width']);
  const linked = href && !href.startsWith('#') && !href.startsWith('mailto:');
  return { name, nameFrom, tierText: ctx.tierText, tier: ctx.tier, logo: src, ...(linked ? { href } : {}), ...(link && !linked ? { refused: { link: href ?? '' } } : {}), ...(width ? { logoWidth: width } : {}), where };
}

/** Logos and name links of one page or include, in document order, with the tier each sits under. */
export function listedInMarkup(text: string, where: string, matcher: TierMatcher, page: { programme?: string | undefined; markdown: boolean }): Listed[] {
  // Liquid values the site fills at build time ({{ sponsor.image }}) leave paths without a file name: those are skipped below.
  const plain = resolveLiquid(text, new Report());
  // Raw HTML in the Markdown stays as written, as Jekyll's kramdown keeps it.
  const html = page.markdown ? markdownToHtml(plain).html : plain;
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
        // "Sponsor Talks", "Industry Sessions": a programme item, not a tier; what follows is about people.
        const event = eventHeading.test(text);
        const tier = event ? undefined : (matchTier(text, matcher, programme) ?? matchTier(node.attrs['class'] ?? '', matcher, programme));
        // Under a sponsor heading every sub-heading names a tier, known or not.
        const zone = !event && (Boolean(tier) || sponsorWords.test(text) || (outer.zone && Boolean(tierWords(text, matcher.conference))));
        headings.push({ level, tier, tierText: tier || zone ? text : '', zone, programme, event });
        continue;
      }
      const classTier = (node.attrs['class'] ?? '')
        .split(/\s+/)
        .map((c) => ({ c, m: matchTier(c, matcher, current(container).programme) }))
        .find((x) => x.m);
      const ctx = classTier && !current(container).event ? { ...current(container), tier: classTier.m, tierText: classTier.c, zone: true } : container;
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

/** Keys compared as Jekyll sites write them in any case and with - or _: "Sponsors", "url-external", "logo_url". */
const normaliseKey = (key: string) => key.toLowerCase().replace(/[\s-]+/g, '_');

/** Keys that hold a tier's (or a wrapper's) list of sponsors. */
const groupKeys = ['sponsors', 'sponsor', 'members', 'items', 'list', 'companies', 'company', 'logos', 'entries', 'organizations', 'organisations', 'partners', 'supporters', 'exhibitors', 'orgs'];
/** Keys that only wrap the list of tiers or sponsors: they name no tier. */
const wrapperKey = /^(sponsors?|sponsorship|levels|tiers|groups|categories|sections|partners|supporters|exhibitors|data|list|items|entries|all|current)$/;
/** Keys that name a tier of a group ({level: Gold, sponsors: […]}), best first. */
const groupNameKeys = ['tier', 'level', 'section', 'name', 'title', 'label', 'category', 'type', 'class', 'group', 'id'];
const nameKeys = ['name', 'title', 'company', 'organization', 'organisation', 'sponsor', 'sponsor_name', 'alt'];
/** A sponsor's own tier field: in a flat list any of these; inside a tier's group only the explicit two. */
const tierKeys = ['tier', 'level', 'category', 'type', 'class', 'group', 'sponsorship', 'sponsorship_level'];
/** Values of those fields that describe the item's layout, not a tier. */
const notTier = /^(image|logo|text|link|svg|png|jpe?g|html|break|spacer|divider|row|col(umn)?|wide|small|large|medium|big|full|half|center|left|right)$/i;
const logoKeys = ['logo', 'image', 'img', 'logo_url', 'logo_image', 'logo_src', 'logo_path', 'image_path', 'image_url', 'src', 'file', 'icon', 'picture', 'image_filename'];
/** The company's own address: preferred over a generic url that may be a booth elsewhere. */
const companyUrlKeys = ['url_external', 'external_url', 'external', 'company_url', 'website', 'homepage', 'home', 'site', 'web'];
const urlKeys = ['url', 'href', 'link', 'link_url'];
const boothKeys = ['booth', 'booth_url', 'page', 'permalink', 'booth_page'];
const widthKeys = ['image_width', 'logo_width', 'width'];

type Fields = Map<string, unknown>;
const fieldsOf = (record: Record<string, unknown>): Fields => new Map(Object.entries(record).map(([k, v]) => [normaliseKey(k), v]));
const field = (item: Fields, keys: string[]) => keys.map((k) => item.get(k)).find((v): v is string | number => (typeof v === 'string' && v.trim() !== '') || typeof v === 'number')?.toString().trim();
const groupOf = (item: Fields) => groupKeys.map((k) => item.get(k)).find((v): v is unknown[] => Array.isArray(v));
/** A logo written as a path, or as {src:, url:}. */
const logoField = (item: Fields) => {
  const value = logoKeys.map((k) => item.get(k)).find((v) => v !== undefined && v !== null && v !== '');
  if (typeof value === 'string') return value.trim();
  if (value && typeof value === 'object') return field(fieldsOf(value as Record<string, unknown>), ['src', 'url', 'path', 'file']);
  return undefined;
};
/** An address, or why it is none ("#", ""). */
const address = (value: string | undefined): { href?: string; refused?: string } => (value === undefined ? {} : /^(#.*|mailto:.*|javascript:.*)?$/i.test(value) ? { refused: value } : { href: value });

/** Sponsors of a data list, whichever of the common shapes it has; `tier`: the tier of entries that name none. */
export function listedInData(data: unknown, where: string, matcher: TierMatcher, programme: string | undefined, tier = ''): Listed[] {
  // The tier a group names: the first of its name fields that is a tier, else one that is more than "Sponsors".
  const groupTier = (item: Fields, fallback: string, prog: string | undefined) => {
    const names = groupNameKeys.map((k) => item.get(k)).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
    return names.find((n) => matchTier(n, matcher, prog)) ?? names.find((n) => tierCore(n, matcher.conference)) ?? names[0] ?? fallback;
  };
  const sponsor = (item: unknown, tierText: string, prog: string | undefined): Listed[] => {
    if (typeof item === 'string') return item.trim() ? [{ name: item.trim(), nameFrom: 'data', tierText, tier: matchTier(tierText, matcher, prog), where }] : [];
    if (!item || typeof item !== 'object' || Array.isArray(item)) return [];
    const fields = fieldsOf(item as Record<string, unknown>);
    const group = groupOf(fields);
    if (group) return group.flatMap((s) => sponsor(s, groupTier(fields, tierText, prog), prog));
    const logoValue = logoField(fields);
    const refusedLogo = logoValue && (/^data:/i.test(logoValue) || trackingImage.test(logoValue)) ? logoValue : undefined;
    const logo = refusedLogo ? undefined : logoValue;
    const named = field(fields, nameKeys);
    const name = named ?? (logo ? nameFromFile(logo) : undefined);
    if (!name) return [];
    // Inside a tier's group, only an explicit tier: or level: moves a sponsor; `type: image` is layout.
    const own = field(fields, tierText ? ['tier', 'level'] : tierKeys);
    const text = own && !notTier.test(own) ? own : tierText;
    const company = address(field(fields, companyUrlKeys));
    const generic = address(field(fields, urlKeys));
    const [href, elsewhere] = company.href ? [company.href, generic.href && generic.href !== company.href ? generic.href : undefined] : [generic.href, undefined];
    // `url: ""` is a link to nothing, like "#".
    const emptyLink = [...companyUrlKeys, ...urlKeys].some((k) => typeof fields.get(k) === 'string' && !String(fields.get(k)).trim()) ? '' : undefined;
    const refusedLink = href ? undefined : (company.refused ?? generic.refused ?? emptyLink);
    const booth = field(fields, boothKeys);
    const width = pixels(field(fields, widthKeys));
    return [
      {
        name,
        nameFrom: named ? 'data' : 'file name',
        tierText: text,
        tier: matchTier(text, matcher, prog),
        ...(logo ? { logo } : {}),
        ...(href ? { href } : {}),
        ...(elsewhere ? { elsewhere } : {}),
        ...(booth ? { booth } : {}),
        ...(refusedLink !== undefined || refusedLogo ? { refused: { ...(refusedLink !== undefined ? { link: refusedLink } : {}), ...(refusedLogo ? { logo: refusedLogo.slice(0, 40) } : {}) } } : {}),
        ...(width ? { logoWidth: width } : {}),
        where,
      },
    ];
  };
  const walk = (value: unknown, tierText: string, prog: string | undefined): Listed[] => {
    if (Array.isArray(value)) return value.flatMap((item) => sponsor(item, tierText, prog));
    if (!value || typeof value !== 'object') return [];
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => {
      // `sponsors:`, `levels:` wrap the list; any other key holding sponsors names their tier.
      if (wrapperKey.test(normaliseKey(key)) && (!tierText || tierText === tier)) return walk(inner, tierText, prog);
      const innerProgramme = programmeIn(key, matcher.tiers) ?? prog;
      // A key is a tier when it holds a list, or an object with a list (a group with its own fields).
      if (Array.isArray(inner)) return walk(inner, key, innerProgramme);
      if (inner && typeof inner === 'object' && groupOf(fieldsOf(inner as Record<string, unknown>))) return sponsor(inner, key, innerProgramme);
      return innerProgramme !== prog ? walk(inner, '', innerProgramme) : [];
    });
  };
  return walk(data, tier, programme);
}

export interface Listings {
  listed: Listed[];
  errors: string[];
  notes: string[];
  years?: DataListing['years'];
}

/** Pages and includes that list sponsors, and the sponsor lists of the site's data. */
export function readListings(site: JekyllSite, matcher: TierMatcher, boothPages: Set<Page>, year: number | undefined): Listings {
  const data = readDataSources(site, year);
  // The heading a page shows above its loop names the tier of a list that names none ("## Academic Sponsors"), unless it says only "Sponsors".
  const headingTier = (heading: string | undefined) => (heading && tierCore(heading, matcher.conference) && !eventHeading.test(heading) ? heading : '');
  const listed: Listed[] = data.sources.flatMap((source) => listedInData(source.data, source.where, matcher, programmeIn(source.where, matcher.tiers), headingTier(source.heading)));
  const notes = [...data.notes];
  // Pages of another year's edition ("2025/sponsors.md") show that year's sponsors.
  const otherYear = (path: string) => data.years && [...path.matchAll(/(?:^|\/)[a-z_-]*((?:19|20)\d\d)[a-z_-]*\//gi)].some((m) => Number(m[1]) !== data.years!.chosen);
  const people: string[] = [];
  for (const page of site.pages) {
    if (boothPages.has(page) || otherYear(page.path)) continue;
    const title = typeof page.front['title'] === 'string' ? page.front['title'] : '';
    const found = listedInMarkup(page.body, page.path, matcher, { programme: programmeIn(`${title} ${page.path}`, matcher.tiers), markdown: /\.(md|markdown)$/i.test(page.path) });
    if (isPeoplePage(page)) {
      if (found.length) people.push(page.path);
      continue;
    }
    listed.push(...found);
  }
  for (const [name, file] of site.includes) {
    if (!/\.(html?|md|markdown)$/i.test(name) || otherYear(name)) continue;
    const found = listedInMarkup(readSource(file).text, `_includes/${name}`, matcher, { programme: programmeIn(name, matcher.tiers), markdown: /\.(md|markdown)$/i.test(name) });
    if (peopleWords.test(name)) {
      if (found.length) people.push(`_includes/${name}`);
      continue;
    }
    listed.push(...found);
  }
  if (people.length) notes.push(`not read as sponsor lists: ${people.join(', ')} (pages about people: team, organisers, committees)`);
  return { listed, errors: data.errors, notes, ...(data.years ? { years: data.years } : {}) };
}
