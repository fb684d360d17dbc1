/**
 * Reads every content file from disk, validates it against the same schemas the build
 * uses, resolves every reference, and returns all problems at once with file and line.
 * Runs before the Astro build (see src/integrations/content-guard.ts) and from
 * `npm run check:content`, so both report identical messages.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseFrontmatter } from 'astro/markdown';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { conferenceSchema, type Conference } from '../schemas/conference.ts';
import { roleSchema, type RoleData } from '../schemas/role.ts';
import { coded, slug } from '../schemas/shared.ts';
import { sponsorSchema, type SponsorData } from '../schemas/sponsor.ts';
import { tierSchema, type Tier } from '../schemas/tier.ts';
import { areaSchema, locationSchema, type Area, type Location } from '../schemas/vocabulary.ts';
import { splitFrontMatter } from '../core/front-matter.ts';
import { readYamlAsBuild } from '../core/yaml.ts';
import { buildDate, contentDir as defaultContentDir, contentLayout } from '../core/project.ts';
import { clashingIds, slugify } from '../core/ids.ts';
import { buildModel, type Entry, type Model } from './model.ts';
import type { GuardOptions } from './mdx-guard/index.ts';
import { escapedHiddenCharacter, hiddenCharacterProblems } from './mdx-guard/characters.ts';
import { guardSource } from './mdx-guard/check.ts';
import { svgProblems } from './plain-svg.ts';
import type { Problem } from '../core/problems.ts';
import { trackingWarning } from '../core/urls.ts';
import { zodProblems } from './zod-problems.ts';
import { pictureFile, picturesInWords } from '../core/pictures.ts';

interface ParsedYaml {
  file: string;
  /** The check's reading: dates and times stay text, so their messages can quote them. */
  data: unknown;
  /** The build's reading (src/core/yaml.ts), which the schemas must accept too. */
  buildData: unknown;
  /** The syntax tree with positions, built on first use: only messages need it. */
  readonly doc: Document | undefined;
  readonly lines: LineCounter;
  /** Line of the YAML text's first line within the file (front matter starts at 2). */
  lineOffset: number;
}

export interface CheckResult {
  problems: Problem[];
  /** Not errors (the build passes), but likely oversights, e.g. a role that never closes. */
  warnings: Problem[];
  /** The resolved model, when every file parsed (problems may still exist). */
  model?: Model;
  counts: { sponsors: number; roles: number; files: number };
  /** The booth (.mdx) files read, absolute paths. */
  booths: string[];
}

/** Validates the content folder `contentDir` (default: the project's, src/core/project.ts) of the project at `root`. */
export function checkContent(root: string, options: { contentDir?: string; today?: string } = {}): CheckResult {
  const contentDir = resolve(root, options.contentDir ?? defaultContentDir);
  const rel = (path: string) => relative(root, path).split('\\').join('/');
  const problems: Problem[] = [];
  // Parsed files by path, so reference problems found after parsing can be given a line.
  const parsed = new Map<string, ParsedYaml>();
  let files = 0;

  function read(path: string, frontMatter: boolean, text = readText(path)): ParsedYaml | undefined {
    files++;
    const file = rel(path);
    const whole = text;
    // A booth's whole text, front matter included, goes through the MDX guard, which reports these.
    if (!frontMatter) problems.push(...hiddenCharacterProblems(text, file));
    let lineOffset = 1;
    if (frontMatter) {
      const front = splitFrontMatter(text);
      if (!front) {
        problems.push({ code: 'front-matter', file, line: 1, field: '(front matter)', message: 'the file must start with front matter between two "---" lines' });
        return undefined;
      }
      text = front.yaml;
      lineOffset = 2;
      // Astro ends front matter at the first line that starts with "---", even "---x: 1".
      const early = /^---/m.exec(text);
      if (early) {
        const line = text.slice(0, early.index).split('\n').length + 1;
        problems.push({ code: 'front-matter', file, line, field: '(front matter)', message: 'a line starting with "---" ends the front matter for the build, so what follows it would be read as booth text; indent it or put the value in quotes' });
        return undefined;
      }
    }
    // js-yaml reads 10,000 small files ~8x faster than \`yaml\`; its core schema keeps dates
    // as strings, as \`yaml\` does. \`yaml\` still writes the messages: syntax errors, and the
    // line of a field that fails a check (parsed only for a file that has a problem).
    let located: { doc: Document; lines: LineCounter } | undefined;
    const locate = () => {
      if (!located) {
        const lines = new LineCounter();
        located = { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false }), lines };
      }
      return located;
    };
    let data: unknown;
    try {
      data = loadYaml(text, { schema: CORE_SCHEMA }) ?? null;
    } catch {
      const { doc, lines } = locate();
      if (doc.errors.length > 0) {
        for (const error of doc.errors) {
          const line = lines.linePos(error.pos[0]).line + lineOffset - 1;
          problems.push({ code: 'yaml-syntax', file, line, field: '(YAML syntax)', message: error.message.split('\n')[0]! });
        }
        return undefined;
      }
      // A tag js-yaml refuses and `yaml` only warns about (!!js/function, !custom): the readers
      // of the build disagree on it, and no field needs one.
      if (doc.warnings.length > 0) {
        for (const warning of doc.warnings) {
          const line = lines.linePos(warning.pos[0]).line + lineOffset - 1;
          const tag = warning.code === 'TAG_RESOLVE_FAILED' ? /tag:\s*(\S+)/i.exec(warning.message)?.[1] : undefined;
          const message = tag ? `the YAML tag ${tag.replace(/^tag:yaml\.org,2002:/, '!!')} is not one content files use; delete it and write the value as plain text` : warning.message.split('\n')[0]!;
          problems.push({ code: 'yaml-syntax', file, line, field: '(YAML syntax)', message });
        }
        return undefined;
      }
      try {
        data = doc.toJS();
      } catch (error) {
        // An alias to an anchor set nowhere before it ("*logo" without "&logo"), or a bomb.
        const reason = (error as Error).message.split('\n')[0]!;
        const alias = /alias.*: (\S+)$/i.exec(reason)?.[1];
        const at = alias ? new RegExp(`\\*${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).exec(text)?.index : undefined;
        const line = (at === undefined ? 1 : text.slice(0, at).split('\n').length) + lineOffset - 1;
        const fix = alias ? `; set the anchor first (&${alias} before *${alias}), or write the value out` : '';
        problems.push({ code: 'yaml-syntax', file, line, field: '(YAML syntax)', message: `${reason}${fix}` });
        return undefined;
      }
    }
    let buildData: unknown;
    try {
      buildData = frontMatter ? parseFrontmatter(whole).frontmatter : (readYamlAsBuild(text) ?? null);
    } catch (error) {
      // The readers agree on syntax; what is left is the build's limit on aliases (a YAML bomb).
      const linePos = (error as { linePos?: { line: number }[] }).linePos;
      const line = linePos?.[0] ? linePos[0].line + lineOffset - 1 : 1;
      const reason = (error as Error).message.split('\n')[0]!;
      problems.push({ code: 'yaml-syntax', file, line, field: '(YAML syntax)', message: `the build cannot read this file: ${reason}${/alias/i.test(reason) ? '; write the values out instead of repeating them with * aliases' : ''}` });
      return undefined;
    }
    const source: ParsedYaml = {
      file,
      data,
      buildData,
      lineOffset,
      get doc() {
        return locate().doc;
      },
      get lines() {
        return locate().lines;
      },
    };
    const escaped = escapedCharacters(buildData, whole);
    for (const { field, described } of escaped) {
      problems.push(withLine({ code: 'hidden-character', file, field, message: `holds ${described}, written with an escape in quotes: invisible characters can make the text read one way to people and another to the build; delete the escape` }, source, []));
    }
    if (escaped.length > 0) return undefined;
    parsed.set(file, source);
    return source;
  }

  function validate<S extends z.ZodType>(source: ParsedYaml, schema: S, data: unknown = source.data, basePath: (string | number)[] = []): z.output<S> | undefined {
    // In a list file, name the entry: "[0].price.currency".
    const inEntry = (field: string) => (basePath.length ? `${basePath.map((k) => `[${k}]`).join('')}${field.startsWith('[') ? '' : '.'}${field}` : field);
    const result = schema.safeParse(data);
    if (!result.success) {
      for (const problem of zodProblems(source.file, schema, result.error.issues, data)) problems.push(withLine({ ...problem, field: inEntry(problem.field) }, source, []));
      return undefined;
    }
    // The build validates its own reading; where the two differ (a date YAML reads as a Date
    // where the field takes text), say so here rather than let the build fail.
    const buildData = basePath.reduce<unknown>((value, key) => (value as Record<string | number, unknown> | undefined)?.[key], source.buildData);
    const built = schema.safeParse(buildData);
    const difference = built.success ? firstDifference(result.data, built.data) : firstDifference(data, buildData);
    if (built.success && difference === undefined) return result.data;
    const field = inEntry(difference ?? '');
    problems.push(withLine({ code: 'read-differently', file: source.file, field: field || '(file)', message: readDifferently(difference === undefined ? undefined : valueAt(buildData, difference)) }, source, []));
    return undefined;
  }

  function requireFile(name: string): ParsedYaml | undefined {
    const path = join(contentDir, name);
    if (!existsSync(path)) {
      problems.push({ code: 'missing-file', file: rel(path), field: '(file)', message: 'this file is missing; every boothkit site needs it (see docs/authoring.md)' });
      return undefined;
    }
    return read(path, false);
  }

  const invalidIds = { tiers: [] as string[], sponsors: [] as string[] };

  function list<T>(name: string, schema: z.ZodType<T>, invalid: string[] = []): T[] {
    const source = requireFile(name);
    if (!source) return [];
    if (!Array.isArray(source.data)) {
      problems.push({ code: 'not-a-list', file: source.file, line: 1, field: '(file)', message: 'expected a YAML list of entries, each starting with "- id: …"' });
      return [];
    }
    return source.data.flatMap((item, i) => {
      const value = validate(source, schema as z.ZodType, item, [i]);
      if (value === undefined && typeof item?.id === 'string') invalid.push(item.id);
      return value === undefined ? [] : [value as T];
    });
  }

  const conferenceSource = requireFile(contentLayout.conference);
  const conference: Conference | undefined = conferenceSource && validate(conferenceSource, conferenceSchema);
  const tiers = list<Tier>(contentLayout.tiers, tierSchema, invalidIds.tiers);
  const areas = list<Area>(contentLayout.areas, areaSchema);
  const locations = list<Location>(contentLayout.locations, locationSchema);

  const sponsors: Entry<SponsorData>[] = [];
  const booths: string[] = [];
  const sponsorsDir = join(contentDir, contentLayout.sponsors);
  // One schema for all sponsor files (building a zod schema costs more than using it: 2 s
  // at 1,000 sponsors); its file checks resolve paths against the file being validated.
  let sponsorDir = sponsorsDir;
  const sponsorCheck = sponsorSchema(() => localImage(() => sponsorDir), () => localFile(() => sponsorDir));
  for (const { name, id, misnamed } of contentFiles(sponsorsDir, fileKinds.sponsor)) {
    const path = join(sponsorsDir, name);
    const text = readText(path);
    const source = read(path, true, text);
    // The MDX guard reads the body even when the front matter is wrong: all errors at once.
    if (name.endsWith('.mdx')) {
      booths.push(path);
      problems.push(...guardSource(text, rel(path), guardOptions(path, source?.data)));
    }
    if (!source) {
      invalidIds.sponsors.push(id);
      continue;
    }
    if (!misnamed) checkFileName(source, id, 'sponsor');
    sponsorDir = dirname(path);
    const data = validate(source, sponsorCheck);
    // Outside Astro, image fields hold checked paths; the model never reads them.
    if (data && !misnamed) sponsors.push({ id, file: source.file, data: data as unknown as SponsorData });
    else invalidIds.sponsors.push(id);
  }

  // The build reads booths from the sponsors folder itself, not from the folders below it.
  for (const path of filesInSubfolders(sponsorsDir, /\.mdx$/i)) {
    problems.push({ code: 'unread-file', file: rel(join(sponsorsDir, path)), field: '(file name)', message: `the build reads booth files only directly in ${rel(sponsorsDir)}/, so this one would be missing from the site; move it there` });
  }

  const roles: Entry<RoleData>[] = [];
  const rolesDir = join(contentDir, contentLayout.roles);
  for (const folder of listFiles(rolesDir, null)) {
    const folderPath = join(rolesDir, folder);
    if (!statSync(folderPath).isDirectory()) {
      problems.push({ code: 'role-outside-folder', file: rel(folderPath), field: '(file)', message: 'role files belong in a folder named after the sponsor: roles/<sponsor-id>/<role-id>.yaml' });
      continue;
    }
    for (const path of filesInSubfolders(folderPath, fileKinds.role.candidate)) {
      problems.push({ code: 'unread-file', file: rel(join(folderPath, path)), field: '(file name)', message: `the build reads role files only directly in ${rel(folderPath)}/, so this one would be missing from the site; move it there` });
    }
    for (const { name, id, misnamed } of contentFiles(folderPath, fileKinds.role)) {
      const source = read(join(folderPath, name), false);
      if (!source) continue;
      if (!misnamed) checkFileName(source, id, 'role');
      const data = validate(source, roleSchema);
      if (data && !misnamed) roles.push({ id: `${folder}/${id}`, file: source.file, data });
    }
  }

  // A link in the content folder could lead the build to any file of the machine that builds
  // the site (a private picture, published as a booth's image): content is files only.
  for (const path of symbolicLinks(contentDir)) {
    problems.push({ code: 'symbolic-link', file: rel(path), field: '(file)', message: 'is a symbolic link; the content folder holds files only, as a link could publish any file of the machine that builds the site: replace it with a copy of the file' });
  }

  // Every SVG under the content folder, referenced or not: the site serves such a file from
  // its own address, where a script in it would run for anyone who opens it.
  for (const path of svgFiles(contentDir)) {
    for (const reason of svgProblems(readText(path))) {
      problems.push({ code: 'unsafe-svg', file: rel(path), field: '(file)', message: `${reason}; an SVG must be a plain drawing: export it again as plain SVG, or use a PNG` });
    }
  }

  function checkFileName(source: ParsedYaml, id: string, what: string) {
    if (!slug.safeParse(id).success) {
      problems.push({ code: 'file-name', file: source.file, field: '(file name)', message: `the ${what} file name "${id}" becomes its URL; use lower-case letters, digits and hyphens, e.g. "${slugify(id) || 'acme-audio'}"` });
    }
  }

  /**
   * The content files of a folder, each with the id its name gives. Two files that give one
   * id (compared ignoring case and extension, as a web server and Astro would) and a file
   * the build would not read (e.g. "acme.md") are problems; such files are still checked,
   * but left out of the model, so the rest of the check does not report them again.
   */
  function contentFiles(dir: string, kind: FileKind): { name: string; id: string; misnamed: boolean }[] {
    const found = listFiles(dir, kind.candidate).map((name) => ({ name, id: name.replace(kind.candidate, ''), misnamed: false }));
    for (const group of clashingIds(found, (f) => f.id)) {
      const names = group.map((f) => `"${f.name}"`);
      const list = `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
      const last = group.at(-1)!;
      problems.push({ code: 'same-name', file: rel(join(dir, last.name)), field: '(file name)', message: `${list} are the same ${kind.what} "${last.id.toLowerCase()}" (file names are compared ignoring case and extension); keep one and delete or rename the others` });
      for (const f of group) f.misnamed = true;
    }
    for (const f of found) {
      if (f.misnamed || kind.read.test(f.name)) continue;
      problems.push({ code: 'unread-file', file: rel(join(dir, f.name)), field: '(file name)', message: `the build reads only ${kind.extensions} ${kind.what} files, so this one would be missing from the site; rename it to "${slugify(f.id) || f.id}${kind.rename}"` });
      f.misnamed = true;
    }
    return found;
  }

  const counts = { sponsors: sponsors.length, roles: roles.length, files };
  if (!conference) return { problems, warnings: [], counts, booths };
  const today = options.today ?? buildDate();
  const files_ = {
    tiers: rel(join(contentDir, contentLayout.tiers)),
    areas: rel(join(contentDir, contentLayout.areas)),
    locations: rel(join(contentDir, contentLayout.locations)),
  };
  const { model, problems: refProblems } = buildModel({ conference, tiers, areas, locations, sponsors, roles, files: files_, invalidIds, publicNames: listFiles(join(root, 'public'), null) }, today);
  problems.push(...refProblems.map((p) => lineFor(p)));
  const warnings = [...roleWarnings(roles), ...trackingWarnings(sponsors, roles)].map((p) => lineFor(p));
  return { problems, warnings, model, counts, booths };

  /** Adds the line of the field a cross-reference problem names, from the parsed file. */
  function lineFor(problem: Problem): Problem {
    const source = parsed.get(problem.file);
    return source ? withLine(problem, source, []) : problem;
  }
}

/** Roles that pass every check but will likely mislead applicants later. */
function roleWarnings(roles: Entry<RoleData>[]): Problem[] {
  const warnings: Problem[] = [];
  for (const { file, data } of roles) {
    if (data.draft || data.status === 'filled' || data.status === 'closed') continue;
    if (!data.validThrough) {
      warnings.push({ code: 'no-closing-date', file, field: 'validThrough', message: 'is missing; without a closing date a role stays listed as open, apply link and all, until someone deletes it. Add validThrough: YYYY-MM-DD' });
    } else if (data.validThrough < data.datePosted) {
      warnings.push({ code: 'closes-before-posting', file, field: 'validThrough', message: `is ${data.validThrough}, before datePosted ${data.datePosted}; the role was closed the day it was posted` });
    }
  }
  return warnings;
}

/** Apply links may carry tracking parameters (see applyLink in src/schemas/links.ts): say so, once per link. */
function trackingWarnings(sponsors: Entry<SponsorData>[], roles: Entry<RoleData>[]): Problem[] {
  const applyLinks = [
    ...sponsors.filter(({ data }) => !data.draft).map(({ file, data }) => [file, 'careersUrl', data.careersUrl] as const),
    ...roles
      .filter(({ data }) => !data.draft)
      .flatMap(({ file, data }) => [[file, 'applyUrl', data.applyUrl] as const, ...data.locations.map((l, i) => [file, `locations[${i}].applyUrl`, l.applyUrl] as const)]),
  ];
  return applyLinks.flatMap(([file, field, url]) => {
    const message = url === undefined ? undefined : trackingWarning(url);
    return message ? [{ code: 'tracking-on-apply-link' as const, file, field, message }] : [];
  });
}

/** A text file without the byte order mark some editors (Windows Notepad) write first. */
function readText(path: string): string {
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
}

/** Which files of a content folder are entries: the names the build reads, and near misses to report. */
interface FileKind {
  what: string;
  /** Names that look like entries of this kind, the extension matched for removal (any case). */
  candidate: RegExp;
  /** Names the build reads. */
  read: RegExp;
  /** For messages: the extensions read, and the one to rename to. */
  extensions: string;
  rename: string;
}

const fileKinds = {
  // src/content.config.ts: sponsors are *.mdx, roles */*.{yaml,yml}.
  sponsor: { what: 'sponsor', candidate: /\.(mdx?|markdown)$/i, read: /\.mdx$/, extensions: '.mdx', rename: '.mdx' },
  role: { what: 'role', candidate: /\.ya?ml$/i, read: /\.ya?ml$/, extensions: '.yaml and .yml', rename: '.yaml' },
} satisfies Record<string, FileKind>;

function withLine(problem: Problem, source: ParsedYaml, basePath: (string | number)[]): Problem {
  if (problem.line || !source.doc) return problem;
  const path = [...basePath, ...problem.field.split(/\.|\[(\d+)\]/).filter(Boolean).map((k) => (/^\d+$/.test(k) ? Number(k) : k))];
  // Walk down as far as the path exists; a missing field is reported at its parent.
  let node: unknown = source.doc.contents;
  let offset: number | undefined = (node as { range?: number[] })?.range?.[0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === key);
      if (!pair) break;
      offset = (pair.key as { range?: number[] })?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      node = node.items[key];
      offset = (node as { range?: number[] }).range?.[0] ?? offset;
    } else break;
  }
  if (offset === undefined) return problem;
  return { ...problem, line: source.lines.linePos(offset).line + source.lineOffset - 1 };
}

/** The names in `dir` (not hidden); with a `pattern`, the files whose names match it. */
function listFiles(dir: string, pattern: RegExp | null): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && (pattern === null || (entry.isFile() && pattern.test(entry.name))))
    .map((entry) => entry.name)
    .sort();
}

/** Files matching `pattern` in the folders below `dir` (not in `dir` itself), as paths from `dir`. */
function filesInSubfolders(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => /[\\/]/.test(path) && pattern.test(path) && !path.split(/[\\/]/).some((part) => part.startsWith('.')) && statSync(join(dir, path)).isFile())
    .sort();
}

/** The symbolic links under `dir`, at any depth. */
function symbolicLinks(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((path) => join(dir, path))
    .filter((path) => lstatSync(path).isSymbolicLink())
    .sort();
}

/** The SVG files below `dir`, at any depth, in a stable order. */
function svgFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.svg$/i.test(path) && !path.split(/[\\/]/).some((part) => part.startsWith('.')))
    .sort()
    .map((path) => join(dir, path))
    .filter((path) => statSync(path).isFile());
}

/**
 * Outside Astro a local image is a path to an existing file in the sponsors folder. A path that
 * leaves it is refused: the build would publish whatever picture it names on the machine that
 * builds the site.
 */
function localImage(dirOf: () => string) {
  return z.string().superRefine((value, ctx) => {
    const dir = dirOf();
    if (/^[a-z]+:/i.test(value) || value.startsWith('//')) {
      ctx.addIssue({ code: 'custom', message: `is "${value}"; images must be local files next to the sponsor file (download it and write e.g. "./sponsor-id/logo.svg"), not links`, ...coded('remote-image') });
    } else if (!resolve(dir, value).startsWith(dir + sep)) {
      ctx.addIssue({ code: 'custom', message: `is "${value}", which leads out of the sponsors folder; keep the image beside the sponsor file and write the path from it, e.g. "./sponsor-id/logo.svg"`, ...coded('file-path') });
    } else if (!existsSync(resolve(dir, value))) {
      ctx.addIssue({ code: 'custom', message: `is "${value}"; no such file (paths are relative to the sponsor file, e.g. "./sponsor-id/logo.svg")`, ...coded('no-such-file') });
    } else if (!statSync(resolve(dir, value)).isFile() || !pictureFile.test(value)) {
      ctx.addIssue({ code: 'custom', message: `is "${value}", which is not a picture file; expected a ${picturesInWords} file, e.g. "./sponsor-id/logo.svg"`, ...coded('file-type') });
    }
  });
}

/** What the MDX guard checks a sponsor body against: its media ids and the files beside it. */
function guardOptions(path: string, data: unknown): GuardOptions {
  const media = (data as { media?: unknown } | undefined)?.media;
  const mediaIds = Array.isArray(media) ? media.flatMap((m: { id?: unknown }) => (typeof m?.id === 'string' ? [m.id] : [])) : [];
  return { mediaIds, fileExists: (file) => existsSync(resolve(dirname(path), decodeURI(file))) };
}

/** A local video, captions or document file next to the sponsor file (hot-linking is refused). */
function localFile(dirOf: () => string) {
  return z.string().superRefine((value, ctx) => {
    const dir = dirOf();
    if (/^[a-z]+:/i.test(value) || value.startsWith('//')) {
      ctx.addIssue({ code: 'custom', message: `is "${value}"; expected a file next to the sponsor file, e.g. "./sponsor-id/demo.mp4"; for a video on a platform use platform: and url:`, ...coded('remote-file') });
    } else if (!value.startsWith('./') || value.includes('..')) {
      ctx.addIssue({ code: 'custom', message: `is "${value}"; write the path from the sponsor file, starting with "./", e.g. "./sponsor-id/demo.mp4"`, ...coded('file-path') });
    } else if (!existsSync(resolve(dir, value)) || !statSync(resolve(dir, value)).isFile()) {
      ctx.addIssue({ code: 'custom', message: `is "${value}"; no such file (paths are relative to the sponsor file, e.g. "./sponsor-id/demo.mp4")`, ...coded('no-such-file') });
    }
  });
}

/** A field path as messages write it: "events[0].title". */
function fieldPath(path: (string | number)[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** Every text (key or value) of a file's reading that holds a hidden character its text does not show. */
function escapedCharacters(value: unknown, text: string, path: (string | number)[] = []): { field: string; described: string }[] {
  if (typeof value === 'string') {
    const described = escapedHiddenCharacter(value, text);
    return described ? [{ field: fieldPath(path) || '(file)', described }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => escapedCharacters(item, text, [...path, i]));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, item]) => {
      const described = escapedHiddenCharacter(key, text);
      return described ? [{ field: fieldPath([...path, key]), described }] : escapedCharacters(item, text, [...path, key]);
    });
  }
  return [];
}

/** Where two readings of a file first differ, as a field path ("" for the whole value), or undefined when they are equal. */
function firstDifference(a: unknown, b: unknown, path: (string | number)[] = []): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  const container = (v: unknown) => v !== null && typeof v === 'object' && !(v instanceof Date);
  if (container(a) && container(b) && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a as object), ...Object.keys(b as object)])];
    for (const key of keys) {
      const k = Array.isArray(a) ? Number(key) : key;
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], [...path, k]);
      if (found !== undefined) return found;
    }
  }
  return fieldPath(path);
}

function valueAt(data: unknown, field: string): unknown {
  return field
    .split(/\.|\[(\d+)\]/)
    .filter(Boolean)
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], data);
}

/** Why the build would read a value the check accepts differently, and the fix. */
function readDifferently(buildValue: unknown): string {
  if (buildValue instanceof Date) {
    return `YAML reads this value as a date and time (${buildValue.toISOString()}) when the site is built, not as the text it shows; put it in quotes`;
  }
  return 'the build reads this value differently from the check (YAML gives it another type); put it in quotes as plain text, or write it as docs/authoring.md shows';
}

