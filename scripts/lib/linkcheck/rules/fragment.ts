/** A `#fragment` must name an id (or `<a name>`) on the page it points at; the nearest id is suggested. */
import { closest } from '../../../../src/core/suggest.ts';
import type { Page } from '../site-index.ts';
import type { LinkProblem } from './types.ts';

export function fragmentProblem(target: Page, raw: string): LinkProblem | undefined {
  if (raw === '' || raw.startsWith(':~:')) return undefined;
  let id = raw;
  try {
    id = decodeURIComponent(raw);
  } catch {
    // an undecodable fragment is compared as written
  }
  if (target.ids.has(id) || target.ids.has(raw) || id.toLowerCase() === 'top') return undefined;
  const near = closest(id, target.ids);
  const listed = [...target.ids].slice(0, 8).map((x) => `#${x}`).join(', ');
  const problem: LinkProblem = {
    code: 'missing-fragment',
    message: target.ids.size === 0
      ? `${target.url} has no ids to link to`
      : `no id "${id}" on ${target.url}; ids there: ${listed}${target.ids.size > 8 ? `, … (${target.ids.size} in all)` : ''}`,
  };
  if (near) problem.suggestion = `#${near}`;
  return problem;
}
