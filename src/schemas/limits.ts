/**
 * Limits of content fields, named once: the schemas enforce them and the authoring commands
 * (new:sponsor, import:jekyll) check answers against the same numbers before writing a file.
 */

/** Characters of short texts. A summary fits a hall card, a feed item and a search result snippet. */
export const maxChars = {
  summary: 280,
  showcaseSummary: 600,
  recruitingNote: 400,
  shortName: 24,
  paperId: 20,
  promoCode: 40,
  /** A programme session code such as "8A" or "P3-07". */
  sessionCode: 12,
  /** A chat channel handle, after its "#". */
  channelHandle: 80,
} as const;

/** The latest year a date field may name: a typo such as 20201 fails instead of publishing. */
export const latestYear = 2200;
