/** No JavaScript runs and none is requested: the site's first promise. */
import { dataScriptTypes } from '../../../../src/lib/csp.ts';
import type { Rule } from '../types.ts';

export const script: Rule = {
  code: 'script',
  requires: 'no executable <script>, no script request, no on…= handler, no javascript: URL, no <iframe>, <embed> or <object>',
  check(facts) {
    const problems = facts.scripts
      .filter((s) => !dataScriptTypes.has(s.type) || s.src !== undefined)
      .map((s) => ({
        code: 'script',
        message: s.src ? `loads a script from ${s.src}` : `has an executable <script${s.type ? ` type="${s.type}"` : ''}>`,
        fix: 'remove it: the site ships no JavaScript (JSON-LD data blocks are the only <script> allowed)',
        line: s.line,
      }));
    for (const link of facts.links) {
      if (/^\s*javascript:/i.test(link.url)) {
        problems.push({ code: 'script', message: `${link.attr} is a javascript: URL`, fix: 'link to a page or a file instead', line: link.line });
      } else if (link.attr === 'link[href]' && facts.scriptPreloads.includes(link.url)) {
        problems.push({ code: 'script', message: `preloads the script ${link.url}`, fix: 'remove the preload: no script may load', line: link.line });
      }
    }
    for (const handler of facts.handlers) {
      problems.push({ code: 'script', message: `has an event handler (${handler.snippet})`, fix: 'remove the on…= attribute', line: handler.line });
    }
    for (const embed of facts.embeds) {
      problems.push({ code: 'script', message: `embeds another document (${embed.snippet})`, fix: 'link to it instead: a booth shows a poster and a link, never a frame', line: embed.line });
    }
    return problems;
  },
};
