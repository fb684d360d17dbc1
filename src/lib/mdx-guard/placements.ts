/**
 * What a booth body places itself (section components such as <Events />, and media items
 * such as <Video id="…" />), handed from the MDX compiler to the booth page so the page does
 * not show them twice. Astro's remark front matter is the one channel between the two, so
 * both sides go through here: one key, one shape, read back with a check.
 */
import { sectionNames, type SectionName } from './components.ts';

export interface Placements {
  sections: SectionName[];
  /** Ids of the booth's media items the body shows. */
  media: string[];
}

const key = 'boothkitPlacements';

/** Records the placements in the compiled file's front matter. */
export function writePlacements(frontmatter: Record<string, unknown>, placements: Placements): void {
  frontmatter[key] = placements;
}

/** The placements a compiled booth body recorded; none when it recorded nothing (a body without components). */
export function readPlacements(frontmatter: Record<string, unknown>): Placements {
  const value = frontmatter[key] as Partial<Placements> | undefined;
  const strings = (list: unknown): string[] => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []);
  return {
    sections: strings(value?.sections).filter((name): name is SectionName => (sectionNames as readonly string[]).includes(name)),
    media: strings(value?.media),
  };
}
