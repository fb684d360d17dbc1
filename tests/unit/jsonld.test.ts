/**
 * JobPosting JSON-LD: every property Google's job posting guidelines require, the
 * recommended ones the content has, nothing for roles that are not open, and text that
 * cannot end its <script> element.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkContent } from '../../src/lib/content-check.ts';
import { descriptionHtml } from '../../src/lib/description.ts';
import { jobPosting, jobPostingProblems, jsonLdText, roleSummaryHtml, type JobPostingLd } from '../../src/lib/jsonld.ts';
import type { Role } from '../../src/lib/model.ts';
import { projectRoot } from '../support/project.ts';
import { fixtureModel } from '../support/roles-fixture.ts';

const model = fixtureModel('2027-02-01');
const role = (id: string) => model.roles.find((r) => r.id === id)!;

function posting(r: Role): JobPostingLd | undefined {
  return jobPosting(r, {
    url: `https://sponsors.testconf.example/roles/${r.id}/`,
    descriptionHtml: r.description ? descriptionHtml(r.description) : roleSummaryHtml(r),
    logoUrl: 'https://sponsors.testconf.example/_astro/logo.svg',
  });
}

/** Google's required properties, checked on the data as a crawler would read it. */
const required = ['@context', '@type', 'title', 'description', 'datePosted', 'hiringOrganization'];

describe('JobPosting JSON-LD', () => {
  it('has every required property, for an on-site and remote internship', () => {
    const ld = posting(role('acme/phd-research-intern'))!;
    for (const key of required) assert.ok(key in ld, key);
    assert.deepEqual(jobPostingProblems(JSON.parse(jsonLdText(ld))), []);
    assert.equal(ld.title, 'PhD Research Intern');
    assert.equal(ld.datePosted, '2027-01-10');
    assert.equal(ld.validThrough, '2027-03-31');
    assert.equal(ld.employmentType, 'INTERN');
    assert.deepEqual(ld.hiringOrganization, { '@type': 'Organization', name: 'Acme Audio', sameAs: 'https://acme.example', logo: 'https://sponsors.testconf.example/_astro/logo.svg' });
    assert.deepEqual(ld.jobLocation, [{ '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'London', addressCountry: 'GB' } }]);
    assert.equal(ld.jobLocationType, 'TELECOMMUTE');
    assert.deepEqual(ld.applicantLocationRequirements, [{ '@type': 'Country', name: 'Germany' }]);
    assert.deepEqual(ld.identifier, { '@type': 'PropertyValue', name: 'Acme Audio', value: 'acme/phd-research-intern' });
    assert.equal(ld.directApply, false);
    // No description in the file: one is written from the fields.
    assert.match(ld.description, /^<p>PhD Research Intern at Acme Audio \(Summer 2027, 3 months\), in London, Germany \(remote\)\.<\/p>/);
  });

  it('carries the recommended properties the role has', () => {
    const ld = posting(role('acme/research-scientist'))!;
    assert.deepEqual(jobPostingProblems(ld as unknown as Record<string, unknown>), []);
    assert.equal(ld.validThrough, undefined); // the file gives none; never invented
    assert.deepEqual(ld.identifier, { '@type': 'PropertyValue', name: 'Acme Audio', value: 'R-1042' });
    assert.deepEqual(ld.educationRequirements, { '@type': 'EducationalOccupationalCredential', credentialCategory: 'postgraduate degree' });
    assert.deepEqual(ld.experienceRequirements, { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: 36 });
    assert.deepEqual(ld.baseSalary, { '@type': 'MonetaryAmount', currency: 'EUR', value: { '@type': 'QuantitativeValue', minValue: 70000, maxValue: 90000, unitText: 'YEAR' } });
    assert.deepEqual(
      ld.jobLocation?.map((p) => p.address),
      [
        { '@type': 'PostalAddress', addressLocality: 'New York', addressRegion: 'NY', addressCountry: 'US' },
        { '@type': 'PostalAddress', addressLocality: 'Berlin', addressCountry: 'DE' }, // hybrid is a place too
      ],
    );
    assert.equal(ld.jobLocationType, undefined);
    // The Markdown description, with its raw HTML shown as text.
    assert.match(ld.description, /<strong>audio<\/strong>/);
    assert.match(ld.description, /&lt;script&gt;/);
  });

  it('describes a fully remote job by where applicants may live, without a jobLocation', () => {
    const ld = posting(role('beta/remote-engineer'))!;
    assert.equal(ld.jobLocation, undefined);
    assert.equal(ld.jobLocationType, 'TELECOMMUTE');
    // Germany, then the region's countries one by one (Germany once), then the time-zone band as an area.
    assert.deepEqual(ld.applicantLocationRequirements, [
      { '@type': 'Country', name: 'Germany' },
      { '@type': 'Country', name: 'France' },
      { '@type': 'Country', name: 'Netherlands' },
      { '@type': 'AdministrativeArea', name: 'Americas time zones, UTC\u22128 to UTC\u22123' },
    ]);
    assert.deepEqual(jobPostingProblems(ld as unknown as Record<string, unknown>), []);
  });

  it('says visa sponsorship where schema.org puts it, never in applicantLocationRequirements, and relocation as a benefit', () => {
    const scientist = posting(role('acme/research-scientist'))!;
    assert.equal(scientist.eligibilityToWorkRequirement, 'The employer sponsors a work visa for this role.');
    assert.equal(scientist.jobBenefits, 'Relocation support');
    assert.equal(scientist.applicantLocationRequirements, undefined);
    assert.equal(posting(role('beta/remote-engineer'))!.eligibilityToWorkRequirement, 'The employer considers sponsoring a work visa case by case.');
    assert.equal(posting(role('acme/phd-research-intern'))!.eligibilityToWorkRequirement, undefined, 'never invented');
    // The summary written for feeds and descriptions says it in words too.
    assert.match(roleSummaryHtml(role('acme/research-scientist')), /<p>€70,000 to €90,000 per year\. Visa sponsorship available\. Relocation support\.<\/p>$/);
  });

  it('writes a salary as an amount or the ends of a range that the file gives', () => {
    const salaryOf = (salary: NonNullable<Role['salary']>) => posting({ ...role('acme/research-scientist'), salary })!.baseSalary!.value;
    assert.deepEqual(salaryOf({ currency: 'USD', min: 45, max: 45, per: 'hour' }), { '@type': 'QuantitativeValue', value: 45, unitText: 'HOUR' });
    assert.deepEqual(salaryOf({ currency: 'USD', min: 3000, per: 'month' }), { '@type': 'QuantitativeValue', minValue: 3000, unitText: 'MONTH' });
    assert.deepEqual(salaryOf({ currency: 'USD', max: 3000, per: 'month' }), { '@type': 'QuantitativeValue', maxValue: 3000, unitText: 'MONTH' });
  });

  it('is absent for closed, filled and upcoming roles', () => {
    for (const id of ['acme/expired-engineer', 'beta/filled-postdoc', 'beta/upcoming-intern']) assert.equal(posting(role(id)), undefined, id);
  });

  it('is valid for every open role of the demo content', () => {
    const demo = checkContent(projectRoot).model!;
    const open = demo.roles.filter((r) => r.state === 'open');
    assert.ok(open.length >= 10);
    for (const r of open) assert.deepEqual(jobPostingProblems(posting(r) as unknown as Record<string, unknown>), [], r.id);
  });

  it('names what Google would reject', () => {
    const ld = JSON.parse(JSON.stringify(posting(role('acme/research-scientist')))) as Record<string, unknown>;
    delete ld['title'];
    delete ld['jobLocation'];
    ld['datePosted'] = 'last week';
    ld['hiringOrganization'] = { '@type': 'Organization' };
    ld['employmentType'] = 'SOMETIMES';
    assert.deepEqual(jobPostingProblems(ld), [
      'title is required',
      'datePosted is required, as an ISO 8601 date',
      'hiringOrganization is required: an Organization with a name',
      'jobLocation is required unless the job is remote (jobLocationType TELECOMMUTE)',
      'employmentType must be among FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER',
    ]);
    assert.deepEqual(jobPostingProblems({ ...ld, title: 'x', datePosted: '2027-01-01', hiringOrganization: { '@type': 'Organization', name: 'A' }, employmentType: 'OTHER', jobLocationType: 'TELECOMMUTE' }), [
      'a remote job (TELECOMMUTE) needs applicantLocationRequirements',
    ]);
  });

  it('names what is wrong with the remote scope, the visa and relocation texts and the salary', () => {
    const valid = JSON.parse(JSON.stringify(posting(role('acme/research-scientist')))) as Record<string, unknown>;
    const problems = (change: Record<string, unknown>) => jobPostingProblems({ ...valid, ...change });
    assert.deepEqual(problems({}), []);
    assert.deepEqual(problems({ applicantLocationRequirements: [{ '@type': 'Country', name: 'Germany' }] }), [
      'applicantLocationRequirements is only for remote jobs: set jobLocationType to TELECOMMUTE (and never use it for visa status)',
    ]);
    assert.deepEqual(problems({ jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: [{ '@type': 'Place', name: 'EU' }] }), [
      'applicantLocationRequirements[0] must be a Country, State or AdministrativeArea with a name',
    ]);
    assert.deepEqual(problems({ eligibilityToWorkRequirement: true, jobBenefits: '' }), ['eligibilityToWorkRequirement must be text', 'jobBenefits must be text']);
    const salary = (value: Record<string, unknown>, currency = 'EUR') => problems({ baseSalary: { '@type': 'MonetaryAmount', currency, value: { '@type': 'QuantitativeValue', unitText: 'YEAR', ...value } } });
    assert.deepEqual(salary({ minValue: 90000, maxValue: 70000 }), ['baseSalary.value.minValue is larger than maxValue']);
    assert.deepEqual(salary({ minValue: 1 }, 'EURO'), ['baseSalary.currency is "EURO"; expected an ISO 4217 code such as "EUR"']);
    assert.deepEqual(salary({ value: '70k' }), ['baseSalary amounts must be positive numbers']);
    assert.deepEqual(salary({ value: 5, minValue: 4 }), ['baseSalary.value has both value and a range; give one']);
    assert.deepEqual(salary({ unitText: 'ANNUALLY', value: 5 }), ['baseSalary.value.unitText must be one of HOUR, DAY, WEEK, MONTH, YEAR']);
    assert.deepEqual(problems({ baseSalary: 70000 }), ['baseSalary must be a MonetaryAmount whose value is a QuantitativeValue']);
  });

  it('is written so that no value can close the script element', () => {
    const text = jsonLdText({ title: 'A </script><script>alert(1)</script> & <!-- b', line: '\u2028' });
    assert.doesNotMatch(text, /[<>&\u2028]/);
    assert.deepEqual(JSON.parse(text), { title: 'A </script><script>alert(1)</script> & <!-- b', line: '\u2028' });
    const ld = jsonLdText(posting(role('acme/research-scientist')));
    assert.match(ld, /Research Scientist \\u003cAudio\\u003e \\u0026 \\"Music\\"/);
  });
});
