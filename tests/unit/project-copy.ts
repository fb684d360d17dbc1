/**
 * A throw-away copy of the whole project (config, src, scripts, templates) with
 * node_modules linked, so a test can run the authoring commands and a real `astro build`
 * on it without touching the working tree.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkNodeModules } from '../../scripts/lib/linked-modules.ts';
import { projectRoot } from '../helpers.ts';
import { splitFrontMatter } from '../../src/lib/front-matter.ts';

const quietEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };

/** Runs `node scripts/<script>.ts …args` of this project with `cwd` as the project root, without a terminal. */
export function runScript(script: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', `${script}.ts`), ...args], { cwd, encoding: 'utf8', env: { ...quietEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function projectCopy() {
  const root = mkdtempSync(join(tmpdir(), 'boothkit-project-'));
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'scripts', 'templates']) {
    if (existsSync(join(projectRoot, entry))) cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
  }
  linkNodeModules(projectRoot, root);
  // The image transforms of the project's own last build, when there was one: files named by
  // the hash of their source and settings, so a copy reuses them safely and its build skips
  // re-encoding the demo's photos (7.5 s -> 3 s a build). The rest of Astro's cache (the
  // content store) stays the copy's own.
  const transforms = join(projectRoot, 'node_modules', '.astro', 'assets');
  if (existsSync(transforms)) cpSync(transforms, join(root, 'node_modules', '.astro', 'assets'), { recursive: true });
  return {
    root,
    content: (...parts: string[]) => join(root, 'src', 'content', ...parts),
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

/** Adds a booth to a copy: the demo's Cadence Audio front matter under another name, then "## Booth" and `body`. */
export function addBooth(copy: ReturnType<typeof projectCopy>, id: string, body: string): void {
  const { yaml } = splitFrontMatter(readFileSync(copy.content('sponsors/cadence-audio.mdx'), 'utf8'))!;
  writeFileSync(copy.content(`sponsors/${id}.mdx`), `---\n${yaml.replace(/^name: .*$/m, `name: Booth ${id}`)}\n---\n\n## Booth\n\n${body}\n`);
}

/** The line of an added booth's first line of text (after "## Booth" and a blank line). */
export const bodyLine = (copy: ReturnType<typeof projectCopy>, id: string) => readFileSync(copy.content(`sponsors/${id}.mdx`), 'utf8').split('\n').indexOf('## Booth') + 3;

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
