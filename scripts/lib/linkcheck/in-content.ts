/**
 * What the link check reads in the content files, through the source map: the marker that
 * keeps a link from being requested, the apply links of roles, and placeholder links.
 */
import type { SourceLocation, SourceMap } from '../built/sources.ts';

/** Marks a link the checker must not request: `# link-check: skip` in YAML, `{/* link-check: skip *\/}` in MDX. */
const SKIP_MARKER = 'link-check: skip';

/** Whether an author marked this URL with the skip marker (same line or the line before). */
export function isSkipMarked(sources: SourceMap, url: string): boolean {
  return sources.urlLocations(url).some(({ file, line }) => {
    const lines = sources.files.get(file)?.lines ?? [];
    const at = (line ?? 1) - 1;
    return [lines[at], lines[at - 1]].some((l) => l?.includes(SKIP_MARKER));
  });
}

/** The role files that give `url` as an apply link (`applyUrl:` in src/content/roles/…): the roles whose posting it is. */
export function applyRoles(sources: SourceMap, url: string): SourceLocation[] {
  const roles = `${sources.contentDir}/roles/`;
  return sources.urlLocations(url).filter(({ file, line }) => file.startsWith(roles) && /^\s*(-\s*)?applyUrl\s*:/.test(sources.files.get(file)?.lines[(line ?? 1) - 1] ?? ''));
}

/** The line of a placeholder link (`](#)`, `href="#"`, `: "#"`) in a page's content file. */
export function placeholderLine(sources: SourceMap, page: string): SourceLocation | undefined {
  const file = sources.pageSource(page);
  const lines = file ? sources.files.get(file)?.lines : undefined;
  if (!file || !lines) return undefined;
  const index = lines.findIndex((l) => /\]\(\s*#\s*\)|href\s*=\s*\{?\s*["']#["']|:\s*["']#["']\s*(#.*)?$/.test(l));
  return index < 0 ? undefined : { file, line: index + 1 };
}
