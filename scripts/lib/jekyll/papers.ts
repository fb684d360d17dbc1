/**
 * Paper list items → typed publications. Booths write papers as
 * `*Title*, from A. Author, **B. Author** and C. Author` with a nested list of
 * `[Paper](…)`, `[Talk](…) & [paper](…)` links, as `"Title", A. Author and B. Author.
 * ISMIR 2020. [[code](…)]`, or as `[Title](…) - A. Author & B. Author, ICASSP 2020`.
 * **Bold** authors are the sponsor's own. The venue comes from the item, else from links
 * that name the conference and year, else from the heading or the sentence before the list,
 * else from an arXiv id; an item with no venue anywhere is not typed (the caller reports it).
 */
import type { LinkKind } from '../../../src/schemas/links.ts';
import type { Entry, Link } from './markdown.ts';

export interface Publication {
  title: string;
  authors: (string | { name: string; affiliated: true })[];
  venue: { name: string; year: number; thisConference?: boolean };
  award?: string;
  links?: { kind: LinkKind; url: string; label?: string }[];
}

export interface PaperContext {
  conference: { name: string; edition: number } | undefined;
  heading: string;
  /** The paragraph just before the list ("This year, we have 2 papers at ISMIR:"). */
  leadIn: string;
}

const labelKinds: [RegExp, LinkKind][] = [[/^pdf$/, 'pdf'], [/^(code|github|source)$/, 'code'], [/^arxiv$/, 'arxiv'], [/^doi$/, 'doi'], [/^(video|talk video)$/, 'video'], [/^slides$/, 'slides'], [/^poster$/, 'poster'], [/^paper$/, 'paper'], [/^demo$/, 'demo'], [/^(data|dataset)$/, 'dataset'], [/^blog( post)?$/, 'blog'], [/^talk$/, 'talk']];

/** The kind of a paper link, from its label ("Paper, poster & talk" is a paper link with that label) or its address. */
function linkKind(label: string, url: string): { kind: LinkKind; label?: string } {
  const l = label.toLowerCase().trim();
  const known = labelKinds.find(([p]) => p.test(l))?.[1];
  if (known) return { kind: known };
  const leading = labelKinds.find(([p]) => p.test(l.split(/\s*[,&/+]\s*|\s+and\s+/)[0]!))?.[1];
  if (leading) return { kind: leading, label };
  const host = /^https?:\/\/([^/]+)/.exec(url)?.[1] ?? '';
  const byUrl: LinkKind | undefined = /github|gitlab|bitbucket/.test(host) ? 'code' : /arxiv\.org/.test(host) ? 'arxiv' : /doi\.org/.test(host) ? 'doi' : /youtube|youtu\.be|vimeo/.test(host) ? 'video' : /\.pdf($|\?)/i.test(url) ? 'pdf' : undefined;
  return byUrl ? { kind: byUrl, ...(l && l !== byUrl ? { label } : {}) } : { kind: 'other', label: label || 'Link' };
}

const namePattern = /^(?:[A-ZÀ-Ý][\p{L}'’.-]*|[a-z]{1,3})(?:\s+(?:[A-ZÀ-Ý][\p{L}'’.-]*|van|von|de|der|da|di|le|la|del))+$|^[A-ZÀ-Ý]\.\s?[A-ZÀ-Ý][\p{L}'’-]+$/u;
const venuePattern = /\b(?:in\s+)?(?:proc(?:eedings|\.)?\s+(?:of\s+)?(?:the\s+)?)?([A-Z][A-Za-z&-]*(?:\s[A-Z][A-Za-z&-]*){0,3})\s+['’]?((?:19|20)\d\d)\b/g;
const awardPattern = /,?\s*(?:that|which)?\s*\b(?:won|wins|winning|received|receiving|winner of|awarded)\b\s+(?:an?\s+|the\s+)?([^.!,;]*?\b(?:award|prize|mention))\b[^,;]*/i;

type Venue = Publication['venue'];

function shortName(conference: { name: string }): string {
  return conference.name.split(/\s+/)[0]!;
}

/** Words a heading puts before a venue ("Our Papers At ISMIR 2020"): not part of its name. */
const notVenue = /^(?:our|papers?|publications?|accepted|recent|selected|new|works?|presented|talks?|posters?|at|in|the|from|for|of|on|this|year)$/i;

function venue(written: string, year: number, conference: PaperContext['conference']): Venue {
  const words = written.split(/\s+/);
  while (words.length > 1 && notVenue.test(words[0]!)) words.shift();
  const name = words.join(' ');
  const thisConference = conference ? name.toLowerCase() === shortName(conference).toLowerCase() && year === conference.edition : false;
  return { name, year, ...(thisConference ? { thisConference } : {}) };
}

/** A venue a heading or sentence names: "Papers at ISMIR 2020", "papers at ISMIR" (this edition), "Last year … ISMIR". */
function venueIn(text: string, conference: PaperContext['conference']): Venue | undefined {
  const named = [...text.matchAll(venuePattern)].at(-1);
  if (named && !notVenue.test(named[1]!.split(/\s+/).at(-1)!)) return venue(named[1]!, Number(named[2]), conference);
  if (!conference) return undefined;
  const short = shortName(conference);
  if (!new RegExp(`\\b${short}\\b|\\bthis conference\\b`, 'i').test(text)) return undefined;
  return venue(short, /\blast year\b/i.test(text) ? conference.edition - 1 : conference.edition, conference);
}

/** The year of this conference that the paper's links name ("ismir2019", "program.ismir2020.net"). */
function venueInLinks(links: Link[], conference: PaperContext['conference']): Venue | undefined {
  if (!conference) return undefined;
  const short = shortName(conference);
  const pattern = new RegExp(`(?:^|[^a-z])${short}[-_]?((?:19|20)\\d\\d)(?!\\d)`, 'i');
  const year = links.map((l) => pattern.exec(l.url)?.[1]).find(Boolean);
  return year ? venue(short, Number(year), conference) : undefined;
}

function arxivYear(links: Link[]): number | undefined {
  const id = links.map((l) => /arxiv\.org\/(?:abs|pdf)\/(\d{2})(\d{2})\.\d{4,5}/.exec(l.url)).find(Boolean);
  return id ? 2000 + Number(id[1]) : undefined;
}

export type PaperReading = { paper: Publication; notes: string[] } | { problem: string; title: string } | undefined;

/** One list item → a publication; `problem` when it reads as a paper but its venue is nowhere; undefined when it does not read as a paper. */
export function readPaper(entry: Entry, ctx: PaperContext): PaperReading {
  const links = [...entry.links, ...entry.children.flatMap((c) => [...c.links, ...c.children.flatMap((g) => g.links)])];
  let text = entry.text;
  let title: string | undefined;
  let titleLink: Link | undefined;
  const quoted = /["“”]([^"“”]{8,})["“”]/.exec(text);
  if (entry.lead && entry.lead.split(/\s+/).length >= 2) {
    title = entry.lead;
    titleLink = entry.links.find((l) => l.text === entry.lead);
  } else if (quoted) {
    title = quoted[1]!;
  } else {
    titleLink = entry.links.find((l) => l.text.split(/\s+/).length >= 4);
    title = titleLink?.text;
  }
  if (!title) return undefined;
  text = text.replace(quoted && title === quoted[1] ? quoted[0] : title, ' ');
  for (const link of entry.links) if (link !== titleLink) text = text.replace(link.text, ' ');
  text = text.replace(/\[\s*\]|[[\]]/g, ' ');

  const award = awardPattern.exec(text);
  if (award) text = text.replace(award[0], ' ');
  const venues = [...text.matchAll(venuePattern)];
  const own = venues.at(-1);
  const authorText = (own ? text.slice(0, own.index) : text)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^[\s,.:;–—-]*(?:(?:from|by|with)\b)?/i, '')
    .replace(/[\s.,!;:–—-]+$/, '');
  const authors = authorText
    .replace(/[–—:;]|\s-\s/g, ',')
    .split(/,|\band\b|&/)
    .map((a) => a.replace(/^[\s.]+|[\s.,]+$/g, '').replace(/\s+/g, ' '))
    .filter(Boolean);
  if (authors.length === 0 || !authors.every((a) => namePattern.test(a))) return undefined;
  const cleanTitle = title.replace(/[,.]$/, '').trim();

  const notes: string[] = [];
  const fromLinks = venueInLinks(links, ctx.conference);
  const fromContext = venueIn(ctx.leadIn, ctx.conference) ?? venueIn(ctx.heading, ctx.conference);
  let where: Venue | undefined = own ? venue(own[1]!, Number(own[2]), ctx.conference) : (fromLinks ?? fromContext);
  if (!own && fromLinks && fromContext && fromLinks.year !== fromContext.year && fromLinks.name === fromContext.name) {
    notes.push(`"${cleanTitle}": its links say ${fromLinks.name} ${fromLinks.year}, the text around it ${fromContext.name} ${fromContext.year}; the links were followed`);
  }
  if (!where) {
    const year = arxivYear(links);
    if (!year) return { problem: 'no venue or year in the item, its links, its heading or the sentence before the list', title: cleanTitle };
    where = { name: 'arXiv', year };
    notes.push(`"${cleanTitle}": no venue given; listed as an arXiv preprint of ${year} (from its arXiv id)`);
  }
  const affiliated = new Set(entry.strong.filter((s) => s !== entry.lead));
  // The title's own link is the paper unless its address says otherwise (arXiv, a PDF, …).
  const titleKind = titleLink ? linkKind('', titleLink.url).kind : undefined;
  const typed = [
    ...(titleLink ? [{ kind: titleKind === 'other' ? ('paper' as const) : titleKind!, url: titleLink.url }] : []),
    ...links.filter((l) => l !== titleLink).map((l) => ({ ...linkKind(l.text, l.url), url: l.url })),
  ].filter((l) => /^https?:\/\//.test(l.url));
  return {
    paper: {
      title: cleanTitle,
      authors: authors.map((name) => (affiliated.has(name) ? { name, affiliated: true as const } : name)),
      venue: where,
      ...(award ? { award: award[1]!.trim().replace(/^\w/, (c) => c.toUpperCase()) } : {}),
      ...(typed.length ? { links: typed } : {}),
    },
    notes,
  };
}
