/**
 * HTML role tables → role data. A table is a role table when its header names a role and
 * a location column. Each row becomes one role; each link in the location cell stays that
 * location's apply link; areas and places are mapped to the project's vocabularies.
 */
import { cleanUrl } from '../../../src/core/urls.ts';
import { seasons } from '../../../src/schemas/role.ts';
import { slugify, suggestFrom, vocabularyLookup, type Project } from '../project.ts';
import { isEmpty, parseEligibility, type Eligibility } from './eligibility.ts';
import { descendants, elements, squash, textOf, type HtmlElement, type HtmlNode } from './html.ts';
import type { Report } from './report.ts';
import { contentLayout, contentPath } from '../../../src/core/project.ts';

type Column = 'title' | 'locations' | 'areas' | 'experience' | 'type' | 'deadline' | 'apply' | 'other';

const columnPatterns: [Column, RegExp][] = [
  ['locations', /location|office|city|cities|where|place/i],
  ['areas', /area|topic|field|domain|team|focus/i],
  ['experience', /experience|requirement|qualification|level|eligib|degree|education/i],
  ['type', /^(type|kind|contract|employment)/i],
  ['deadline', /deadline|closing|apply by|until|valid/i],
  ['apply', /^(apply|link|application)/i],
  ['title', /role|position|title|job|opening/i],
];

export interface RoleDraft {
  id: string;
  title: string;
  employmentType: string;
  order: number;
  seniority: string[];
  term?: { season?: string; year?: number };
  locations: { location: string; workplace?: 'remote' | 'hybrid'; applyUrl?: string }[];
  researchAreas: string[];
  eligibility: Eligibility;
  requirements: string;
  statusNote?: string;
  validThrough?: string;
  description?: string;
}

export interface TableContext {
  /** Text of the heading the table sits under, e.g. "2021 Internships". */
  heading: string;
  project: Project;
  report: Report;
  /** Areas to add to areas.yaml (with --add-areas) instead of reporting them. */
  newAreas: Map<string, string> | undefined;
}

function rows(table: HtmlElement): HtmlElement[] {
  return descendants(table.children, 'tr');
}

function cells(row: HtmlElement): HtmlElement[] {
  return elements(row.children).filter((c) => c.name === 'td' || c.name === 'th');
}

/** The meaning of each header cell of a table. */
function headerColumns(table: HtmlElement): Column[] {
  const header = rows(table)[0];
  return header ? cells(header).map((cell) => columnPatterns.find(([, pattern]) => pattern.test(squash(textOf(cell))))?.[0] ?? 'other') : [];
}

/** The column meaning of each header cell, or undefined when the table is not a role table. */
export function roleColumns(table: HtmlElement): Column[] | undefined {
  const columns = headerColumns(table);
  return columns.includes('title') && columns.includes('locations') ? columns : undefined;
}

/** A table that names roles but no places: kept as a table, and worth a word in the report. */
export function looksLikeRoles(table: HtmlElement): boolean {
  const header = rows(table)[0];
  return header ? cells(header).some((cell) => /\b(roles?|positions?|jobs?|openings?)\b/i.test(textOf(cell))) : false;
}

const seniorityWords = new Set(['junior', 'mid', 'senior', 'staff', 'principal', 'lead']);

/** "Researcher X (Senior/Staff)" → title "Researcher X" and seniority [senior, staff]. */
function splitSeniority(title: string): { title: string; seniority: string[] } {
  const match = /\s*\(([^)]+)\)\s*$/.exec(title);
  if (!match) return { title, seniority: [] };
  const words = match[1]!.toLowerCase().split(/\s*[/,&]\s*|\s+and\s+/);
  if (!words.every((w) => seniorityWords.has(w))) return { title, seniority: [] };
  return { title: title.slice(0, match.index).trim(), seniority: words };
}

const kindPatterns: [string, RegExp][] = [
  ['internship', /\bintern(ship)?s?\b/i],
  ['postdoc', /\bpost-?doc(toral)?\b/i],
  ['phd-studentship', /\bph\.?d\.? (student(ship)?|position|candidate)s?\b(?!.*intern)/i],
  ['fellowship', /\bfellow(ship)?s?\b/i],
  ['part-time', /\bpart[- ]time\b/i],
  ['contract', /\b(contract(or)?|freelance|temporary)\b/i],
  ['full-time', /\bfull[- ]time|permanent\b/i],
];

export function kindIn(text: string): string | undefined {
  return kindPatterns.find(([, pattern]) => pattern.test(text))?.[0];
}

export function termIn(texts: string[]): RoleDraft['term'] {
  const joined = texts.join(' ').toLowerCase().replace(/\bfall\b/g, 'autumn');
  const season = seasons.find((s) => new RegExp(`\\b${s}\\b`).test(joined));
  const year = /\b(20\d\d)\b/.exec(joined)?.[1];
  if (!season && !year) return undefined;
  return { ...(season ? { season } : {}), ...(year ? { year: Number(year) } : {}) };
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "2020-11-30", "30 November 2020", "Nov 30, 2020" → "2020-11-30". */
export function parseDay(text: string): string | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return iso[0];
  const words = /\b(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})\b/i.exec(text) ?? /\b([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/i.exec(text);
  if (!words) return undefined;
  const [day, month] = /^\d/.test(words[1]!) ? [words[1]!, words[2]!] : [words[2]!, words[1]!];
  const m = months.indexOf(month.toLowerCase());
  if (m === -1) return undefined;
  return `${words[3]}-${String(m + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Splits a cell into (text, link) pieces: each link is one piece, plain text is split at commas. */
function pieces(cell: HtmlElement): { text: string; href?: string }[] {
  const out: { text: string; href?: string }[] = [];
  const walk = (nodes: HtmlNode[]) => {
    for (const node of nodes) {
      if (node.type === 'element' && node.name === 'a') out.push({ text: squash(textOf(node)), ...(node.attrs['href'] ? { href: node.attrs['href'] } : {}) });
      else if (node.type === 'element') walk(node.children);
      else if (node.type === 'text') for (const part of textOf(node).split(/[,;\n]|\s\/\s|\s+or\s+/)) if (squash(part)) out.push({ text: squash(part) });
    }
  };
  walk(cell.children);
  return out.filter((p) => p.text && !/^(and|&)$/i.test(p.text));
}

/** A place as booths write it: "NYC", "London (hybrid)", "Remote - Germany", "Berlin or remote". */
function place(text: string, ctx: TableContext, role: string): RoleDraft['locations'][number] {
  const workplace = /\bremote\b/i.test(text) ? 'remote' : /\bhybrid\b/i.test(text) ? 'hybrid' : undefined;
  const name = squash(text.replace(/\(?\b(remote|hybrid|on-?site)\b\)?/gi, ' ').replace(/^[\s\-–—:,]+|[\s\-–—:,]+$/g, '')) || text;
  const found = vocabularyLookup(ctx.project.locations, (l) => (l.city ? [l.city] : []))(name);
  if (!found) {
    const best = suggestFrom(ctx.project.locations, name);
    ctx.report.todo(`role "${role}": the place "${text}" is not in ${contentPath(contentLayout.locations)}${best ? ` (did you mean "${best}"?)` : ''}; it is kept as written: add it to locations.yaml (id, label, city, country) or fix the role file`);
  }
  return { location: found?.id ?? name, ...(workplace ? { workplace } : {}) };
}

function area(text: string, ctx: TableContext, role: string): string {
  const found = vocabularyLookup(ctx.project.areas)(text);
  if (found) return found.id;
  const id = slugify(text);
  if (ctx.newAreas) {
    ctx.newAreas.set(id, text);
    return id;
  }
  const best = suggestFrom(ctx.project.areas, text);
  ctx.report.todo(`role "${role}": the research area "${text}" is not in ${contentPath(contentLayout.areas)}${best ? ` (did you mean "${best}"?)` : ''}; kept as written: add it there, or run again with --add-areas`);
  return text;
}

function areaTexts(cell: HtmlElement): string[] {
  const items = descendants(cell.children, 'li');
  const texts = items.length ? items.map((li) => textOf(li)) : textOf(cell).split(/[,;\n]|\s\/\s/);
  return texts.map(squash).filter(Boolean);
}

/** The title cell: its first line is the title; a paragraph or a line under it is a note ("*may be filled"). */
function titleAndNote(cell: HtmlElement): { title: string; note?: string; link?: string } {
  const isBlock = (n: HtmlNode) => n.type === 'element' && /^(p|div|small|ul|ol)$/.test(n.name);
  const lines = textOf(cell.children.filter((n) => !isBlock(n))).split('\n').map(squash).filter(Boolean);
  const noteText = [...lines.slice(1), squash(textOf(cell.children.filter(isBlock)))].filter(Boolean).join(' ');
  const title = (lines[0] ?? noteText).replace(/[*†‡]+$/, '').trim();
  const note = lines[0] ? noteText.replace(/^[*†‡]+\s*/, '') : '';
  const link = descendants(cell.children, 'a')[0]?.attrs['href'];
  return { title, ...(note ? { note: note[0]!.toUpperCase() + note.slice(1) } : {}), ...(link ? { link } : {}) };
}

/** Rows of a role table → roles. `used` holds role ids already taken in this booth. */
export function rolesFromTable(table: HtmlElement, columns: Column[], ctx: TableContext, used: Set<string>): RoleDraft[] {
  const drafts: RoleDraft[] = [];
  const headerTexts = cells(rows(table)[0]!).map((c) => squash(textOf(c)));
  for (const [index, row] of rows(table).slice(1).entries()) {
    const byColumn = new Map<Column, HtmlElement>();
    const others: string[] = [];
    cells(row).forEach((cell, i) => {
      const column = columns[i] ?? 'other';
      if (column === 'other' || byColumn.has(column)) {
        const text = squash(textOf(cell));
        if (text) others.push(`**${headerTexts[i] ?? 'Note'}:** ${text}`);
      } else byColumn.set(column, cell);
    });
    const titleCell = byColumn.get('title');
    if (!titleCell || !squash(textOf(titleCell))) continue;
    const { title: fullTitle, note, link } = titleAndNote(titleCell);
    const { title, seniority } = splitSeniority(fullTitle);
    const typeText = byColumn.get('type') ? squash(textOf(byColumn.get('type')!)) : '';
    let employmentType = kindIn(title) ?? kindIn(typeText) ?? kindIn(ctx.heading);
    if (!employmentType) {
      employmentType = 'full-time';
      ctx.report.todo(`role "${title}": its kind is not stated; written as full-time (check employmentType)`);
    }
    const applyCell = byColumn.get('apply');
    const roleLink = descendants(applyCell?.children ?? [], 'a')[0]?.attrs['href'] ?? link;
    const locations = pieces(byColumn.get('locations')!).map((p) => {
      const href = p.href ?? roleLink;
      return { ...place(p.text, ctx, title), ...(href ? { applyUrl: cleanLink(href, ctx) } : {}) };
    });
    if (locations.length === 0) ctx.report.todo(`role "${title}": no location found in its row; add one to the role file`);
    const experience = byColumn.get('experience') ? squash(textOf(byColumn.get('experience')!)) : '';
    const eligibility = parseEligibility(experience);
    if (experience && isEmpty(eligibility)) ctx.report.note(`role "${title}": "${experience}" kept as text; no education level or years recognised for the filters`);
    const deadlineText = byColumn.get('deadline') ? squash(textOf(byColumn.get('deadline')!)) : '';
    const validThrough = deadlineText ? parseDay(deadlineText) : undefined;
    if (deadlineText && !validThrough) ctx.report.todo(`role "${title}": the closing date "${deadlineText}" is not a date; set validThrough: YYYY-MM-DD`);

    const term = termIn([title, ctx.heading, typeText]);
    let id = slugify(title) || `role-${index + 1}`;
    for (let n = 2; used.has(id); n++) id = `${slugify(title)}-${n}`;
    used.add(id);
    drafts.push({
      id,
      title,
      employmentType,
      order: index + 1,
      seniority,
      ...(employmentType === 'internship' && term ? { term } : {}),
      locations,
      researchAreas: byColumn.get('areas') ? areaTexts(byColumn.get('areas')!).map((a) => area(a, ctx, title)) : [],
      eligibility,
      requirements: experience,
      ...(note ? { statusNote: note } : {}),
      ...(validThrough ? { validThrough } : {}),
      ...(others.length ? { description: others.join('\n\n') } : {}),
    });
    if (!byColumn.get('areas')) ctx.report.todo(`role "${title}": no research area column; add researchAreas to the role file`);
    if (!experience) ctx.report.todo(`role "${title}": no experience column; write requirements in the role file`);
    if (others.length) ctx.report.note(`role "${title}": columns ${headerTexts.filter((_, i) => (columns[i] ?? 'other') === 'other').map((h) => `"${h}"`).join(', ')} kept in its description`);
  }
  return drafts;
}

/** A link without mail-filter wrapping or tracking parameters, reported when changed. */
export function cleanLink(href: string, ctx: { report: Report }): string {
  const clean = /^https?:/i.test(href) ? cleanUrl(href) : href;
  if (clean !== href) ctx.report.done(`cleaned a wrapped or tracked link: ${clean}`);
  return clean;
}
