/** The fuzzers' random numbers. */

/** A small, fast, seeded generator (mulberry32): the same seed gives the same bodies on any machine. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof seeded>;

/** The seed of case `index` of a run seeded `seed`: any one case can be made again alone. */
export const bodySeed = (seed: number, index: number) => (Math.imul(seed, 1_000_003) + index) >>> 0;
