/** Google Drive links pinned to the author's account slot, which other visitors cannot open. */
import type { LinkProblem } from './types.ts';

/** Google Drive/Docs links that name the author's signed-in account slot: `/drive/u/2/…`. */
export function driveAccountProblem(href: string): LinkProblem | undefined {
  const match = /^(https?:\/\/(?:drive|docs)\.google\.com\/(?:[a-z]+\/)?)u\/\d+\/(.*)$/i.exec(href);
  if (!match) return undefined;
  return {
    code: 'drive-account',
    message: 'Google link pinned to the author\'s account slot ("/u/N/"); other visitors get an error or the wrong account',
    suggestion: `${match[1]}${match[2]}`,
  };
}
