/** style="" attributes: the policy blocks them, so what they say never shows. */
import type { Rule } from '../types.ts';

export const inlineStyle: Rule = {
  code: 'inline-style',
  requires: 'no style="" attribute (the policy blocks it)',
  check(facts) {
    return facts.styleAttributes.map((el) => ({
      code: 'inline-style',
      message: `style="" attribute on ${el.snippet}`,
      fix: 'move the rule into a stylesheet (src/styles/ or the component\'s <style>)',
      line: el.line,
    }));
  },
};
