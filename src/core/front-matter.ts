/**
 * Front matter: the YAML between two `---` lines at the start of a file, then the body. The one
 * reading of it for the content check, the compiled-code check, the commands, the tests and
 * the Jekyll importer. A byte order mark first, Windows line ends and blanks after a fence are
 * fine: Astro and Jekyll read those too.
 */
export interface FrontMatter {
  /** The YAML between the fences; its first line is line 2 of the file. */
  yaml: string;
  /** Everything after the closing fence's line. */
  body: string;
  /** Where the body starts in the text. */
  bodyOffset: number;
  /** The 1-based line the body starts on. */
  bodyLine: number;
}

const fences = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*\r?(?:\n|$)/;

/** The front matter and body of `text`, or undefined when it does not start with front matter. */
export function splitFrontMatter(text: string): FrontMatter | undefined {
  const match = fences.exec(text);
  if (!match) return undefined;
  const bodyOffset = match[0].length;
  return { yaml: match[1]!, body: text.slice(bodyOffset), bodyOffset, bodyLine: text.slice(0, bodyOffset).split('\n').length };
}
