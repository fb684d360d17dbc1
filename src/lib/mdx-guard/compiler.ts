/**
 * How a booth's MDX is compiled, defined once. astro.config.mjs builds the site with
 * `boothMdx()` and `markdownSettings`; the content check and the intake compile every booth
 * through the same integration's own Vite plugins (`boothCompiler()`), then hold the emitted
 * module against the grammar of emitted.ts, as the build does with `emittedCodeGuard()`. So a
 * booth that passes the content check is one whose compiled code has been read and found inert.
 */
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { ContentError, type Problem } from '../../core/problems.ts';
import { splitFrontMatter } from '../../core/front-matter.ts';
import { pageLayout } from '../site-settings.ts';
import { elementLines, emittedProblems, lineAt } from './emitted.ts';
import { mdxGuardPlugin } from './plugin.ts';

/**
 * astro.config.mjs `markdown`, which MDX extends. Shiki colours code with style=""
 * attributes, which the policy forbids, so code blocks stay plain <pre><code>. GFM and smart
 * punctuation keep their defaults (on): Astro 7 deprecates setting them here.
 */
export const markdownSettings = { syntaxHighlight: false } as const;

/**
 * The MDX integration with the source guard (plugin.ts) in Sätteri's pipeline. `sourceGuard:
 * false` leaves the guard out, for the fuzzer, which measures the emitted-code check alone.
 */
export function boothMdx(root: string, { sourceGuard = true } = {}): AstroIntegration {
  return mdx({ processor: satteri({ mdastPlugins: sourceGuard ? [mdxGuardPlugin(root)] : [] }) });
}

interface TransformPlugin {
  name: string;
  configResolved?: (config: unknown) => void;
  transform?: { handler: (this: unknown, code: string, id: string) => Promise<{ code: string } | string | undefined> | { code: string } | string | undefined };
}

export interface BoothCompiler {
  /** The module the build makes of the .mdx file at `path` (its whole text, front matter included). */
  compile(text: string, path: string): Promise<string>;
}

/**
 * Compiles booths as `astro build` does: the MDX integration is set up through its own hooks
 * with the site's settings, and its Vite plugins (the compiler, then Astro's post-processing)
 * transform the file in order, as Vite would.
 */
export async function boothCompiler(root: string, options: { sourceGuard?: boolean; base?: string; site?: string } = {}): Promise<BoothCompiler> {
  const plugins: TransformPlugin[] = [];
  const config = {
    root: pathToFileURL(`${root}/`),
    srcDir: pathToFileURL(`${join(root, 'src')}/`),
    site: options.site,
    base: options.base ?? '/',
    trailingSlash: pageLayout.trailingSlash,
    markdown: markdownSettings,
  };
  const quiet = { info() {}, warn() {}, error() {}, debug() {}, fork: () => quiet, label: 'boothkit' };
  const integration = boothMdx(root, options);
  const setup = integration.hooks['astro:config:setup'] as (params: unknown) => Promise<void>;
  const done = integration.hooks['astro:config:done'] as (params: unknown) => Promise<void>;
  await setup({
    config,
    command: 'build',
    logger: quiet,
    updateConfig: (update: { vite?: { plugins?: TransformPlugin[] } }) => plugins.push(...(update.vite?.plugins ?? [])),
    addRenderer() {},
    addPageExtension() {},
    addContentEntryType() {},
  });
  await done({ config, logger: quiet });
  for (const plugin of plugins) plugin.configResolved?.({ build: { sourcemap: false }, plugins: [] });
  // What Astro's post-processing reads from Vite's plugin context: the environment that renders pages.
  const context = { environment: { name: 'prerender' } };
  return {
    async compile(text, path) {
      let code = text;
      for (const plugin of plugins) {
        const result = await plugin.transform?.handler.call(context, code, path);
        if (result !== undefined) code = typeof result === 'string' ? result : result.code;
      }
      return code;
    },
  };
}

/**
 * The emitted-code check's problems as content problems of `file`, each with the line of the
 * element it sits in (from a development-mode compile of `source`, which carries positions).
 */
export async function emittedCodeProblems(code: string, source: string, file: string): Promise<Problem[]> {
  const found = emittedProblems(code);
  if (found.length === 0) return [];
  let lines = new Map<string, number>();
  try {
    // The front matter blanked out line for line, as the build's compiler sees the body.
    const front = splitFrontMatter(source);
    const body = front ? source.slice(0, front.bodyOffset).replace(/[^\n]/g, ' ') + front.body : source;
    const dev = mdxToJs(body, { development: true, jsxImportSource: 'astro', elementAttributeNameCase: 'html', features: { gfm: true, smartPunctuation: true } });
    lines = elementLines(dev.code);
  } catch {
    // No line then; the problem still names the code.
  }
  const sourceLines = source.split('\n');
  return found.map((p) => {
    // The element's line, then the first line from there on that holds a name or string of the code.
    const from = lineAt(lines, p.element) ?? 1;
    const index = p.words.map((word) => sourceLines.findIndex((text, i) => i + 1 >= from && text.includes(word))).find((i) => i !== -1);
    const line = index === undefined ? lineAt(lines, p.element) : index + 1;
    if (p.hidden) return { code: 'hidden-character', file, ...(lineAt(lines, p.element) ? { line: lineAt(lines, p.element)! } : {}), field: `text \`${p.construct}\``, message: p.message };
    return { code: 'compiled-code', file, ...(line ? { line } : {}), field: `compiled code \`${p.construct}\``, message: p.message };
  });
}

/** Every emitted-code problem of the booth files `paths` (absolute), compiled as the build compiles them. */
export async function compiledProblems(root: string, paths: readonly string[], compiler?: BoothCompiler): Promise<Problem[]> {
  if (paths.length === 0) return [];
  const use = compiler ?? (await boothCompiler(root));
  const problems: Problem[] = [];
  for (const path of paths) {
    const file = relative(root, path).split('\\').join('/');
    const source = readFileSync(path, 'utf8');
    let code: string;
    try {
      code = await use.compile(source, path);
    } catch (error) {
      // The source guard's problems (thrown by its plugin) and syntax errors are reported by the content check already.
      if (error instanceof ContentError) continue;
      const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      problems.push({ code: 'mdx-compile', file, field: '(MDX compile)', message: `cannot be compiled: ${why}. The guard could read the text but the compiler cannot; look at its {…} expressions (one holding only spaces or an unusual character, say) and write plain text instead` });
      continue;
    }
    problems.push(...(await emittedCodeProblems(code, source, file)));
  }
  return problems;
}
