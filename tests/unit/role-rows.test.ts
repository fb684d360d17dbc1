/**
 * The rows of a roles table, written once per role and reused on every list page: escaped
 * as Astro escapes, apply links only while a role is open, the sponsor column on request,
 * and only the filter tokens differing from page to page.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml, roleRows, type RowLinks } from '../../src/components/roles/role-rows.ts';
import { fixtureModel } from '../support/roles-fixture.ts';

const model = fixtureModel('2027-02-01');
const links: RowLinks = { role: (role) => `/roles/${role.id}/`, sponsor: (sponsor) => `/booths/${sponsor.id}/` };
const role = (id: string) => model.roles.find((r) => r.id === id)!;

test('escapes text and attributes as Astro does', () => {
  assert.equal(escapeHtml(`<a href="x">Tom & Jerry's</a>`), '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  const html = roleRows([role('acme/research-scientist')], links, true);
  assert.match(html, /<a class="title" href="\/roles\/acme\/research-scientist\/">Research Scientist &lt;Audio&gt; &amp; &quot;Music&quot;<\/a>/);
  assert.ok(!html.includes('<Audio>'));
});

test('a row links each place to its apply address while the role is open, and names the sponsor on request', () => {
  const open = roleRows([role('acme/phd-research-intern')], links, true);
  assert.match(open, /<tr id="role-acme--phd-research-intern" data-state="open">/);
  assert.match(open, /<td data-label="Sponsor"><a href="\/booths\/acme\/">Acme Audio<\/a><\/td>/);
  assert.match(open, /<a href="https:\/\/acme\.example\/jobs\/1-london">London<span class="visually-hidden">: apply for PhD Research Intern at Acme Audio<\/span><\/a>/);
  const withoutSponsor = roleRows([role('acme/phd-research-intern')], links, false);
  assert.match(withoutSponsor, /<tr id="role-phd-research-intern" data-state="open">/);
  assert.ok(!withoutSponsor.includes('data-label="Sponsor"'));
  const upcoming = roleRows([role('beta/upcoming-intern')], links, true);
  assert.match(upcoming, /<span class="state state-upcoming">Upcoming<\/span>/);
  assert.ok(!upcoming.includes('apply for'), 'no apply link before the role opens');
});

test('the same role on two pages: the same cells, its own filter tokens on each', () => {
  const phd = role('acme/phd-research-intern');
  const onBoard = roleRows([phd], links, true, new Map([[phd.id, 'kind-0 level-1']]));
  const filterPage = roleRows([phd], links, true, new Map([[phd.id, '']]));
  assert.match(onBoard, /data-filter="kind-0 level-1">/);
  assert.match(filterPage, /data-state="open" data-filter>/);
  assert.equal(onBoard.slice(onBoard.indexOf('<th')), filterPage.slice(filterPage.indexOf('<th')));
});

test('pay, visa and relocation in plain words under the title, and the days left to apply', () => {
  const scientist = role('acme/research-scientist'); // salary, visa yes, relocation yes
  const intern = role('acme/phd-research-intern'); // closes 2027-03-31; says nothing about pay
  assert.match(
    roleRows([scientist], links, true),
    /<\/span><ul class="decision"><li>€70,000 to €90,000 per year<\/li><li>Visa sponsorship available<\/li><li>Relocation support<\/li><\/ul><\/th>/,
  );
  assert.ok(!roleRows([intern], links, true).includes('class="decision"'), 'nothing to say, nothing written');
  // The build date is 2027-02-01; the intern closes 2027-03-31: 58 days, within the countdown.
  assert.match(roleRows([intern], links, true), /<span class="term">Closes in 58 days<\/span>/);
  const later = fixtureModel('2027-01-20').roles.find((r) => r.id === intern.id)!;
  assert.match(roleRows([later], links, true), /<span class="term">Apply by Mar 31, 2027<\/span>/);
  const lastDays = fixtureModel('2027-03-30').roles.find((r) => r.id === intern.id)!;
  assert.match(roleRows([lastDays], links, true), /<span class="term soon">Closes tomorrow<\/span>/);
  assert.ok(!roleRows([role('acme/expired-engineer')], links, true).includes('Apply by'), 'a closed role says nothing of applying');
});
