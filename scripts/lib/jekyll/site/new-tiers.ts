/**
 * `--add-tiers`: the tiers an old site names that tiers.yaml lacks, written into tiers.yaml
 * instead of stopping the import. Each gets its place as on the old page (ranks of the
 * tiers after it move down), a booth page only when the old site had booth pages for it,
 * a logo size from the old markup where it gives one, and a price and benefits that stand
 * in until the web chair fills them (marked for `check:content -- --launch`).
 */
import { Document, parseDocument } from 'yaml';
import { programmeOf } from '../../../../src/lib/booth.ts';
import type { StandIn } from '../../../../src/schemas/stand-ins.ts';
import type { Tier } from '../../../../src/schemas/tier.ts';
import { slugify } from '../../project.ts';
import { standInsYaml } from '../../scaffold.ts';
import type { Listed } from './listing.ts';
import { programmeIn, tierWords, type TierMatcher } from './tiers.ts';
import { count } from '../../../../src/core/wording.ts';

export interface AddedTier {
  tier: Tier & { standIns: StandIn[] };
  /** The names the old site gives it ("Gold Partners"), where, and its sponsors. */
  texts: string[];
  where: string;
  sponsors: string[];
  /** Whether the old markup or data gave its logos a width. */
  sized: boolean;
}

export interface TierPlan {
  /** Every tier, in the new order with new ranks. */
  tiers: Tier[];
  added: AddedTier[];
  /** Existing tiers whose rank changes: id → new rank. */
  reranked: Map<string, number>;
}

/** Words at the ends of a tier's heading that say "sponsors" or "tier", not which tier: dropped from the label. */
const edgeWords = /^(?:our|the)\s+|\s+(?:sponsors?|sponsorship|partners?|supporters?|exhibitors?|tiers?|levels?)$/i;

/**
 * The label of a new tier, as the old page words it less what frames it: "Gold Partners" →
 * "Gold", "Our Startup Sponsors" → "Startup", "Supporters" → "Supporter". Words inside the name
 * stay ("Technically Co-Sponsored by IEEE Computer Society"): the hall heading adds "sponsors"
 * only to a label that does not already say so (tierHeading in src/lib/display-text.ts).
 */
export function newTierLabel(text: string, conference: string | undefined, programmeLabel: string | undefined): string {
  let t = text.replace(/\b(19|20)\d\d\b/g, ' ');
  if (conference) t = t.replace(new RegExp(`\\b${conference}\\b`, 'gi'), ' ');
  if (programmeLabel) t = t.replace(new RegExp(`\\b${programmeLabel}\\b`, 'gi'), ' ');
  t = t.replace(/[^\p{L}\p{N}&+'\- ]+/gu, ' ').replace(/\s+/g, ' ').trim();
  let core = t;
  for (let next = core.replace(edgeWords, ''); next !== core; next = core.replace(edgeWords, '')) core = next;
  const words = (core || t).split(' ').filter(Boolean);
  const last = words.at(-1);
  if (last && last.length > 3 && /[^s]s$/i.test(last)) words[words.length - 1] = last.slice(0, -1);
  // A name written in lower case (a data key: "startup sponsors") is title-cased; one with capitals is kept as written.
  const lower = words.every((w) => w === w.toLowerCase());
  const label = words.map((w, i) => (lower || i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');
  return programmeLabel ? `${programmeLabel} ${label}` : label;
}

/** The programme's name as its tiers write it: "WiMIR" from "WiMIR Champion". */
function programmeLabel(programme: string, tiers: Tier[]): string {
  for (const t of tiers.filter((x) => programmeOf(x) === programme)) {
    const word = t.label.split(/\s+/).find((w) => w.toLowerCase() === programme.toLowerCase());
    if (word) return word;
  }
  return programme.toUpperCase();
}

/** A logo box size from the widths the old site gave its logos (`image_width: 170px`). */
function sizeFromWidth(width: number): Tier['logoSize'] {
  return width >= 200 ? 'xl' : width >= 150 ? 'l' : width >= 100 ? 'm' : 's';
}

/**
 * The tiers to add for the listed entries no tier matched, and the order of all tiers.
 * `hadBooth(entries)` says whether the old site had a booth page for any of them.
 */
export function planNewTiers(listed: Listed[], matcher: TierMatcher, hadBooth: (entries: Listed[]) => boolean): TierPlan {
  const existing = [...matcher.tiers].sort((a, b) => a.rank - b.rank);
  const currency = existing[0]?.price.currency ?? 'USD';
  const unknown = new Map<string, Listed[]>();
  const keyOf = (entry: Listed) => {
    const programme = programmeIn(`${entry.where} ${entry.tierText}`, matcher.tiers);
    return `${programme ?? 'main'}\u0000${tierWords(entry.tierText, matcher.conference)}`;
  };
  for (const entry of listed.filter((e) => !e.tier && e.tierText)) unknown.set(keyOf(entry), [...(unknown.get(keyOf(entry)) ?? []), entry]);

  const added = new Map<string, AddedTier>();
  for (const [key, entries] of unknown) {
    const programme = key.split('\u0000')[0]!;
    const own = programme === 'main' ? undefined : programmeLabel(programme, matcher.tiers);
    const label = newTierLabel(entries[0]!.tierText, matcher.conference, own);
    const id = slugify(label) || slugify(`${programme}-tier`);
    const widths = entries.flatMap((e) => (e.logoWidth ? [e.logoWidth] : [])).sort((a, b) => a - b);
    const booth = hadBooth(entries);
    const benefit = booth ? 'A booth page with roles, papers, videos and events' : 'Logo on the sponsor hall linking to the sponsor\'s website';
    const standIns: StandIn[] = [
      { field: 'price.amount', value: 0, note: 'the price of the tier' },
      { field: 'benefits[0]', value: benefit, note: 'what the tier includes, one line each' },
    ];
    added.set(key, {
      tier: { id, label, programme, rank: 0, logoSize: widths.length ? sizeFromWidth(widths[Math.floor(widths.length / 2)]!) : 's', hasBooth: booth, price: { amount: 0, currency }, benefits: [benefit], available: true, standIns },
      texts: [...new Set(entries.map((e) => e.tierText))],
      where: [...new Set(entries.map((e) => e.where))].join(', '),
      sponsors: [...new Set(entries.map((e) => e.name))],
      sized: widths.length > 0,
    });
  }

  // The old page's order: each new tier right after the tier before it on the page, else before the one after it.
  const order: Tier[] = [...existing];
  for (const where of [...new Set(listed.map((e) => e.where))]) {
    const sequence: Tier[] = [];
    for (const entry of listed.filter((e) => e.where === where)) {
      const tier = entry.tier && 'tier' in entry.tier ? entry.tier.tier : !entry.tier && entry.tierText ? added.get(keyOf(entry))?.tier : undefined;
      if (tier && sequence.at(-1) !== tier) sequence.push(tier);
    }
    sequence.forEach((tier, i) => {
      if (order.includes(tier)) return;
      const before = sequence.slice(0, i).reverse().find((t) => order.includes(t));
      const after = sequence.slice(i + 1).find((t) => order.includes(t));
      const lastOfProgramme = order.map((t) => programmeOf(t)).lastIndexOf(programmeOf(tier));
      const at = before ? order.indexOf(before) + 1 : after ? order.indexOf(after) : lastOfProgramme >= 0 ? lastOfProgramme + 1 : order.length;
      order.splice(at, 0, tier);
    });
  }
  const reranked = new Map<string, number>();
  order.forEach((tier, i) => {
    if (existing.includes(tier) && tier.rank !== i + 1) reranked.set(tier.id, i + 1);
  });
  const isNew = new Set([...added.values()].map((a) => a.tier as Tier));
  const tiers = order.map((tier, i) => {
    if (!isNew.has(tier)) return { ...tier, rank: i + 1 };
    tier.rank = i + 1;
    return tier;
  });
  // Without a logo width of its own, a new tier shows its logos like the existing tier above it (or below, for the first).
  for (const a of added.values()) {
    if (a.sized) continue;
    const i = order.indexOf(a.tier);
    const neighbour = order.slice(0, i).reverse().find((t) => !isNew.has(t)) ?? order.slice(i + 1).find((t) => !isNew.has(t));
    if (neighbour) a.tier.logoSize = neighbour.logoSize;
  }
  return { tiers, added: [...added.values()], reranked };
}

/** tiers.yaml with the ranks changed and the new tiers appended, comments kept. */
export function tiersFileText(text: string, plan: TierPlan, source: string): string {
  const doc = parseDocument(text);
  for (const [id, rank] of plan.reranked) {
    const items = (doc.contents as { items?: { get(key: string): unknown; set(key: string, value: unknown): void }[] } | null)?.items ?? [];
    items.find((item) => item.get('id') === id)?.set('rank', rank);
  }
  const entries = plan.added.map(({ tier, texts, sponsors }) => {
    const { standIns, ...fields } = tier;
    const entry = new Document({ id: fields.id, label: fields.label, ...(fields.programme !== 'main' ? { programme: fields.programme } : {}), rank: fields.rank, logoSize: fields.logoSize, hasBooth: fields.hasBooth, price: fields.price, benefits: fields.benefits });
    // The price on one line, as in the hand-written entries.
    (entry.get('price', true) as { flow?: boolean }).flow = true;
    const lines = `${entry.toString({ lineWidth: 0 })}${standInsYaml(standIns)}`.trimEnd().split('\n');
    return `# "${texts.join('", "')}" on the old site (${count(sponsors.length, 'sponsor')}: ${sponsors.slice(0, 4).join(', ')}${sponsors.length > 4 ? ', …' : ''})\n${lines.map((l, i) => `${i === 0 ? '- ' : '  '}${l}`).join('\n')}\n`;
  });
  const head = doc.toString({ lineWidth: 0 });
  return `${head}${head.endsWith('\n') ? '' : '\n'}# Added by npm run import:jekyll -- --add-tiers from ${source}\n${entries.join('')}`;
}
