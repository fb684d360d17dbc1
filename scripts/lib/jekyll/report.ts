/**
 * What an import did, in three kinds of line: converted (done), worth a look (note), and
 * left for the author (todo). Repeated lines are counted, not repeated.
 */
export class Report {
  readonly converted: Map<string, number> = new Map();
  readonly notes: Map<string, number> = new Map();
  readonly todos: Map<string, number> = new Map();

  private add(map: Map<string, number>, line: string) {
    map.set(line, (map.get(line) ?? 0) + 1);
  }
  /** Something converted as it should be. */
  done(line: string) {
    this.add(this.converted, line);
  }
  /** A headline of what was converted, listed first. */
  lead(line: string) {
    const rest = [...this.converted];
    this.converted.clear();
    this.converted.set(line, 1);
    for (const [l, n] of rest) this.converted.set(l, n);
  }
  /** Converted, but a person should glance at it. */
  note(line: string) {
    this.add(this.notes, line);
  }
  /** Not converted, or converted with a stand-in: the author must act. */
  todo(line: string) {
    this.add(this.todos, line);
  }

  static lines(map: Map<string, number>): string[] {
    return [...map].map(([line, n]) => (n > 1 ? `${line} (${n}×)` : line));
  }
}
