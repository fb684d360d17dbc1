/**
 * The parts of a boothkit project the authoring commands read: the content folder, the
 * closed lists (tiers, areas, locations) and the existing sponsors. Lenient on purpose:
 * a broken list entry is skipped here and reported by the content check.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { buildDate, contentDir as defaultContentDir, contentLayout, contentPath } from '../../src/core/project.ts';
import { splitFrontMatter } from '../../src/core/front-matter.ts';
import { programmeOf } from '../../src/lib/booth.ts';
import { reservedIdProblem } from '../../src/lib/model.ts';
import { slugify } from '../../src/core/ids.ts';
import { closest } from '../../src/core/suggest.ts';
import { oneOf, unknown, withSuggestion } from '../../src/core/wording.ts';
import { conferenceSchema, type Conference } from '../../src/schemas/conference.ts';
import { slug as slugSchema } from '../../src/schemas/shared.ts';
import { tierSchema, type Tier } from '../../src/schemas/tier.ts';
import { areaSchema, locationSchema, type Area, type Location } from '../../src/schemas/vocabulary.ts';
import type { z } from 'zod';

export interface Project {
  root: string;
  /** Absolute path of the content folder. */
  content: string;
  conference: Conference | undefined;
  tiers: Tier[];
  areas: Area[];
  locations: Location[];
  /** Ids of existing sponsor files (any case, as on disk). */
  sponsorIds: string[];
  /** The old addresses existing booths keep (`legacyPermalinks`), lower case, each with its sponsor's id. */
  legacyPermalinks: Map<string, string>;
}

/** The old addresses of the booth files in `sponsorsDir`, as far as their front matter reads. */
function legacyPermalinksIn(sponsorsDir: string, ids: string[]): Map<string, string> {
  const claimed = new Map<string, string>();
  for (const id of ids) {
    const front = splitFrontMatter(readFileSync(join(sponsorsDir, `${id}.mdx`), 'utf8'));
    let data: unknown;
    try {
      data = front ? parse(front.yaml) : undefined;
    } catch {
      continue; // the content check names a file that is not YAML
    }
    const paths = (data as { legacyPermalinks?: unknown } | undefined)?.legacyPermalinks;
    if (Array.isArray(paths)) for (const path of paths) if (typeof path === 'string') claimed.set(path.toLowerCase(), id);
  }
  return claimed;
}

function readList<T>(path: string, schema: z.ZodType<T>): T[] {
  if (!existsSync(path)) return [];
  const data: unknown = parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(data)) return [];
  return data.flatMap((item) => {
    const result = schema.safeParse(item);
    return result.success ? [result.data] : [];
  });
}

export function loadProject(root: string, contentDir = defaultContentDir): Project {
  const content = resolve(root, contentDir);
  const conferencePath = join(content, contentLayout.conference);
  const conference = existsSync(conferencePath) ? conferenceSchema.safeParse(parse(readFileSync(conferencePath, 'utf8'))).data : undefined;
  const sponsorsDir = join(content, contentLayout.sponsors);
  const sponsorIds = existsSync(sponsorsDir) ? readdirSync(sponsorsDir).filter((n) => /\.mdx?$/.test(n)).map((n) => n.replace(/\.mdx?$/, '')) : [];
  return {
    root,
    content,
    conference,
    tiers: readList(join(content, contentLayout.tiers), tierSchema).sort((a, b) => a.rank - b.rank),
    areas: readList(join(content, contentLayout.areas), areaSchema),
    locations: readList(join(content, contentLayout.locations), locationSchema),
    sponsorIds,
    legacyPermalinks: legacyPermalinksIn(sponsorsDir, sponsorIds.filter((id) => existsSync(join(sponsorsDir, `${id}.mdx`)))),
  };
}

export const paths = {
  sponsor: (p: Project, id: string) => join(p.content, contentLayout.sponsors, `${id}.mdx`),
  sponsorAssets: (p: Project, id: string) => join(p.content, contentLayout.sponsors, id),
  role: (p: Project, sponsorId: string, roleId: string) => join(p.content, contentLayout.roles, sponsorId, `${roleId}.yaml`),
  areas: (p: Project) => join(p.content, contentLayout.areas),
};

// The importer and the scaffolds take the slug function from here, with the rest of the project.
export { slugify };

/**
 * Why `id` cannot name a new file, or undefined when it can. `choose` says how to pick another
 * id where it was given: a flag for the commands, a form field for the intake.
 */
export function checkSlug(id: string, what: 'sponsor' | 'role', choose = (taken: string) => `pass --id ${taken}-inc or another id`): string | undefined {
  if (!id) return `the ${what} id is empty; pass a name with letters or digits`;
  if (!slugSchema.safeParse(id).success) return `the ${what} id "${id}" must be lower-case letters, digits and single hyphens, e.g. "${slugify(id) || 'acme-audio'}"`;
  return what === 'sponsor' ? reservedIdProblem(id, choose(id)) : undefined;
}

/** Tiers a sponsor's `tier:` may name: those of the main programme (others go in programmeTiers). */
export function mainTiers(project: Project): Tier[] {
  return project.tiers.filter((t) => programmeOf(t) === 'main');
}

/** A main-programme tier by id or label (any case), or a sentence listing the valid ones with a did-you-mean. */
export function findTier(project: Project, value: string): Tier | string {
  const wanted = value.trim().toLowerCase();
  const tier = mainTiers(project).find((t) => t.id === wanted || t.label.toLowerCase() === wanted);
  if (tier) return tier;
  const ids = mainTiers(project).map((t) => t.id);
  return withSuggestion(`${unknown('tier', value)}; expected ${oneOf(ids)} (from ${contentPath(contentLayout.tiers)})`, closest(wanted, ids));
}

/**
 * A sponsor id that exists on disk, or a sentence with a did-you-mean; with none close, it ends
 * with `create`: how to add the sponsor where the question was asked.
 */
export function findSponsor(project: Project, value: string, create = 'create it first with npm run new:sponsor'): string | { error: string } {
  if (project.sponsorIds.includes(value)) return value;
  const best = closest(value, project.sponsorIds);
  const missing = `no sponsor "${value}" (no file ${contentPath(contentLayout.sponsors, `${value}.mdx`)})`;
  return { error: best ? withSuggestion(missing, best) : `${missing}; ${create}` };
}

/** Looks a value up in a vocabulary by id, label or alias, ignoring case, accents and punctuation. */
export function vocabularyLookup<T extends { id: string; label: string; aliases: string[] }>(items: readonly T[], extra: (item: T) => string[] = () => []) {
  const index = new Map<string, T>();
  for (const item of items) {
    for (const key of [item.id, item.label, ...item.aliases, ...extra(item)]) {
      index.set(key.toLowerCase(), item);
      index.set(slugify(key), item);
    }
  }
  return (value: string): T | undefined => index.get(value.trim().toLowerCase()) ?? index.get(slugify(value));
}

/** Did-you-mean over a vocabulary's ids and aliases. */
export function suggestFrom(items: readonly { id: string; aliases: string[] }[], value: string): string | undefined {
  return closest(slugify(value), items.flatMap((i) => [i.id, ...i.aliases]));
}

/** YYYY-MM-DD of today, or of BOOTHKIT_BUILD_DATE when set (tests, reproducible output). */
export const today = (): string => buildDate();

/** The day `months` after `day` (YYYY-MM-DD), clamped to the month's last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}
