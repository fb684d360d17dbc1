/**
 * Where a build's wall time went, read from the "Build phases" table that `astro build
 * --timings` prints (setup with content sync, bundling, page generation, …) and from the
 * lines that follow it (images, integration hooks), so the bench can set the phases of
 * several variants side by side.
 */

export interface Phase {
  /** "content sync", "generate pages", "images", "integrations" … */
  name: string;
  /** 0 for a phase, 1 for a step inside the phase above it. */
  depth: number;
  seconds: number;
}

/** A duration as the report writes it: "59ms", "1.30s", "1m 2s", "2m". */
const duration = String.raw`(\d+m(?: [\d.]+s)?|[\d.]+m?s)`;
function seconds(text: string): number {
  const m = /^(?:(\d+)m)? ?(?:([\d.]+)(ms|s))?$/.exec(text)!;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) / (m[3] === 'ms' ? 1000 : 1);
}

/** The phases in a build log; empty when the build ran without --timings. */
export function buildPhases(log: string): Phase[] {
  const text = log.replace(/\x1b\[[0-9;]*m/g, '');
  const table = /\nBuild phases\n([\s\S]*?)\n\n/.exec(text)?.[1] ?? '';
  const phases = table.split('\n').flatMap((line) => {
    const m = new RegExp(String.raw`^( +)(\S.*?)\s{2,}${duration}\s`).exec(line);
    return m ? [{ name: m[2]!, depth: m[1]!.length > 2 ? 1 : 0, seconds: seconds(m[3]!) }] : [];
  });
  // Image transforms and integration hooks are reported in their own sections.
  const images = new RegExp(String.raw`\nImages \([\d,]+ transforms?, ${duration}`).exec(text);
  if (images) phases.push({ name: 'images', depth: 0, seconds: seconds(images[1]!) });
  const hooks = new RegExp(String.raw`\nIntegrations \(${duration} in hooks\)`).exec(text);
  if (hooks) phases.push({ name: 'integrations', depth: 0, seconds: seconds(hooks[1]!) });
  return phases;
}

/** A markdown table of each variant's phases, one column per variant. */
export function phaseTable(byVariant: Map<string, Phase[]>): string {
  const names: { name: string; depth: number }[] = [];
  for (const phases of byVariant.values()) {
    for (const { name, depth } of phases) if (!names.some((n) => n.name === name)) names.push({ name, depth });
  }
  const variants = [...byVariant.keys()];
  return [
    `| phase | ${variants.join(' | ')} |`,
    `|---|${variants.map(() => '---:').join('|')}|`,
    ...names.map(({ name, depth }) => {
      const cells = variants.map((v) => byVariant.get(v)!.find((p) => p.name === name)?.seconds.toFixed(2) ?? '-');
      return `| ${depth ? '&nbsp;&nbsp;' : ''}${name} | ${cells.join(' | ')} |`;
    }),
  ].join('\n');
}
