/**
 * The title of each role's page, each its own: a title that repeated another's would fail the
 * site gate's title rule. Pure.
 */
import { placeText, termText } from './display-text.ts';
import type { Role } from './model.ts';

/**
 * The title of each role's page: "Research Intern at Acme". A sponsor may post the same title
 * twice (one role per city, or two teams); every page needs a title of its own, so those say
 * their places, then their term, then their number among the roles that still share one.
 */
export function rolePageTitles(roles: readonly Role[]): Map<string, string> {
  const details = new Map<string, string[]>(roles.map((role) => [role.id, []]));
  const title = (role: Role) => {
    const more = details.get(role.id)!;
    return `${role.title}${more.length ? ` (${more.join(', ')})` : ''} at ${role.sponsor.name}`;
  };
  const distinguish = (detail: (role: Role, index: number) => string) => {
    for (const group of Map.groupBy(roles, title).values()) {
      if (group.length < 2) continue;
      group.forEach((role, index) => {
        const more = detail(role, index);
        if (more) details.get(role.id)!.push(more);
      });
    }
  };
  distinguish((role) => role.places.map(placeText).join(', '));
  distinguish((role) => termText(role));
  distinguish((_role, index) => String(index + 1));
  return new Map(roles.map((role) => [role.id, title(role)]));
}
