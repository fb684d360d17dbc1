/** The page's language, so screen readers pronounce it and browsers offer translation. */
import type { Rule } from '../types.ts';

/** A BCP 47 language tag such as "en", "en-GB", "zh-Hant". */
const languageTag = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

export const lang: Rule = {
  code: 'lang',
  requires: '<html lang> with a language tag such as "en"',
  check(facts) {
    if (facts.lang === undefined) return [{ code: 'lang', message: '<html> has no lang attribute', fix: 'set lang on <html> (src/layouts/Base.astro sets it for every page that uses it)' }];
    if (!languageTag.test(facts.lang)) return [{ code: 'lang', message: `<html lang="${facts.lang}"> is not a language tag`, fix: 'use a BCP 47 tag such as "en" or "en-GB"' }];
    return [];
  },
};
