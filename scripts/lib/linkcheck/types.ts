/** Shapes shared by the link checker's modules. */
import type { Finding } from '../built/findings.ts';
import type { LinkCode } from './codes.ts';

export type { Severity } from '../built/findings.ts';

/** Why a role's posting is taken for closed at the company: its ATS's API, its page's words, or where it redirects. */
export interface ClosedEvidence {
  by: 'ats' | 'page-text' | 'redirect';
  /** In one sentence, e.g. `its page says "no longer accepting applications"`. */
  evidence: string;
}

/**
 * A problem with one link. error: the link is broken or malformed; warning: probably needs an
 * edit (a job posting that now lands on a generic careers page); notice: worth knowing, never
 * fails a run (moved permanently, rate-limited, unverifiable by policy, external fragment not seen).
 */
export interface LinkFinding extends Finding {
  code: LinkCode;
  /** Offline findings are about the built site; external ones about outside URLs. */
  mode: 'internal' | 'external';
  /** The URL as written in the built page. */
  url: string;
  pageLine: number;
  /** Element and attribute, e.g. "a[href]", "img[srcset]". */
  attr: string;
  /** For an apply link whose posting has closed at the company: what says so. */
  closed?: ClosedEvidence;
}
