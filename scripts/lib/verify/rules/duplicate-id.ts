/** An id names one element: a second one breaks #links, labels and aria references to it. */
import type { Rule } from '../types.ts';

export const duplicateId: Rule = {
  code: 'duplicate-id',
  requires: 'each id used once per page',
  check(facts) {
    return [...facts.idCounts].flatMap(([id, { count, line }]) =>
      count > 1
        ? [{ code: 'duplicate-id', message: `id "${id}" is on ${count} elements`, fix: 'a heading\'s text makes its id: reword the heading in the content file so it differs from the other (a booth\'s own sections use ids such as roles, events, contacts)', line }]
        : [],
    );
  },
};
