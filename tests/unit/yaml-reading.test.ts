/**
 * The content check validates each file as the build reads it (src/core/yaml.ts). That reading
 * must be Astro's own, so this test holds it against Astro's reader, the function its content
 * layer calls for data files (imported from Astro's internal helpers, the package astro itself
 * depends on: if an Astro upgrade changes how it reads YAML, this test fails), on seeded YAML
 * built from the forms readers disagree on: dates and timestamps, number bases, booleans of
 * YAML 1.1, escapes, anchors and merges, tags, block scalars, repeated keys, document markers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYaml } from '@astrojs/internal-helpers/yaml';
import { readYamlAsBuild } from '../../src/core/yaml.ts';

const scalars = [
  '2020-01-01', '2020-1-1', '2020-01-01 10:00:00', '2020-01-01T10:00:00Z', '2001-12-14t21:59:43.10-05:00', '2020-02-30', '2020-01-01 10:00',
  '0x1F', '0o17', '017', '1_000', '+12', '-0', '1e3', '.inf', '-.Inf', '.nan', '3.', '0b101',
  'yes', 'no', 'on', 'off', 'true', 'True', 'TRUE', 'y', '~', 'null', 'Null', '',
  '"\\u202E"', '"\\L\\P"', '"\\0\\x1b"', '"tab\\there"', "'it''s'", '"a: b"', 'a: b', 'a #b', '"#b"',
  '!!str 2020-01-01', '!!int "7"', '!!binary aGVsbG8=', '!custom x', '!!timestamp 2020-01-01', '!!float 1',
  '&x 1', '*x', '[1, *x]', '{a: 1, b: *x}', '[2020-01-01, "q"]', '{<<: {a: 1}, b: 2}',
  '|\n  line one\n  line two', '>-\n  folded\n  text', '|+\n  kept\n\n', '"multi\n  line"',
];
const keys = ['name', 'title', 'date', '<<', '"quoted key"', '? complex', '1', 'true', 'a', 'name'];
const extras = ['---', '...', '# comment', '', '%YAML 1.1\n---', 'anchor: &x {k: v}', 'merged:\n  <<: *x\n  k2: v2'];

/** A seeded generator (mulberry32), so a failure names a document that can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function documentFrom(next: () => number): string {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const lines: string[] = [];
  const count = 1 + Math.floor(next() * 6);
  for (let i = 0; i < count; i++) {
    const roll = next();
    if (roll < 0.15) lines.push(pick(extras));
    else if (roll < 0.3) lines.push(`${pick(keys)}:\n  - ${pick(scalars).replace(/\n/g, '\n    ')}\n  - ${pick(scalars).replace(/\n/g, '\n    ')}`);
    else if (roll < 0.45) lines.push(`${pick(keys)}:\n  ${pick(keys)}: ${pick(scalars).replace(/\n/g, '\n    ')}`);
    else lines.push(`${pick(keys)}: ${pick(scalars)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What a reader makes of a text: its value, or that it refused it. */
function outcome(read: (text: string) => unknown, text: string): { value: unknown } | { refused: true } {
  try {
    return { value: read(text) };
  } catch {
    return { refused: true };
  }
}

describe("the build's YAML reading", () => {
  it("is Astro's, on 3,000 seeded documents of the forms readers disagree on", () => {
    // Both readers warn (through process.emitWarning) about a complex key they turn into text.
    const emitWarning = process.emitWarning;
    process.emitWarning = () => {};
    const next = random(20261205);
    let refused = 0;
    let dates = 0;
    try {
      for (let i = 0; i < 3000; i++) {
        const text = documentFrom(next);
        const ours = outcome(readYamlAsBuild, text);
        assert.deepEqual(ours, outcome(parseYaml, text), `document ${i}:\n${text}`);
        if ('refused' in ours) refused++;
        else if (holdsDate(ours.value)) dates++;
      }
    } finally {
      process.emitWarning = emitWarning;
    }
    // The corpus reaches both outcomes, and the values the check's own reading keeps as text.
    assert.ok(refused > 100, `${refused} refused`);
    assert.ok(dates > 100, `${dates} with dates`);
  });
});

function holdsDate(value: unknown): boolean {
  if (value instanceof Date) return true;
  return value !== null && typeof value === 'object' && Object.values(value).some(holdsDate);
}
