/**
 * The booth form → a sponsor file (with its events and programme tiers), its logo and images,
 * and one role file per block, through `sponsorFile` and `roleFile`:
 * the files new:sponsor and new:role write. What cannot be read is a problem named after
 * its field; stand-ins (a placeholder logo, the first tier) keep the rest checkable, so the
 * sponsor hears about every mistake at once. A submission with problems is never written.
 */
import { join } from 'node:path';
import { programmeOf } from '../../../src/lib/booth.ts';
import type { Problem } from '../../../src/core/problems.ts';
import type { NewFile } from '../cli.ts';
import { logoSvg } from '../placeholder-svg.ts';
import { checkSlug, findTier, mainTiers, paths, slugify, type Project } from '../project.ts';
import { roleFile, sponsorFile } from '../scaffold.ts';
import type { DownloadLimits } from './attachments.ts';
import { blockFormats, parseBlocks } from './blocks.ts';
import { fetchRef, imageRefs, isDefaultAlt, pointToFiles } from './booth-text.ts';
import { eventFromBlock, type EventEntry } from './events.ts';
import type { FormDefinition } from './forms.ts';
import { tickedOptions, type Answers } from './issue-body.ts';
import { roleFromBlock, uniqueSlug } from './roles.ts';
import { blockProblems, roleFieldMapper, type FieldProblem, type Submission } from './submission.ts';
import { splitFrontMatter } from '../../../src/core/front-matter.ts';
import { routes } from '../../../src/lib/routes.ts';
import { contentLayout, contentPath } from '../../../src/core/project.ts';

/** A booth rarely needs more; each one is a download. */
const maxBoothImages = 12;

const one = (text: string) => text.replace(/\s+/g, ' ').trim();

/** "Jane Doe <jane@acme.example>", "Jane Doe, jane@acme.example" → name and e-mail. */
function parseContact(text: string): { name: string; email: string } | { error: string } {
  const email = /[^\s<>,;()]+@[^\s<>,;()]+\.[a-z]{2,}/i.exec(text)?.[0];
  if (!email) return { error: `"${text}" has no e-mail address; write your name and work e-mail, e.g. "Jane Doe <jane@acme.example>"` };
  const name = one(text.replace(email, ' ').replace(/mailto:|[<>(),;]/gi, ' '));
  return { name: name || email, email };
}

export async function boothSubmission(answers: Answers, form: FormDefinition, project: Project, limits: DownloadLimits): Promise<Submission> {
  const problems: FieldProblem[] = [];
  const label = (id: string) => form.fields.find((f) => f.id === id)!.label;
  const problem = (id: string, message: string, suggestion?: string) => problems.push({ field: label(id), message, ...(suggestion ? { suggestion } : {}) });
  const text = (id: string) => answers[id]?.text ?? '';
  for (const field of form.fields) {
    if (field.required && !text(field.id)) problem(field.id, answers[field.id] ? 'is empty; this field is required' : 'is missing from the issue; open a new issue with the booth form, or restore the field\'s "### " heading');
  }

  const name = text('name');
  if (/\n/.test(name)) problem('name', 'has several lines; write the name on one line');
  const address = text('address');
  const id = address || slugify(name);
  const idProblem = checkSlug(id, 'sponsor', () => 'choose another address');
  if (name && idProblem) problem(address ? 'address' : 'name', address ? idProblem : `cannot make a booth address from "${name}"; fill in "${label('address')}" with lower-case letters, digits and hyphens, e.g. acme-audio`);
  const clash = project.sponsorIds.find((s) => s.toLowerCase() === id.toLowerCase());
  if (id && clash) problem(address ? 'address' : 'name', `a booth "${clash}" is already on the site (${routes.booth({ id: clash })}); to add or close its roles use the roles form, to change its booth ask the web chair, and if you are another organisation fill in "${label('address')}"`);

  const tierAnswer = findTier(project, text('tier'));
  if (typeof tierAnswer === 'string' && text('tier')) problem('tier', tierAnswer);
  // A stand-in keeps the rest of the booth checkable; the problem above stops the submission.
  const tier = typeof tierAnswer === 'string' ? mainTiers(project)[0] : tierAnswer;
  const programmeTiers: string[] = [];
  for (const ticked of tickedOptions(text('programmes'))) {
    const found = project.tiers.find((t) => programmeOf(t) !== 'main' && (t.label === ticked || t.id === ticked));
    if (found) programmeTiers.push(found.id);
    else problem('programmes', `"${ticked}" is not a programme of this conference (${contentPath(contentLayout.tiers)})`);
  }

  const sponsorId = id && !idProblem ? id : 'intake-sponsor';
  const assets = paths.sponsorAssets(project, sponsorId);
  const files: NewFile[] = [];
  const written: Submission['written'] = [];

  // The logo: one upload, downloaded and checked; a placeholder stands in while there are problems.
  let logoFile = 'logo.svg';
  const logoRefs = imageRefs(text('logo'), true);
  if (text('logo') && logoRefs.length === 0) problem('logo', 'has no uploaded file; drag your logo file (SVG, PNG, JPG or WebP) into the field');
  if (logoRefs.length > 1) problem('logo', `has ${logoRefs.length} files; keep only your logo (put other images in the booth text)`);
  const logo = logoRefs.length === 1 ? await fetchRef(logoRefs[0]!, limits) : undefined;
  if (logo && 'error' in logo) problem('logo', logo.error);
  if (logo && !('error' in logo)) {
    logoFile = `logo.${logo.type}`;
    files.push({ path: join(assets, logoFile), content: logo.bytes });
    written.push({ path: join(assets, logoFile), note: `the logo (${logo.type.toUpperCase()}${logo.from === 'svg' ? ' drawn from the SVG sent' : ''}, ${Math.ceil(logo.bytes.byteLength / 1024)} kB)` });
  } else {
    files.push({ path: join(assets, logoFile), content: logoSvg(name || sponsorId) });
  }

  // The booth text: each uploaded image becomes a file next to the logo.
  const boothProblem = (line: number, message: string) => problems.push({ field: `${label('booth')}, line ${line}`, message });
  const refs = imageRefs(text('booth'));
  if (refs.length > maxBoothImages) problem('booth', `has ${refs.length} images; at most ${maxBoothImages} (the web chair can add more later)`);
  const imageFiles = new Map<string, string>();
  for (const ref of refs.slice(0, maxBoothImages)) {
    if (isDefaultAlt(ref.alt)) boothProblem(ref.line, `${ref.alt.trim() ? `the image's description is "${ref.alt}"` : 'the image has no description'}; write what it shows, for people who cannot see it: ![Our lab in Berlin](…)`);
    if (imageFiles.has(ref.url)) continue;
    const fetched = await fetchRef(ref, limits);
    if ('error' in fetched) {
      boothProblem(ref.line, fetched.error);
      continue;
    }
    const file = `image-${imageFiles.size + 1}.${fetched.type}`;
    imageFiles.set(ref.url, `./${sponsorId}/${file}`);
    files.push({ path: join(assets, file), content: fetched.bytes });
    written.push({ path: join(assets, file), note: `an image of the booth text (line ${ref.line}${fetched.from === 'svg' ? ', a PNG drawn from the SVG sent' : ''})` });
  }
  const body = pointToFiles(text('booth').replace(/\r\n?/g, '\n'), imageFiles);

  const events = parseBlocks(text('events'), blockFormats.event);
  problems.push(...events.problems.map((p) => ({ field: `${label('events')}, block ${p.block}${p.key ? `, ${p.key}` : ''}`, message: p.message })));
  const eventIds = new Set<string>();
  const eventEntries: EventEntry[] = [];
  const eventBlocks: number[] = [];
  for (const block of events.blocks) {
    const { event, problems: found } = eventFromBlock(block, eventIds);
    problems.push(...blockProblems(label('events'), block.number, found));
    if (event) {
      eventEntries.push(event);
      eventBlocks.push(block.number);
    }
  }

  const contact = text('contact') ? parseContact(text('contact')) : undefined;
  if (contact && 'error' in contact) problem('contact', contact.error);

  // The contact is checked but stays on the issue: the repository is public, and a name and
  // e-mail committed to it stay in its history for good.
  const sections: Record<string, unknown> = {
    ...(programmeTiers.length ? { programmeTiers } : {}),
    ...(eventEntries.length ? { events: eventEntries } : {}),
  };
  const sponsorPath = paths.sponsor(project, sponsorId);
  files.unshift({
    path: sponsorPath,
    content: sponsorFile({ id: sponsorId, name: one(name) || sponsorId, tier: tier?.id ?? '', tierIds: mainTiers(project).map((t) => t.id), website: one(text('website')), summary: one(text('summary')), logoFile, placeholderLogo: false, sections, body }),
  });
  written.unshift({ path: sponsorPath, note: 'the booth' });
  const bodyStart = splitFrontMatter(String(files[0]!.content))!.bodyLine - 1;

  const roleBlocks = parseBlocks(text('roles'), blockFormats.role);
  problems.push(...roleBlocks.problems.map((p) => ({ field: `${label('roles')}, block ${p.block}${p.key ? `, ${p.key}` : ''}`, message: p.message })));
  const roleIds = new Set<string>();
  const fieldOf = new Map<string, (p: Problem) => string>();
  for (const block of roleBlocks.blocks) {
    const role = roleFromBlock(block, project, { name, link: text('website') });
    problems.push(...blockProblems(label('roles'), block.number, role.problems));
    if (!role.answers) continue;
    const path = paths.role(project, sponsorId, uniqueSlug(role.answers.title, roleIds));
    files.push({ path, content: roleFile(role.answers) });
    written.push({ path, note: `role "${role.answers.title}", closes ${role.answers.validThrough}` });
    fieldOf.set(path, roleFieldMapper(label('roles'), block.number));
  }

  // Content-check problems of the sponsor file, in the form's words.
  const frontFields: Record<string, string> = { name: 'name', tier: 'tier', website: 'website', summary: 'summary', logo: 'logo', programmeTiers: 'programmes' };
  fieldOf.set(sponsorPath, (p) => {
    if (p.line && p.line > bodyStart) return `${label('booth')}, line ${p.line - bodyStart}, ${p.field}`;
    if (p.field === '(MDX syntax)') return label('booth');
    const event = /^events\[(\d+)\](?:\.(\w+))?/.exec(p.field);
    if (event) return `${label('events')}, block ${eventBlocks[Number(event[1])]}${event[2] ? `, ${event[2]}` : ''}`;
    const top = frontFields[p.field.split(/[.[]/)[0]!];
    return top ? label(top) : label('name');
  });

  return {
    form: 'booth',
    sponsor: { id: sponsorId, name: one(name) },
    title: `Booth: ${one(name)}${tier ? ` (${tier.label})` : ''}`,
    files,
    edits: [],
    written,
    problems,
    notes: [
      ...(tier ? [`Tier: ${tier.label} (${tier.price.currency} ${tier.price.amount.toLocaleString('en')}): check it against the sponsorship agreement.`] : []),
      ...(contact && !('error' in contact) ? ['The contact for the organisers is on the issue; it is not written into the repository.'] : []),
    ],
    fieldOf,
  };
}
