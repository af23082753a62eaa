// applications.test.mjs: an organisation contact applies for sparraus in the real browser, staff approve it, and the
// contact sees it approved; axe on /hakemukset, /hakemukset/uusi (also with errors) and /hakemukset/ID.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serveForFile, login, assertAccessible, KEHTO } from './lib.mjs';

// The services UI is another page's work: the offering, coach and themes are made with SQL here.
const s = serveForFile({
  demo: false,
  setup: async (st) => {
    execFileSync('sqlite3', [st.k.db, `
      INSERT INTO funding_period(id, name, start_year, end_year) VALUES(1, '2. rahoituskausi', 2018, 2020);
      INSERT INTO org(id, name, type) VALUES(1, 'Testilän kaupunki', 'kunta');
      INSERT INTO service(id, type_code, name, period_id, counts) VALUES(1, 'sparraus', 'Sparraus 2019', 1, 'participant');
      INSERT INTO coach(id, name, company) VALUES(1, 'Kaisa Valmentaja', 'Valmennus Oy');
      INSERT INTO theme(name) VALUES('työhyvinvointi'), ('johtaminen');`]);
    execFileSync(KEHTO, ['user', 'add', 'yhteys@testila.fi', '--role', 'contact', '--org', '1', '--db', st.k.db],
      { input: 'sininen-kala-47-Wz\n' });
  },
});

async function logout() {
  await s.page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
  await s.page.waitForLoadState();
}

test('a contact applies for sparraus, staff approve it, the contact sees it approved', async () => {
  const { page } = s;
  const base = s.k.base;
  await login(page, base, 'yhteys@testila.fi', 'sininen-kala-47-Wz');
  await page.getByRole('link', { name: 'Hakemukset' }).click();
  await page.waitForURL(/\/hakemukset$/);
  await assertAccessible(page);
  await page.getByRole('link', { name: 'Uusi hakemus' }).click();
  await page.waitForURL(/\/hakemukset\/uusi$/);
  await assertAccessible(page);

  // sent without the need: shown again with the message beside the field and the text kept
  await page.getByLabel(/^Palvelu/).selectOption({ label: 'Sparraus 2019 (2. rahoituskausi)' });
  await page.getByLabel(/^Teemat/).fill('johtaminen, työhyvinvointi');
  await page.getByRole('button', { name: 'Lähetä hakemus' }).click();
  await page.waitForLoadState();
  assert.match(await page.locator('#e-need').textContent(), /Kuvaa tarpeenne/);
  assert.equal(await page.getByLabel(/^Teemat/).inputValue(), 'johtaminen, työhyvinvointi');
  await assertAccessible(page);

  await page.getByLabel(/^Tarve omin sanoin/).fill('Esihenkilöt uupuvat muutoksessa. <b>Apua</b> tarvitaan.');
  await page.getByLabel(/^Toivottu valmentaja/).selectOption({ label: 'Kaisa Valmentaja, Valmennus Oy' });
  await page.getByLabel(/^Ehdotetut ajankohdat/).fill('maaliskuu 2019');
  await page.getByLabel('Johto', { exact: true }).fill('2');
  await page.getByLabel('Esihenkilöt', { exact: true }).fill('4');
  await page.getByLabel('Työntekijät', { exact: true }).fill('0');
  await page.getByLabel('Henkilöstön edustajat', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Lähetä hakemus' }).click();
  await page.waitForURL(/\/hakemukset\/\d+\?done=sent$/);
  const url = page.url().replace(/\?.*$/, '');
  assert.match(await page.getByRole('status').textContent(), /Hakemus lähetetty/);
  assert.match(await page.locator('main').textContent(), /Odottaa käsittelyä/);
  assert.match(await page.locator('main').textContent(), /<b>Apua<\/b>/, 'the need is shown as text');
  await assertAccessible(page);
  await logout();

  await login(page, base);
  await page.getByRole('link', { name: 'Hakemukset' }).click();
  await page.waitForURL(/\/hakemukset$/);
  await assertAccessible(page);
  await page.getByRole('link', { name: /Sparraus 2019/ }).click();
  await page.waitForURL(url);
  await assertAccessible(page);
  await page.getByLabel(/^Alkupäivä/).fill('2019-03-04');
  await page.getByLabel(/^Loppupäivä/).fill('2019-03-05');
  assert.equal(await page.getByLabel(/^Valmentaja/).inputValue(), '1', 'the preferred coach is preselected');
  await page.getByRole('button', { name: 'Hyväksy', exact: true }).click();
  await page.waitForURL(/done=approved$/);
  assert.match(await page.getByRole('status').textContent(), /Hakemus hyväksytty/);
  assert.equal(await page.getByRole('link', { name: 'Avaa toteutus' }).count(), 1);
  const history = await page.getByRole('table', { name: 'Käsittelyhistoria' }).textContent();
  assert.match(history, /staff@example\.fi/);
  assert.match(history, /yhteys@testila\.fi/);
  await logout();

  await login(page, base, 'yhteys@testila.fi', 'sininen-kala-47-Wz');
  await page.goto(url);
  assert.match(await page.locator('main').textContent(), /hyväksytty/i);
  assert.match(await page.locator('main').textContent(), /4\.3\.2019–5\.3\.2019/);
  await page.goto(base + '/hakemukset');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: /Sparraus 2019/ }) });
  assert.match(await row.textContent(), /Hyväksytty/);
  await assertAccessible(page);
});
