/** Every image says what it shows, or says it shows nothing worth reading out (alt=""). */
import type { Rule } from '../types.ts';

export const imgAlt: Rule = {
  code: 'img-alt',
  requires: 'an alt attribute on every <img> (alt="" for a decorative image)',
  check(facts) {
    return facts.imagesWithoutAlt.map((img) => ({
      code: 'img-alt',
      message: `image without alt text (${img.snippet})`,
      fix: 'describe what it shows: ![what it shows](./image.jpg) in Markdown, alt="…" on a component; alt="" only if it is decorative',
      line: img.line,
    }));
  },
};
