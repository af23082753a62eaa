// awards_jury.test.mjs: the awards' jury. A juror scores a nomination by keyboard alone (arrow keys in each
// criterion's radio group, Tab to the comment and on, Space on the button), a comment without a score comes back
// beside its field with the text kept; axe finds nothing on the juror's rounds, their list, a nomination's page (also
// with an error), the chair's table, the decision form and the conflicts list. Screenshots go to $SHOTS (default: a
// temp dir, printed) for looking at by eye.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KEHTO, serveForFile, assertAccessible, login } from './lib.mjs';

const shots = process.env.SHOTS || mkdtempSync(path.join(tmpdir(), 'kehto-jury-'));
mkdirSync(shots, { recursive: true });

const SQL = `
INSERT INTO funding_period(id, name, start_year, end_year) VALUES (1, '2018–2020', 2018, 2020);
INSERT INTO org(id, name, type) VALUES (1, 'Aalto kunta', 'kunta'), (2, 'Bäck kuntayhtymä', 'kuntayhtyma'),
  (3, 'Cedertorp', 'muu');
INSERT INTO service(id, type_code, name, period_id, counts) VALUES (1, 'sparraus', 'Sparraus', 1, 'participant');
INSERT INTO coach(id, name) VALUES (1, 'Valmentaja Veikko');
INSERT INTO delivery(id, ref, service_id, starts_on, ends_on, coach_id) VALUES (1, 'SP-7', 1, '2019-02-01', '2019-02-02', 1);
INSERT INTO delivery_org(delivery_id, org_id) VALUES (1, 2);
INSERT INTO deed(id, title, org_id, org_name, sector_code, year, summary, goal, results, status, created_at, published_at) VALUES
 (1, 'Kotihoidon aamupalaverit verkossa', 1, 'Aalto kunta', 'sote', 2019, 'Tiimit pitivät aamupalaverit verkossa.',
  'Vähentää ajamista.', 'Ajokilometrit vähenivät kolmanneksella.', 'published', '2019-01-01T00:00:00Z', '2019-01-01T00:00:00Z'),
 (2, 'Kirjaston robotiikkakerho', 2, 'Bäck kuntayhtymä', 'opetus', 2019, 'Kirjasto avasi robotiikkakerhon.', '', '',
  'published', '2019-01-01T00:00:00Z', '2019-01-01T00:00:00Z'),
 (3, 'Koulun aurinkopaneelit', 3, 'Cedertorp', 'opetus', 2019, 'Koulu asensi aurinkopaneelit oppilaiden kanssa.', '', '',
  'published', '2019-01-01T00:00:00Z', '2019-01-01T00:00:00Z');
UPDATE user SET org_id = 1, name = 'Olli Organisaatio' WHERE email = 'org@example.fi';
UPDATE user SET name = 'Vapaa Tuomari' WHERE email = 'free@example.fi';
UPDATE user SET coach_id = 1, name = 'Puheen Johtaja' WHERE email = 'chair@example.fi';
INSERT INTO award_round(id, year, jury_until, chair_id, created_at, updated_at)
  SELECT 1, 2019, '2099-12-31', id, '2019-01-01T00:00:00Z', '2019-01-01T00:00:00Z' FROM user WHERE email = 'chair@example.fi';
INSERT INTO award_category(id, round_id, position, name) VALUES (1, 1, 1, 'viestintäteko'), (2, 1, 2, 'teknologiateko');
INSERT INTO award_criterion(id, round_id, position, name, description, weight) VALUES
  (1, 1, 1, 'Vaikuttavuus', 'Mitä teko muutti työssä ja palveluissa', 3),
  (2, 1, 2, 'Levitettävyys', 'Voivatko muut tehdä saman', 1);
INSERT INTO award_juror(category_id, user_id) SELECT c.id, u.id FROM award_category c, user u
  WHERE u.email IN ('org@example.fi', 'free@example.fi');
INSERT INTO award_nomination(id, round_id, category_id, deed_id, status, reason, created_at) VALUES
  (1, 1, 1, 1, 'nominated', 'Hyvä esimerkki muille kunnille.', '2019-01-01T00:00:00Z'),
  (2, 1, 2, 2, 'nominated', '', '2019-01-01T00:00:00Z'), (3, 1, 2, 3, 'nominated', '', '2019-01-01T00:00:00Z');
INSERT INTO award_score(nomination_id, criterion_id, user_id, score, comment, updated_at)
  SELECT n, c, u.id, s, '', '2019-01-01T00:00:00Z' FROM (SELECT 2 AS n, 1 AS c, 5 AS s UNION ALL SELECT 2, 2, 2
  UNION ALL SELECT 3, 1, 3 UNION ALL SELECT 3, 2, 4) x, user u WHERE u.email = 'org@example.fi';`;

const s = serveForFile({
  demo: false,
  setup: async ({ k }) => {
    for (const email of ['org@example.fi', 'free@example.fi', 'chair@example.fi'])
      execFileSync(KEHTO, ['user', 'add', email, '--role', 'jury', '--db', k.db], { input: 'vihrea-kettu-93-Rq\n' });
    execFileSync('sqlite3', [k.db, SQL]);
  },
});

async function shot(page, name) {
  await page.screenshot({ path: path.join(shots, name + '.png'), fullPage: true });
}

test('a juror finds the round and their nominations, and the pages pass axe', async () => {
  const { page, k } = s;
  await login(page, k.base, 'free@example.fi');
  await page.getByRole('link', { name: 'Raati', exact: true }).click();
  await page.waitForURL(k.base + '/raati');
  await assertAccessible(page);
  await shot(page, 'jury-home');
  await page.getByRole('link', { name: '2019' }).click();
  await page.waitForURL(k.base + '/raati/1');
  await assertAccessible(page);
  await shot(page, 'jury-list');
  assert.match(await page.locator('main').innerText(), /Kotihoidon aamupalaverit verkossa/);
});

test('scoring by keyboard alone: arrow keys choose, Tab moves on, Space saves', async () => {
  const { page, k } = s;
  await page.goto(k.base + '/raati/ehdokas/1');
  await assertAccessible(page);
  // into the first criterion's group: its checked radio ("Ei vielä pisteitä") takes the focus
  await page.locator('#f-score_1 input:checked').focus();
  await page.keyboard.press('ArrowDown'); // wraps from the last (no score) to 1
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight'); // 2, 3, 4
  assert.equal(await page.locator('input[name=score_1]:checked').getAttribute('value'), '4');
  const focusVisible = await page.evaluate(() => getComputedStyle(document.activeElement, ':focus-visible').outlineStyle);
  assert.notEqual(focusVisible, 'none', 'the focused radio shows its focus');
  await page.keyboard.press('Tab'); // the comment of criterion 1
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-comment_1');
  await page.keyboard.type('Vaikutus näkyy ajokilometreissä.');
  await page.keyboard.press('Tab'); // the second group
  await page.keyboard.press('ArrowUp'); // from no score back to 5
  await page.keyboard.press('ArrowUp'); // 4
  await page.keyboard.press('ArrowUp'); // 3
  assert.equal(await page.locator('input[name=score_2]:checked').getAttribute('value'), '3');
  await page.keyboard.press('Tab'); // comment 2
  await page.keyboard.press('Tab'); // the button
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Tallenna pisteet');
  await page.keyboard.press('Space');
  await page.waitForURL(/done=saved/);
  await page.waitForSelector('.notice[role=status]');
  assert.equal(await page.locator('input[name=score_1]:checked').getAttribute('value'), '4');
  assert.equal(await page.locator('#f-comment_1').inputValue(), 'Vaikutus näkyy ajokilometreissä.');
  await assertAccessible(page);
  await shot(page, 'jury-nomination');
});

test('a comment without a score comes back beside its field, the text kept', async () => {
  const { page, k } = s;
  await page.goto(k.base + '/raati/ehdokas/2');
  assert.match(await page.locator('main').innerText(), /Kirjasto avasi robotiikkakerhon/, "the deed's text");
  await page.locator('#f-comment_2').fill('Kommentti ilman pisteitä');
  await page.getByRole('button', { name: 'Tallenna pisteet' }).click();
  await page.waitForSelector('.error-summary');
  const c = page.locator('#f-comment_2');
  assert.equal(await c.getAttribute('aria-invalid'), 'true');
  assert.equal(await c.inputValue(), 'Kommentti ilman pisteitä');
  assert.match(await page.locator('#e-comment_2').innerText(), /Anna kriteerille pisteet/);
  await assertAccessible(page);
  await shot(page, 'jury-nomination-error');
});

test("the chair's table, the decision form and the conflicts pass axe", async () => {
  const { browser, k } = s;
  const page = await (await browser.newContext()).newPage();
  await login(page, k.base, 'chair@example.fi');
  await page.goto(k.base + '/raati/1/tulokset?sarja=2');
  await assertAccessible(page);
  const table = await page.locator('table').innerText();
  assert.doesNotMatch(table, /Kirjaston robotiikkakerho/, 'hidden from the chair, whose coach profile coached Bäck');
  assert.match(table, /Koulun aurinkopaneelit/);
  await shot(page, 'jury-results');
  await page.getByRole('link', { name: 'Koulun aurinkopaneelit' }).click();
  await page.waitForSelector('form.form');
  await assertAccessible(page);
  await shot(page, 'jury-decide');
  await page.getByLabel('Kunniamaininta').check();
  await page.getByRole('button', { name: 'Tallenna päätös' }).click();
  await page.waitForSelector('.error-summary');
  await assertAccessible(page);
  await page.getByLabel(/^Perustelu \(suomeksi\)/).fill('Oppilaat mukana alusta loppuun.');
  await page.getByRole('button', { name: 'Tallenna päätös' }).click();
  await page.waitForURL(/done=decided/);
  assert.match(await page.locator('table').innerText(), /Kunniamaininta/);
  await assertAccessible(page);
  await page.goto(k.base + '/raati/1/esteellisyydet');
  await assertAccessible(page);
  assert.match(await page.locator('table').innerText(), /valmensi organisaatiota Bäck kuntayhtymä \(toteutus SP-7\)/);
  await shot(page, 'jury-conflicts');
  console.log('screenshots in', shots);
});
