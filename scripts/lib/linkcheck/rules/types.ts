/** What every link rule returns: a problem with a link, said once for the report. */
import type { LinkCode } from '../codes.ts';

export interface LinkProblem {
  /** The kind of problem (../codes.ts), e.g. "missing-page": docs/links.md has a heading for each. */
  code: LinkCode;
  /** Human reason, one sentence. */
  message: string;
  /** What to write instead, when we know. */
  suggestion?: string;
}
