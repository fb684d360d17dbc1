/**
 * The forgiving "Key: value" block format of the Roles and Events fields. One block per
 * role or event, separated by a line of dashes (---) or by a blank line before a new first
 * key; keys in any case, with a few synonyms; bullets, bold and trailing spaces ignored; a
 * list (places, areas) may continue on the following lines. Unknown keys are reported
 * with a did-you-mean instead of being dropped.
 */
import { closest } from '../../../src/core/suggest.ts';

export interface BlockKey {
  /** The name used in messages ("apply link"). */
  name: string;
  aliases: string[];
  /** Whether following lines without a key continue the value. */
  list?: boolean;
}

export interface BlockFormat {
  keys: Record<string, BlockKey>;
  /** The key that starts a block after a blank line. */
  first: string;
  help: string;
  example: string;
}

const roleKeys = {
  title: { name: 'title', aliases: ['role', 'position', 'job title'] },
  kind: { name: 'kind', aliases: ['type', 'employment type', 'contract'] },
  places: { name: 'places', aliases: ['place', 'locations', 'location', 'where', 'cities'], list: true },
  apply: { name: 'apply link', aliases: ['apply', 'apply url', 'link', 'url', 'apply at'] },
  areas: { name: 'areas', aliases: ['area', 'research areas', 'research area', 'topics', 'fields'], list: true },
  requirements: { name: 'requirements', aliases: ['requirement', 'experience', 'qualifications', 'who'] },
  students: { name: 'students', aliases: ['enrolled in', 'student', 'currently enrolled', 'level', 'levels'] },
  term: { name: 'term', aliases: ['season', 'when', 'period'] },
  closes: { name: 'closes', aliases: ['closing date', 'deadline', 'valid through', 'apply by', 'closes on'] },
  salary: { name: 'salary', aliases: ['pay', 'compensation', 'stipend', 'wage'] },
  visa: { name: 'visa', aliases: ['visa sponsorship', 'sponsorship', 'work visa'] },
  relocation: { name: 'relocation', aliases: ['relocation support', 'relocation help', 'moving support'] },
} satisfies Record<string, BlockKey>;

const eventKeys = {
  title: { name: 'title', aliases: ['event', 'name'] },
  kind: { name: 'kind', aliases: ['type'] },
  start: { name: 'start', aliases: ['starts', 'from', 'begins'] },
  end: { name: 'end', aliases: ['ends', 'until', 'to'] },
  link: { name: 'link', aliases: ['url', 'join', 'where'] },
  session: { name: 'session', aliases: ['session code'] },
  description: { name: 'description', aliases: ['about', 'details'], list: true },
} satisfies Record<string, BlockKey>;

export type RoleKey = keyof typeof roleKeys;
export type EventKey = keyof typeof eventKeys;

export const blockFormats = {
  role: {
    keys: roleKeys,
    first: 'title',
    help: 'Keys: Title, Kind (internship, full-time, part-time, contract, postdoc, phd-studentship, fellowship, other), Places (each place with its apply link: "London = https://…", "Germany (remote) = https://…"), Apply link (for places without their own), Areas, Requirements, Students (bachelor, master and/or phd, when applicants must currently be students), Term ("summer 2027"), Closes (the last day to apply, YYYY-MM-DD), Salary (currency, amount or range, period: "EUR 50000-60000 per year"), Visa (do you sponsor a work visa: yes, no or case by case), Relocation (do you help the hire move: yes or no). A remote place names where the role can be done from: a country, a region or a time-zone band of the site\'s list ("Europe (remote)").',
    example: [
      'Title: Research Intern',
      'Kind: internship',
      'Places: London = https://acme.example/jobs/1, Germany (remote) = https://acme.example/jobs/2',
      'Areas: Music Information Retrieval, Machine Learning',
      'Requirements: PhD student in MIR or a related field',
      'Students: phd',
      'Term: summer 2027',
      'Closes: 2027-03-31',
      'Salary: EUR 2,400 per month',
      'Visa: case by case',
      '---',
      'Title: Research Scientist',
      'Kind: full-time',
      'Places: Berlin',
      'Apply link: https://acme.example/jobs/3',
      'Areas: Audio Intelligence',
      'Requirements: PhD in a relevant field',
      'Closes: 2027-04-30',
      'Visa: yes',
      'Relocation: yes',
    ].join('\n'),
  },
  event: {
    keys: eventKeys,
    first: 'title',
    help: 'Keys: Title, Kind (industry-poster, talk, demo, meetup, office-hours, panel, workshop, social, other), Start and End (date, time and UTC offset: "2027-10-13 09:00 -04:00" or "2027-10-13 13:00 UTC"), Link, Session (e.g. 8A), Description.',
    example: ['Title: Meet our researchers', 'Kind: office-hours', 'Start: 2027-10-13 09:00 -04:00', 'End: 2027-10-13 10:00 -04:00', 'Link: https://acme.example/meet'].join('\n'),
  },
} satisfies Record<string, BlockFormat>;

export interface Block<K extends string> {
  /** 1-based position among the field's blocks, for messages ("block 2"). */
  number: number;
  values: Partial<Record<K, string>>;
}

export interface BlockProblem {
  block: number;
  /** The key's name, or undefined for a problem of the whole block. */
  key?: string;
  message: string;
}

/** Markdown decorations a form user may add around a line: bullets, bold, a trailing "\". */
function plainLine(line: string): string {
  return line
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/\*\*|__/g, '')
    .replace(/\s*\\$/, '')
    .trim();
}

function keyIndex(format: BlockFormat): Map<string, string> {
  const index = new Map<string, string>();
  for (const [id, key] of Object.entries(format.keys)) for (const name of [id, key.name, ...key.aliases]) index.set(normalKey(name), id);
  return index;
}

const normalKey = (key: string) => key.toLowerCase().replace(/[^a-z]+/g, ' ').trim();

/** Splits a field's text into blocks of known keys; what cannot be read is a problem. */
export function parseBlocks<F extends BlockFormat>(text: string, format: F): { blocks: Block<keyof F['keys'] & string>[]; problems: BlockProblem[] } {
  type K = keyof F['keys'] & string;
  const index = keyIndex(format);
  const blocks: Block<K>[] = [];
  const problems: BlockProblem[] = [];
  let current: Block<K> | undefined;
  let lastKey: K | undefined;
  let blank = false;
  const start = () => {
    current = { number: blocks.length + 1, values: {} };
    blocks.push(current);
    lastKey = undefined;
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(raw)) {
      if (current && Object.keys(current.values).length) current = undefined;
      blank = false;
      continue;
    }
    const line = plainLine(raw);
    if (!line) {
      blank = true;
      continue;
    }
    const match = /^([A-Za-z][A-Za-z ()'-]{0,30}?)\s*:\s*(.*)$/.exec(line);
    const key = match ? (index.get(normalKey(match[1]!)) as K | undefined) : undefined;
    // A blank line followed by the first key (or a key already given) starts a new block.
    if (key && current && blank && (key === format.first || current.values[key] !== undefined)) current = undefined;
    blank = false;
    if (!current) start();
    const block = current!;
    const listKey = lastKey && (format.keys as Record<string, BlockKey>)[lastKey]?.list ? lastKey : undefined;
    if (key) {
      if (block.values[key] !== undefined) problems.push({ block: block.number, key: (format.keys as Record<string, BlockKey>)[key]!.name, message: `is given twice; keep one "${match![1]}:" line` });
      block.values[key] = match![2]!.trim();
      lastKey = key;
    } else if (listKey) {
      // "London: https://…" under "Places:" is a list item, not a key.
      block.values[listKey] = [block.values[listKey], line].filter(Boolean).join('\n');
    } else if (match && !/^https?$/i.test(match[1]!)) {
      const names = Object.values(format.keys as Record<string, BlockKey>).map((k) => k.name);
      const best = closest(normalKey(match[1]!), [...index.keys()]);
      const suggestion = best ? ` Did you mean "${(format.keys as Record<string, BlockKey>)[index.get(best)!]!.name}"?` : '';
      problems.push({ block: block.number, message: `unknown line "${line.length > 60 ? `${line.slice(0, 60)}…` : line}"; each line starts with one of: ${names.join(', ')}.${suggestion}` });
    } else if (lastKey) {
      block.values[lastKey] = `${block.values[lastKey]} ${line}`.trim();
    } else {
      problems.push({ block: block.number, message: `the line "${line.length > 60 ? `${line.slice(0, 60)}…` : line}" has no key; write it as "${(format.keys as Record<string, BlockKey>)[format.first]!.name}: …" or another "Key: value" line` });
    }
  }
  return { blocks: blocks.filter((b) => Object.keys(b.values).length), problems };
}
