/**
 * Structured data that search engines can read: valid JSON, and JobPostings with what Google
 * requires, and the decision properties in the shape Google and schema.org document them
 * (remote scope with TELECOMMUTE, visa and relocation as text, pay as a MonetaryAmount range).
 */
import { jobPostingProblems } from '../../../../src/lib/jsonld.ts';
import type { PageProblem, Rule } from '../types.ts';
import { dataScriptTypes } from '../../../../src/lib/csp.ts';

/** The JSON-LD objects of a block: the block itself, a list of them, or its @graph. */
function items(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(items);
  if (!value || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  return Array.isArray(object['@graph']) ? [object, ...items(object['@graph'])] : [object];
}

export const jsonLd: Rule = {
  code: 'json-ld',
  requires: 'every JSON-LD block parses, and every JobPosting has the properties Google requires, each in its documented shape',
  check(facts) {
    const problems: PageProblem[] = [];
    for (const block of facts.scripts.filter((s) => dataScriptTypes.has(s.type) && s.src === undefined)) {
      let data: unknown;
      try {
        data = JSON.parse(block.text);
      } catch (error) {
        problems.push({ code: 'json-ld', message: `a ${block.type} block is not valid JSON (${(error as Error).message})`, fix: 'the block is written by src/lib/jsonld.ts from the role file: check the role file, then that module', line: block.line });
        continue;
      }
      for (const item of items(data).filter((i) => i['@type'] === 'JobPosting')) {
        for (const problem of jobPostingProblems(item)) {
          problems.push({ code: 'json-ld', message: `JobPosting: ${problem}`, fix: 'fill in the role file so the posting has it (title, dates, places with a country, salary with currency and period); the JSON-LD is written by src/lib/jsonld.ts', line: block.line });
        }
      }
    }
    return problems;
  },
};
