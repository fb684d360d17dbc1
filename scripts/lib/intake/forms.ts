/**
 * The two issue forms a sponsor fills in on GitHub (a booth; roles of an existing booth),
 * defined once: `npm run intake:forms` renders them to .github/ISSUE_TEMPLATE/, and the
 * intake reads an issue body by the same labels, so the form and its reader cannot drift.
 * The tier choices come from src/content/tiers.yaml.
 */
import { stringify } from 'yaml';
import { programmeOf } from '../../../src/lib/booth.ts';
import { mainTiers, type Project } from '../project.ts';
import { blockFormats } from './blocks.ts';
import { contentLayout, contentPath } from '../../../src/core/project.ts';

export type FormKind = 'booth' | 'roles';

/** One field of a form, as GitHub's form schema names its parts. */
export interface FormField {
  id: string;
  type: 'input' | 'textarea' | 'dropdown' | 'checkboxes';
  /** The heading GitHub writes above the answer in the issue body ("### Website"). */
  label: string;
  description: string;
  placeholder?: string;
  required: boolean;
  /** Choices of a dropdown or checkboxes. */
  options?: string[];
}

export interface FormDefinition {
  kind: FormKind;
  /** File name in .github/ISSUE_TEMPLATE/. */
  file: string;
  name: string;
  description: string;
  title: string;
  /** The label the workflow runs on. */
  label: string;
  intro: string;
  fields: FormField[];
}

/** Labels that mark intake issues; the workflow runs only on issues that carry one. */
const intakeLabels: Record<FormKind, string> = { booth: 'booth-intake', roles: 'roles-intake' };

const publicNote =
  'This issue is **public**: everything you write here, including the contact field, can be read by anyone who can see this repository. The contact stays on this issue only: it is not written into the site or its files, and you can remove it by editing the issue once the booth is published.';

const rolesHelp = (what: string) =>
  `${what} One block per role, blocks separated by a line with three dashes (---). One "Key: value" per line; keys in any case. ${blockFormats.role.help}`;

function boothForm(project: Project): FormDefinition {
  const conference = project.conference?.name ?? 'the conference';
  const tiers = mainTiers(project);
  const others = project.tiers.filter((t) => programmeOf(t) !== 'main');
  const withBooth = tiers.filter((t) => t.hasBooth).map((t) => t.label);
  const fields: FormField[] = [
    { id: 'name', type: 'input', label: 'Organisation name', description: 'As it should appear on the site, e.g. "Acme Audio".', placeholder: 'Acme Audio', required: true },
    {
      id: 'tier',
      type: 'dropdown',
      label: 'Tier',
      description: `The tier in your sponsorship agreement. ${withBooth.length ? `${withBooth.join(', ')} sponsors get a booth page; the others a logo linking to the website.` : ''}`.trim(),
      required: true,
      options: tiers.map((t) => t.label),
    },
    ...(others.length
      ? [{ id: 'programmes', type: 'checkboxes' as const, label: 'Other programmes', description: 'Tick the programmes you also sponsor, if any.', required: false, options: others.map((t) => t.label) }]
      : []),
    { id: 'website', type: 'input', label: 'Website', description: 'The full address, starting with https://', placeholder: 'https://acme.example', required: true },
    { id: 'summary', type: 'textarea', label: 'Summary', description: 'One or two sentences, at most 280 characters: shown in the sponsor hall, on your booth and in feeds.', required: true },
    {
      id: 'logo',
      type: 'textarea',
      label: 'Logo',
      description: 'Drag your logo file into this box (SVG, PNG, JPG or WebP, at most 2 MB). An SVG must be a plain drawing: no scripts, no links, no embedded fonts or images.',
      required: true,
    },
    {
      id: 'booth',
      type: 'textarea',
      label: 'Booth text (Markdown)',
      description: 'Your booth page: ## headings, paragraphs, [links](https://…), lists. Drag images into the box and describe each one: ![Our lab in Berlin](…). No HTML, scripts or embedded players: the site runs no JavaScript.',
      required: false,
    },
    { id: 'roles', type: 'textarea', label: 'Roles (one block per role)', description: rolesHelp('Open internships and jobs, each with its apply links.'), placeholder: blockFormats.role.example, required: false },
    {
      id: 'events',
      type: 'textarea',
      label: 'Events (one block per event)',
      description: `Talks, demos, office hours at ${conference}. One block per event, separated by ---. ${blockFormats.event.help}`,
      placeholder: blockFormats.event.example,
      required: false,
    },
    {
      id: 'contact',
      type: 'input',
      label: 'Contact for the organisers',
      description: 'Your name and work e-mail, for questions about this booth. Visible on this public issue; not written into the site or its files.',
      placeholder: 'Jane Doe <jane@acme.example>',
      required: true,
    },
    {
      id: 'address',
      type: 'input',
      label: 'Booth address (optional)',
      description: 'The last part of your booth\'s address (/booths/<address>/): lower-case letters, digits and hyphens. Made from the name when left empty.',
      placeholder: 'acme-audio',
      required: false,
    },
  ];
  return {
    kind: 'booth',
    file: 'booth.yml',
    name: 'Sponsor booth',
    description: `Add your organisation's booth and open roles to the ${conference} sponsor site.`,
    title: 'Booth: ',
    label: intakeLabels.booth,
    intro: `Fill in this form to add your booth. When you submit it, a check runs and answers on this issue within a few minutes: either a list of what to fix (edit the issue to fix it; the check runs again) or a pull request for the web chair to review. ${publicNote}`,
    fields,
  };
}

function rolesForm(project: Project): FormDefinition {
  const conference = project.conference?.name ?? 'the conference';
  return {
    kind: 'roles',
    file: 'roles.yml',
    name: 'Sponsor roles',
    description: `Add or close open roles of a booth that is already on the ${conference} sponsor site.`,
    title: 'Roles: ',
    label: intakeLabels.roles,
    intro: `Add new roles to your booth, or close roles that are filled. A check answers on this issue within a few minutes; when it passes, the web chair reviews a pull request. ${publicNote}`,
    fields: [
      { id: 'sponsor', type: 'input', label: 'Booth', description: 'Your booth\'s address (the last part of /booths/<address>/) or your organisation\'s name.', placeholder: 'acme-audio', required: true },
      { id: 'roles', type: 'textarea', label: 'New roles (one block per role)', description: rolesHelp('Roles to add.'), placeholder: blockFormats.role.example, required: false },
      { id: 'close', type: 'textarea', label: 'Roles to close', description: 'One role per line: its title as shown on your booth, or the last part of its address (/roles/<booth>/<role>/). Closed roles leave the roles board and keep their page with a "closed" banner.', placeholder: 'Research Intern', required: false },
    ],
  };
}

export function formDefinitions(project: Project): FormDefinition[] {
  return [boothForm(project), rolesForm(project)];
}

export function formDefinition(project: Project, kind: FormKind): FormDefinition {
  return formDefinitions(project).find((f) => f.kind === kind)!;
}

/** The first line of every generated form: what makes it safe to replace. */
export const generatedMark = '# Generated by `npm run intake:forms`';

/** The form as GitHub's issue-form YAML. */
export function renderForm(form: FormDefinition): string {
  const labels = new Set<string>();
  for (const field of form.fields) {
    if (labels.has(field.label)) throw new Error(`form ${form.file}: two fields are labelled "${field.label}"`);
    labels.add(field.label);
    if (field.options && new Set(field.options).size !== field.options.length) {
      throw new Error(`form ${form.file}: field "${field.label}" has a repeated choice; give each tier in ${contentPath(contentLayout.tiers)} its own label`);
    }
  }
  const body = [
    { type: 'markdown', attributes: { value: form.intro } },
    ...form.fields.map((f) => ({
      type: f.type,
      id: f.id,
      attributes: {
        label: f.label,
        description: f.description,
        ...(f.placeholder ? { placeholder: f.placeholder } : {}),
        ...(f.type === 'dropdown' ? { options: f.options } : {}),
        ...(f.type === 'checkboxes' ? { options: f.options!.map((label) => ({ label })) } : {}),
      },
      ...(f.type === 'checkboxes' ? {} : { validations: { required: f.required } }),
    })),
  ];
  const yaml = stringify({ name: form.name, description: form.description, title: form.title, labels: [form.label], body }, { lineWidth: 0 });
  return `${generatedMark} from ${contentPath(contentLayout.tiers)} and\n# scripts/lib/intake/forms.ts. Edit those and run the command again; edits here are replaced.\n${yaml}`;
}
