/** What every link rule returns: a problem with a link, said once for the report. */
export interface LinkProblem {
  /** Stable machine-readable kind, e.g. "missing-page" (docs/links.md lists them). */
  code: string;
  /** Human reason, one sentence. */
  message: string;
  /** What to write instead, when we know. */
  suggestion?: string;
}
