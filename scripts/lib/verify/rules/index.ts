/** Every rule of the site gate, in the order a report lists them. One file per rule. */
import type { PageContext, Rule } from '../types.ts';
import { accessibleName } from './accessible-name.ts';
import { duplicateId } from './duplicate-id.ts';
import { headings } from './headings.ts';
import { imgAlt } from './img-alt.ts';
import { inlineStyle } from './inline-style.ts';
import { jsonLd } from './json-ld.ts';
import { lang } from './lang.ts';
import { policy } from './policy.ts';
import { script } from './script.ts';
import { subresource } from './subresource.ts';
import { title } from './title.ts';
import { weight } from './weight.ts';

export const rules: readonly Rule[] = [script, policy, subresource, lang, title, headings, imgAlt, accessibleName, duplicateId, inlineStyle, jsonLd, weight];

/** The rules that apply to a page: a redirect stub has no content to check. */
export const rulesFor = (page: PageContext) => (page.redirect ? rules.filter((rule) => !rule.content) : rules);
