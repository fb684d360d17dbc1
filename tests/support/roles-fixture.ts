/**
 * A small conference for the roles board's unit tests, built through the real schemas and
 * model (so defaults, aliases and the build date apply as in a build), and independent of
 * the demo content, which other work keeps extending.
 */
import { z } from 'zod';
import { buildModel, type Entry, type Model } from '../../src/lib/model.ts';
import { conferenceSchema } from '../../src/schemas/conference.ts';
import { roleSchema, type RoleData } from '../../src/schemas/role.ts';
import { sponsorSchema, type SponsorData } from '../../src/schemas/sponsor.ts';
import { tierSchema } from '../../src/schemas/tier.ts';
import { areaSchema, locationSchema } from '../../src/schemas/vocabulary.ts';

const sponsorCheck = sponsorSchema(() => z.string());

const sponsors: Record<string, unknown> = {
  acme: { name: 'Acme Audio', tier: 'gold', website: 'https://acme.example', summary: 'Acme makes audio.', logo: { src: './acme/logo.svg', alt: 'Acme Audio' } },
  beta: { name: 'Beta Labs', tier: 'bronze', website: 'https://beta.example', summary: 'Beta does research.', logo: { src: './beta/logo.svg', alt: 'Beta Labs' } },
  hidden: { name: 'Hidden Co', tier: 'gold', website: 'https://hidden.example', summary: 'Not yet.', logo: { src: './hidden/logo.svg', alt: 'Hidden' }, draft: true },
};

/** Roles by id; `private` values must never reach a page or feed. */
const fixtureRoles: Record<string, Record<string, unknown>> = {
  'acme/phd-research-intern': {
    title: 'PhD Research Intern',
    employmentType: 'internship',
    term: { season: 'summer', year: 2027, durationMonths: 3 },
    locations: [
      { location: 'london', applyUrl: 'https://acme.example/jobs/1-london' },
      { location: 'Germany', workplace: 'remote', applyUrl: 'https://acme.example/jobs/1-remote' },
    ],
    researchAreas: ['ML', 'MIR'],
    eligibility: { enrolledIn: ['phd'] },
    requirements: 'PhD student in MIR',
    datePosted: '2027-01-10',
    validThrough: '2027-03-31',
  },
  'acme/research-scientist': {
    title: 'Research Scientist <Audio> & "Music"',
    employmentType: 'full-time',
    seniority: ['senior'],
    locations: [
      { location: 'NYC', applyUrl: 'https://acme.example/jobs/2-nyc' },
      { location: 'berlin', workplace: 'hybrid', applyUrl: 'https://acme.example/jobs/2-berlin' },
    ],
    researchAreas: ['Search & Recommendation'],
    eligibility: { educationRequired: 'phd', minYearsExperience: 3 },
    requirements: 'PhD and 3+ years',
    datePosted: '2027-01-10',
    identifier: 'R-1042',
    salary: { currency: 'EUR', min: 70000, max: 90000, per: 'year' },
    visaSponsorship: 'yes',
    relocation: true,
    description: 'Join the **audio** team.\n\n- Build models\n- Ship them\n\n<script>alert(1)</script>',
    private: { contacts: [{ name: 'Pat Recruiter', email: 'pat.recruiter@acme.example' }], notes: 'PRIVATE-NOTE-7731' },
  },
  'acme/expired-engineer': {
    title: 'Expired Engineer',
    employmentType: 'full-time',
    locations: [{ location: 'london', applyUrl: 'https://acme.example/jobs/3' }],
    researchAreas: ['machine-learning'],
    requirements: 'Anything',
    datePosted: '2027-01-01',
    validThrough: '2027-01-31',
  },
  'acme/draft-role': {
    title: 'Draft Role',
    employmentType: 'full-time',
    locations: [{ location: 'london', applyUrl: 'https://acme.example/jobs/4' }],
    researchAreas: ['machine-learning'],
    requirements: 'Anything',
    datePosted: '2027-01-20',
    draft: true,
  },
  'beta/remote-engineer': {
    title: 'Remote Engineer',
    employmentType: 'full-time',
    locations: [
      { location: 'germany', workplace: 'remote' },
      { location: 'Europe', workplace: 'remote' },
      { location: 'americas-hours', workplace: 'remote' },
    ],
    visaSponsorship: 'case-by-case',
    applyUrl: 'https://beta.example/jobs/remote',
    researchAreas: ['machine-learning'],
    requirements: '2+ years of Python',
    datePosted: '2027-01-12',
  },
  'beta/upcoming-intern': {
    title: 'Upcoming Intern',
    employmentType: 'internship',
    term: { season: 'summer', year: 2027 },
    locations: [{ location: 'montreal' }],
    researchAreas: ['music-information-retrieval'],
    eligibility: { enrolledIn: ['master'] },
    requirements: "Master's student",
    status: 'upcoming',
    statusNote: 'Opens in March.',
    datePosted: '2027-01-05',
  },
  'beta/filled-postdoc': {
    title: 'Filled Postdoc',
    employmentType: 'postdoc',
    locations: [{ location: 'montreal', applyUrl: 'https://beta.example/jobs/postdoc' }],
    researchAreas: ['machine-learning'],
    requirements: 'PhD',
    status: 'filled',
    datePosted: '2027-01-03',
  },
  'hidden/secret-role': {
    title: 'Secret Role',
    employmentType: 'internship',
    locations: [{ location: 'london', applyUrl: 'https://hidden.example/jobs/1' }],
    researchAreas: ['machine-learning'],
    requirements: 'Anything',
    datePosted: '2027-01-15',
  },
};

type Edit = (content: { roles: typeof fixtureRoles; sponsors: typeof sponsors }) => void;

/** The fixture's model as of `today`; throws on any content problem. */
export function fixtureModel(today: string, edit?: Edit): Model {
  const { model, problems } = fixtureBuild(today, edit);
  if (problems.length > 0) throw new Error(`fixture problems: ${JSON.stringify(problems)}`);
  return model;
}

/** The fixture, edited, through the model: the model and every problem found. */
export function fixtureBuild(today: string, edit?: Edit) {
  const roles = structuredClone(fixtureRoles);
  const sponsorData = structuredClone(sponsors);
  edit?.({ roles, sponsors: sponsorData });
  return buildModel(
    {
      conference: conferenceSchema.parse({
        name: 'TESTCONF 2027',
        edition: 2027,
        startDate: '2027-06-01',
        endDate: '2027-06-04',
        timeZone: 'Europe/Berlin',
        url: 'https://testconf.example',
        site: 'https://sponsors.testconf.example',
      }),
      tiers: [
        { id: 'gold', label: 'Gold', rank: 1, logoSize: 'l', hasBooth: true, price: { amount: 5000, currency: 'EUR' }, benefits: ['Booth'] },
        { id: 'bronze', label: 'Bronze', rank: 2, logoSize: 's', hasBooth: false, price: { amount: 1000, currency: 'EUR' }, benefits: ['Logo'] },
      ].map((t) => tierSchema.parse(t)),
      areas: [
        { id: 'machine-learning', label: 'Machine Learning', aliases: ['ML'] },
        { id: 'music-information-retrieval', label: 'Music Information Retrieval', aliases: ['MIR'] },
        { id: 'search-recommendations', label: 'Search & Recommendations', aliases: ['Search & Recommendation'] },
        { id: 'music-generation', label: 'Music Generation' },
      ].map((a) => areaSchema.parse(a)),
      locations: [
        { id: 'london', label: 'London', city: 'London', country: 'GB' },
        { id: 'berlin', label: 'Berlin', city: 'Berlin', country: 'DE' },
        { id: 'germany', label: 'Germany', country: 'DE' },
        { id: 'new-york', label: 'New York', city: 'New York', region: 'NY', country: 'US', aliases: ['NYC'] },
        { id: 'montreal', label: 'Montréal', city: 'Montréal', region: 'QC', country: 'CA' },
        { id: 'europe', label: 'Europe', countries: ['DE', 'FR', 'NL'] },
        { id: 'americas-hours', label: 'Americas time zones', utcOffsets: { from: -8, to: -3 } },
      ].map((l) => locationSchema.parse(l)),
      sponsors: Object.entries(sponsorData).map(([id, data]): Entry<SponsorData> => ({ id, file: `sponsors/${id}.mdx`, data: sponsorCheck.parse(data) as unknown as SponsorData })),
      roles: Object.entries(roles).map(([id, data]): Entry<RoleData> => ({ id, file: `roles/${id}.yaml`, data: roleSchema.parse(data) })),
      files: { tiers: 'tiers.yaml', areas: 'areas.yaml', locations: 'locations.yaml' },
    },
    today,
  );
}
