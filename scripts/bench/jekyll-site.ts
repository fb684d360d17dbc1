/**
 * `npm run bench -- --jekyll-site <root> [--tier-as "Patron=wimir-champion" …]`: a real
 * conference's sponsors as the kit publishes them. In a throw-away copy of the project (never
 * in src/content) it keeps the demo's conference, tiers, areas and locations, imports the
 * Jekyll site's sponsor section with `import:jekyll --site` (logos as the old site had them),
 * builds it, and prints the page weights by kind (images with the page and in all) and, for
 * each logo of the hall, the widest file a browser may load against the plate it is drawn in.
 * docs/performance.md gives the commands for the ISMIR 2020 site.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { localFile } from '../../src/lib/built-site.ts';
import { plateGeometry, plateInner, type LogoSize } from '../../src/lib/logo-box.ts';
import { readPage } from '../lib/built/read-page.ts';
import { timed, type Timing } from './measure.ts';
import { benchProject, projectNode, projectRoot } from './project.ts';
import { weighSite, weightTable } from './weights.ts';
import { contentDir } from '../../src/core/project.ts';

export interface HallLogo {
  size: LogoSize;
  /** The plate's inner width, CSS px. */
  box: number;
  /** The widest file among the logo's candidates, in pixels (an SVG: the width it is drawn at). */
  widest: number;
  file: string;
}

/** Every logo of a built hall, with the widest file a browser may load for it and its plate. */
export async function hallLogos(dist: string, base = '/'): Promise<HallLogo[]> {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const plates = plateGeometry(readFileSync(join(projectRoot, 'src', 'styles', 'tokens.css'), 'utf8'));
  const logos: HallLogo[] = [];
  // Each hall card is an <li class="card size-…">; its first image is the logo.
  for (const card of html.split(/<li class="card size-/).slice(1)) {
    const size = /^(xl|l|m|s)\b/.exec(card)?.[1] as LogoSize | undefined;
    const image = readPage(card.slice(0, card.indexOf('</li>'))).images[0];
    if (!size || !image) continue;
    let widest = 0;
    let widestFile = '';
    for (const choice of image.choices) {
      for (const url of [choice.src, ...choice.srcset.map((c) => c.url)]) {
        const file = url && localFile(url, base);
        if (!file) continue;
        const width = file.endsWith('.svg') ? Number(/<img[^>]*\swidth="(\d+)"/.exec(card)?.[1] ?? 0) : ((await sharp(join(dist, file)).metadata()).width ?? 0);
        if (width > widest) [widest, widestFile] = [width, file];
      }
    }
    logos.push({ size, box: Math.round(plateInner(plates, size).width), widest, file: widestFile });
  }
  return logos;
}

export function logoTable(logos: HallLogo[]): string {
  return [
    '| plate | inner width px | widest file px | ratio | file |',
    '|---|---:|---:|---:|---|',
    ...logos.map((l) => `| ${l.size} | ${l.box} | ${l.widest} | ${(l.widest / l.box).toFixed(2)}× | ${l.file} |`),
  ].join('\n');
}

export async function benchJekyllSite(siteRoot: string, tierAs: string[], logs: string): Promise<{ report: string; ok: boolean; remove: () => void }> {
  const project = benchProject('jekyll');
  mkdirSync(project.contentDir, { recursive: true });
  for (const file of ['conference.yaml', 'tiers.yaml', 'areas.yaml', 'locations.yaml']) cpSync(join(projectRoot, contentDir, file), join(project.contentDir, file));
  const importArgs = ['--site', siteRoot, ...tierAs.flatMap((t) => ['--tier-as', t])];
  execFileSync(projectNode, [join(projectRoot, 'scripts', 'import-jekyll.ts'), ...importArgs], { cwd: project.root, stdio: ['ignore', 'ignore', 'inherit'] });
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const t: Timing = await timed(project.buildCommand, project.root, join(logs, 'jekyll-site-cold.log'), env);
  if (!t.ok) return { report: `build failed (exit ${t.exitCode}); see ${t.log}`, ok: false, remove: project.remove };
  const logos = await hallLogos(project.dist);
  const widest = logos.reduce((a, b) => (b.widest / b.box > a.widest / a.box ? b : a));
  const report = [
    `boothkit on the Jekyll site ${siteRoot} (import:jekyll ${importArgs.join(' ')}), in ${project.root}: cold build ${t.wallS.toFixed(2)} s wall, ${t.cpuS.toFixed(2)} s CPU, load ${t.load1}.`,
    '',
    weightTable(weighSite(project.dist)),
    '',
    `Hall logos: ${logos.length}; the widest file against its plate: ${widest.widest} px for a ${widest.box} px ${widest.size} plate (${(widest.widest / widest.box).toFixed(2)}×, ${widest.file}).`,
    '',
    logoTable(logos),
  ].join('\n');
  return { report, ok: true, remove: project.remove };
}
