/**
 * The CSS that crops a booth's hero image at the sponsor's background position.
 *
 * The Content-Security-Policy forbids style="" attributes, so the crop is one tiny rule that
 * the booth page hands to the layout (`<Base inlineStyles={heroCrop(sponsor)}>`); the layout
 * puts it in <head> and adds its hash to the page's policy.
 */
import type { Sponsor } from '../../lib/model.ts';

/** The class Hero.astro puts on the hero image. */
export const heroImageClass = 'hero-image';

export function heroCrop(sponsor: Pick<Sponsor, 'hero'>): string[] {
  // The schema only accepts "X% Y%", so the value cannot break out of the rule.
  return sponsor.hero ? [`.${heroImageClass}{object-position:${sponsor.hero.position}}`] : [];
}
