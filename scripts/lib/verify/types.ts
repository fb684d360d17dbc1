/** Shapes shared by the site gate's modules. */
import type { PageKind } from '../../../src/lib/routes.ts';
import type { ImageWeight } from '../built/image-choice.ts';
import type { PageFacts } from '../built/read-page.ts';

/** One built page, as the rules see it besides its parsed facts. */
export interface PageContext {
  /** Path relative to the output folder, e.g. "booths/acme/index.html". */
  file: string;
  /** URL path below the base, e.g. "/booths/acme/". */
  path: string;
  kind: PageKind;
  /** A `<meta http-equiv="refresh">` stub that sends the visitor on: no content to check. */
  redirect: boolean;
  /** Origin the site is published at, e.g. "https://sponsors.example.org". */
  origin: string;
  /** HTML plus linked stylesheets, gzip-compressed: what a first visit downloads before images. */
  gzipBytes: () => number;
  /** The images the page loads, on the screen where they weigh most. */
  images: () => ImageWeight;
  /** The content file a built image (a URL of the page) was made from, when the build recorded it. */
  imageSource: (url: string) => string | undefined;
}

/** What a rule found on one page. */
export interface PageProblem {
  /** The rule's code, e.g. "img-alt": stable, documented in docs/verify.md. */
  code: string;
  /** What is wrong, one sentence. */
  message: string;
  /** What to do about it. */
  fix: string;
  /** Line in the built page. */
  line?: number | undefined;
}

export interface Rule {
  code: string;
  /** One line for the docs and `--help`: what the rule requires of every page. */
  requires: string;
  /** Redirect stubs carry no content; rules about content skip them. */
  content?: boolean;
  check(facts: PageFacts, page: PageContext): PageProblem[];
}
