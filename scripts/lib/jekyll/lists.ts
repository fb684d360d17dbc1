/**
 * Lists with a meaning beyond prose: a list of papers becomes typed publications (shown by
 * <Publications />), a list of job links becomes a <LinkList>. An item that cannot be read
 * as a paper stays a Markdown list item and is reported.
 */
import type { LinkKind } from '../../../src/schemas/links.ts';
import type { Report } from './report.ts';

export interface Publication {
  title: string;
  authors: string[];
  venue: { name: string; year: number; thisConference?: boolean };
  links?: { kind: LinkKind; url: string; label?: string }[];
}

const linkPattern = /\[?\[([^\]]+)\]\(([^)\s]+)\)\]?/g;

/** The kind of a paper link, from its label or its address. */
function linkKind(label: string, url: string): { kind: LinkKind; label?: string } {
  const l = label.toLowerCase().trim();
  const byLabel: [RegExp, LinkKind][] = [[/^pdf$/, 'pdf'], [/^(code|github|source)$/, 'code'], [/^arxiv$/, 'arxiv'], [/^doi$/, 'doi'], [/^(video|talk video)$/, 'video'], [/^slides$/, 'slides'], [/^poster$/, 'poster'], [/^paper$/, 'paper'], [/^demo$/, 'demo'], [/^(data|dataset)$/, 'dataset'], [/^blog( post)?$/, 'blog'], [/^talk$/, 'talk']];
  const known = byLabel.find(([p]) => p.test(l))?.[1];
  if (known) return { kind: known };
  const host = /^https?:\/\/([^/]+)/.exec(url)?.[1] ?? '';
  const byUrl: LinkKind | undefined = /github|gitlab|bitbucket/.test(host) ? 'code' : /arxiv\.org/.test(host) ? 'arxiv' : /doi\.org/.test(host) ? 'doi' : /youtube|youtu\.be|vimeo/.test(host) ? 'video' : /\.pdf($|\?)/i.test(url) ? 'pdf' : undefined;
  return byUrl ? { kind: byUrl, ...(l && l !== byUrl ? { label } : {}) } : { kind: 'other', label: label || 'Link' };
}

const namePattern = /^(?:[A-ZÀ-Ý][\p{L}'’.-]*|[a-z]{1,3})(?:\s+(?:[A-ZÀ-Ý][\p{L}'’.-]*|van|von|de|der|da|di|le|la|del))+$|^[A-ZÀ-Ý]\.\s?[A-ZÀ-Ý][\p{L}'’-]+$/u;

/** One list item → a publication, or undefined when it does not read as one. */
export function parsePublication(item: string, conference: { name: string; edition: number } | undefined): Publication | undefined {
  const links: { label: string; url: string }[] = [];
  let text = item.replace(linkPattern, (_, label: string, url: string) => {
    links.push({ label, url });
    return ` \u0000${links.length - 1}\u0000 `;
  });
  let title: string | undefined;
  let titleLink: { label: string; url: string } | undefined;
  const quoted = /["“”]([^"“”]{8,})["“”]/.exec(text);
  if (quoted) {
    title = quoted[1]!.replace(/[,.]$/, '');
    text = text.replace(quoted[0], ' ');
  } else {
    const index = links.findIndex((l) => l.label.trim().split(/\s+/).length >= 4);
    if (index === -1) return undefined;
    titleLink = links[index]!;
    title = titleLink.label.replace(/[_*]/g, '').trim();
    text = text.replace(`\u0000${index}\u0000`, ' ');
  }
  text = text.replace(/\u0000\d+\u0000/g, ' ').replace(/\\([[\]_*])/g, '$1');
  const venues = [...text.matchAll(/\b(?:in\s+)?(?:proc(?:eedings|\.)?\s+(?:of\s+)?(?:the\s+)?)?([A-Z][A-Za-z&-]*(?:\s[A-Z][A-Za-z&-]*){0,3})\s+['’]?((?:19|20)\d\d)\b/g)];
  const venue = venues.at(-1);
  if (!venue) return undefined;
  const before = text.slice(0, venue.index);
  const authors = before
    .replace(/[–—:;()]|\s-\s/g, ',')
    .split(/,|\band\b|&/)
    .map((a) => a.replace(/^[\s.]+|[\s.,]+$/g, '').replace(/\s+/g, ' '))
    .filter(Boolean);
  if (authors.length === 0 || !authors.every((a) => namePattern.test(a))) return undefined;
  const name = venue[1]!;
  const year = Number(venue[2]);
  const thisConference = conference ? name.toLowerCase() === conference.name.split(/\s+/)[0]!.toLowerCase() && year === conference.edition : false;
  // The title's own link is the paper unless its address says otherwise (arXiv, a PDF, …).
  const titleKind = titleLink ? linkKind('', titleLink.url).kind : undefined;
  const typed = [
    ...(titleLink ? [{ kind: titleKind === 'other' ? ('paper' as const) : titleKind!, url: titleLink.url }] : []),
    ...links.filter((l) => l !== titleLink).map((l) => ({ ...linkKind(l.label, l.url), url: l.url })),
  ];
  return { title: title!, authors, venue: { name, year, ...(thisConference ? { thisConference } : {}) }, ...(typed.length ? { links: typed } : {}) };
}

const listItem = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;

/** The items of a block that is one flat Markdown list, or undefined. */
export function listItems(block: string): string[] | undefined {
  const lines = block.split('\n');
  if (!lines.every((l) => listItem.test(l) && listItem.exec(l)![1] === '')) return undefined;
  return lines.map((l) => listItem.exec(l)![3]!);
}

const jobHeading = /\b(jobs?|positions?|openings?|careers?|vacanc(y|ies)|hiring|join us|opportunities|internships?)\b/i;
const paperHeading = /\b(papers?|publications?|proceedings)\b/i;

export interface ListContext {
  report: Report;
  conference: { name: string; edition: number } | undefined;
  publications: Publication[];
  sponsorId: string;
}

/**
 * What to do with a list block under `heading`: `before` goes where the heading stands (the
 * Publications section brings its own heading), `replace` takes the list's place. A heading
 * left with nothing under it is dropped by the caller.
 */
export function convertList(block: string, heading: string, ctx: ListContext): { before: string[]; replace: string[] } | undefined {
  const items = listItems(block);
  if (!items) return undefined;
  if (paperHeading.test(heading)) {
    const parsed = items.map((item) => ({ item, paper: parsePublication(item, ctx.conference) }));
    const papers = parsed.filter((p) => p.paper);
    if (papers.length === 0) {
      ctx.report.todo(`the list under "${heading}" does not read as papers ("title", authors, venue year); kept as a list: consider publications: in the front matter`);
      return undefined;
    }
    ctx.publications.push(...papers.map((p) => p.paper!));
    ctx.report.done(`${papers.length} of ${items.length} items under "${heading}" became typed publications (title, authors, venue, links), shown by <Publications />`);
    const rest = parsed.filter((p) => !p.paper);
    for (const r of rest) ctx.report.todo(`under "${heading}", not read as a paper and kept as a list item: "${r.item.slice(0, 70)}${r.item.length > 70 ? '…' : ''}"`);
    return { before: ['<Publications />'], replace: rest.length ? [rest.map((r) => `- ${r.item}`).join('\n')] : [] };
  }
  const linked = items.filter((i) => /^\[[^\]]+\]\([^)]+\)\s*\S{0,3}$/.test(i.trim()));
  if (jobHeading.test(heading) && linked.length === items.length) {
    ctx.report.todo(`${items.length} job links under "${heading}" kept as a <LinkList>: to list them on the roles board (filters, closing dates, one apply link per place), give each a role file: npm run new:role -- --sponsor ${ctx.sponsorId} --title "…"`);
    return { before: [], replace: [`<LinkList>\n\n${block}\n\n</LinkList>`] };
  }
  return undefined;
}
