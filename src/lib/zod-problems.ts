/** Turns zod issues into author-facing problems: code, field path, what was found, what is expected. */
import type { z } from 'zod';
import type { ProblemCode } from '../core/problem-codes.ts';
import type { Problem } from '../core/problems.ts';
import { fieldPath } from '../core/problems.ts';
import { oneOf, suggest, unknown } from '../core/wording.ts';

type Issue = z.core.$ZodIssue;

/** Keys declared by the object schema found at `path`, for "did you mean" on misspelt keys. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: any = schema;
  const unwrap = () => {
    for (let guard = 0; guard < 20 && node; guard++) {
      const def = node._zod?.def;
      if (!def) return;
      if (['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch'].includes(def.type)) node = def.innerType;
      else if (def.type === 'pipe') node = def.in;
      else return;
    }
  };
  unwrap();
  for (const key of path) {
    const def = node?._zod?.def;
    if (!def) return [];
    node = def.type === 'array' ? def.element : def.type === 'object' ? def.shape?.[key as string] : undefined;
    unwrap();
  }
  const shape = node?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

function describeReceived(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (input instanceof Date) return `the date ${input.toISOString().slice(0, 10)}`;
  if (typeof input === 'object') return 'a mapping';
  return `${typeof input} ${JSON.stringify(input)}`;
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
  date: 'a date',
};

/**
 * The kind of problem an issue is: from the refinement that raised it (`coded` in
 * src/schemas/shared.ts), else from the check that failed.
 */
function issueCode(issue: Issue, found: unknown): ProblemCode {
  switch (issue.code) {
    case 'unrecognized_keys':
      return 'unknown-field';
    case 'invalid_type':
      return found === undefined ? 'missing-field' : 'wrong-type';
    case 'invalid_value':
      return 'not-one-of';
    case 'invalid_format':
      return issue.format === 'date' || issue.format === 'datetime' ? 'date-format' : issue.format === 'url' ? 'not-http-url' : 'value-format';
    case 'too_big':
      return issue.origin === 'string' ? 'too-long' : 'out-of-range';
    case 'too_small':
      return issue.origin === 'string' ? 'empty-text' : issue.origin === 'array' ? 'too-few' : 'out-of-range';
    case 'invalid_union': {
      // Our unions are "a date or a YYYY-MM-DD text": the kind of the last way it failed.
      const last = issue.errors.flat().at(-1);
      return last ? issueCode(last, found) : 'wrong-type';
    }
    case 'custom':
      return (issue.params as { code?: ProblemCode } | undefined)?.code ?? 'value-format';
    default:
      return 'value-format';
  }
}

export function zodProblems(file: string, schema: z.ZodType, issues: readonly Issue[], data: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = keysAt(schema, issue.path);
      for (const key of issue.keys) {
        problems.push({ code: 'unknown-field', file, field: fieldPath([...issue.path, key]), message: `${unknown('field', key)}; expected ${oneOf(known)}`, ...suggest(key, known) });
      }
      continue;
    }
    const found = valueAt(data, issue.path);
    let message = issue.message;
    let hint: { suggestion?: string } = {};
    if (issue.code === 'invalid_type') {
      message = found === undefined ? `is missing; expected ${typeNames[issue.expected] ?? issue.expected}` : `is ${describeReceived(found)}; expected ${typeNames[issue.expected] ?? issue.expected}`;
    } else if (issue.code === 'invalid_value') {
      const values = issue.values.map(String);
      message = `is ${describeReceived(found)}; expected ${oneOf(values)}`;
      if (typeof found === 'string') hint = suggest(found, values);
    } else if (issue.code === 'invalid_union') {
      // Our unions are "a date or a YYYY-MM-DD text": say that plainly.
      message = `is ${describeReceived(found)}; ${issue.errors.flat().at(-1)?.message ?? 'has the wrong shape'}`;
    } else if (issue.code === 'custom') {
      // A refinement may name the value it likely meant (see currencyCode in src/schemas/shared.ts).
      const suggestion = (issue.params as { suggestion?: unknown } | undefined)?.suggestion;
      if (typeof suggestion === 'string') hint = { suggestion };
    } else if (found !== undefined && typeof found !== 'object') {
      message = `is ${describeReceived(found)}; ${message}`;
    }
    problems.push({ code: issueCode(issue, found), file, field: fieldPath(issue.path), message, ...hint });
  }
  return problems;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node: any = data;
  for (const key of path) node = node?.[key as any];
  return node;
}
