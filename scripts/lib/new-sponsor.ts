/**
 * `npm run new:sponsor`: writes a sponsor file, its logo (a text placeholder unless --logo is
 * given) and an example role, from templates/. Every answer is checked first; nothing is
 * overwritten; the files pass the content check and build at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { ask, failWith, helpText, isInteractive, missingAnswers, paint, readFlags, UsageError, writeNewFiles, type FlagSpec, type NewFile } from './cli.ts';
import { count } from '../../src/core/wording.ts';
import { checkAfterWrite, listWritten, previewUrl, type Written } from './after-write.ts';
import { logoSvg } from './placeholder-svg.ts';
import { checkSlug, findTier, loadProject, mainTiers, paths, slugify, type Project } from './project.ts';
import { checkUrl, roleAnswers } from './role-input.ts';
import { maxChars } from '../../src/schemas/limits.ts';
import type { StandIn } from '../../src/schemas/stand-ins.ts';
import { roleFile, sponsorFile } from './scaffold.ts';
import { routes } from '../../src/lib/routes.ts';
import { contentLayout, contentPath } from '../../src/core/project.ts';
import { pictureExtensions } from '../../src/core/pictures.ts';

const flags = {
  name: { type: 'string', help: 'company or organisation name, e.g. "Acme Audio"' },
  tier: { type: 'string', help: `tier id or label from ${contentPath(contentLayout.tiers)}, e.g. gold` },
  website: { type: 'string', help: 'main website, e.g. https://acme.example' },
  summary: { type: 'string', help: `one or two sentences (at most ${maxChars.summary} characters); a plain default otherwise` },
  id: { type: 'string', help: 'file name and address (/booths/<id>/); default: from the name' },
  logo: { type: 'string', help: 'a logo file to copy (SVG, PNG, JPG, WebP); default: a text placeholder' },
  role: { type: 'string', help: 'title of the example role (a draft until you edit it); default "Research Intern"' },
  'no-role': { type: 'boolean', help: 'do not write an example role' },
  force: { type: 'boolean', help: 'replace files that already exist' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
} satisfies Record<string, FlagSpec>;

const logoTypes = pictureExtensions.map((e) => `.${e}`);

function defaultSummary(name: string, tierLabel: string, project: Project): string {
  const conference = project.conference?.name;
  return conference ? `${name} is a ${tierLabel} sponsor of ${conference}.` : `${name} is a ${tierLabel} sponsor.`;
}

export async function newSponsor(argv: string[], root: string): Promise<number> {
  const { values } = readFlags(argv, flags);
  if (values.help) {
    console.log(helpText('npm run new:sponsor -- --name "Acme Audio" --tier gold --website https://acme.example', flags, 'In a terminal, missing answers are asked for. Without one, --name, --tier and --website are required.'));
    return 0;
  }
  const project = loadProject(root);
  const tierIds = mainTiers(project).map((t) => t.id);
  if (tierIds.length === 0) throw new UsageError('no-tiers', `${contentPath(contentLayout.tiers)} has no valid tier; run npm run check:content to see why`);

  // Ask in a terminal for what the flags did not give; without one, report all gaps at once.
  const name = values.name ?? (await ask('Sponsor name', (a) => (a ? undefined : 'a name is needed')));
  const tierAnswer = values.tier ?? (await ask(`Tier (${tierIds.join(', ')})`, (a) => { const t = findTier(project, a); return typeof t === 'string' ? t : undefined; }));
  const website = values.website ?? (await ask('Website', (a) => checkUrl(a, 'the website')));
  const missing = [!name && '--name', !tierAnswer && `--tier (${tierIds.join(', ')})`, !website && '--website'].filter((flag): flag is string => Boolean(flag));
  if (missing.length) throw missingAnswers(missing);

  const errors: string[] = [];
  const id = values.id ?? slugify(name!);
  const idProblem = checkSlug(id, 'sponsor');
  if (idProblem) errors.push(values.id || id ? idProblem : `cannot make a file name from the name "${name}"; pass --id with lower-case letters, digits and hyphens, e.g. --id acme-audio`);
  const clash = project.sponsorIds.find((existing) => existing.toLowerCase() === id.toLowerCase());
  if (clash && !values.force) errors.push(`a sponsor "${clash}" exists already (${contentPath(contentLayout.sponsors, `${clash}.mdx`)}); choose another --id, or pass --force to replace its files`);
  const tier = findTier(project, tierAnswer!);
  if (typeof tier === 'string') errors.push(tier);
  const urlProblem = checkUrl(website!, 'the website');
  if (urlProblem) errors.push(urlProblem);
  const tierLabel = typeof tier === 'string' ? '' : tier.label;
  const summary = values.summary ?? (isInteractive() ? await ask('Summary, one or two sentences', (a) => (a.length > maxChars.summary ? `${a.length} characters; at most ${maxChars.summary}` : undefined), defaultSummary(name!, tierLabel, project)) : undefined) ?? defaultSummary(name!, tierLabel, project);
  if (summary.length > maxChars.summary) errors.push(`the summary has ${summary.length} characters; at most ${maxChars.summary} (longer text belongs in the booth body)`);
  const logoExt = values.logo ? extname(values.logo).toLowerCase() : '.svg';
  if (values.logo && !existsSync(resolve(values.logo))) errors.push(`no logo file "${values.logo}"`);
  else if (!logoTypes.includes(logoExt)) errors.push(`the logo "${values.logo}" should be one of ${logoTypes.join(', ')}`);
  if (errors.length || typeof tier === 'string') failWith('bad-answers', errors);

  const sponsorPath = paths.sponsor(project, id);
  const logoPath = join(paths.sponsorAssets(project, id), `logo${logoExt === '.jpeg' ? '.jpg' : logoExt}`);
  const standIns: StandIn[] = [
    ...(summary === defaultSummary(name!, tierLabel, project) ? [{ field: 'summary', value: summary, note: 'the sponsor\'s own one or two sentences' }] : []),
    ...(values.logo ? [] : [{ field: 'logo.src', value: `./${id}/${basename(logoPath)}`, note: 'the real logo (replace the file, or change the path)' }]),
    ...(tier.hasBooth ? [{ field: 'body', note: 'the booth text, below the front matter' }] : []),
  ];
  const files: NewFile[] = [
    { path: sponsorPath, content: sponsorFile({ id, name: name!, tier: tier.id, tierIds, website: website!, summary, logoFile: basename(logoPath), placeholderLogo: !values.logo, standIns }) },
    { path: logoPath, content: values.logo ? readFileSync(resolve(values.logo)) : logoSvg(name!) },
  ];
  const written: Written[] = [{ path: sponsorPath }, { path: logoPath, note: values.logo ? `copied from ${values.logo}` : 'a text placeholder: replace it with your logo' }];
  if (!values['no-role']) {
    const title = values.role ?? 'Research Intern';
    const role = roleAnswers({ title, type: /intern/i.test(title) ? 'internship' : 'full-time', draft: true }, project, { name: name!, link: website! });
    if ('error' in role) throw new UsageError('bad-answers', role.error);
    const rolePath = paths.role(project, id, slugify(title) || 'example-role');
    files.push({ path: rolePath, content: roleFile(role.value) });
    written.push({ path: rolePath, note: 'an example role: a draft until you fill it in' });
  }
  writeNewFiles(files, root, values.force);

  const check = await checkAfterWrite(project, files.map((f) => f.path));
  const page = tier.hasBooth ? routes.booth({ id }) : routes.hall;
  console.log(
    [
      `${paint('green', '✓')} Created the sponsor ${name} (${tier.label}): ${count(files.length, 'file')}`,
      ...listWritten(project, written),
      ...check.lines,
      ...(tier.hasBooth ? [] : [`${paint('yellow', '!')} ${tier.label} sponsors have no booth page: the hall links to ${website}.`]),
      '',
      'Next:',
      `  1. Edit ${listWritten(project, [{ path: sponsorPath }])[0]!.trim()}: the summary, the booth text, and the logo file.`,
      ...(values['no-role'] ? [] : [`  2. Fill in the example role, or add others: npm run new:role -- --sponsor ${id} --title "…" --type internship`]),
      `  ${values['no-role'] ? 2 : 3}. npm start, then open ${previewUrl(project, page)}`,
    ].join('\n'),
  );
  return check.ok ? 0 : 1;
}
