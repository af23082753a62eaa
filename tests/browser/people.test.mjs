// people.test.mjs: with the demo programme, the people, delivery, audit-log and targets pages pass axe and have
// unique ids, as staff and (its own people) as an organisation contact; so do the statistics in Swedish and English
// and the public service and coach pages. The staff menu is a separate, named navigation the keyboard walks through,
// and the staff pages fit a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serveForFile, assertAccessible, login, KEHTO } from './lib.mjs';

const ids = {};
const s = serveForFile({
  setup: async (st) => {
    const q = (sql) => execFileSync('sqlite3', [st.k.db, sql]).toString().trim();
    ids.person = q('SELECT id FROM person WHERE erased_at IS NULL AND org_id IS NOT NULL ORDER BY id LIMIT 1');
    ids.org = q(`SELECT org_id FROM person WHERE id = ${ids.person}`);
    ids.otherOrg = q(`SELECT id FROM org WHERE id <> ${ids.org} ORDER BY id LIMIT 1`);
    ids.delivery = q('SELECT delivery_id FROM participation ORDER BY id LIMIT 1');
    ids.service = q("SELECT id FROM service WHERE type_code = 'tyopaja' ORDER BY id LIMIT 1");
    execFileSync(KEHTO, ['user', 'add', 'yhteys@demo.fi', '--role', 'contact', '--org', ids.org, '--db', st.k.db],
      { input: 'sininen-kala-47-Wz\n' });
    st.anon = await (await st.browser.newContext()).newPage();
    st.contact = await (await st.browser.newContext()).newPage();
    await login(st.contact, st.k.base, 'yhteys@demo.fi', 'sininen-kala-47-Wz');
    await login(st.page, st.k.base);
  },
});

for (const [name, path] of [
  ['statistics in Swedish', () => '/sv/tilastot'], ['statistics in English', () => '/en/tilastot'],
  ['statistics of a period in English', () => '/en/tilastot?kausi=1'],
  ['a workshop page', () => `/palvelut/${ids.service}`], ['a workshop page in Swedish', () => `/sv/palvelut/${ids.service}`],
  ['the coaches', () => '/valmentajat'], ['the catalogue', () => '/palvelut'],
]) {
  test(`axe finds no violations with the demo data: ${name}`, async () => {
    await s.anon.goto(s.k.base + path());
    await assertAccessible(s.anon);
  });
}

for (const [name, path] of [
  ['people', () => '/hallinta/henkilot'], ['people, a search', () => '/hallinta/henkilot?q=a'],
  ['a person', () => `/hallinta/henkilot/${ids.person}`], ['deliveries', () => '/hallinta/toteutukset'],
  ['a delivery', () => `/hallinta/toteutukset/${ids.delivery}`],
  ['its participants', () => `/hallinta/toteutukset/${ids.delivery}/osallistujat`],
  ["an organisation's people", () => `/organisaatiot/${ids.org}/henkilot`], ['the audit log', () => '/hallinta/loki'],
  ['targets', () => '/hallinta/tavoitteet'], ['statistics as staff', () => '/tilastot'],
]) {
  test(`axe finds no violations for staff: ${name}`, async () => {
    const r = await s.page.goto(s.k.base + path());
    assert.equal(r.status(), 200);
    await assertAccessible(s.page);
  });
}

test('targets with a bad number come back with the error beside the field, and pass axe', async () => {
  await s.page.goto(s.k.base + '/hallinta/tavoitteet');
  const field = s.page.getByRole('group', { name: 'Koko ohjelma' }).getByLabel('Osallistumiset');
  await field.fill('paljon');
  await s.page.getByRole('button', { name: 'Tallenna' }).click();
  await s.page.waitForSelector('.error-summary');
  assert.equal(await field.inputValue(), 'paljon');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  await assertAccessible(s.page);
});

test("a contact sees its own organisation's people, passing axe, and gets 403 for another's", async () => {
  const { contact } = s;
  await contact.goto(s.k.base + '/');
  const own = contact.getByRole('navigation', { name: 'Oma asiointi' });
  assert.deepEqual(await own.getByRole('link').allTextContents(), ['Hakemukset', 'Henkilöt']);
  await own.getByRole('link', { name: 'Henkilöt' }).click();
  await contact.waitForURL(`${s.k.base}/organisaatiot/${ids.org}/henkilot`);
  assert.equal(await contact.locator('main table tbody tr').count() > 0, true, 'the people are listed');
  await assertAccessible(contact);
  const r = await contact.goto(`${s.k.base}/organisaatiot/${ids.otherOrg}/henkilot`);
  assert.equal(r.status(), 403);
  await assertAccessible(contact);
  assert.equal(await contact.getByRole('navigation', { name: 'Hallinta' }).count(), 0, 'no staff menu for a contact');
});

test('the staff menu is its own navigation after the public one, and Tab reaches every link with visible focus', async () => {
  const { page } = s;
  await page.goto(s.k.base + '/hallinta/henkilot');
  const staff = page.getByRole('navigation', { name: 'Hallinta' });
  const links = await staff.getByRole('link').allTextContents();
  assert.deepEqual(links, ['Hakemukset', 'Yleiskatsaus', 'Moderointi', 'Sanasto', 'Organisaatiot', 'Henkilöt', 'Ohjelma',
    'Palvelutoiminta', 'Tavoitteet', 'Sähköpostit', 'Tuonti', 'Kyselyt', 'Arviointi', 'Palkinnot',
    'Raati', 'Uutiset', 'Julkaisut', 'Tapahtumat', 'Talous', 'Raportit']);
  assert.equal(await staff.getByRole('link', { name: 'Henkilöt' }).getAttribute('aria-current'), 'page');
  const main = page.getByRole('navigation', { name: 'Päävalikko' });
  assert.equal(await main.getByRole('link', { name: 'Moderointi' }).count(), 0, 'staff items are not in the main menu');
  const reached = [];
  for (let i = 0; i < 40 && !reached.includes('Kirjaudu ulos'); i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      const st = getComputedStyle(el);
      return { text: el.textContent.trim(), staff: !!el.closest('nav.staff, .signout'), outline: st.outlineStyle };
    });
    if (!f.staff) continue;
    assert.notEqual(f.outline, 'none', `focus is visible on ${f.text}`);
    reached.push(f.text);
  }
  assert.deepEqual(reached, [...links, 'Vaihda salasana', 'Kirjaudu ulos']);
});

test('on a phone (390 px) the staff pages do not scroll sideways', async () => {
  const phone = await (await s.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await login(phone, s.k.base);
  for (const path of ['/hallinta/henkilot', `/hallinta/henkilot/${ids.person}`, '/hallinta/toteutukset',
    `/hallinta/toteutukset/${ids.delivery}`, `/hallinta/toteutukset/${ids.delivery}/osallistujat`, '/hallinta/loki',
    '/hallinta/tavoitteet', '/tilastot', '/hakemukset/uusi']) {
    await phone.goto(s.k.base + path);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `${path} is ${width}px wide`);
  }
  await phone.close();
});

test('on a phone the staff menu is folded under its name and opens by keyboard; without JavaScript it is open', async () => {
  const size = { viewport: { width: 390, height: 844 } };
  const phone = await (await s.browser.newContext(size)).newPage();
  await login(phone, s.k.base);
  await phone.goto(s.k.base + '/hallinta/loki');
  const moderation = phone.getByRole('link', { name: 'Moderointi' });
  assert.equal(await moderation.isVisible(), false, 'folded');
  await phone.locator('details.usermenu summary').focus();
  await phone.keyboard.press('Enter');
  assert.equal(await moderation.isVisible(), true, 'open after Enter on its name');
  await phone.keyboard.press('Tab');
  assert.equal(await phone.evaluate(() => document.activeElement.textContent), 'Hakemukset', 'Tab goes on into the menu');
  const noJs = await (await s.browser.newContext({ ...size, javaScriptEnabled: false })).newPage();
  await login(noJs, s.k.base);
  await noJs.goto(s.k.base + '/hallinta/loki');
  assert.equal(await noJs.getByRole('link', { name: 'Moderointi' }).isVisible(), true, 'open without the script');
  await phone.close();
  await noJs.close();
});
