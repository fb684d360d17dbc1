/**
 * `npm run import:jekyll -- <booth.md> [more…]`: converts Jekyll booth pages into sponsor
 * files and role files, prints what it converted and what it left for the author, then runs
 * the content check. Nothing is written when anything is in the way (without --force) or
 * when a booth lacks what a sponsor needs (tier, website).
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { checkAfterWrite, listWritten, previewUrl, type Written } from './after-write.ts';
import { ask, failWith, helpText, isInteractive, paint, plural, readFlags, writeNewFiles, type FlagSpec, type NewFile } from './cli.ts';
import { planBooth, splitFrontMatter, type BoothPlan } from './jekyll/import.ts';
import { Report } from './jekyll/report.ts';
import { findTier, loadProject, mainTiers, paths, type Project } from './project.ts';
import { checkDay, checkUrl } from './role-input.ts';
import { yamlScalar } from './scaffold.ts';

const flags = {
  tier: { type: 'string', help: 'tier id or label (src/content/tiers.yaml) for the imported booths' },
  website: { type: 'string', help: 'the sponsor\'s website (one booth only)' },
  name: { type: 'string', help: 'sponsor name; default: the page title without "booth" (one booth only)' },
  id: { type: 'string', help: 'file name and address /booths/<id>/; default: from the name (one booth only)' },
  summary: { type: 'string', help: 'one or two sentences; default: written from the roles (one booth only)' },
  logo: { type: 'string', help: 'logo file of the old site or on disk (one booth only)' },
  hero: { type: 'string', help: 'hero image of the old site or on disk (one booth only)' },
  posted: { type: 'string', help: 'datePosted of the roles, YYYY-MM-DD; default: the page\'s date, else today' },
  'valid-through': { type: 'string', help: 'closing date for roles that give none, YYYY-MM-DD' },
  'site-root': { type: 'string', help: 'the Jekyll site\'s folder, where /assets/… paths are found; default: the folders above each booth' },
  'site-url': { type: 'string', help: 'address of the old site, to keep links to its other pages' },
  'add-areas': { type: 'boolean', help: 'add unknown research areas to src/content/areas.yaml instead of reporting them' },
  force: { type: 'boolean', help: 'replace files that already exist (e.g. to import again)' },
  'dry-run': { type: 'boolean', help: 'print the report, write nothing' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
} satisfies Record<string, FlagSpec>;

const singleBooth = ['website', 'name', 'id', 'summary', 'logo', 'hero'] as const;

function section(title: string, lines: string[], mark: string): string[] {
  return lines.length ? [`  ${title}`, ...lines.map((l) => `    ${mark} ${l}`)] : [];
}

function printPlan(plan: BoothPlan, file: string, project: Project, written: Written[]): string[] {
  const { report } = plan;
  const root = project.root;
  const rolesDir = dirname(paths.role(project, plan.id, 'x'));
  const roleFiles = written.filter((w) => w.path.startsWith(`${rolesDir}/`));
  const others = written.filter((w) => !w.path.startsWith(`${rolesDir}/`));
  return [
    '',
    paint('bold', `${relative(root, file)} → ${plan.name} (${relative(root, paths.sponsor(project, plan.id))})`),
    ...section('Converted', Report.lines(report.converted), paint('green', '✓')),
    ...section('Worth a look', Report.lines(report.notes), paint('cyan', '·')),
    ...section('Left for you', Report.lines(report.todos), paint('yellow', '!')),
    `  Files (${written.length})`,
    ...listWritten(project, others).map((l) => `  ${l}`),
    ...(roleFiles.length ? [`    ${relative(root, rolesDir)}/ ${paint('dim', `${plural(roleFiles.length, 'role file')}: ${plan.roles.map((r) => r.id).join(', ')}`)}`] : []),
  ];
}

export async function importJekyll(argv: string[], root: string): Promise<number> {
  const { values, positionals } = readFlags(argv, flags, true);
  if (values.help || positionals.length === 0) {
    console.log(helpText('npm run import:jekyll -- <booth.md> [more.md …] --tier platinum --website https://…', flags, 'Tier and website come from the flags, the page\'s front matter, or (in a terminal) a prompt.'));
    return values.help ? 0 : 1;
  }
  const errors: string[] = [];
  if (positionals.length > 1) for (const f of singleBooth) if (values[f] !== undefined) errors.push(`--${f} names one booth; import the booths one at a time to give each its own --${f}`);
  for (const file of positionals) if (!existsSync(file)) errors.push(`no file ${file}`);
  if (values.website && checkUrl(values.website, 'the website')) errors.push(checkUrl(values.website, 'the website')!);
  for (const [flag, value] of [['--posted', values.posted], ['--valid-through', values['valid-through']]] as const) if (value && checkDay(value, flag)) errors.push(checkDay(value, flag)!);
  if (values['site-url'] && checkUrl(values['site-url'], '--site-url')) errors.push(checkUrl(values['site-url'], '--site-url')!);
  if (errors.length) failWith(errors);

  const project = loadProject(root);
  const newAreas = values['add-areas'] ? new Map<string, string>() : undefined;
  const plans: { plan: BoothPlan; file: string }[] = [];
  for (const file of positionals) {
    // In a terminal, ask for what neither the flags nor the page say.
    const { front } = splitFrontMatter(readFileSync(file, 'utf8'));
    const title = typeof front['title'] === 'string' ? front['title'] : file;
    let tier = values.tier;
    let website = values.website;
    if (isInteractive()) {
      tier ??= typeof front['tier'] === 'string' ? undefined : await ask(`Tier of ${title} (${mainTiers(project).map((t) => t.id).join(', ')})`, (a) => { const t = findTier(project, a); return typeof t === 'string' ? t : undefined; });
      website ??= typeof front['website'] === 'string' ? undefined : await ask(`Website of ${title}`, (a) => checkUrl(a, 'the website'));
    }
    const result = planBooth({
      project,
      file,
      tier,
      website,
      id: values.id,
      name: values.name,
      summary: values.summary,
      logo: values.logo,
      hero: values.hero,
      posted: values.posted,
      validThrough: values['valid-through'],
      siteRoot: values['site-root'],
      siteUrl: values['site-url'],
      newAreas,
    });
    if ('errors' in result) errors.push(...result.errors);
    else plans.push({ plan: result.plan, file });
  }
  for (const { plan } of plans) {
    const clash = project.sponsorIds.find((s) => s.toLowerCase() === plan.id && s !== plan.id);
    if (clash) errors.push(`a sponsor "${clash}" exists already (its file differs only in case); pass --id`);
    if (plans.filter((p) => p.plan.id === plan.id).length > 1) errors.push(`two booths would both become "${plan.id}"; import them one at a time with --id`);
  }
  if (errors.length) failWith([...new Set(errors)]);

  const files: NewFile[] = plans.flatMap((p) => p.plan.files);
  const areasFile = paths.areas(project);
  if (!values['dry-run']) {
    writeNewFiles(files, root, values.force);
    if (newAreas?.size) {
      const entries = [...newAreas].map(([id, label]) => `- id: ${id}\n  label: ${yamlScalar(label)}\n`).join('');
      const text = readFileSync(areasFile, 'utf8');
      appendFileSync(areasFile, `${text.endsWith('\n') ? '' : '\n'}# Added by npm run import:jekyll --add-areas\n${entries}`);
    }
  }

  const out: string[] = [];
  for (const { plan, file } of plans) {
    const written = plan.files.map((f) => ({ path: f.path, ...(plan.fileNotes.has(f.path) ? { note: plan.fileNotes.get(f.path)! } : {}) }));
    out.push(...printPlan(plan, file, project, written));
  }
  if (newAreas?.size) out.push('', `${paint('green', '✓')} Added ${plural(newAreas.size, 'research area')} to ${relative(root, areasFile)}: ${[...newAreas.values()].join(', ')}`);
  out.push('');
  if (values['dry-run']) {
    out.push(`Dry run: nothing was written (${plural(files.length, 'file')} would be).`);
    console.log(out.join('\n'));
    return 0;
  }
  const check = checkAfterWrite(project, files.map((f) => f.path));
  const todos = plans.reduce((n, p) => n + p.plan.report.todos.size, 0);
  out.push(
    `${paint('green', '✓')} Imported ${plural(plans.length, 'booth')}: ${plural(plans.reduce((n, p) => n + p.plan.roles.length, 0), 'role')}, ${plural(plans.reduce((n, p) => n + p.plan.applyLinks, 0), 'apply link')}, ${plural(files.length, 'file')} written.`,
    ...check.lines,
    '',
    'Next:',
    ...(todos ? [`  1. Work through the ${plural(todos, 'item')} under "Left for you" above.`] : []),
    `  ${todos ? 2 : 1}. npm run check:content, then npm start and open ${plans.map((p) => previewUrl(project, `booths/${p.plan.id}/`)).join(' ')}`,
  );
  console.log(out.join('\n'));
  return check.ok ? 0 : 1;
}

