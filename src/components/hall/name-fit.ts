/**
 * Sponsor names on hall cards break only between words. A long word ("SiriusxmPandora",
 * "Musikhochschule") in a narrow card of the lowest tier gets smaller type instead: the card
 * is a size container and SponsorCard.astro's CSS sets the name's size from the card's width
 * (cqi) and the class this gives, the longest word's length rounded up to a step. Bold
 * letters of the system fonts average under 0.68 em, so a word of n letters needs n × 0.68 em.
 */
const fitSteps = [12, 14, 16, 18, 21, 24, 28, 32] as const;

/** The class for a name whose longest word risks not fitting a small card at full size, or undefined. */
export function nameFitClass(name: string): string | undefined {
  const longest = Math.max(...name.split(/\s+/).map((word) => [...word].length));
  if (longest <= 10) return undefined;
  return `fit-${fitSteps.find((step) => step >= longest) ?? fitSteps.at(-1)}`;
}
