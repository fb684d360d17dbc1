/**
 * The rows of a roles table, as HTML: under the title, its term, the time left to apply, and
 * pay, visa and relocation in plain words. A role's row is the same on the board and on every
 * filter page that lists it (nine pages or more), and 100 rows are most of the work of a list
 * page, so each row's cells are written once per build and reused; only the row's filter
 * tokens differ from page to page. Written here, not as an Astro component, because a
 * component per row costs more to call than these cells cost to write. RoleTable.astro puts
 * the result in its <tbody>; its global styles (under .role-table) style it. Pure: the
 * links come from the caller, so unit tests run it without Astro.
 */
import { countdownText, dayText, decisionTexts, placeText, seniorityText, stateLabels, termText } from '../../lib/display-text.ts';
import type { Role, Sponsor } from '../../lib/model.ts';

/** Where rows link to: a role's page, and a sponsor's booth (or website). */
export interface RowLinks {
  role: (role: Role) => string;
  sponsor: (sponsor: Sponsor) => string;
}

/** Escapes text and attribute values as Astro does (&, <, >, ", '). */
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

/** "Closes in 5 days" near the closing date, "Apply by Mar 3, 2027" before; nothing for a role that is not open. */
function closingText(role: Role): string {
  if (role.state !== 'open' || role.validThrough === undefined) return '';
  return countdownText(role) ?? `Apply by ${dayText(role.validThrough)}`;
}

function cells(role: Role, showSponsor: boolean, links: RowLinks): string {
  const seniority = seniorityText(role);
  const term = termText(role);
  const closing = closingText(role);
  const decision = decisionTexts(role);
  const open = role.state === 'open';
  const places = role.places.map((place) => {
    const text = escapeHtml(placeText(place));
    return place.applyUrl && open
      ? `<li><a href="${escapeHtml(place.applyUrl)}">${text}<span class="visually-hidden">: apply for ${escapeHtml(role.title)} at ${escapeHtml(role.sponsor.name)}</span></a></li>`
      : `<li>${text}</li>`;
  });
  return [
    `<th scope="row" data-label="Role"><a class="title" href="${escapeHtml(links.role(role))}">${escapeHtml(role.title)}</a>`,
    seniority ? `<span class="seniority"> (${escapeHtml(seniority)})</span>` : '',
    term ? `<span class="term">${escapeHtml(term)}</span>` : '',
    closing ? `<span class="term${role.closesInDays! <= 7 ? ' soon' : ''}">${escapeHtml(closing)}</span>` : '',
    decision.length ? `<ul class="decision">${decision.map((text) => `<li>${escapeHtml(text)}</li>`).join('')}</ul>` : '',
    open ? '' : `<span class="state state-${role.state}">${stateLabels[role.state]}</span>`,
    role.statusNote ? `<span class="note">${escapeHtml(role.statusNote)}</span>` : '',
    '</th>',
    showSponsor ? `<td data-label="Sponsor"><a href="${escapeHtml(links.sponsor(role.sponsor))}">${escapeHtml(role.sponsor.name)}</a></td>` : '',
    `<td data-label="Locations"><ul class="places">${places.join('')}</ul>`,
    role.applyEmail && open ? `<a href="${escapeHtml(`mailto:${role.applyEmail}`)}">Apply by email</a>` : '',
    '</td>',
    `<td data-label="Research areas"><ul class="areas">${role.areas.map((area) => `<li>${escapeHtml(area.label)}</li>`).join('')}</ul></td>`,
    `<td data-label="Experience needed">${escapeHtml(role.requirements)}</td>`,
  ].join('');
}

/** Cells per role object and variant: a new build (or a dev reload) makes new role objects, so nothing stale is reused. */
const written = new WeakMap<Role, { withSponsor?: string; withoutSponsor?: string }>();

function cachedCells(role: Role, showSponsor: boolean, links: RowLinks): string {
  let entry = written.get(role);
  if (!entry) written.set(role, (entry = {}));
  const key = showSponsor ? 'withSponsor' : 'withoutSponsor';
  return (entry[key] ??= cells(role, showSponsor, links));
}

/**
 * The <tr> of each role. Across sponsors a role's slug alone is not unique, so board rows
 * (those with a sponsor column) are named by sponsor too; `rowTokens` are the filter tokens
 * of each role on this page (the board's CSS filter), written to data-filter.
 */
export function roleRows(roles: readonly Role[], links: RowLinks, showSponsor: boolean, rowTokens?: Map<string, string>): string {
  return roles
    .map((role) => {
      const id = showSponsor ? `role-${role.sponsor.id}--${role.slug}` : `role-${role.slug}`;
      const tokens = rowTokens?.get(role.id);
      // As Astro writes attributes: an empty value is a bare attribute.
      const filter = tokens === undefined ? '' : tokens === '' ? ' data-filter' : ` data-filter="${escapeHtml(tokens)}"`;
      return `<tr id="${escapeHtml(id)}" data-state="${role.state}"${filter}>${cachedCells(role, showSponsor, links)}</tr>`;
    })
    .join('');
}
