/**
 * The roles form → new role files of an existing booth (through `roleFile`, as new:role
 * writes them) and closed roles: `status: closed` set in the existing file, its comments
 * and other lines kept.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { closest } from '../../../src/core/suggest.ts';
import type { Problem } from '../../../src/core/problems.ts';
import type { NewFile } from '../cli.ts';
import { sponsorInfo } from '../new-role.ts';
import { findSponsor, paths, slugify, type Project } from '../project.ts';
import { roleFile } from '../scaffold.ts';
import { blockFormats, parseBlocks } from './blocks.ts';
import type { FormDefinition } from './forms.ts';
import type { Answers } from './issue-body.ts';
import { roleFromBlock, uniqueSlug } from './roles.ts';
import { blockProblems, roleFieldMapper, type FieldProblem, type Submission } from './submission.ts';

interface ExistingRole {
  id: string;
  title: string;
  path: string;
  text: string;
}

function existingRoles(project: Project, sponsor: string): ExistingRole[] {
  const dir = join(project.content, 'roles', sponsor);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .map((n) => {
      const path = join(dir, n);
      const text = readFileSync(path, 'utf8');
      let title = '';
      try {
        title = String((parse(text) as { title?: unknown })?.title ?? '');
      } catch {
        // A broken file is still closable by its id; the content check reports it.
      }
      return { id: n.replace(/\.ya?ml$/, ''), title, path, text };
    });
}

/**
 * The role file with `status: closed`, every other line as it was: a top-level key starts at
 * the line's first column, so its line is replaced, or the key is added at the end.
 */
function closedRole(text: string): string {
  if (/^status:.*$/m.test(text)) return text.replace(/^status:.*$/m, 'status: closed');
  return `${text.replace(/\n*$/, '\n')}status: closed\n`;
}

/** The sponsor named by id or by name ("Acme Audio" finds acme-audio). */
function sponsorFrom(answer: string, project: Project): string | { error: string } {
  const direct = findSponsor(project, answer.trim().replace(/^\/?booths\//, '').replace(/\/$/, ''), 'a new booth is added with the booth form');
  if (typeof direct === 'string') return direct;
  const byName = findSponsor(project, slugify(answer));
  if (typeof byName === 'string') return byName;
  const named = project.sponsorIds.find((id) => sponsorInfo(project, id).name.toLowerCase() === answer.trim().toLowerCase());
  return named ?? direct;
}

export function rolesSubmission(answers: Answers, form: FormDefinition, project: Project): Submission {
  const problems: FieldProblem[] = [];
  const label = (id: string) => form.fields.find((f) => f.id === id)!.label;
  const text = (id: string) => answers[id]?.text ?? '';
  const sponsorAnswer = text('sponsor');
  if (!sponsorAnswer) problems.push({ field: label('sponsor'), message: 'is empty; give your booth\'s address, e.g. acme-audio' });
  const found = sponsorAnswer ? sponsorFrom(sponsorAnswer, project) : { error: '' };
  if (typeof found !== 'string' && found.error) problems.push({ field: label('sponsor'), message: found.error });
  if (!text('roles') && !text('close')) problems.push({ field: label('roles'), message: `is empty, and so is "${label('close')}"; add a role or name one to close` });
  const sponsor = typeof found === 'string' ? found : undefined;
  const info = sponsor ? sponsorInfo(project, sponsor) : { name: sponsorAnswer, link: 'https://example.com/jobs' };
  const existing = sponsor ? existingRoles(project, sponsor) : [];

  const files: NewFile[] = [];
  const edits: NewFile[] = [];
  const written: Submission['written'] = [];
  const fieldOf = new Map<string, (p: Problem) => string>();
  const taken = new Set(existing.map((r) => r.id));
  const blocks = parseBlocks(text('roles'), blockFormats.role);
  problems.push(...blocks.problems.map((p) => ({ field: `${label('roles')}, block ${p.block}${p.key ? `, ${p.key}` : ''}`, message: p.message })));
  const closing = new Set(text('close').split('\n').map((l) => l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim().toLowerCase()));
  for (const block of blocks.blocks) {
    const role = roleFromBlock(block, project, info);
    problems.push(...blockProblems(label('roles'), block.number, role.problems));
    // The same title again is most often the same role sent twice; a replacement closes the old one.
    const twin = role.answers && existing.find((r) => r.title.toLowerCase() === role.answers!.title.toLowerCase() && !closing.has(r.title.toLowerCase()) && !closing.has(r.id));
    if (twin) problems.push({ field: `${label('roles')}, block ${block.number}, title`, message: `"${twin.title}" is on this booth already (/roles/${sponsor}/${twin.id}/); give the new role a title that tells them apart, or name the old one under "${label('close')}"` });
    if (!role.answers || !sponsor || twin) continue;
    const path = paths.role(project, sponsor, uniqueSlug(role.answers.title, taken));
    files.push({ path, content: roleFile(role.answers) });
    written.push({ path, note: `new role "${role.answers.title}", closes ${role.answers.validThrough}` });
    fieldOf.set(path, roleFieldMapper(label('roles'), block.number));
  }

  const notes: string[] = [];
  text('close')
    .split('\n')
    .forEach((raw, i) => {
      const wanted = raw.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim();
      if (!wanted || !sponsor) return;
      const field = `${label('close')}, line ${i + 1}`;
      const key = slugify(wanted.split('/').filter(Boolean).pop() ?? '');
      const role = existing.find((r) => r.id === key || r.title.toLowerCase() === wanted.toLowerCase());
      if (!role) {
        const best = closest(wanted, existing.flatMap((r) => [r.title, r.id]));
        problems.push({ field, message: `${info.name} has no role "${wanted}"; its roles are: ${existing.map((r) => r.title || r.id).join(', ') || 'none'}`, ...(best ? { suggestion: best } : {}) });
        return;
      }
      const status = parseDocument(role.text).get('status');
      if (status === 'closed' || status === 'filled') {
        notes.push(`"${role.title}" was already ${status}; left as it is.`);
        return;
      }
      edits.push({ path: role.path, content: closedRole(role.text) });
      written.push({ path: role.path, note: `closed "${role.title}"` });
      fieldOf.set(role.path, () => field);
    });

  return {
    form: 'roles',
    sponsor: { id: sponsor ?? '', name: info.name },
    title: `Roles: ${info.name}`,
    files,
    edits,
    written,
    problems,
    notes,
    fieldOf,
  };
}
