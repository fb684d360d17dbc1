/**
 * The words of content problems, shared by every check (schemas, the model, booth references,
 * the content check, the MDX guard, link cleaning) and the authoring commands, so a message
 * reads the same wherever it comes from: what was found; what is expected. Did you mean …?
 * Also how a count is written ("3 roles"), for the pages and every command's report.
 */
import { closest } from './suggest.ts';

/** `unknown research area "machine-lerning"`: the start of every message about a name that matches nothing. */
export function unknown(what: string, value: string): string {
  return `unknown ${what} "${value}"`;
}

/** `one of a, b, c`. */
export function oneOf(values: readonly string[]): string {
  return `one of ${values.join(', ')}`;
}

/** The closest of `candidates` to `value`, as the optional `suggestion` of a problem. */
export function suggest(value: string, candidates: Iterable<string>): { suggestion?: string } {
  const best = closest(value, candidates);
  return best ? { suggestion: best } : {};
}

/**
 * `message` with its did-you-mean as a sentence of its own: `…use one of its ids. Did you mean
 * "london"?`. The one spelling of the hint: problems, CI annotations and the commands use it.
 */
export function withSuggestion(message: string, suggestion: string | undefined): string {
  if (!suggestion) return message;
  const stop = /[.?!]$/.test(message) ? '' : '.';
  return `${message}${stop} Did you mean "${suggestion}"?`;
}

/** A text limit's message: `keep the summary to 280 characters; longer text belongs in the body`. */
export function keepTo(what: string, characters: number, advice?: string): string {
  return `keep ${what} to ${characters} characters${advice ? `; ${advice}` : ''}`;
}

const englishPlural = new Intl.PluralRules('en');

/** The noun for `n` things: "role" for 1, "roles" otherwise; `plural` for nouns not made with "s". */
export function noun(n: number, singular: string, plural = `${singular}s`): string {
  return englishPlural.select(n) === 'one' ? singular : plural;
}

/** `1 file`, `3 files`, `1,200 pages`: the one way a count is written next to its noun. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${noun(n, singular, plural)}`;
}
