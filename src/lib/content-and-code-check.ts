/**
 * The content check (content-check.ts) and its reading of every picture file (image-files.ts),
 * then every booth compiled as the build compiles it and the JavaScript it compiles to held
 * against the emitted-code grammar (src/lib/mdx-guard/emitted.ts): what `npm run check:content`, the intake and the authoring
 * commands run, so that content they pass cannot run code when the site is built. A module of
 * its own, so that the pages, which import content-check.ts for the build date, never load the
 * compiler.
 */
import { contentDir as defaultContentDir } from '../core/project.ts';
import { checkContent, type CheckResult } from './content-check.ts';
import { imageFileProblems } from './image-files.ts';
import { compiledProblems } from './mdx-guard/compiler.ts';

export async function checkContentAndCode(root: string, options: { contentDir?: string; today?: string } = {}): Promise<CheckResult> {
  const result = checkContent(root, options);
  const known = new Set(result.problems.map((p) => p.file));
  // A file whose front matter or MDX cannot be read is reported already; its compile error adds
  // nothing. A hidden character in the file itself is reported by line and column already.
  const hiddenIn = new Set(result.problems.filter((p) => p.code === 'hidden-character').map((p) => p.file));
  const emitted = (await compiledProblems(root, result.booths)).filter((p) => !(p.field === '(MDX compile)' && known.has(p.file)) && !(p.code === 'hidden-character' && hiddenIn.has(p.file)));
  const images = await imageFileProblems(root, options.contentDir ?? defaultContentDir);
  return { ...result, problems: [...result.problems, ...images, ...emitted] };
}
