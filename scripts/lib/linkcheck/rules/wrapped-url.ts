/** A link wrapped by a mail filter or redirector (urldefense, safelinks, …): the clean URL recovered where it can be. */
import { unwrapRedirect } from '../../../../src/core/urls.ts';
import type { LinkProblem } from './types.ts';

/** A mail-filter or tracking wrapper around the real address. */
export function wrapperProblem(href: string): LinkProblem | undefined {
  const unwrapped = unwrapRedirect(href);
  if (!unwrapped) return undefined;
  const host = new URL(href).hostname;
  return unwrapped.target
    ? { code: 'wrapped-url', message: `wrapped by a mail filter or redirector (${host}); visitors pass through it and it expires`, suggestion: unwrapped.target }
    : { code: 'wrapped-url', message: `wrapped by a mail filter (${host}); ask the sponsor for the original address` };
}
