/**
 * `npm run import:jekyll -- <booth.md> [more…]` converts Jekyll booth pages into sponsor
 * files and role files; `npm run import:jekyll -- --site <jekyll-root>` converts a whole
 * site's sponsors (tiers, logos, websites from its sponsor list, every booth, the hall-only
 * sponsors, other programmes). Both print what was converted and what is left for the
 * author, then run the content check. Nothing is written when anything is in the way
 * (without --force) or when a sponsor lacks what it needs (a tier, a website).
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { checkAfterWrite, listWritten, previewUrl, type Written } from '../after-write.ts';
import { ask, failWith, helpText, isInteractive, paint, readFlags, writeNewFiles, type FlagSpec, type NewFile } from '../cli.ts';
import { count } from '../../../src/core/wording.ts';
import { planBooth, readFrontMatter, type BoothPlan } from './booth.ts';
import { Report } from './report.ts';
import { tiersFileText } from './site/new-tiers.ts';
import { planSite, type SitePlan } from './site/plan.ts';
import { findTier, loadProject, mainTiers, paths, type Project } from '../project.ts';
import { checkDay, checkUrl } from '../role-input.ts';
import { yamlScalar } from '../scaffold.ts';
import { routes } from '../../../src/lib/routes.ts';
import { contentDir, contentLayout, contentPath } from '../../../src/core/project.ts';

const flags = {
  site: { type: 'string', help: 'a whole Jekyll site: its sponsor list (tiers, logos, websites), every booth page, the hall-only sponsors' },
  tier: { type: 'string', help: `tier id or label (${contentPath(contentLayout.tiers)}) for the imported booths` },
  website: { type: 'string', help: 'the sponsor\'s website (one booth only)' },
  name: { type: 'string', help: 'sponsor name; default: the page title without "booth" (one booth only)' },
  id: { type: 'string', help: 'file name and address /booths/<id>/; default: from the name (one booth only)' },
  summary: { type: 'string', help: 'one or two sentences; default: written from the roles (one booth only)' },
  logo: { type: 'string', help: 'logo file of the old site or on disk (one booth only)' },
  hero: { type: 'string', help: 'hero image of the old site or on disk (one booth only)' },
  'tier-as': { type: 'string', multiple: true, help: 'with --site: a tier name of the old site → a tier id, e.g. "Diamond=platinum", or "Media partners=skip"' },
  'add-tiers': { type: 'boolean', help: 'with --site: write the tiers the old site has and tiers.yaml lacks into tiers.yaml (its order, booth pages, logo sizes; stand-in prices) instead of stopping' },
  'init-conference': { type: 'boolean', help: `with --site: fill ${contentPath(contentLayout.conference)} from the old site's _config.yml (name, url, base path, time zone, year), replacing it` },
  year: { type: 'string', help: `the year to import from a sponsor list kept by year, and of event days written without one; default: the old site's current year or _config.yml, else ${contentPath(contentLayout.conference)}` },
  'event-minutes': { type: 'string', help: 'length of events that give only a start time ("Session A: Oct 14th @ 14:30 UTC")' },
  posted: { type: 'string', help: 'datePosted of the roles, YYYY-MM-DD; default: the page\'s date, else today' },
  'valid-through': { type: 'string', help: 'closing date for roles that give none, YYYY-MM-DD' },
  'site-root': { type: 'string', help: 'the Jekyll site\'s folder, where /assets/… paths are found; default: the folders above each booth' },
  'site-url': { type: 'string', help: 'address of the old site, to keep links to its other pages (with --site: default the url: of its _config.yml)' },
  'add-areas': { type: 'boolean', help: `add unknown research areas to ${contentPath(contentLayout.areas)} instead of reporting them` },
  force: { type: 'boolean', help: 'replace files that already exist (e.g. to import again)' },
  'dry-run': { type: 'boolean', help: 'print the report, write nothing' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
} satisfies Record<string, FlagSpec>;

const singleBooth = ['website', 'name', 'id', 'summary', 'logo', 'hero'] as const;

function section(title: string, lines: string[], mark: string): string[] {
  return lines.length ? [`  ${title}`, ...lines.map((l) => `    ${mark} ${l}`)] : [];
}

function reportLines(report: Report, brief = false): string[] {
  return [
    ...(brief ? [] : section('Converted', Report.lines(report.converted), paint('green', '✓'))),
    ...section('Worth a look', Report.lines(report.notes), paint('cyan', '·')),
    ...section('Left for you', Report.lines(report.todos), paint('yellow', '!')),
  ];
}

/** One sponsor's part of the output: header, report, files (role files on one line). */
function printPlan(plan: BoothPlan, heading: string, project: Project, brief = false): string[] {
  const root = project.root;
  const rolesDir = dirname(paths.role(project, plan.id, 'x'));
  const written: Written[] = plan.files.map((f) => ({ path: f.path, ...(plan.fileNotes.has(f.path) ? { note: plan.fileNotes.get(f.path)! } : {}) }));
  const roleFiles = written.filter((w) => w.path.startsWith(`${rolesDir}/`));
  const others = written.filter((w) => !w.path.startsWith(`${rolesDir}/`));
  return [
    '',
    paint('bold', heading),
    ...reportLines(plan.report, brief),
    `  Files (${written.length})`,
    ...listWritten(project, others).map((l) => `  ${l}`),
    ...(roleFiles.length ? [`    ${relative(root, rolesDir)}/ ${paint('dim', `${count(roleFiles.length, 'role file')}: ${[...plan.roles, ...plan.jobs].map((r) => r.id).join(', ')}`)}`] : []),
  ];
}

function readNumber(value: string | undefined, flag: string, min: number, max: number, errors: string[]): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) errors.push(`${flag} "${value}" should be a whole number from ${min} to ${max}`);
  return n;
}

/** "11 roles (2 drafts), 21 apply links, 4 events, 5 papers". */
function totals(plans: BoothPlan[]): string {
  const sum = (f: (p: BoothPlan) => number) => plans.reduce((n, p) => n + f(p), 0);
  const drafts = sum((p) => p.jobs.length);
  const parts = [
    `${count(sum((p) => p.roles.length + p.jobs.length), 'role')}${drafts ? ` (${drafts} from job links)` : ''}`,
    count(sum((p) => p.applyLinks + p.jobs.length), 'apply link'),
    ...(sum((p) => p.events.length) ? [count(sum((p) => p.events.length), 'event')] : []),
    ...(sum((p) => p.publications.length) ? [count(sum((p) => p.publications.length), 'paper')] : []),
  ];
  return parts.join(', ');
}

function printSite(site: SitePlan, project: Project): string[] {
  const out = ['', paint('bold', `Jekyll site ${relative(project.root, site.site.root) || '.'} → ${count(site.sponsors.length, 'sponsor')}`)];
  for (const tier of project.tiers) {
    const names = site.sponsors.filter(({ sponsor }) => sponsor.tier?.id === tier.id || sponsor.programmeTiers.some((t) => t.id === tier.id)).map(({ plan }) => `${plan.name}${plan.draft ? ' (draft)' : ''}`);
    if (names.length) out.push(`  ${tier.label}: ${names.join(', ')}`);
  }
  out.push(...reportLines(site.report));
  for (const { sponsor, plan } of site.sponsors) {
    const what = sponsor.booth ? `booth from ${sponsor.booth.path}` : sponsor.tier?.hasBooth ? 'a booth without a page on the old site' : 'hall entry';
    const heading = `${plan.name} · ${sponsor.tier?.label ?? ''}${sponsor.programmeTiers.length ? ` + ${sponsor.programmeTiers.map((t) => t.label).join(', ')}` : ''} · ${what} → ${relative(project.root, paths.sponsor(project, plan.id))}`;
    out.push(...printPlan(plan, heading, project, !sponsor.booth));
  }
  return out;
}

export async function importJekyll(argv: string[], root: string): Promise<number> {
  const { values, positionals } = readFlags(argv, flags, true);
  if (values.help || (positionals.length === 0 && !values.site)) {
    console.log(
      helpText(
        'npm run import:jekyll -- --site <jekyll-site>   or   npm run import:jekyll -- <booth.md> [more.md …] --tier platinum --website https://…',
        flags,
        'With --site, tiers, logos and websites come from the site\'s sponsor list. For single pages they come from the flags, the page\'s front matter, or (in a terminal) a prompt. docs/import.md explains both.',
      ),
    );
    return values.help ? 0 : 1;
  }
  const errors: string[] = [];
  if (values.site) {
    if (positionals.length) errors.push(`--site imports every booth of the site; leave out ${positionals.join(' ')}, or import those pages without --site`);
    for (const f of [...singleBooth, 'tier', 'site-root'] as const) if (values[f] !== undefined) errors.push(`--${f} is for single pages; with --site it comes from the sponsor list${f === 'tier' ? ' (map a tier the list names differently with --tier-as)' : ''}`);
  } else {
    if (positionals.length > 1) for (const f of singleBooth) if (values[f] !== undefined) errors.push(`--${f} names one booth; import the booths one at a time to give each its own --${f}`);
    for (const file of positionals) if (!existsSync(file)) errors.push(`no file ${file}`);
    for (const f of ['tier-as', 'add-tiers', 'init-conference'] as const) if (values[f]) errors.push(`--${f} is for the tiers and conference of a whole site: use it with --site`);
  }
  if (values.website && checkUrl(values.website, 'the website')) errors.push(checkUrl(values.website, 'the website')!);
  for (const [flag, value] of [['--posted', values.posted], ['--valid-through', values['valid-through']]] as const) if (value && checkDay(value, flag)) errors.push(checkDay(value, flag)!);
  if (values['site-url'] && checkUrl(values['site-url'], '--site-url')) errors.push(checkUrl(values['site-url'], '--site-url')!);
  const year = readNumber(values.year, '--year', 1950, 2200, errors);
  const eventMinutes = readNumber(values['event-minutes'], '--event-minutes', 5, 720, errors);
  if (errors.length) failWith('bad-answers', errors);

  let project = loadProject(root);
  const newAreas = values['add-areas'] ? new Map<string, string>() : undefined;
  const common = { project, posted: values.posted, validThrough: values['valid-through'], newAreas, eventMinutes };
  let plans: BoothPlan[] = [];
  let site: SitePlan | undefined;
  if (values.site) {
    const result = planSite({ ...common, siteRoot: values.site, siteUrl: values['site-url'], tierAs: values['tier-as'] ?? [], year, addTiers: values['add-tiers'], initConference: values['init-conference'] });
    if ('errors' in result) failWith('import-decision', [...new Set(result.errors)]);
    site = result.plan;
    plans = site.sponsors.map((s) => s.plan);
    // The tiers and conference the site brings are the project's from here on (the listing by tier, the check).
    if (site.tiers) project = { ...project, tiers: site.tiers.tiers };
    if (site.conference) project = { ...project, conference: site.conference.conference };
  } else {
    const projectYear = project.conference ? { value: project.conference.edition, from: `edition: in ${contentPath(contentLayout.conference)}` } : undefined;
    for (const file of positionals) {
      // In a terminal, ask for what neither the flags nor the page say.
      const { front } = readFrontMatter(readFileSync(file, 'utf8'));
      const title = typeof front['title'] === 'string' ? front['title'] : file;
      let tier = values.tier;
      let website = values.website;
      if (isInteractive()) {
        tier ??= typeof front['tier'] === 'string' ? undefined : await ask(`Tier of ${title} (${mainTiers(project).map((t) => t.id).join(', ')})`, (a) => { const t = findTier(project, a); return typeof t === 'string' ? t : undefined; });
        website ??= typeof front['website'] === 'string' ? undefined : await ask(`Website of ${title}`, (a) => checkUrl(a, 'the website'));
      }
      const result = planBooth({
        ...common,
        file,
        tier,
        website,
        id: values.id,
        name: values.name,
        summary: values.summary,
        logo: values.logo,
        hero: values.hero,
        siteRoot: values['site-root'],
        siteUrl: values['site-url'],
        year: year ? { value: year, from: '--year' } : projectYear,
      });
      if ('errors' in result) errors.push(...result.errors);
      else plans.push(result.plan);
    }
  }
  for (const plan of plans) {
    const clash = project.sponsorIds.find((s) => s.toLowerCase() === plan.id && s !== plan.id);
    if (clash) errors.push(`a sponsor "${clash}" exists already (its file differs only in case); ${site ? 'rename it first' : 'pass --id'}`);
    if (plans.filter((p) => p.id === plan.id).length > 1) errors.push(`two ${site ? 'sponsors' : 'booths'} would both become "${plan.id}"; ${site ? 'their names differ only in punctuation: rename one on the old site\'s list' : 'import them one at a time with --id'}`);
  }
  if (errors.length) failWith('bad-answers', [...new Set(errors)]);

  const files: NewFile[] = plans.flatMap((p) => p.files);
  const areasFile = paths.areas(project);
  const tiersFile = join(project.content, 'tiers.yaml');
  const conferenceFile = join(project.content, 'conference.yaml');
  if (!values['dry-run']) {
    writeNewFiles(files, root, values.force);
    // Written once the sponsor files are: a refused overwrite above leaves them as they were.
    if (site?.tiers) writeFileSync(tiersFile, tiersFileText(readFileSync(tiersFile, 'utf8'), site.tiers, relative(root, values.site!) || '.'));
    if (site?.conference) writeFileSync(conferenceFile, site.conference.text);
    if (newAreas?.size) {
      const entries = [...newAreas].map(([id, label]) => `- id: ${id}\n  label: ${yamlScalar(label)}\n`).join('');
      const text = readFileSync(areasFile, 'utf8');
      appendFileSync(areasFile, `${text.endsWith('\n') ? '' : '\n'}# Added by npm run import:jekyll --add-areas\n${entries}`);
    }
  }

  const out = site ? printSite(site, project) : plans.flatMap((plan, i) => printPlan(plan, `${relative(root, positionals[i]!)} → ${plan.name} (${relative(root, paths.sponsor(project, plan.id))})`, project));
  // A dry run says what it would do, in the words of what a run does.
  const [add, write] = values['dry-run'] ? ['Would add', 'Would write'] : ['Added', 'Wrote'];
  if (newAreas?.size) out.push('', `${paint('green', '✓')} ${add} ${count(newAreas.size, 'research area')} to ${relative(root, areasFile)}: ${[...newAreas.values()].join(', ')}`);
  if (site?.tiers) out.push('', `${paint('green', '✓')} ${add} ${count(site.tiers.added.length, 'tier')} to ${relative(root, tiersFile)}: ${site.tiers.added.map((a) => a.tier.label).join(', ')}${site.tiers.reranked.size ? ` (and moved the ranks of ${[...site.tiers.reranked.keys()].join(', ')})` : ''}`);
  if (site?.conference) out.push('', `${paint('green', '✓')} ${write} ${relative(root, conferenceFile)} for ${site.conference.conference.name}${site.conference.standIns.length ? ` (stand-ins: ${site.conference.standIns.map((s) => s.field).join(', ')})` : ''}`);
  out.push('');
  if (values['dry-run']) {
    out.push(`Dry run: nothing was written (${count(files.length, 'file')} would be).`);
    console.log(out.join('\n'));
    return 0;
  }
  const check = await checkAfterWrite(project, [...files.map((f) => f.path), ...(site?.tiers ? [tiersFile] : []), ...(site?.conference ? [conferenceFile] : [])]);
  const todos = plans.reduce((n, p) => n + p.report.todos.size, site?.report.todos.size ?? 0);
  // A sponsor of a tier with booths gets a booth page, whether or not the old site had one to import.
  const booths = site ? site.sponsors.filter((s) => s.sponsor.booth || s.sponsor.tier?.hasBooth).length : plans.length;
  const fromOld = site ? site.sponsors.filter((s) => s.sponsor.booth).length : plans.length;
  const what = site ? `${count(plans.length, 'sponsor')} (${count(booths, 'booth page')}${booths ? `, ${fromOld} of them from the old site's pages` : ''}, ${count(plans.length - booths, 'hall entry', 'hall entries')})` : count(plans.length, 'booth');
  // Sponsors the project held before (the demo's, in a fresh boothkit clone) stay unless removed.
  const imported = new Set(plans.map((p) => p.id));
  const others = site ? project.sponsorIds.filter((id) => !imported.has(id)) : [];
  out.push(
    `${paint('green', '✓')} Imported ${what}: ${totals(plans)}, ${count(files.length, 'file')} written.`,
    ...(others.length
      ? [
          `${paint('yellow', '!')} ${contentDir} also holds ${count(others.length, 'sponsor')} the old site does not list: ${others.join(', ')} (the demo's, in a fresh boothkit clone).`,
          `  To publish the old site's sponsors alone, delete for each: ${relative(root, paths.sponsor(project, '<id>'))}, its folder ${relative(root, paths.sponsorAssets(project, '<id>'))}/ and ${relative(root, dirname(paths.role(project, '<id>', 'role')))}/.`,
        ]
      : []),
    ...check.lines,
    '',
    'Next:',
    ...(todos ? [`  1. Work through the ${count(todos, 'item')} under "Left for you" above; npm run check:content -- --launch lists the stand-ins still in the files.`] : []),
    `  ${todos ? 2 : 1}. npm run check:content, then npm start and open ${site ? previewUrl(project, routes.hall) : plans.map((p) => previewUrl(project, routes.booth(p))).join(' ')}`,
  );
  console.log(out.join('\n'));
  return check.ok ? 0 : 1;
}
