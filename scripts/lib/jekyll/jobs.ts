/**
 * Job links → role files. A list under a "Jobs" / "Hiring" / "Careers" heading whose items
 * are links (link text = title, href = apply link) becomes one role file per item, written
 * by the same writer as `npm run new:role`. Place, term and kind are read from the title
 * ("Audio ML Research Intern (Summer 2021), London"); what the link does not say (places,
 * research areas, requirements) gets a stand-in and the role is a draft: checked by the
 * build, shown nowhere until filled in. A link to a whole careers site becomes careersUrl.
 */
import { roleAnswers } from '../role-input.ts';
import { slugify, suggestFrom, vocabularyLookup, type Project } from '../project.ts';
import { roleFile } from '../scaffold.ts';
import type { Entry } from './markdown.ts';
import { kindIn, termIn } from './roles.ts';
import { noun } from '../../../src/core/wording.ts';
import { contentLayout, contentPath } from '../../../src/core/project.ts';

export interface JobContext {
  project: Project;
  heading: string;
  sponsor: { name: string; link: string };
  posted: string;
  validThrough?: string | undefined;
  /** Role ids already taken in this booth. */
  usedIds: Set<string>;
}

export interface JobRole {
  id: string;
  title: string;
  content: string;
  applyUrl: string;
  /** What the link did not say, in the author's words ("research areas"). */
  missing: string[];
}

export interface JobResult {
  roles: JobRole[];
  careersUrl?: string;
  /** Items that are not job links: they stay text. */
  other: Entry[];
}

const genericApply = /^(apply( now| here)?|here|details|link|more|read more|job description|posting|learn more)$/i;
const careersSite = /^(?:see |view |browse |visit )?(?:all |our |more )?(?:open |current |other )?(?:jobs|positions|roles|openings|vacancies|opportunities|careers?)(?: (?:page|site|portal|here))?$/i;

/** An item's title text: the link text, or the item's text when the link only says "Apply". */
function titleText(entry: Entry, link: { text: string }): string {
  if (!genericApply.test(link.text)) {
    const outside = entry.text.replace(link.text, '').replace(/^[\s:–—-]+|[\s:–—-]+$/g, '');
    return outside ? `${link.text}, ${outside}` : link.text;
  }
  return entry.text.replace(link.text, '').replace(/[\s:–—(-]+$|^[\s:–—-]+/g, '');
}

/** Research areas a title names by label or alias ("Audio ML Research Intern" → machine-learning). */
function areasIn(text: string, project: Project): string[] {
  const names = (a: Project['areas'][number]) => [a.label, ...a.aliases].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return project.areas.filter((a) => names(a).some((n) => new RegExp(`(^|[^\\p{L}])${n}($|[^\\p{L}])`, 'iu').test(text))).map((a) => a.id);
}

export function readJobs(entries: Entry[], ctx: JobContext): JobResult {
  const result: JobResult = { roles: [], other: [] };
  const findPlace = vocabularyLookup(ctx.project.locations, (l) => (l.city ? [l.city] : []));
  for (const entry of entries) {
    const link = entry.links.find((l) => /^https?:\/\//.test(l.url));
    if (!link || entry.links.length > 1) {
      result.other.push(entry);
      continue;
    }
    if (careersSite.test(link.text) && !result.careersUrl) {
      result.careersUrl = link.url;
      continue;
    }
    const text = titleText(entry, link);
    const places: string[] = [];
    const unknownPlaces: string[] = [];
    let remote = false;
    let termWords = '';
    // Parenthesised and trailing parts: places, "remote", terms ("Summer 2021").
    const parts = text.replace(/\(([^)]*)\)/g, (_, inner: string) => `, ${inner.replace(/,/g, ' /')}`).split(/\s*(?:,|\s[–—-]\s|\s\|\s|\s\/\s)\s*/).filter(Boolean);
    const titleParts: string[] = [parts[0] ?? text];
    for (const part of parts.slice(1)) {
      const words = part.replace(/\b(remote|hybrid|on-?site)\b/gi, (w) => {
        if (/remote/i.test(w)) remote = true;
        return ' ';
      }).trim();
      if (!words) continue;
      if (termIn([words]) && /^(spring|summer|autumn|fall|winter|\d{4})\b/i.test(words)) termWords = `${termWords} ${words}`;
      else if (findPlace(words)) places.push(findPlace(words)!.id);
      // A trailing capitalised name is a place the project does not list yet (unless it names a research area: "Audio ML").
      else if (!areasIn(words, ctx.project).length && /^[A-ZÀ-Ý][\p{L}.'-]*(\s[A-ZÀ-Ý][\p{L}.'-]*){0,2}$/u.test(words)) unknownPlaces.push(words);
      else titleParts.push(part);
    }
    const title = titleParts.join(', ').trim();
    const kind = kindIn(title) ?? kindIn(ctx.heading);
    const term = kind === 'internship' ? termIn([termWords, title]) : undefined;
    const areas = areasIn(title, ctx.project);
    const answers = roleAnswers(
      {
        title,
        type: kind ?? 'full-time',
        location: places.map((p) => (remote ? `${p}:remote` : p)),
        applyUrl: link.url,
        area: areas,
        ...(term?.season || term?.year ? { term: [term.season, term.year].filter(Boolean).join(' ') } : {}),
        posted: ctx.posted,
        ...(ctx.validThrough ? { validThrough: ctx.validThrough } : {}),
        draft: !kind,
      },
      ctx.project,
      ctx.sponsor,
    );
    if ('error' in answers) {
      result.other.push(entry);
      continue;
    }
    let id = slugify(title) || 'role';
    for (let n = 2; ctx.usedIds.has(id); n++) id = `${slugify(title) || 'role'}-${n}`;
    ctx.usedIds.add(id);
    const todo = answers.value.todo;
    const missing = [
      ...(kind ? [] : ['its kind (written as full-time)']),
      ...(unknownPlaces.length
        ? [`the ${noun(unknownPlaces.length, 'place')} ${unknownPlaces.map((p) => `"${p}"${suggestFrom(ctx.project.locations, p) ? ` (did you mean "${suggestFrom(ctx.project.locations, p)}"?)` : ''}`).join(', ')} (not in ${contentPath(contentLayout.locations)})`]
        : todo.has('locations') ? [remote ? 'the country it is remote in' : 'its places'] : []),
      ...(todo.has('areas') ? ['research areas'] : []),
      ...(todo.has('requirements') ? ['requirements'] : []),
    ];
    result.roles.push({ id, title, content: roleFile(answers.value), applyUrl: link.url, missing });
  }
  return result;
}
