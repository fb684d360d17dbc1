/** Shapes shared by the link checker's modules. */
import type { SiteLayout } from '../../../src/lib/built-site.ts';

/**
 * error: the link is broken or malformed; warning: probably needs an edit (a job posting
 * that now lands on a generic careers page); notice: worth knowing, never fails a run
 * (moved permanently, rate-limited, unverifiable by policy, external fragment not seen).
 */
export type Severity = 'error' | 'warning' | 'notice';

/** Why a role's posting is taken for closed at the company: its ATS's API, its page's words, or where it redirects. */
export interface ClosedEvidence {
  by: 'ats' | 'page-text' | 'redirect';
  /** In one sentence, e.g. `its page says "no longer accepting applications"`. */
  evidence: string;
}

export interface SourceLocation {
  /** Project-relative path of the file to edit, e.g. "src/content/sponsors/acme.mdx". */
  file: string;
  line?: number;
  /** No content file holds the link: `file` is the built page, and a template wrote the link. */
  built?: boolean;
}

export interface Finding {
  /** Offline findings are about the built site; external ones about outside URLs. */
  mode: 'internal' | 'external';
  severity: Severity;
  /** Stable machine-readable kind, e.g. "missing-page", "missing-fragment", "not-found". */
  code: string;
  /** The URL as written in the built page. */
  url: string;
  /** Built page, relative to the output folder, e.g. "booths/acme/index.html". */
  page: string;
  pageLine: number;
  /** Element and attribute, e.g. "a[href]", "img[srcset]". */
  attr: string;
  text?: string;
  /** Human reason, one sentence. */
  reason: string;
  /** What to write instead, when we know. */
  suggestion?: string;
  /** Where to fix it; the built page when no source file is known. */
  source: SourceLocation;
  /** How many pages carry the same problem from the same source (grouped findings). */
  pages?: number;
  /** For an apply link whose posting has closed at the company: what says so. */
  closed?: ClosedEvidence;
}

/** What the checker needs to know about how the site was built. */
export interface SiteConfig extends SiteLayout {
  /** Origin and path the site is published at, e.g. "https://sponsors.example.org". */
  site: string;
  /** Absolute path of the built site. */
  outDir: string;
  /** Where these values came from, for the report header. */
  from: string;
}
