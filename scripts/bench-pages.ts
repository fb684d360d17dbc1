/**
 * Page-quality benchmark (not a test): builds the site into a temporary folder, serves it on
 * 127.0.0.1 like a static host (gzip, the headers of _headers), and runs Lighthouse with the
 * system Chromium on the hall, a booth and the roles board. Prints the four category scores,
 * the bytes transferred by kind and the request count per page, and Lighthouse's image audits
 * (sizes, formats, compression, dimensions, the largest paint's image found early): each must
 * pass or not apply, else the run exits 1.
 *
 *   npm run bench:pages                      mobile emulation (Lighthouse's default)
 *   npm run bench:pages -- --desktop         desktop preset
 *   npm run bench:pages -- --dist dist       measure an existing build instead
 *   npm run bench:pages -- --booth /booths/spotify/
 *
 * Chromium: the one every tool uses (scripts/lib/chromium.ts chromiumPath).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { styleText } from 'node:util';
import lighthouse, { desktopConfig } from 'lighthouse';
import { pageLayout, siteSettings } from '../src/lib/site-settings.ts';
import { readBuilt, walkSite } from './lib/built/pages.ts';
import { launchChromium } from './lib/chromium.ts';
import { readScriptFlags } from './lib/cli.ts';
import { serveStatic } from './lib/static-server.ts';
import { routes } from '../src/lib/routes.ts';
import { contentLayout, contentPath } from '../src/core/project.ts';

const root = resolve(import.meta.dirname, '..');
const args = readScriptFlags('bench:pages', import.meta.filename, {
  desktop: { type: 'boolean', help: "Lighthouse's desktop preset" },
  dist: { type: 'string', help: 'measure an existing build instead' },
  booth: { type: 'string', help: 'the booth page to measure (default: the largest)' },
});

/** Builds into a fresh temporary folder, so dist/ (and anyone testing it) is left alone. */
function build(): string {
  const out = mkdtempSync(join(tmpdir(), 'boothkit-bench-pages-'));
  console.log(styleText('dim', `building into ${out} …`));
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', out], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('the build failed; run `npm run build` to see why');
  return out;
}

/** The booth page with the most HTML: the one showing the most kinds of content. */
function largestBooth(dist: string, base: string): string {
  const booths = walkSite(dist, { ...pageLayout, base })
    .pages.filter((p) => p.kind === 'booth')
    .map((p) => ({ path: p.path, size: readBuilt(dist, p).length }))
    .sort((a, b) => b.size - a.size);
  if (!booths[0]) throw new Error(`no booth page in ${dist}`);
  return booths[0].path;
}

interface Row {
  name: string;
  path: string;
  scores: number[];
  bytes: Record<'document' | 'css' | 'image' | 'script' | 'other', number>;
  requests: number;
  /** Lab metrics behind the performance score, as Lighthouse displays them. */
  metrics: string[];
  /** Image audits that did not pass: id, title and what Lighthouse says. */
  imageFailures: string[];
}

/**
 * Lighthouse 13's audits of images: delivery (responsive size, modern format, compression),
 * the largest paint's image discoverable and not lazy, width and height set, the right
 * proportions, enough pixels for the screen's density.
 */
const imageAudits = ['image-delivery-insight', 'lcp-discovery-insight', 'unsized-images', 'image-aspect-ratio', 'image-size-responsive'] as const;

const metricAudits = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'] as const;

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

async function measure(port: number, origin: string, name: string, path: string): Promise<Row> {
  const result = await lighthouse(`${origin}${path}`, { port, output: 'json', logLevel: 'error', onlyCategories: [...categories] }, args.desktop ? desktopConfig : undefined);
  if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.message}`);
  const items = ((lhr.audits['network-requests']?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? []);
  const bytes = { document: 0, css: 0, image: 0, script: 0, other: 0 };
  for (const item of items) {
    const kind = item.resourceType === 'Document' ? 'document' : item.resourceType === 'Stylesheet' ? 'css' : item.resourceType === 'Image' ? 'image' : item.resourceType === 'Script' ? 'script' : 'other';
    bytes[kind] += item.transferSize ?? 0;
  }
  const metrics = metricAudits.map((id) => lhr.audits[id]?.displayValue ?? '?');
  const imageFailures = imageAudits.flatMap((id) => {
    const audit = lhr.audits[id];
    if (!audit) return [`${id}: not run by this Lighthouse`];
    // null: the audit does not apply (no image of that kind on the page).
    if (audit.score === null || audit.score === 1) return [];
    // The images it names, with the bytes it says would be saved.
    const items = ((audit.details as { items?: { url?: string; wastedBytes?: number }[] } | undefined)?.items ?? []).filter((i) => i.url);
    const named = items.slice(0, 3).map((i) => `${new URL(i.url!).pathname}${i.wastedBytes ? ` (${kB(i.wastedBytes)})` : ''}`);
    return [`${id} (${audit.title})${audit.displayValue ? `: ${audit.displayValue}` : ''}${named.length ? ` on ${named.join(', ')}` : ''}`];
  });
  return { name, path, scores: categories.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100)), bytes, requests: items.length, metrics, imageFailures };
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

function print(rows: Row[]) {
  const header = ['page', 'path', 'perf', 'a11y', 'best', 'seo', 'HTML+CSS', 'images', 'JS', 'total', 'requests'];
  const lines = rows.map((r) => {
    const total = Object.values(r.bytes).reduce((a, b) => a + b, 0);
    return [r.name, r.path, ...r.scores.map(String), kB(r.bytes.document + r.bytes.css), kB(r.bytes.image), kB(r.bytes.script), kB(total), String(r.requests)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(styleText('bold', format(header)));
  for (const line of lines) console.log(format(line));
  console.log('');
  for (const r of rows) console.log(`${r.name.padEnd(widths[0]!)}  FCP ${r.metrics[0]}, LCP ${r.metrics[1]}, TBT ${r.metrics[2]}, CLS ${r.metrics[3]}, Speed Index ${r.metrics[4]}`);
  console.log('');
  for (const r of rows) {
    const verdict = r.imageFailures.length === 0 ? styleText('green', `all ${imageAudits.length} image audits pass or do not apply`) : styleText('red', `image audits failed: ${r.imageFailures.join('; ')}`);
    console.log(`${r.name.padEnd(widths[0]!)}  ${verdict}`);
  }
  console.log(styleText('dim', 'bytes are as transferred (gzip for text, as a static host serves them); scores are Lighthouse 0-100'));
}

const dist = args.dist ? resolve(args.dist) : build();
const { base } = siteSettings(join(root, contentPath(contentLayout.conference)));
const { server, origin: host } = await serveStatic(dist, base);
const origin = `${host}${base.replace(/\/$/, '')}`;
const chromium = await launchChromium();
try {
  const pages = [
    { name: 'hall', path: routes.hall },
    { name: 'booth', path: args.booth ?? largestBooth(dist, base) },
    { name: 'board', path: routes.board },
  ];
  console.log(styleText('dim', `Lighthouse, ${args.desktop ? 'desktop' : 'mobile'} preset, ${origin}/`));
  const rows: Row[] = [];
  for (const page of pages) rows.push(await measure(chromium.port, origin, page.name, page.path));
  print(rows);
  if (rows.some((r) => r.imageFailures.length > 0)) process.exitCode = 1;
} finally {
  await chromium.stop();
  server.close();
  if (!args.dist) rmSync(dist, { recursive: true, force: true });
}
