/**
 * Characters that make a text read one way to a person and another way to a program: the
 * MDX parser's private-use marks (one of them the compiler deletes while the parsed tree
 * shows a space), JavaScript's extra line terminators (U+2028, U+2029 end a `//` comment
 * for the compiler, not for a reader), a carriage return without a line feed, and the
 * bidirectional controls that reorder what an editor shows ("Trojan Source"). None belongs
 * in a sponsor's text, so a content file holding one is refused, each named with its place.
 * The bidirectional marks (U+200E, U+200F, U+061C), which mixed-direction names need and
 * which reorder nothing, stay allowed.
 */
import type { Problem } from '../../core/problems.ts';
import { noun } from '../../core/wording.ts';

const names: Record<string, string> = {
  '\u2028': 'LINE SEPARATOR, which JavaScript reads as a line break',
  '\u2029': 'PARAGRAPH SEPARATOR, which JavaScript reads as a line break',
  '\r': 'a carriage return without a line feed, which some programs read as a line break and others do not',
  '\u202a': 'LEFT-TO-RIGHT EMBEDDING, which reorders the text after it',
  '\u202b': 'RIGHT-TO-LEFT EMBEDDING, which reorders the text after it',
  '\u202c': 'POP DIRECTIONAL FORMATTING, which reorders the text around it',
  '\u202d': 'LEFT-TO-RIGHT OVERRIDE, which reorders the text after it',
  '\u202e': 'RIGHT-TO-LEFT OVERRIDE, which reverses the text after it',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE, which reorders the text after it',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE, which reorders the text after it',
  '\u2068': 'FIRST STRONG ISOLATE, which reorders the text after it',
  '\u2069': 'POP DIRECTIONAL ISOLATE, which reorders the text around it',
};

/**
 * Private use (BMP and planes 15–16), the line terminators above, a lone CR, bidirectional
 * controls, and control characters other than tab and line ends (a NUL or an escape, which an
 * HTML page cannot hold and which broke the share card's text renderer).
 */
const hidden = /[\uE000-\uF8FF\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}\u2028\u2029\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/gu;

/** How a message names a hidden character: its code point and what it does. */
function describe(char: string): string {
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const what = names[char] ?? (/[\u0000-\u009F]/.test(char) ? 'a control character, which a web page cannot show' : 'a private-use character, which has no meaning outside one program and which the MDX compiler treats specially');
  return `${code} (${what})`;
}

/** One problem per line of `text` that holds such a character, naming the first and how many more. */
export function hiddenCharacterProblems(text: string, file: string): Problem[] {
  const byLine = new Map<number, { char: string; column: number; count: number }>();
  for (const match of text.matchAll(hidden)) {
    const before = text.slice(0, match.index);
    const line = before.split('\n').length;
    const seen = byLine.get(line);
    if (seen) seen.count++;
    else byLine.set(line, { char: match[0], column: [...before.slice(before.lastIndexOf('\n') + 1)].length + 1, count: 1 });
  }
  return [...byLine].map(([line, { char, column, count }]) => {
    const more = count > 1 ? ` (and ${count - 1} more such ${noun(count - 1, 'character')} on this line)` : '';
    return {
      file,
      line,
      code: 'hidden-character',
      field: '(hidden character)',
      message: `${describe(char)} at column ${column}${more}: invisible characters can make the text read one way to people and another to the build; delete it (retype the text around it if you cannot see it)`,
    };
  });
}

/** The first hidden character of `text`, described, or undefined. */
export function hiddenCharacterIn(text: string): string | undefined {
  const [char] = text.match(new RegExp(hidden.source, 'u')) ?? [];
  return char === undefined ? undefined : describe(char);
}

/**
 * The first hidden character of a value read from YAML, described, when the file's text does not
 * hold it as it is: an escape such as `"\u202E"` or `"\0"` in a quoted string wrote it, so the
 * check of the text could not see it.
 */
export function escapedHiddenCharacter(value: string, text: string): string | undefined {
  for (const [char] of value.matchAll(hidden)) if (!text.includes(char)) return describe(char);
  return undefined;
}

/** Windows-1252's characters at 0x80–0x9F (a space where it has none): text decoded as Latin-1 by mistake holds these code points where the author typed ’ “ ” – —. */
const windows1252 = '€ ‚ƒ„…†‡ˆ‰Š‹Œ Ž  ‘’“”•–—˜™š›œ žŸ';

/**
 * `text` without the characters above, for the Jekyll importer, which reads pages nobody checked:
 * a line or paragraph separator becomes a space, a lone CR a line feed, a control character of
 * 0x80–0x9F the Windows-1252 character it stands for (’ for U+0092), and every other one is
 * dropped. None of them shows, so nothing a reader sees is lost; `changed` counts them.
 */
export function withoutHiddenCharacters(text: string): { text: string; changed: number } {
  let changed = 0;
  const clean = text.replace(hidden, (char) => {
    changed++;
    if (char === '\u2028' || char === '\u2029') return ' ';
    if (char === '\r') return '\n';
    const code = char.charCodeAt(0);
    return code >= 0x80 && code <= 0x9f ? windows1252[code - 0x80]!.trim() : '';
  });
  return { text: clean, changed };
}

/** `text` for a message: each hidden character (and a tab) written as <U+XXXX>, so the message shows where it is. */
export function visible(text: string): string {
  return text.replace(new RegExp(`${hidden.source}|\\t`, 'gu'), (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}
