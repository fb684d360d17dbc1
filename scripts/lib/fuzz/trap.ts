/**
 * Runs a compiled booth in this process as the build would (the module is imported, then its
 * Content rendered by Astro's own renderer through the container API), with a trap on what
 * booth code could reach:
 *
 * - `globalThis.__trap`, a getter: every piece of code the generator writes reads it first
 *   (bodies.ts), so if any of it runs, while the module loads, while its elements are made or
 *   while they are rendered to HTML, the trap fires;
 * - every import the module makes other than the JSX runtime, Astro's image component and a
 *   local image: an import runs a module's code, so the load hook fires the trap instead.
 *
 * The module hooks are the process's own (module.registerHooks), so this runs in the fuzzer's
 * process only (node --test runs each test file in its own), never inside a build.
 */
import mdxServer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { registerHooks } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allowedComponents, localImagePath } from '../../../src/lib/mdx-guard/components.ts';

export interface Rendered {
  /** What fired the trap, in order; empty when no booth code ran. */
  fired: string[];
  html?: string;
  /** Why the render failed, when it did. */
  error?: string;
}

const runtime = new Set(['astro/jsx-runtime', 'astro/runtime/server/index.js']);

export type Trap = Awaited<ReturnType<typeof setUp>>;
let trap: Promise<Trap> | undefined;

/** The process's trap, set up on first use (the module hooks cannot be taken back). */
export function startTrap(root: string): Promise<Trap> {
  return (trap ??= setUp(root));
}

async function setUp(root: string) {
  const fired: string[] = [];
  const sources = new Map<string, string>();
  // A function that records each use, for payloads that call, construct or tag with it.
  const trapped = new Proxy(function trap() {}, {
    apply: () => void fired.push('__trap called'),
    construct: () => (fired.push('__trap constructed'), {}),
  });
  Object.defineProperty(globalThis, '__trap', {
    configurable: true,
    get() {
      fired.push('__trap read');
      return trapped;
    },
  });
  const parent = pathToFileURL(join(root, 'package.json')).href;
  registerHooks({
    resolve(specifier, context, next) {
      if (specifier.startsWith('boothkit-fuzz:')) return { url: specifier, shortCircuit: true };
      if (!context.parentURL?.startsWith('boothkit-fuzz:')) return next(specifier, context);
      if (runtime.has(specifier)) return next(specifier, { ...context, parentURL: parent });
      if (specifier === 'astro:assets') return { url: 'boothkit-fuzz-stub:assets', shortCircuit: true };
      if (localImagePath.test(specifier)) return { url: 'boothkit-fuzz-stub:image', shortCircuit: true };
      fired.push(`import "${specifier}"`);
      return { url: 'boothkit-fuzz-stub:empty', shortCircuit: true };
    },
    load(url, context, next) {
      const stub: Record<string, string> = {
        'boothkit-fuzz-stub:assets': 'export const Image = "img";',
        'boothkit-fuzz-stub:image': 'export default { src: "/_astro/photo.png", width: 640, height: 480, format: "png" };',
        'boothkit-fuzz-stub:empty': 'export default undefined;',
      };
      if (url in stub) return { format: 'module', source: stub[url]!, shortCircuit: true };
      if (url.startsWith('boothkit-fuzz:')) return { format: 'module', source: sources.get(url)!, shortCircuit: true };
      return next(url, context);
    },
  });
  const container = await AstroContainer.create();
  container.addServerRenderer({ name: 'astro:jsx', renderer: mdxServer });
  // The booth components as plain elements: each prop is written out as an attribute, so a
  // value that is code in disguise (a getter, a toString) is read while the page renders.
  const components = Object.fromEntries(Object.keys(allowedComponents).map((name) => [name, 'div']));
  let count = 0;

  return {
    /** Imports the compiled module `code` and renders its Content. */
    async render(code: string): Promise<Rendered> {
      const from = fired.length;
      const url = `boothkit-fuzz:${++count}`;
      sources.set(url, code);
      try {
        const module = (await import(url)) as { Content: Parameters<typeof container.renderToString>[0] };
        const html = await container.renderToString(module.Content, { props: { components } });
        return { fired: fired.slice(from), html };
      } catch (error) {
        return { fired: fired.slice(from), error: error instanceof Error ? error.message : String(error) };
      } finally {
        sources.delete(url);
      }
    },
  };
}
