/**
 * What every boothkit command shares: flags with did-you-mean, prompts only in a terminal,
 * colour only in a terminal, writing files without ever overwriting one by accident, and one
 * way to fail (a sentence saying what to do, exit code 1).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { stdin, stdout } from 'node:process';
import { createInterface, type Interface } from 'node:readline/promises';
import { parseArgs, styleText, type ParseArgsConfig } from 'node:util';
import { closest } from '../../src/core/suggest.ts';
import { noun } from '../../src/core/wording.ts';

/**
 * Every kind of mistake the commands themselves report (their flags, their answers, what they
 * would overwrite, what they need first), by a short code that stays the same while the words
 * change. Each has a heading in docs/errors.md, which the printed message names;
 * tests/unit/error-codes.test.ts holds the two equal. Problems in content files have the
 * content check's codes (src/core/problem-codes.ts).
 */
export const commandCodes = {
  'unknown-option': 'a flag the command does not know',
  'bad-option': 'a flag with a value the command cannot use, or flags that do not go together',
  'missing-answers': 'answers the command needs, with no terminal to ask them in',
  'bad-answers': 'answers that break the rules of content (a tier, an address, a date, an id)',
  'would-overwrite': 'files in the way of the ones the command writes',
  cancelled: 'a question left without an answer (Ctrl-D, Ctrl-C)',
  'no-tiers': 'tiers.yaml has no tier a sponsor can have',
  'import-decision': 'an old Jekyll site that needs a decision before it can be imported',
  'no-build': 'no built site where the command looks for one',
  'site-config': "the site's settings cannot be read",
  'link-settings': 'the link check settings file cannot be used',
  'not-ready-to-launch': 'stand-ins left in the content before the conference',
  'forms-out-of-date': 'the issue forms differ from tiers.yaml',
} as const;

export type CommandCode = keyof typeof commandCodes;

/** Where docs/errors.md explains a command's message. */
export const commandExplained = (code: CommandCode) => `docs/errors.md#${code}`;

/** A mistake the user can fix: printed as one line (its first), with its code's heading, without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly code: CommandCode;
  constructor(code: CommandCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** The answers a command needs and was not given, with no terminal to ask them in. */
export function missingAnswers(flags: string[]): UsageError {
  return new UsageError('missing-answers', `missing ${flags.join(', ')}; pass ${noun(flags.length, 'it', 'them')} as flags, or run the command in a terminal to be asked (see --help)`);
}

/** Throws every mistake at once: one line for one, a list for several. */
export function failWith(code: CommandCode, errors: string[]): never {
  if (errors.length === 1) throw new UsageError(code, errors[0]!);
  throw new UsageError(code, `${errors.length} problems; nothing was written:\n${errors.map((e) => `  - ${e.replace(/\n/g, '\n    ')}`).join('\n')}`);
}

type Format = Parameters<typeof styleText>[0];

/** Colours `text` when it goes to a terminal (styleText checks the stream, NO_COLOR and FORCE_COLOR). */
export function paint(format: Format, text: string, stream: NodeJS.WriteStream = stdout): string {
  return styleText(format, text, { stream });
}

/** Prompts make sense only when a person is typing: both ends must be a terminal. */
export function isInteractive(): boolean {
  return Boolean(stdin.isTTY && stdout.isTTY);
}

export interface FlagSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** One line for --help. */
  help: string;
  /** The value when the flag is not given; such a flag always has one. */
  default?: string | boolean | string[];
}

type FlagValue<S extends FlagSpec> = S['type'] extends 'boolean' ? boolean : S['multiple'] extends true ? string[] : string;
export type FlagValues<F extends Record<string, FlagSpec>> = { [K in keyof F as F[K] extends { default: unknown } ? K : never]: FlagValue<F[K]> } & {
  [K in keyof F as F[K] extends { default: unknown } ? never : K]?: FlagValue<F[K]>;
};

/** Parses argv; an unknown flag is a UsageError that suggests the closest known one. */
export function readFlags<F extends Record<string, FlagSpec>>(argv: string[], flags: F, allowPositionals = false): { values: FlagValues<F>; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries(flags).map(([name, spec]) => [name, { type: spec.type, multiple: spec.multiple ?? false, ...(spec.short ? { short: spec.short } : {}) }]),
  ) as ParseArgsConfig['options'];
  try {
    const { values, positionals } = parseArgs({ args: argv, options: options!, allowPositionals, strict: true });
    const defaults = Object.fromEntries(Object.entries(flags).flatMap(([name, spec]) => (spec.default === undefined ? [] : [[name, spec.default]])));
    return { values: { ...defaults, ...values } as FlagValues<F>, positionals };
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    if (unknown) {
      const best = closest(unknown.replace(/^-+/, ''), Object.keys(flags));
      throw new UsageError('unknown-option', `unknown option ${unknown}${best ? `; did you mean --${best}?` : ''} (see --help)`);
    }
    throw new UsageError('bad-option', message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/**
 * Flags of a measuring script (the bench commands, which run at the top level rather than
 * through runCommand): `--help` prints the script's header comment and the flags, a wrong
 * flag is one red line and exit code 1, never a stack trace.
 */
export function readScriptFlags<F extends Record<string, FlagSpec>>(command: string, script: string, flags: F): FlagValues<F> {
  const argv = process.argv.slice(2);
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      const header = readFileSync(script, 'utf8').split('*/')[0]!.replace(/^\/\*\*?\s*\n?/, '').replace(/^ \* ?/gm, '').trim();
      stdout.write(`${helpText(`npm run ${command} -- [flags]`, flags, header)}\n`);
      process.exit(0);
    }
    return readFlags(argv, flags).values;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${paint('red', '✗', process.stderr)} ${error.message} (${commandExplained(error.code)})\n`);
    process.exit(1);
  }
}

/** A flag's whole-number value (at least `min`), or `fallback` when the flag is not given. */
export function wholeFlag(value: string | undefined, flag: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError('bad-option', `--${flag} "${value}" should be a whole number of at least ${min}`);
  return Number(value);
}

/** The --help text: usage line, then one line per flag. */
export function helpText(usage: string, flags: Record<string, FlagSpec>, footer = ''): string {
  const width = Math.max(...Object.entries(flags).map(([n, s]) => n.length + (s.type === 'string' ? 8 : 0)));
  const lines = Object.entries(flags).map(([name, spec]) => {
    const left = `--${name}${spec.type === 'string' ? ' <value>' : ''}`;
    return `  ${left.padEnd(width + 4)}${spec.help}`;
  });
  return [`Usage: ${usage}`, '', ...lines, ...(footer ? ['', footer] : [])].join('\n');
}

/**
 * Asks for a value in a terminal until `check` accepts it (check returns an error sentence
 * or undefined). Returns undefined without asking when no one is at a terminal.
 */
export async function ask(question: string, check: (answer: string) => string | undefined, fallback?: string): Promise<string | undefined> {
  if (!isInteractive()) return undefined;
  // One interface for the whole command, so answers typed ahead are not lost between questions.
  prompts ??= createInterface({ input: stdin, output: stdout });
  for (;;) {
    const hint = fallback ? paint('dim', ` (${fallback})`) : '';
    let answer: string;
    try {
      answer = (await prompts.question(`${paint('cyan', '?')} ${question}${hint}: `)).trim() || fallback || '';
    } catch {
      throw new UsageError('cancelled', 'cancelled; nothing was written');
    }
    const problem = check(answer);
    if (!problem) return answer;
    stdout.write(`  ${paint('red', problem)}\n`);
  }
}

let prompts: Interface | undefined;

/** Ends the prompts, so the process can exit. */
function closePrompts(): void {
  prompts?.close();
  prompts = undefined;
}

export interface NewFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * Writes all files or none: if any already exists (and `force` is off) nothing is written
 * and the error names every file that is in the way.
 */
export function writeNewFiles(files: NewFile[], root: string, force = false): void {
  const existing = files.filter((f) => existsSync(f.path));
  if (existing.length > 0 && !force) {
    const names = existing.map((f) => `  ${relative(root, f.path)}`).join('\n');
    throw new UsageError('would-overwrite', `refusing to overwrite ${noun(existing.length, 'a file that exists', 'files that exist')}; nothing was written:\n${names}\nChoose another id, delete the ${noun(existing.length, 'file')}, or pass --force to replace ${noun(existing.length, 'it', 'them')}.`);
  }
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.content);
  }
}

/**
 * Runs a command's main function: a UsageError becomes one red line and exit code 1 (or the
 * command's own code for it: the link check says 3, as its other codes mean other things).
 */
export function runCommand(main: () => Promise<number | void>, usageExitCode = 1): void {
  const fail = (error: unknown) => {
    if (error instanceof UsageError) {
      // One line ends with its heading's address; a list gets it on a line of its own.
      const explained = error.message.includes('\n') ? `\n(${commandExplained(error.code)})` : ` (${commandExplained(error.code)})`;
      process.stderr.write(`${paint('red', '✗', process.stderr)} ${error.message}${explained}\n`);
      return usageExitCode;
    }
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  };
  main()
    .then((code) => code ?? 0, fail)
    .then((code) => {
      closePrompts();
      process.exitCode = code;
    });
}
