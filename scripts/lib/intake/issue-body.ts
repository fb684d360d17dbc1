/**
 * Reads the body GitHub writes for a submitted issue form: each answer under a
 * "### <label>" heading, "_No response_" for an empty one, "- [X] choice" for ticked boxes.
 * Headings are matched only against the form's own labels, in the form's order, so a
 * "### heading" inside the booth text stays part of the booth text.
 */
import type { FormDefinition, FormKind } from './forms.ts';

/** GitHub keeps issue bodies to 65,536 characters; anything longer was not written by its form. */
export const maxBodyLength = 65_536;

export interface FieldAnswer {
  /** The answer's text, trimmed; '' when left empty. */
  text: string;
  /** 1-based line of the answer's first line in the body, for messages about long fields. */
  line: number;
}

export type Answers = Record<string, FieldAnswer>;

const headingOf = (label: string) => `### ${label}`;

/** Which form wrote this body: the one whose labels appear as headings most. */
export function detectForm(body: string, forms: FormDefinition[]): FormKind | undefined {
  const lines = new Set(body.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()));
  let best: { kind: FormKind; score: number } | undefined;
  for (const form of forms) {
    const score = form.fields.filter((f) => lines.has(headingOf(f.label))).length / form.fields.length;
    if (score > 0.5 && (!best || score > best.score)) best = { kind: form.kind, score };
  }
  return best?.kind;
}

/** The answers of `form` in `body`; fields whose heading is missing are absent. */
export function readAnswers(body: string, form: FormDefinition): Answers {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const starts: { id: string; at: number }[] = [];
  let from = 0;
  for (const field of form.fields) {
    const at = lines.findIndex((l, i) => i >= from && l.trim() === headingOf(field.label));
    if (at === -1) continue;
    starts.push({ id: field.id, at });
    from = at + 1;
  }
  const answers: Answers = {};
  starts.forEach(({ id, at }, i) => {
    const end = starts[i + 1]?.at ?? lines.length;
    const chunk = lines.slice(at + 1, end);
    const first = chunk.findIndex((l) => l.trim() !== '');
    const text = chunk.join('\n').trim();
    answers[id] = { text: text === '_No response_' ? '' : text, line: at + 2 + Math.max(first, 0) };
  });
  return answers;
}

/** The ticked choices of a checkboxes answer. */
export function tickedOptions(text: string): string[] {
  return [...text.matchAll(/^\s*[-*] \[[xX]\] (.+?)\s*$/gm)].map((m) => m[1]!);
}
