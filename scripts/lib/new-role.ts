/**
 * `npm run new:role`: writes one role file of an existing sponsor from templates/role.yaml.
 * Flags give the answers (prompts ask in a terminal); places and areas are checked against
 * locations.yaml and areas.yaml. A role missing places, areas or requirements is written as
 * a draft with TODO lines, so it builds at once but reaches no page half-written.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { employmentTypes } from '../../src/schemas/role.ts';
import { checkAfterWrite, listWritten, previewUrl } from './after-write.ts';
import { ask, failWith, helpText, missingAnswers, paint, readFlags, writeNewFiles, type FlagSpec } from './cli.ts';
import { checkSlug, findSponsor, loadProject, paths, slugify, type Project } from './project.ts';
import { checkUrl, parseArea, parsePlace, parseType, roleAnswers } from './role-input.ts';
import { applyLink } from '../../src/schemas/links.ts';
import { roleFile } from './scaffold.ts';
import { splitFrontMatter } from '../../src/core/front-matter.ts';
import { routes } from '../../src/lib/routes.ts';
import { contentLayout, contentPath } from '../../src/core/project.ts';

const flags = {
  sponsor: { type: 'string', help: `id of the sponsor (its file ${contentPath(contentLayout.sponsors, '<id>.mdx')})` },
  title: { type: 'string', help: 'the role title only: no city, no year, e.g. "Research Scientist"' },
  type: { type: 'string', help: `kind of role: ${employmentTypes.join(', ')}` },
  location: { type: 'string', multiple: true, help: 'a place and its apply link: london=https://… (repeat per place; germany:remote=… for remote)' },
  'apply-url': { type: 'string', help: 'apply link for places given without one' },
  area: { type: 'string', multiple: true, help: 'research area id, label or alias (repeat, or separate with commas)' },
  requirements: { type: 'string', help: 'experience needed, as applicants read it, e.g. "PhD student"' },
  'enrolled-in': { type: 'string', help: 'applicants must currently be students at: bachelor, master and/or phd' },
  term: { type: 'string', help: 'when it runs, e.g. "summer 2027"' },
  posted: { type: 'string', help: 'posting date YYYY-MM-DD; default today' },
  'valid-through': { type: 'string', help: 'last day to apply YYYY-MM-DD; default three months after posting' },
  salary: { type: 'string', help: 'pay with its currency and period, e.g. "EUR 50000-60000 per year" or "from USD 45 per hour"' },
  visa: { type: 'string', help: 'is a work visa sponsored: yes, no or case-by-case' },
  relocation: { type: 'string', help: 'is there help with moving (relocation support): yes or no' },
  id: { type: 'string', help: 'file name; default: from the title' },
  draft: { type: 'boolean', help: 'write it as a draft (on no page until you remove draft: true)' },
  force: { type: 'boolean', help: 'replace the file if it exists' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
} satisfies Record<string, FlagSpec>;

/** The sponsor's name and the link used as a stand-in apply link (careers page, else website). */
export function sponsorInfo(project: Project, id: string): { name: string; link: string } {
  const text = readFileSync(paths.sponsor(project, id), 'utf8');
  const front = splitFrontMatter(text)?.yaml ?? '';
  let data: Record<string, unknown> = {};
  try {
    data = (parse(front) as Record<string, unknown>) ?? {};
  } catch {
    // A broken sponsor file is reported by the content check after writing.
  }
  const name = typeof data['name'] === 'string' ? data['name'] : id;
  const link = [data['careersUrl'], data['website']].find((u): u is string => typeof u === 'string' && !checkUrl(u, '', applyLink)) ?? 'https://example.com/jobs';
  return { name, link };
}

/** Asks for a list ("london=https://…, berlin=https://…") until every item is valid. */
function askList(question: string, parseItem: (item: string) => { error: string } | { value: unknown }) {
  return ask(question, (answer) => {
    if (!answer) return undefined;
    const failed = answer.split(/\s*,\s*/).map(parseItem).find((r) => 'error' in r);
    return failed && 'error' in failed ? failed.error : undefined;
  });
}

export async function newRole(argv: string[], root: string): Promise<number> {
  const { values } = readFlags(argv, flags);
  if (values.help) {
    console.log(helpText('npm run new:role -- --sponsor acme --title "Research Intern" --type internship --location london=https://acme.example/jobs/1 --area machine-learning --requirements "PhD student"', flags, 'In a terminal, missing answers are asked for. Without one, --sponsor, --title and --type are required; a role without places, areas or requirements is written as a draft with TODO lines.'));
    return 0;
  }
  const project = loadProject(root);
  const sponsorAnswer = values.sponsor ?? (await ask(`Sponsor id (${project.sponsorIds.join(', ')})`, (a) => { const s = findSponsor(project, a); return typeof s === 'string' ? undefined : s.error; }));
  const title = values.title ?? (await ask('Role title (no city, no year)', (a) => (a ? undefined : 'a title is needed')));
  const type = values.type ?? (await ask(`Type (${employmentTypes.join(', ')})`, (a) => { const t = parseType(a); return 'error' in t ? t.error : undefined; }));
  const missing = [!sponsorAnswer && '--sponsor', !title && '--title', !type && `--type (${employmentTypes.join(', ')})`].filter((flag): flag is string => Boolean(flag));
  if (missing.length) throw missingAnswers(missing);
  const found = findSponsor(project, sponsorAnswer!);

  // Optional answers: asked in a terminal, Enter skips (the role then becomes a draft).
  const location = values.location ?? [(await askList('Places and apply links, e.g. london=https://… (Enter to skip)', (p) => parsePlace(p, project))) ?? ''].flatMap((a) => a.split(/\s*,\s*/)).filter(Boolean);
  const area = values.area ?? [(await askList('Research areas, comma-separated (Enter to skip)', (a) => parseArea(a, project))) ?? ''].filter(Boolean);
  const requirements = values.requirements ?? (await ask('Experience needed, e.g. "PhD student" (Enter to skip)', () => undefined));

  // An unknown sponsor is reported together with every other mistake, not alone.
  const info = typeof found === 'string' ? sponsorInfo(project, found) : { name: sponsorAnswer!, link: 'https://example.com/jobs' };
  const answers = roleAnswers(
    {
      title: title!,
      type: type!,
      location,
      area,
      ...(values['apply-url'] ? { applyUrl: values['apply-url'] } : {}),
      ...(requirements ? { requirements } : {}),
      ...(values['enrolled-in'] ? { enrolledIn: values['enrolled-in'] } : {}),
      ...(values.term ? { term: values.term } : {}),
      ...(values.posted ? { posted: values.posted } : {}),
      ...(values['valid-through'] ? { validThrough: values['valid-through'] } : {}),
      ...(values.salary ? { salary: values.salary } : {}),
      ...(values.visa ? { visa: values.visa } : {}),
      ...(values.relocation ? { relocation: values.relocation } : {}),
      draft: Boolean(values.draft),
    },
    project,
    info,
  );
  const id = values.id ?? slugify(title!);
  const idProblem = checkSlug(id, 'role');
  const errors = [...(typeof found === 'string' ? [] : [found.error]), ...('error' in answers ? answers.error.split('\n') : []), ...(idProblem ? [idProblem] : [])];
  if (errors.length || 'error' in answers || typeof found !== 'string') failWith('bad-answers', errors);
  const sponsor = found;

  const path = paths.role(project, sponsor, id);
  writeNewFiles([{ path, content: roleFile(answers.value) }], root, values.force);
  const role = answers.value;
  const check = await checkAfterWrite(project, [path]);
  const todo = [...role.todo].map((f) => ({ locations: 'places', areas: 'research areas', requirements: 'requirements', applyUrl: 'apply links' })[f]);
  console.log(
    [
      `${paint('green', '✓')} Created the role "${role.title}" at ${info.name}${role.draft ? ' (a draft)' : ''}:`,
      ...listWritten(project, [{ path, note: todo.length ? `TODO: ${todo.join(', ')}` : `closes ${role.validThrough}` }]),
      ...check.lines,
      '',
      'Next:',
      ...(role.draft ? [`  1. Fill in the TODO lines${todo.length ? ` (${todo.join(', ')})` : ''} and delete "draft: true".`] : [`  1. Check the closing date (validThrough: ${role.validThrough}) and the eligibility lines.`]),
      `  2. npm start, then open ${previewUrl(project, routes.booth({ id: sponsor }))}`,
    ].join('\n'),
  );
  return check.ok ? 0 : 1;
}
