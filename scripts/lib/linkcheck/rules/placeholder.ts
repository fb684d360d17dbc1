/** "#" links to the top of the page; written in a content file, it stands for an address the author meant to fill in. */
import type { SourceLocation, SourceMap } from '../../built/sources.ts';
import { placeholderLine } from '../in-content.ts';
import type { LinkProblem } from './types.ts';

/** The problem and the content line that holds the placeholder, when the page's content file has one. */
export function placeholderProblem(page: string, sources: SourceMap): { problem: LinkProblem; at: SourceLocation } | undefined {
  const at = placeholderLine(sources, page);
  return at && { problem: { code: 'placeholder', message: 'a placeholder link ("#") where a real address was meant' }, at };
}
