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

/** Private use (BMP and planes 15–16), the line terminators above, a lone CR, bidirectional controls. */
const hidden = /[\uE000-\uF8FF\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}\u2028\u2029\u202A-\u202E\u2066-\u2069]|\r(?!\n)/gu;

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
    const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const what = names[char] ?? 'a private-use character, which has no meaning outside one program and which the MDX compiler treats specially';
    const more = count > 1 ? ` (and ${count - 1} more such ${noun(count - 1, 'character')} on this line)` : '';
    return {
      file,
      line,
      code: 'hidden-character',
      field: '(hidden character)',
      message: `${code} (${what}) at column ${column}${more}: invisible characters can make the text read one way to people and another to the build; delete it (retype the text around it if you cannot see it)`,
    };
  });
}

/** `text` for a message: each hidden character (and other control character) written as <U+XXXX>, so the message shows where it is. */
export function visible(text: string): string {
  return text.replace(new RegExp(`${hidden.source}|[\\u0000-\\u0009\\u000b\\u000c\\u000e-\\u001f\\u007f]`, 'gu'), (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}
