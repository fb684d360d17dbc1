/**
 * Results of outside URLs kept between runs. Only successes are stored (a working link, a
 * permanent redirect to a working page), never a failure or a transient answer, so a
 * broken link is always re-checked and a fresh success costs no request.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface CachedResult {
  /** When it was checked, ms since the epoch. */
  at: number;
  status: number;
  /** Where a permanent redirect led, for the "update the link" notice. */
  movedTo?: string;
  /** Fragments looked for on the page: found and not found. */
  found?: string[];
  missing?: string[];
}

interface CacheFile {
  version: 1;
  entries: Record<string, CachedResult>;
}

export class LinkCache {
  readonly file: string;
  readonly maxAgeMs: number;
  readonly #entries: Map<string, CachedResult>;
  #dirty = false;

  constructor(file: string, maxAgeMs: number, now = Date.now()) {
    this.file = file;
    this.maxAgeMs = maxAgeMs;
    this.#entries = new Map();
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (data.version === 1) {
        for (const [url, entry] of Object.entries(data.entries)) {
          if (now - entry.at < maxAgeMs) this.#entries.set(url, entry);
        }
      }
    } catch {
      // no cache yet, or an unreadable one: start empty
    }
  }

  /** A fresh success for `url` that answers every fragment asked for, if there is one. */
  get(url: string, fragments: Iterable<string>, now = Date.now()): CachedResult | undefined {
    const entry = this.#entries.get(url);
    if (!entry || now - entry.at >= this.maxAgeMs) return undefined;
    for (const fragment of fragments) {
      if (!entry.found?.includes(fragment) && !entry.missing?.includes(fragment)) return undefined;
    }
    return entry;
  }

  set(url: string, result: CachedResult): void {
    this.#entries.set(url, result);
    this.#dirty = true;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Writes the cache (expired entries were dropped on load); atomic, so a killed run leaves the old file. */
  save(): void {
    if (!this.#dirty) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const data: CacheFile = { version: 1, entries: Object.fromEntries(this.#entries) };
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(data));
    renameSync(temporary, this.file);
    this.#dirty = false;
  }
}

/** "30m", "12h", "7d", or a number of seconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] ?? 's'] ?? 1000;
  return Number(match[1]) * unit;
}
