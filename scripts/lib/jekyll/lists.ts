/**
 * Blocks of a booth that say more than prose: a list, lines or a schedule table of event
 * times becomes typed events (<Events />), a list of papers typed publications
 * (<Publications />), a list of job links role files, and a lone link under a "Careers"
 * heading the booth's careersUrl. What a recogniser cannot read with confidence stays in the
 * body, word for word, and is reported.
 */
import { count } from '../../../src/core/wording.ts';
import type { Project } from '../project.ts';
import { readEvents, eventHeading, eventKind, type EventDraft } from './events.ts';
import { readJobs, type JobRole } from './jobs.ts';
import { descendants, elements, squash, textOf, type HtmlElement } from './html.ts';
import { readList, readParagraph, type Entry } from './markdown.ts';
import { readPaper, type Publication } from './papers.ts';
import type { Report } from './report.ts';
import type { WhenContext } from './times.ts';

export type { Publication } from './papers.ts';

const jobHeading = /\b(jobs?|positions?|openings?|careers?|vacanc(y|ies)|hiring|join us|opportunities|internships?|recruit(ing|ment)?)\b/i;
const careersWords = /\b(open positions|positions|jobs|careers?|openings|vacancies|opportunities|open roles|hiring|join (us|our team))\b/i;
const paperWords = /\b(papers?|publications?|proceedings|works|articles|preprints?)\b/i;

export interface SectionContext {
  report: Report;
  project: Project;
  sponsorId: string;
  /** The sponsor's name and a stand-in apply link for job roles (careers page or website). */
  sponsor: { name: string; link: string };
  posted: string;
  validThrough?: string | undefined;
  /** Year for days written without one, and a default length for events given only a start. */
  year: WhenContext['year'];
  eventMinutes?: number | undefined;
  /** What the booth collects, across its sections. */
  publications: Publication[];
  events: EventDraft[];
  jobs: JobRole[];
  careersUrl?: string;
  usedRoleIds: Set<string>;
  usedEventIds: Set<string>;
  /** Section components already placed in the body (each goes once). */
  placed: Set<string>;
  /** Text kept in the body for the author to rework (an event line not typed, a sentence left behind), and what to do. */
  kept: { text: string; note: string }[];
}

export interface Where {
  heading: string;
  /** Plain text of the paragraph just before the block, when there is one. */
  leadIn: string;
}

/** What replaces a block: `before` goes where its heading stands (or before the block), `replace` in its place. */
export type Replacement = { before: string[]; replace: string[] };

const quote = (text: string) => `"${text.length > 70 ? `${text.slice(0, 70)}…` : text}"`;

/** A stated zone for a whole section: "Schedule (all times UTC)", "Times are in EDT". */
function sectionZone(where: Where): string | undefined {
  return /\b(?:times?|all times)\b[^.]*?\b(?:in|are)?\s*\(?((?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,4}T)\)?/.exec(`${where.heading} ${where.leadIn}`)?.[1];
}

/**
 * The section component goes where the first list it replaces stood; a sentence that
 * introduced a later list ("This year, we have 2 papers:") is left behind: say so.
 */
function placed(component: string, what: string, all: boolean, where: Where, ctx: SectionContext): string[] {
  if (!ctx.placed.has(component)) {
    ctx.placed.add(component);
    return [`<${component} />`];
  }
  if (all && where.leadIn) {
    ctx.report.todo(`the sentence ${quote(where.leadIn)} introduced ${what} that are now in the <${component} /> section further up: move, reword or delete it`);
    ctx.kept.push({ text: where.leadIn, note: `a sentence that introduced ${what} now in the <${component} /> section: move, reword or delete it` });
  }
  return [];
}

function rest(entries: Entry[]): string[] {
  return entries.length ? [entries.map((e) => e.source).join('\n')] : [];
}

/** Event lines (list items, paragraph lines, table rows) → events; what stays text, and where <Events /> goes. */
function events(entries: Entry[], where: Where, ctx: SectionContext, whole: boolean, zone = sectionZone(where)): { before: string[]; kept: Entry[] } | undefined {
  const result = readEvents(entries, { ...where, year: ctx.year, zone, eventMinutes: ctx.eventMinutes, usedIds: ctx.usedEventIds });
  if (result.events.length === 0 && result.unread.length === 0) return undefined;
  // A paragraph is taken only when every line is an event line: prose keeps its sentences.
  if (whole && result.other.length) return undefined;
  for (const note of result.notes) ctx.report.todo(`event time: ${note}`);
  for (const { entry, problem } of result.unread) {
    ctx.report.todo(`under "${where.heading}", not typed as an event and kept as text: ${quote(entry.text)}: ${problem}`);
    ctx.kept.push({ text: entry.text, note: `an event line kept as text (${problem}): add it to events:, or delete it` });
  }
  if (result.events.length === 0) return undefined;
  ctx.events.push(...result.events);
  const repeats = result.events.filter((e) => e.repeatOf).length;
  ctx.report.done(`${result.events.length} ${result.events.length === 1 ? 'event' : 'events'} under "${where.heading}" typed with start, end and offset${repeats ? ` (${repeats} as repeats of the first)` : ''}, shown by <Events /> with a calendar file`);
  const kept = [...result.other, ...result.unread.map((u) => u.entry)].sort((a, b) => entries.indexOf(a) - entries.indexOf(b));
  return { before: placed('Events', 'events', kept.length === 0, where, ctx), kept };
}

/**
 * A schedule table (a day or time column: "Day | Time (UTC) | Event") → events; the rows
 * that cannot be typed stay in the table. Undefined when the table is no schedule.
 */
export function scheduleTable(table: HtmlElement, heading: string, ctx: SectionContext): { before: string[]; keep: HtmlElement[] } | undefined {
  const [head, ...rows] = descendants(table.children, 'tr');
  const cellsOf = (row: HtmlElement) => elements(row.children).filter((c) => c.name === 'td' || c.name === 'th');
  const header = head ? cellsOf(head).map((c) => squash(textOf(c))) : [];
  if (!header.some((h) => /\b(date|day|when|time|schedule)\b/i.test(h))) return undefined;
  const zone = header.map((h) => /\(\s*((?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,4}T)\s*\)/.exec(h)?.[1]).find(Boolean);
  const entries: Entry[] = rows.map((row) => ({
    text: cellsOf(row).map((c) => squash(textOf(c))).filter(Boolean).join(', '),
    links: descendants(row.children, 'a').flatMap((a) => (a.attrs['href'] ? [{ text: squash(textOf(a)), url: a.attrs['href'] }] : [])),
    emphasis: [],
    strong: [],
    children: [],
    source: '',
  }));
  const result = events(entries, { heading, leadIn: '' }, ctx, false, zone ?? sectionZone({ heading, leadIn: '' }));
  return result && { before: result.before, keep: result.kept.map((e) => rows[entries.indexOf(e)]!) };
}

function papers(entries: Entry[], where: Where, ctx: SectionContext): Replacement | undefined {
  const context = { conference: ctx.project.conference, ...where };
  const read = entries.map((entry) => ({ entry, reading: readPaper(entry, context) }));
  const said = paperWords.test(where.heading) || paperWords.test(where.leadIn);
  // Without a heading or sentence that says "papers", only items that all read as papers are.
  if (!said && !read.every((r) => r.reading)) return undefined;
  const typed = read.flatMap((r) => (r.reading && 'paper' in r.reading ? [{ entry: r.entry, ...r.reading }] : []));
  if (typed.length === 0) {
    const noVenue = read.filter((r) => r.reading && 'problem' in r.reading);
    if (said && noVenue.length === 0) ctx.report.todo(`the list under "${where.heading}" does not read as papers (a title in quotes or italics, authors, a venue); kept as a list: consider publications: in the front matter`);
    for (const r of noVenue) ctx.kept.push({ text: r.entry.text, note: 'a paper with no venue or year kept as text: add it to publications: with its venue, or delete it' });
    for (const r of noVenue) ctx.report.todo(`under "${where.heading}", the paper ${quote((r.reading as { title: string }).title)} names no venue or year (item, links, heading or the sentence before); kept as a list item: add it to publications: with its venue`);
    return undefined;
  }
  ctx.publications.push(...typed.map((t) => t.paper));
  for (const t of typed) for (const note of t.notes) ctx.report.note(note);
  ctx.report.done(`${typed.length} of ${count(entries.length, 'item')} under "${where.heading}" became typed publications (title, authors, venue, links), shown by <Publications />`);
  const kept = read.filter((r) => !(r.reading && 'paper' in r.reading));
  for (const r of kept) {
    ctx.kept.push({ text: r.entry.text, note: r.reading && 'problem' in r.reading ? 'a paper with no venue or year kept as text: add it to publications: with its venue, or delete it' : 'a list item not read as a paper: add it to publications:, or leave it as text and delete this line' });
    if (r.reading && 'problem' in r.reading) ctx.report.todo(`under "${where.heading}", the paper ${quote(r.reading.title)} names no venue or year (item, links, heading or the sentence before); kept as a list item: add it to publications: with its venue`);
    else ctx.report.todo(`under "${where.heading}", not read as a paper and kept as a list item: ${quote(r.entry.text)}`);
  }
  return { before: placed('Publications', 'papers', kept.length === 0, where, ctx), replace: rest(kept.map((k) => k.entry)) };
}

function jobs(entries: Entry[], where: Where, ctx: SectionContext): Replacement | undefined {
  const result = readJobs(entries, { project: ctx.project, heading: where.heading, sponsor: ctx.sponsor, posted: ctx.posted, validThrough: ctx.validThrough, usedIds: ctx.usedRoleIds });
  if (result.roles.length === 0 && !result.careersUrl) return undefined;
  if (result.careersUrl) careers(result.careersUrl, where, ctx);
  if (result.roles.length) {
    ctx.jobs.push(...result.roles);
    ctx.report.done(`${result.roles.length} job ${result.roles.length === 1 ? 'link' : 'links'} under "${where.heading}" became role files (title, apply link${result.roles.some((r) => !r.missing.includes('its places')) ? ', place' : ''} from the link), listed on the roles board once complete`);
    for (const role of result.roles.filter((r) => r.missing.length)) {
      ctx.report.todo(`role "${role.title}" (roles/${ctx.sponsorId}/${role.id}.yaml) is a draft with stand-ins: fill in ${role.missing.join(', ')}, then delete draft: true`);
    }
  }
  return { before: [], replace: rest(result.other) };
}

function careers(url: string, where: Where, ctx: SectionContext): void {
  if (ctx.careersUrl) return;
  ctx.careersUrl = url;
  ctx.report.done(`careersUrl: ${url} (the careers link under "${where.heading}"), shown with the booth's roles`);
}

/** What to do with one block of the converted body; undefined leaves it as it is. */
export function convertSection(block: string, where: Where, ctx: SectionContext): Replacement | undefined {
  const items = readList(block);
  if (items) {
    const typed = events(items, where, ctx, false);
    return (
      (typed && { before: typed.before, replace: rest(typed.kept) }) ??
      papers(items, where, ctx) ??
      (jobHeading.test(where.heading) && !eventHeading.test(where.heading) && !eventKind(where.heading) ? jobs(items, where, ctx) : undefined)
    );
  }
  const lines = readParagraph(block);
  if (!lines) return undefined;
  const typed = events(lines, where, ctx, true);
  if (typed) return { before: typed.before, replace: typed.kept.length ? [typed.kept.map((e) => e.source).join('<br />\n')] : [] };
  const links = lines.flatMap((l) => l.links).filter((l) => /^https?:\/\//.test(l.url));
  // "Click here for more open positions": a careers site, not a programme brochure or a blog post.
  if (links.length === 1 && jobHeading.test(where.heading) && careersWords.test(lines.map((l) => l.text).join(' '))) careers(links[0]!.url, where, ctx);
  return undefined;
}
