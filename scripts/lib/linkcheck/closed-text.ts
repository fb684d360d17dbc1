/**
 * "No longer accepting applications": what a posting's own page says once the role has
 * closed, in the languages of closed-phrases.yaml (one file, one list per language). Only
 * text a visitor sees counts: a single-page app often ships every message of its interface
 * in a script, and a template or a hidden element is not what the page says.
 */
import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { parse } from 'yaml';

/** Elements whose content a visitor never reads as the page's text. */
const UNSEEN = new Set(['script', 'style', 'template', 'noscript', 'svg', 'iframe', 'object', 'head']);
/** Elements the parser never closes, so they never open an unseen range. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Case, compatibility forms, curly quotes and runs of white space do not matter. */
function normalText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u02bc`´]/g, "'").replace(/\s+/g, ' ').trim();
}

/** The text of a page as a visitor reads it (its title included), normalised. */
function visibleText(html: string): string {
  const parts: string[] = [];
  // Depth of the unseen elements we are inside; a hidden element hides its whole subtree.
  const stack: boolean[] = [];
  let unseen = 0;
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'title') inTitle = true;
        if (VOID.has(name)) return;
        const hidden = UNSEEN.has(name) || 'hidden' in attributes || attributes['aria-hidden'] === 'true';
        stack.push(hidden);
        if (hidden) unseen++;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (VOID.has(name)) return;
        if (stack.pop()) unseen--;
      },
      ontext(text) {
        // Joined with spaces: "closed</p><p>Apply" must not read as "closedApply".
        if (unseen === 0 || inTitle) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return normalText(parts.join(' '));
}

let shipped: string[] | undefined;

/** The phrases of closed-phrases.yaml, every language, normalised; read once. */
function closedPhrases(): string[] {
  shipped ??= Object.values(parse(readFileSync(new URL('./closed-phrases.yaml', import.meta.url), 'utf8')) as Record<string, string[]>)
    .flat()
    .map(normalText);
  return shipped;
}

/** The closed-posting phrase a page shows, if any (`extra`: a site's own phrases). */
export function closedPhrase(html: string, extra: readonly string[] = []): string | undefined {
  const text = visibleText(html);
  return [...closedPhrases(), ...extra.map(normalText)].find((phrase) => phrase && text.includes(phrase));
}
