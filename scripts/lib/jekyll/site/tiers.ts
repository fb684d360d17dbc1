/**
 * Tier names as sponsor pages write them ("Platinum Sponsors", class="gold-wrapper",
 * "WiMIR Champions", a data file key `silver`) → tiers of src/content/tiers.yaml. Only an
 * exact match of an id or label counts (plural and "sponsors" aside); anything else is
 * mapped by the user with --tier-as, never guessed.
 */
import { programmeOf } from '../../../../src/lib/booth.ts';
import { closest } from '../../../../src/core/suggest.ts';
import type { Tier } from '../../../../src/schemas/tier.ts';
import { contentLayout, contentPath } from '../../../../src/core/project.ts';

/** Words around a tier's name that are not part of it. */
const filler = /\b(tiers?|levels?|our|the|and|with|thanks?|thank you|to|for|of|by|logos?|wrapper|title|section|list|grid|row|card|block)\b/gi;
/** Words that say "sponsors": dropped from a tier's name unless nothing else is left ("Supporter" is a tier). */
const sponsorish = /\b(sponsors?|sponsorship|sponsored|partners?|supporters?|exhibitors?)\b/gi;
export const sponsorWords = /\b(sponsors?|sponsorship|partners|supporters|sponsored by|exhibitors)\b/i;

function words(text: string): string {
  return text
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .join(' ')
    .trim();
}

/** A name with and without its sponsor words: "Platinum Sponsors 2020" → ["platinum", "platinum sponsor"]. */
function forms(text: string, conference?: string): { core: string; all: string } {
  let t = text.toLowerCase().replace(/[-_]+/g, ' ').replace(/\b(19|20)\d\d\b/g, ' ');
  if (conference) t = t.replace(new RegExp(`\\b${conference.toLowerCase()}\\b`, 'g'), ' ');
  t = t.replace(filler, ' ');
  return { core: words(t.replace(sponsorish, ' ')), all: words(t) };
}

/** "Platinum Sponsors 2020" → "platinum"; "WiMIR Champions" → "wimir champion"; "Supporters" → "supporter". */
export function tierWords(text: string, conference?: string): string {
  const { core, all } = forms(text, conference);
  return core || all;
}

/** A name's words besides the sponsor words: "Gold Partners" → "gold", "Sponsors" → "". */
export function tierCore(text: string, conference?: string): string {
  return forms(text, conference).core;
}

/** The names a text can mean, inside a programme also without the programme's name. */
function names(text: string, conference: string | undefined, programme: string | undefined): Set<string> {
  const { core, all } = forms(text, conference);
  const list = [core, all];
  if (programme) list.push(...list.map((n) => n.replace(new RegExp(`\\b${programme}\\b`), '').trim()));
  // A programme's name alone ("WiMIR") names the programme, not one of its tiers.
  return new Set(list.filter((n) => n && n !== programme));
}

/** A heading that names no tier ("Our Sponsors") is mapped by its whole text. */
const mappingKey = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

export interface TierMatcher {
  tiers: Tier[];
  /** --tier-as "Diamond=platinum": tier words → tier id, or "skip". */
  mapping: Map<string, string>;
  conference?: string | undefined;
}

export type TierMatch = { tier: Tier } | { skip: true } | undefined;

/** The tier a heading, class or data key names, within a programme when one is known. */
export function matchTier(text: string, matcher: TierMatcher, programme?: string): TierMatch {
  const key = tierWords(text, matcher.conference);
  const mapped = (key ? matcher.mapping.get(key) : undefined) ?? matcher.mapping.get(mappingKey(text));
  if (!key && !mapped) return undefined;
  if (mapped === 'skip') return { skip: true };
  if (mapped) {
    const tier = matcher.tiers.find((t) => t.id === mapped);
    return tier ? { tier } : undefined;
  }
  const candidates = programme ? matcher.tiers.filter((t) => programmeOf(t) === programme) : matcher.tiers;
  const mine = names(text, matcher.conference, programme);
  for (const tier of candidates) {
    const own = programmeOf(tier) === 'main' ? undefined : programmeOf(tier);
    const theirs = new Set([...names(tier.id, undefined, own), ...names(tier.label, undefined, own)]);
    if ([...mine].some((n) => theirs.has(n))) return { tier };
  }
  return undefined;
}

/** The programme (other than "main") a heading or page names: "WiMIR Sponsors" → "wimir". */
export function programmeIn(text: string, tiers: Tier[]): string | undefined {
  const programmes = [...new Set(tiers.map(programmeOf))].filter((p) => p !== 'main');
  return programmes.find((p) => new RegExp(`(^|[^a-z])${p}([^a-z]|$)`, 'i').test(text));
}

/** Checks --tier-as values ("Diamond=platinum"): a map of tier words → tier id or "skip", or the problems. */
export function readTierMapping(values: string[], tiers: Tier[], conference?: string): { mapping: Map<string, string> } | { errors: string[] } {
  const mapping = new Map<string, string>();
  const errors: string[] = [];
  for (const value of values) {
    const eq = value.lastIndexOf('=');
    const [text, id] = eq === -1 ? [value, ''] : [value.slice(0, eq), value.slice(eq + 1).trim().toLowerCase()];
    if (!text.trim() || !id) {
      errors.push(`--tier-as "${value}" should be "<name on the old site>=<tier id>", e.g. --tier-as "Diamond=platinum" (or =skip to leave those sponsors out)`);
      continue;
    }
    if (id !== 'skip' && !tiers.some((t) => t.id === id)) {
      const best = closest(id, tiers.map((t) => t.id));
      errors.push(`--tier-as "${value}": no tier "${id}" in ${contentPath(contentLayout.tiers)} (${tiers.map((t) => t.id).join(', ')})${best ? `. Did you mean "${best}"?` : ''}`);
      continue;
    }
    // By its tier words ("Diamond Sponsors" and "diamond" are one tier), and as written (a file name, "Our sponsors").
    if (tierWords(text, conference)) mapping.set(tierWords(text, conference), id);
    mapping.set(mappingKey(text), id);
  }
  return errors.length ? { errors } : { mapping };
}
