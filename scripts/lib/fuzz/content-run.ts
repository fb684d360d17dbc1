/**
 * The content fuzzer: "a file check:content passes is one the build accepts", with the real build
 * as the judge. It copies the project, writes booths and roles made from the demo's by putting
 * values readers disagree on into their fields (dates, numbers, escapes, hidden characters,
 * markup, addresses of every shape, paths, lists where text belongs), runs the content check,
 * deletes what it refuses, checks again (nothing may be left) and builds what it accepted once.
 * The build and the site gate (npm run verify) must pass. Each case is made from its own seed (random.ts bodySeed), so any one can
 * be made again alone.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontMatter } from '../../../src/core/front-matter.ts';
import { contentLayout, contentPath } from '../../../src/core/project.ts';
import { checkContentAndCode } from '../../../src/lib/content-and-code-check.ts';
import { copyProject } from '../project-copy.ts';
import { bodySeed, seeded, type Random } from './random.ts';

/** Values written in place of a field's own, as YAML text: what one reader may take differently from another. */
export const hostileValues = [
  // Dates and times, as YAML 1.1 reads them and not
  '2020-01-01', '2020-01-01 10:00:00', '"2020-01-01"', '2020-13-45', '2021-02-29', '"2020-10-13T09:00:00-04:00"', '"2020-10-13T09:00:00"', '"2020-10-13T09:00:00+14:00"',
  // Numbers, booleans, nothing
  '0x1F', '0o17', '1e3', '.inf', '.nan', '-0', '-5', '0', '3.14', '99999999999999999999', 'yes', 'no', 'true', 'null', '~', '""', "''",
  // Escapes and characters that hide or reorder text
  '"a\\u202Eb"', '"x\\Ly"', '"nul\\0"', '"tab\\tx"', '"\\x7f"', '"\\u200b"', '"\\u00a0"', '"\\uE000"', '"a\\nb"',
  // Text of every script, length and markup
  '"café — über 中文 مرحبا"', '"😀🎸"', `"${'w'.repeat(3000)}"`, '"<b>bold</b> & <script>alert(1)</script>"', '"{x}"', '"${1}"', '"`x`"', '">x"', '"# heading"',
  // Addresses
  '"https://a.example@b.example/"', 'https://xn--80ak6aa92e.com/', '"https://example.com/ a"', '"javascript:alert(1)"', '"//evil.example/x"', '"mailto:x@example.com"', '"http://localhost:8080/"', '"https://example.com/#"',
  // Paths
  '"./lumen-audio/../lumen-audio/hero.jpg"', '"./lumen-audio/hero.jpg?x=1"', '"./lumen-audio/hero.JPG"', './lumen-audio/', '"/etc/passwd"', '"../../../../../../usr/share/pixmaps/debian-logo.png"', '"./spotify/logo.svg"',
  // Other shapes
  '[a, b]', '{a: 1}', '!!str 1', '"#sponsor-x"', '"100%"', '"50% 50% 50%"', '"0% 35%"', '"America/Toronto"', '"Mars/Base"', '"EUR"', '"eur"', 'dark', 'light',
] as const;

/** The field's own value changed a little, so that it still has the field's type and more cases pass the check. */
const derivedValues: ((value: string) => string)[] = [
  (v) => JSON.stringify(`${unquote(v)} <script>alert(1)</script>`),
  (v) => JSON.stringify(`${unquote(v)}\u00a0`),
  (v) => `"${unquote(v).replace(/"/g, '\\"')}\\u202E"`,
  (v) => `"\\u00a0${unquote(v).replace(/"/g, '\\"')}"`,
  (v) => JSON.stringify(`${unquote(v)} 😀 مرحبا`),
  (v) => JSON.stringify(unquote(v).toUpperCase()),
  (v) => JSON.stringify(`${unquote(v)}/`),
  (v) => JSON.stringify(`${unquote(v)}?utm_source=x`),
  (v) => JSON.stringify(unquote(v).replace(/\//, '/../')),
  (v) => JSON.stringify(unquote(v).repeat(30)),
  (v) => JSON.stringify(` ${unquote(v)} `),
  (v) => JSON.stringify(`${unquote(v)}&amp;{x}`),
  () => '"\\u00a0"',
  () => '"\\u200b\\u200b"',
];

/** A YAML scalar's text without its quotes (good enough for the fuzzer's variations). */
const unquote = (value: string) => value.replace(/^(["'])(.*)\1$/, '$2');

/** A `key: value` line of YAML, in a mapping or as a list item's first field. */
const fieldLine = /^(\s*(?:- )?)([A-Za-z][A-Za-z0-9_]*): (.+)$/;

/**
 * `yaml` with one to three changes, and the changes in words: mostly a `key: value` line given a
 * hostile or varied value; sometimes a line deleted or written twice (a field or list entry
 * gone or repeated), or a list emptied.
 */
export function mutateYaml(yaml: string, random: Random): { yaml: string; changed: string[] } {
  const lines = yaml.split('\n');
  const changed: string[] = [];
  for (let n = random.chance(0.7) ? 1 : 2 + random.int(2); n > 0; n--) {
    // Half the time a field of the file itself (name, title, summary…), which most pages show.
    const fields = lines.flatMap((line, i) => (fieldLine.test(line) ? [i] : []));
    const topLevel = fields.filter((i) => /^[A-Za-z]/.test(lines[i]!));
    const content = lines.flatMap((line, i) => (/^\s*[^\s#]/.test(line) ? [i] : []));
    const roll = random.next();
    if (roll < 0.1 && content.length > 0) {
      const [line] = lines.splice(random.pick(content), 1);
      changed.push(`deleted ${line!.trim()}`);
    } else if (roll < 0.2 && content.length > 0) {
      const i = random.pick(content);
      lines.splice(i, 0, lines[i]!);
      changed.push(`repeated ${lines[i]!.trim()}`);
    } else if (roll < 0.25) {
      const lists = lines.flatMap((line, i) => (/^[A-Za-z][A-Za-z0-9_]*:\s*$/.test(line) ? [i] : []));
      if (lists.length === 0) continue;
      const i = random.pick(lists);
      lines[i] = `${lines[i]!.trim()} []`;
      // The entries below it, now at the top of nothing, go too.
      while (i + 1 < lines.length && /^\s+\S|^\s*$/.test(lines[i + 1]!) && !/^[A-Za-z]/.test(lines[i + 1]!)) lines.splice(i + 1, 1);
      changed.push(`emptied ${lines[i]}`);
    } else if (fields.length > 0) {
      const i = random.pick(topLevel.length > 0 && random.chance(0.5) ? topLevel : fields);
      const [, indent, key, value] = fieldLine.exec(lines[i]!)!;
      lines[i] = `${indent}${key}: ${random.chance(0.5) ? random.pick(hostileValues) : random.pick(derivedValues)(value!)}`;
      changed.push(lines[i]!.trim());
    }
  }
  return { yaml: lines.join('\n'), changed };
}

export interface ContentCase {
  index: number;
  /** The file written, from the project root. */
  file: string;
  /** The demo file it was made from. */
  from: string;
  changed: string[];
}

export interface ContentFuzzReport {
  tried: number;
  accepted: ContentCase[];
  /** Problems left after the refused files were deleted: files the check passed alone but not together. */
  leftOver: string[];
  build: { status: number | null; errors: string[] };
  /** The site gate (npm run verify) over the build, when it passed. */
  gate: { status: number | null; problems: string[] };
  /** Accepted cases the build's errors name. */
  blamed: ContentCase[];
  seconds: number;
}

/**
 * Writes `count` cases into a copy of the project at `root`, half booths and half roles, keeps
 * what the content check accepts and builds it. The copy (its folder is returned) is removed unless `keep`.
 */
export async function fuzzContent(options: { root: string; count: number; seed: number; keep?: boolean }): Promise<ContentFuzzReport & { copy: string }> {
  const started = performance.now();
  const copy = copyProject(options.root, { prefix: 'fuzz-content', content: true, imageCache: true });
  const content = (...parts: string[]) => join(copy, contentPath(...parts));
  const booths = readdirSync(content(contentLayout.sponsors)).filter((name) => name.endsWith('.mdx'));
  const roles = readdirSync(content(contentLayout.roles)).flatMap((sponsor) => readdirSync(content(contentLayout.roles, sponsor)).map((name) => `${sponsor}/${name}`));
  const cases: ContentCase[] = [];
  for (let index = 0; index < options.count; index++) {
    const random = seeded(bodySeed(options.seed, index));
    if (random.chance(0.5)) {
      const from = random.pick(booths);
      const front = splitFrontMatter(readFileSync(content(contentLayout.sponsors, from), 'utf8'))!;
      // Old addresses are each booth's own, and a name too (pages are titled by it).
      const own = front.yaml.replace(/^legacyPermalinks:\n(?:\s+- .*\n?)*/m, '').replace(/^name: (.*)$/m, `name: $1 ${index}`);
      const { yaml, changed } = mutateYaml(own, random);
      const file = contentPath(contentLayout.sponsors, `fuzz-${index}.mdx`);
      writeFileSync(join(copy, file), `---\n${yaml}\n---\n${front.body}`);
      cases.push({ index, file, from: contentPath(contentLayout.sponsors, from), changed });
    } else {
      const from = random.pick(roles);
      const { yaml, changed } = mutateYaml(readFileSync(content(contentLayout.roles, from), 'utf8').replace(/^title: (.*)$/m, `title: $1 ${index}`), random);
      const file = contentPath(contentLayout.roles, from.split('/')[0]!, `fuzz-${index}.yaml`);
      writeFileSync(join(copy, file), yaml);
      cases.push({ index, file, from: contentPath(contentLayout.roles, from), changed });
    }
  }
  const refused = new Set((await checkContentAndCode(copy)).problems.map((p) => p.file));
  for (const c of cases) if (refused.has(c.file)) rmSync(join(copy, c.file));
  const accepted = cases.filter((c) => !refused.has(c.file));
  const leftOver = (await checkContentAndCode(copy)).problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);
  const run = (script: string, ...args: string[]) => spawnSync(process.execPath, [join(options.root, script), ...args], { cwd: copy, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' } });
  const built = run('node_modules/astro/bin/astro.mjs', 'build');
  const output = `${built.stdout}${built.stderr}`;
  // Astro writes an error after the page list without a line break: keep what follows "[ERROR]".
  const errorLines = built.status === 0 ? [] : output.split('\n').flatMap((line) => (/error/i.test(line) ? [line.slice(Math.max(0, line.indexOf('[ERROR]')))] : []));
  const named = new Set(errorLines.flatMap((line) => [...line.matchAll(/fuzz-(\d+)/g)].map((m) => Number(m[1]))));
  const errors = errorLines.slice(0, 20);
  const verified = built.status === 0 ? run('scripts/verify.ts') : undefined;
  const gateLines = verified && verified.status !== 0 ? `${verified.stdout}${verified.stderr}`.split('\n').filter((line) => /^\S.*\.(?:mdx|ya?ml) \(|✗/.test(line)) : [];
  for (const line of gateLines) for (const m of line.matchAll(/fuzz-(\d+)/g)) named.add(Number(m[1]));
  const blamed = accepted.filter((c) => named.has(c.index));
  if (!options.keep) rmSync(copy, { recursive: true, force: true });
  return { tried: cases.length, accepted, leftOver, build: { status: built.status, errors }, gate: { status: verified?.status ?? null, problems: gateLines.slice(0, 20) }, blamed, seconds: (performance.now() - started) / 1000, copy };
}
