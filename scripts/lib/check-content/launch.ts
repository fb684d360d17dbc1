/**
 * What is left before launch: every stand-in an authoring command marked (`standIns:` in
 * sponsor files, role files, tiers.yaml and conference.yaml) whose field still holds it.
 * A marker names the field and the stand-in value, so fixing the field is what clears it;
 * a marker whose field was fixed is listed as one that can go, and never blocks the launch.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { contentLayout } from '../../../src/core/project.ts';
import type { StandIn } from '../../../src/schemas/stand-ins.ts';
import { standInMark } from '../placeholder-svg.ts';
import { splitFrontMatter } from '../../../src/core/front-matter.ts';

export interface LaunchEntry {
  /** "Spotify", "conference.yaml", "tier Gold". */
  title: string;
  /** Project-relative path of the file holding the markers. */
  file: string;
  left: StandIn[];
  /** Markers whose field no longer holds the stand-in: the lines can be deleted. */
  done: StandIn[];
}

export interface LaunchGroup {
  title: string;
  /** The conference and its tiers, rather than a sponsor. */
  conference: boolean;
  entries: LaunchEntry[];
}

/** The value at "logo.src" or "locations[0].applyUrl" of parsed YAML. */
function valueAt(data: unknown, field: string): unknown {
  let node = data;
  for (const key of field.split(/\.|\[(\d+)\]/).filter(Boolean)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[/^\d+$/.test(key) ? Number(key) : key];
  }
  return node instanceof Date ? node.toISOString().slice(0, 10) : node;
}

/** A stand-in path ("./acme/logo.svg") is replaced once the file there is no longer the generated one. */
function stillGenerated(value: StandIn['value'], dir: string): boolean {
  if (typeof value !== 'string' || !value.startsWith('./')) return true;
  const path = resolve(dir, value);
  return existsSync(path) && readFileSync(path, 'utf8').includes(standInMark);
}

/** Whether the field still holds the stand-in; `body` (a sponsor's booth text) holds it while it contains it. */
export function isLeft(item: StandIn, data: unknown, body: string | undefined, dir: string): boolean {
  if (item.field === 'body' && body !== undefined) {
    if (item.value === undefined) return body.trim() === '';
    return body.includes(String(item.value)) && stillGenerated(item.value, dir);
  }
  const current = valueAt(data, item.field);
  if (item.value === undefined) return current === undefined || current === null || current === '';
  return current === item.value && stillGenerated(item.value, dir);
}

function markers(data: unknown): StandIn[] {
  const list = (data as { standIns?: unknown } | null)?.standIns;
  return Array.isArray(list) ? (list as StandIn[]) : [];
}

function entry(root: string, path: string, title: string, data: unknown, body?: string): LaunchEntry | undefined {
  const all = markers(data);
  if (all.length === 0) return undefined;
  const dir = dirname(path);
  const left = all.filter((m) => isLeft(m, data, body, dir));
  return { title, file: relative(root, path).split('\\').join('/'), left, done: all.filter((m) => !left.includes(m)) };
}

const files = (dir: string, pattern: RegExp) => (existsSync(dir) ? readdirSync(dir).filter((n) => pattern.test(n)).sort() : []);

/**
 * The stand-ins of a content folder, by what they belong to: the conference and its tiers
 * first, then each sponsor with its roles. Reads files the content check has passed.
 */
export function launchReport(root: string, contentDir: string): LaunchGroup[] {
  const content = resolve(root, contentDir);
  const groups: LaunchGroup[] = [];
  const read = (path: string) => (existsSync(path) ? parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) : undefined);

  const site: LaunchEntry[] = [];
  const conferencePath = join(content, contentLayout.conference);
  const conference = entry(root, conferencePath, 'the conference', read(conferencePath));
  if (conference) site.push(conference);
  const tiersPath = join(content, contentLayout.tiers);
  const tiers = read(tiersPath);
  for (const tier of Array.isArray(tiers) ? tiers : []) {
    const found = entry(root, tiersPath, `tier ${String(tier?.label ?? tier?.id)}`, tier);
    if (found) site.push(found);
  }
  if (site.length) groups.push({ title: 'The conference', conference: true, entries: site });

  const sponsorsDir = join(content, contentLayout.sponsors);
  const rolesDir = join(content, contentLayout.roles);
  for (const name of files(sponsorsDir, /\.mdx$/)) {
    const path = join(sponsorsDir, name);
    const front = splitFrontMatter(readFileSync(path, 'utf8'));
    if (!front) continue;
    const data = parse(front.yaml) as Record<string, unknown> | null;
    const id = name.replace(/\.mdx$/, '');
    const title = typeof data?.['name'] === 'string' ? data['name'] : id;
    const entries: LaunchEntry[] = [];
    const own = entry(root, path, title, data, front.body);
    if (own) entries.push(own);
    const roleFolder = join(rolesDir, id);
    if (existsSync(roleFolder) && statSync(roleFolder).isDirectory()) {
      for (const roleName of files(roleFolder, /\.ya?ml$/)) {
        const rolePath = join(roleFolder, roleName);
        const role = read(rolePath) as Record<string, unknown> | null;
        const found = entry(root, rolePath, `role "${String(role?.['title'] ?? roleName)}"`, role);
        if (found) entries.push(found);
      }
    }
    if (entries.length) groups.push({ title, conference: false, entries });
  }
  return groups;
}

/** How a marker reads in the list: the field, the stand-in, what belongs there. */
export function describeStandIn(item: StandIn): string {
  const value = item.value === undefined ? 'empty' : typeof item.value === 'string' ? `"${item.value.length > 70 ? `${item.value.slice(0, 67)}…` : item.value}"` : String(item.value);
  return `${item.field}: ${value}; ${item.note}`;
}
