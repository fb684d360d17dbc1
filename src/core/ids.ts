/**
 * Ids: how a name becomes one (file names, filter URLs, scaffolded ids) and how ids that
 * clash are found. One implementation for the site and the authoring commands, so an id made
 * by new:sponsor is the id the filters and the checks expect.
 */

/** Letters that Unicode does not decompose into a base letter and an accent. */
const ownLetters: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * "Acme Audio GmbH & Co." → "acme-audio-gmbh-co"; accents are folded ("Montréal" → "montreal",
 * "Łódź" → "lodz"), compatibility forms too ("ﬁ" → "fi"). Empty when nothing is left.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => ownLetters[letter]!)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Items whose ids clash, ignoring case (on most web servers "Acme" and "acme" are one
 * address): one group per clashing id, each group in input order. Items without an id are skipped.
 */
export function clashingIds<T>(items: readonly T[], idOf: (item: T) => string | undefined): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const id = idOf(item);
    if (id === undefined) continue;
    const key = id.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}
