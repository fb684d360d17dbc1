/**
 * The tests' throw-away copies of the project (scripts/lib/project-copy.ts, the bench's too): a
 * copy a test may break on purpose, run the authoring commands in and build for real, without
 * touching the working tree.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { copyProject } from '../../scripts/lib/project-copy.ts';
import { splitFrontMatter } from '../../src/core/front-matter.ts';
import { contentDir } from '../../src/core/project.ts';

export const projectRoot = join(import.meta.dirname, '..', '..');

const quietEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };

/** Runs `node scripts/<script>.ts …args` of this project with `cwd` as the project root, without a terminal. */
export function runScript(script: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', `${script}.ts`), ...args], { cwd, encoding: 'utf8', env: { ...quietEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A copy of the project: the config, src (the demo content included), the commands and
 * templates, with node_modules linked and the image transforms of the last build; or, with
 * `contentOnly`, src/content alone, for tests of the content check, which build nothing.
 */
export function projectCopy(options: { contentOnly?: boolean } = {}) {
  const root = copyProject(projectRoot, options.contentOnly ? { prefix: 'content', contentOnly: true } : { prefix: 'project', content: true, commands: true, imageCache: true });
  const content = (...parts: string[]) => join(root, contentDir, ...parts);
  return {
    root,
    /** A path in the copy's src/content. */
    content,
    read: (file: string) => readFileSync(content(file), 'utf8'),
    write(file: string, text: string) {
      mkdirSync(dirname(content(file)), { recursive: true });
      writeFileSync(content(file), text);
    },
    /** Replaces `from` (which must occur) in a content file. */
    edit(file: string, from: string | RegExp, to: string) {
      const text = readFileSync(content(file), 'utf8');
      const next = text.replace(from, to);
      if (next === text) throw new Error(`edit: "${from}" not found in ${file}`);
      writeFileSync(content(file), next);
    },
    /** Runs `node scripts/<script>.ts …args` in the copy, without a terminal. */
    run: (script: string, args: string[], env: Record<string, string> = {}) => runScript(script, args, root, env),
    /** A real production build of the copy. */
    build(extraEnv: Record<string, string> = {}) {
      const astro = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
      const result = spawnSync(process.execPath, [astro, 'build'], { cwd: root, encoding: 'utf8', env: { ...quietEnv, ...extraEnv } });
      return { status: result.status, output: result.stdout + result.stderr };
    },
    dist: (...parts: string[]) => join(root, 'dist', ...parts),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export type ProjectCopy = ReturnType<typeof projectCopy>;

/** Adds a booth to a copy: the demo's Cadence Audio front matter under another name, then "## Booth" and `body`. */
export function addBooth(copy: ProjectCopy, id: string, body: string): void {
  const { yaml } = splitFrontMatter(copy.read('sponsors/cadence-audio.mdx'))!;
  copy.write(`sponsors/${id}.mdx`, `---\n${yaml.replace(/^name: .*$/m, `name: Booth ${id}`)}\n---\n\n## Booth\n\n${body}\n`);
}

/** The line of an added booth's first line of text (after "## Booth" and a blank line). */
export const bodyLine = (copy: ProjectCopy, id: string) => copy.read(`sponsors/${id}.mdx`).split('\n').indexOf('## Booth') + 3;

/** A folder where code that should never run leaves a file if it does. */
export function markers() {
  const dir = mkdtempSync(join(tmpdir(), 'boothkit-markers-'));
  return {
    /** JavaScript that writes the file `name` when it runs. */
    leave: (name: string) => `globalThis.process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(join(dir, name))}, "ran")`,
    /** The files written: the code that ran. */
    ran: () => readdirSync(dir),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
