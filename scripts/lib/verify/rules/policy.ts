/**
 * The Content-Security-Policy <meta> that backs the no-script promise in the browser, with
 * every inline <style> of the page hashed in it (a style the policy does not list is dropped
 * by the browser: the page would render unstyled), and the referrer policy.
 */
import { cspDirectives, parsePolicy, referrerPolicy as referrer, scriptSrc, styleHash } from '../../../../src/lib/csp.ts';
import type { PageProblem, Rule } from '../types.ts';

/** Directives every page must carry exactly as src/lib/csp.ts writes them (style-src adds per-page hashes). */
const required = Object.fromEntries([...parsePolicy([...cspDirectives, scriptSrc].join('; '))].map(([name, values]) => [name, values.join(' ')]));
const fixPolicy = 'the layout (src/layouts/Base.astro) writes the policy from src/lib/csp.ts: a page that does not use it must carry the same <meta>';

export const policy: Rule = {
  code: 'policy',
  requires: `a Content-Security-Policy <meta> with ${Object.entries(required).map(([k, v]) => `${k} ${v}`).join(', ')} that hashes every inline <style>; <meta name="referrer" content="${referrer}">`,
  check(facts) {
    const problems: PageProblem[] = [];
    if (!facts.csp) return [{ code: 'policy', message: 'has no Content-Security-Policy <meta>', fix: fixPolicy }];
    const directives = parsePolicy(facts.csp.policy);
    for (const [name, value] of Object.entries(required)) {
      const found = directives.get(name)?.join(' ');
      if (found !== value) problems.push({ code: 'policy', message: `policy has ${found === undefined ? `no ${name}` : `${name} ${found}`}; expected ${name} ${value}`, fix: fixPolicy, line: facts.csp.line });
    }
    const styles = directives.get('style-src') ?? directives.get('default-src') ?? [];
    if (!styles.includes("'unsafe-inline'")) {
      for (const css of facts.inlineStyles) {
        if (!styles.includes(`'${styleHash(css)}'`)) {
          problems.push({ code: 'policy', message: `an inline <style> (${JSON.stringify(css.trim().slice(0, 50))}…) is not hashed in style-src: the browser ignores it`, fix: 'add the hash with Astro.csp.insertStyleHash where the style is written (see src/components/booth/hero-crop.ts)', line: facts.csp.line });
        }
      }
    }
    const ref = facts.metaNames.get('referrer');
    if (ref !== referrer) problems.push({ code: 'policy', message: ref === undefined ? 'has no referrer policy <meta>' : `referrer policy is "${ref}"`, fix: `add <meta name="referrer" content="${referrer}"> to the page's <head>` });
    return problems;
  },
};
