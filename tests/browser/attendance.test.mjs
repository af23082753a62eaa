// attendance.test.mjs: the roll call is done with the keyboard (Tab to a box, Space) and each change is saved at
// once (a reload shows it); a QR sign-in on a phone-sized screen; the confirmation pages of destructive actions;
// axe finds nothing on the participants page, the roll call, the QR page, the sign-in form and its answers, and
// the confirmation pages (an application's cancel too). Sessions "today" are dated in Finland's time zone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serveForFile, assertAccessible, login, KEHTO } from './lib.mjs';

const helsinki = (days = 0) =>
  new Date(Date.now() + days * 86400000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' });
const s = serveForFile({
  demo: false,
  setup: async (st) => {
    const year = Number(helsinki().slice(0, 4));
    execFileSync('sqlite3', [st.k.db, `
      INSERT INTO funding_period(id,name,start_year,end_year) VALUES(1,'Kausi',${year - 2},${year + 2});
      INSERT INTO org(id,name,type,ytunnus) VALUES(1,'Oulun kaupunki','kunta','0187690-1');
      INSERT INTO service(id,type_code,name,period_id,counts) VALUES(1,'sparraus','Sparraus A',1,'participant'),
        (2,'webinaari','Webinaari B',1,'attendee');
      INSERT INTO delivery(id,service_id,title,starts_on,ends_on,place) VALUES
        (1,1,'Sparraus Oulu','${helsinki(-10)}','${helsinki(10)}','Oulu'),
        (2,2,'Webinaari','${helsinki(-10)}','${helsinki(10)}','Tampere');
      INSERT INTO delivery_org VALUES(1,1);
      INSERT INTO delivery_session(id,delivery_id,number,held_on) VALUES(1,1,1,'${helsinki()}'),
        (2,1,2,'${helsinki(-1)}'),(3,2,1,'${helsinki()}');
      INSERT INTO person(email,name,org_id) VALUES('anna@example.fi','Anna Aalto',1),('bo@example.fi','Bo Berg',1),
        ('cecilia@example.fi','Cecilia Carlsson',1);
      INSERT INTO participation(person_id,delivery_id,role) VALUES(1,1,'johto'),(2,1,'tyontekija');
      INSERT INTO attendance(session_id,participation_id) VALUES(2,1);`]);
    await login(st.page, st.k.base);
  },
});

const present = (sessionId) => execFileSync('sqlite3', [s.k.db,
  `SELECT count(*) FROM attendance WHERE session_id=${sessionId}`]).toString().trim();

test('the participants page, with a search and with a bad email, passes axe', async () => {
  await s.page.goto(s.k.base + '/hallinta/toteutukset/1/osallistujat?q=cecilia');
  await assertAccessible(s.page);
  await s.page.getByLabel('Nimi (pakollinen)').fill('Uusi Ihminen');
  await s.page.getByLabel(/^Sähköposti/).fill('ei-osoite');
  await s.page.getByRole('button', { name: 'Lisää osallistuja' }).click();
  await s.page.waitForSelector('.error-summary');
  assert.equal(await s.page.getByLabel(/^Sähköposti/).inputValue(), 'ei-osoite');
  assert.equal(await s.page.getByLabel('Nimi (pakollinen)').inputValue(), 'Uusi Ihminen');
  await assertAccessible(s.page);
});

test('roll call by keyboard: Tab to a box, Space, saved at once', async () => {
  await s.page.goto(s.k.base + '/hallinta/tapaamiset/1');
  await assertAccessible(s.page);
  assert.equal(await s.page.locator('.rollcall-save').isHidden(), true, 'the Save button is for pages without script');
  for (let i = 0; i < 80; i++) {
    await s.page.keyboard.press('Tab');
    if (await s.page.evaluate(() => document.activeElement?.name === 'present')) break;
  }
  assert.equal(await s.page.evaluate(() => document.activeElement?.name), 'present', 'Tab reaches the checklist');
  await s.page.keyboard.press('Space');
  await s.page.locator('.save-status', { hasText: 'Tallennettu' }).waitFor();
  assert.equal(present(1), '1');
  await s.page.keyboard.press('Tab');
  await s.page.keyboard.press('Space');
  await s.page.waitForFunction(() => document.querySelectorAll('input[name=present]:checked').length === 2);
  for (let i = 0; i < 50 && present(1) !== '2'; i++) await new Promise((r) => setTimeout(r, 50));
  assert.equal(present(1), '2');
  await s.page.reload();
  assert.equal(await s.page.locator('input[name=present]:checked').count(), 2, 'a reload shows both saved');
  await s.page.getByLabel(/Anna Aalto/).press('Space');
  await s.page.locator('.save-status', { hasText: 'Tallennettu' }).waitFor();
  await s.page.reload();
  assert.equal(await s.page.getByLabel(/Anna Aalto/).isChecked(), false, 'unmarked after a reload');
});

test('the QR page passes axe; a phone signs in at an event', async () => {
  await s.page.goto(s.k.base + '/hallinta/tapaamiset/3/qr');
  await assertAccessible(s.page);
  const url = (await s.page.locator('.qr-url').textContent()).trim();
  assert.match(url, /\/osallistu\/[0-9a-f]{32}$/);
  const img = await s.page.locator('img.qr').evaluate((i) => i.complete && i.naturalWidth > 0);
  assert.equal(img, true, 'the QR image loads (CSP and type)');
  const ctx = await s.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await ctx.newPage();
  await phone.goto(url);
  await assertAccessible(phone);
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling');
  await phone.getByLabel(/^Nimi/).fill('Eeva Puhelin');
  await phone.getByLabel(/^Sähköposti/).fill('eeva@example.fi');
  await phone.getByLabel(/^Rooli/).selectOption('esihenkilo');
  await phone.getByRole('button', { name: 'Kirjaa läsnäolo' }).click();
  await phone.getByText('Kirjattu läsnäolevaksi.').waitFor();
  await assertAccessible(phone);
  assert.equal(present(3), '1');
  await ctx.close();
});

test('an ESF session: the unlisted get the neutral answer; a past session is closed; both pass axe', async () => {
  await s.page.goto(s.k.base + '/hallinta/tapaamiset/1/qr');
  const url = (await s.page.locator('.qr-url').textContent()).trim();
  await s.page.goto(s.k.base + '/hallinta/tapaamiset/2/qr');
  const past = (await s.page.locator('.qr-url').textContent()).trim();
  const ctx = await s.browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await ctx.newPage();
  await phone.goto(url);
  await phone.getByLabel(/^Sähköposti/).fill('cecilia@example.fi');
  await phone.getByRole('button', { name: 'Kirjaa läsnäolo' }).click();
  await phone.getByText(/Ota yhteys järjestäjään/).waitFor();
  await assertAccessible(phone);
  const r = await phone.goto(past);
  assert.equal(r.status(), 410);
  await assertAccessible(phone);
  await ctx.close();
});

test('confirmation pages: cancel goes back, confirm deletes; each passes axe', async () => {
  await s.page.goto(s.k.base + '/hallinta/toteutukset/1');
  await s.page.getByRole('link', { name: 'Poista tapaaminen 2' }).click();
  await s.page.getByText(/Poistetaan tapaaminen 2 \(.*\) ja sen 1 läsnäolomerkintää\./).waitFor();
  await assertAccessible(s.page);
  await s.page.getByRole('link', { name: 'Peruuta' }).click();
  await s.page.waitForURL(s.k.base + '/hallinta/toteutukset/1');
  await s.page.getByRole('link', { name: 'Poista tapaaminen 2' }).click();
  await s.page.getByRole('button', { name: 'Poista tapaaminen' }).click();
  await s.page.waitForURL(/\/hallinta\/toteutukset\/1\?done=saved/);
  assert.equal(present(2), '0');
  await s.page.getByRole('link', { name: 'Poista Oulun kaupunki' }).click();
  await s.page.getByText(/Poistetaan Oulun kaupunki toteutuksesta/).waitFor();
  await assertAccessible(s.page);
  await s.page.goto(s.k.base + '/hallinta/toteutukset/1/osallistujat');
  await s.page.getByRole('link', { name: 'Poista Bo Berg' }).click();
  await s.page.getByText(/Poistetaan Bo Berg toteutuksesta/).waitFor();
  await assertAccessible(s.page);
  await s.page.getByRole('button', { name: 'Poista osallistuja' }).click();
  await s.page.waitForURL(/done=removed/);
  assert.equal(await s.page.getByText('Bo Berg').count(), 0);
});

test('cancelling an application asks first; the confirmation passes axe', async () => {
  execFileSync(KEHTO, ['user', 'add', 'yhteys@example.fi', '--role', 'contact', '--org', '1', '--db', s.k.db],
    { input: 'sininen-kala-47-Wz\n' });
  execFileSync('sqlite3', [s.k.db, `INSERT INTO application(id,service_id,org_id,user_id,need)
    VALUES(1,1,1,(SELECT id FROM user WHERE email='yhteys@example.fi'),'Tarve')`]);
  const ctx = await s.browser.newContext();
  const page = await ctx.newPage();
  await login(page, s.k.base, 'yhteys@example.fi', 'sininen-kala-47-Wz');
  await page.goto(s.k.base + '/hakemukset/1');
  await page.getByRole('link', { name: 'Peru hakemus' }).click();
  await page.getByText(/Perutaan hakemus palveluun Sparraus A \(Oulun kaupunki\)/).waitFor();
  await assertAccessible(page);
  await page.getByRole('button', { name: 'Peru hakemus' }).click();
  await page.waitForURL(/done=cancelled/);
  await ctx.close();
});
