/** Every link and button is announced with a name, not just "link". */
import type { Rule } from '../types.ts';

export const accessibleName: Rule = {
  code: 'name',
  requires: 'every link and button has an accessible name (text, an image\'s alt, aria-label or title)',
  check(facts) {
    return facts.unnamed.map((el) => ({
      code: 'name',
      message: `${el.tag === 'a' ? 'link' : el.tag} without a name (${el.snippet})`,
      fix: el.tag === 'a' ? 'give the link text, or alt text to the image inside it' : 'give it a visible label or aria-label',
      line: el.line,
    }));
  },
};
