/**
 * "Experience needed" as booths write it ("PhD Student", "Masters or PhD Student",
 * "8+ years relevant experience & PhD preferred") → the typed eligibility the roles board
 * filters on. The text itself is kept as `requirements`; only what is clearly stated is typed.
 */
import type { RoleData } from '../../../src/schemas/role.ts';

type Level = 'bachelor' | 'master' | 'phd';
export type Eligibility = Partial<Omit<RoleData['eligibility'], 'enrolledIn'>> & { enrolledIn?: Level[] };

const levelWords: [Level, RegExp][] = [
  ['bachelor', /\b(bachelor'?s?|b\.?sc?\b|b\.?a\.?\b|b\.?eng|undergrad(uate)?s?)/i],
  ['master', /\b(master'?s?|m\.?sc?\b|m\.?eng|msc|graduate student)/i],
  ['phd', /\b(ph\.?\s?d|doctoral|doctorate|postdoc(toral)?)/i],
];

function levelsIn(text: string): Level[] {
  return levelWords.filter(([, pattern]) => pattern.test(text)).map(([level]) => level);
}

export function parseEligibility(text: string): Eligibility {
  const result: Eligibility = {};
  const levels = levelsIn(text);
  // "PhD Student", "Bachelor or Masters Student", "currently enrolled in a PhD".
  if (/\b(students?|enrolled|candidates? for)\b/i.test(text) && levels.length) {
    result.enrolledIn = levels;
  } else if (levels.length) {
    const lowest = levels[0]!;
    // "PhD preferred" is a preference; "PhD", "PhD in a relevant field", "10+ postdoctoral experience" a requirement.
    if (/\bpreferred|\bdesirable|\bnice to have|\bideally|\bplus\b/i.test(text)) result.educationPreferred = lowest;
    else result.educationRequired = lowest;
  }
  // "8+ years", "3-5 years", "at least 2 years", and "10+ postdoctoral … experience".
  const years = /(\d{1,2})\s*(?:\+|\s*-\s*\d{1,2}|plus)?\s*(?:years?|yrs?)\b/i.exec(text) ?? /(\d{1,2})\s*\+\s*[^.]*\bexperience\b/i.exec(text);
  if (years) result.minYearsExperience = Number(years[1]);
  return result;
}

/** Whether parseEligibility found anything to type. */
export function isEmpty(e: Eligibility): boolean {
  return !e.enrolledIn?.length && !e.educationRequired && !e.educationPreferred && e.minYearsExperience === undefined;
}
