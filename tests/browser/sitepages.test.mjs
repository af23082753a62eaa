// sitepages.test.mjs: the programme's own pages (/sivu/SLUG) and their staff editor (/hallinta/sivut): axe finds
// nothing on a page, the list, the editor and the new-page form with errors; the main menu is reordered with the
// keyboard alone, the moved page's button keeping the focus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveForFile, assertAccessible, login } from './lib.mjs';

const s = serveForFile({ setup: async (s) => login(s.page, s.k.base) });

// The slugs of the programme's pages in the public main menu, in order.
async function menuOrder(page) {
  return page.locator('nav.main a[href*="/sivu/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
}

for (const [name, path] of [
  ['a programme page', '/sivu/tietoa-ohjelmasta'], ['a Swedish programme page', '/sv/sivu/tietoa-ohjelmasta'],
  ['an English page with a Finnish fallback', '/en/sivu/palvelut-lyhyesti'],
  ['the page list', '/hallinta/sivut'], ['the new page form', '/hallinta/sivut/uusi'],
  ['the editor', '/hallinta/sivut/yhteystiedot'], ['the delete confirmation', '/hallinta/sivut/poista/yhteystiedot'],
]) {
  test(`axe finds no violations: ${name}`, async () => {
    await s.page.goto(s.k.base + path);
    await assertAccessible(s.page);
  });
}

test('the page being read is marked current in the main menu', async () => {
  await s.page.goto(s.k.base + '/sivu/yhteystiedot');
  assert.equal(await s.page.locator('nav.main a[aria-current="page"]').textContent(), 'Yhteystiedot');
});

test('a new page with a bad address comes back with the message beside the field and the text kept', async () => {
  await s.page.goto(s.k.base + '/hallinta/sivut/uusi');
  await s.page.getByLabel(/^Osoite/).fill('Väärä osoite');
  await s.page.getByLabel(/^Otsikko \(suomeksi\)/).fill('Koulutuskalenteri');
  await s.page.getByLabel(/^Teksti \(suomeksi\)/).fill('Kevään **koulutukset**.');
  await s.page.getByRole('button', { name: 'Luo sivu' }).click();
  await s.page.waitForSelector('.error-summary');
  assert.equal(await s.page.getByLabel(/^Teksti \(suomeksi\)/).inputValue(), 'Kevään **koulutukset**.');
  assert.equal(await s.page.getByLabel(/^Osoite/).getAttribute('aria-invalid'), 'true');
  await assertAccessible(s.page);
  await s.page.getByLabel(/^Osoite/).fill('');
  await s.page.getByRole('button', { name: 'Luo sivu' }).click();
  await s.page.waitForURL(/done=created/);
  await s.page.goto(s.k.base + '/sivu/koulutuskalenteri');
  assert.equal(await s.page.locator('h1').textContent(), 'Koulutuskalenteri');
  assert.deepEqual((await menuOrder(s.page)).at(-1), '/sivu/koulutuskalenteri');
});

// Waits (up to 5 s) for the focused element's id to match re; the caller's assertion then says what was found.
async function focusSettled(page, re) {
  await page.waitForFunction((src) => new RegExp(src).test(document.activeElement?.id || ''), re.source,
    { timeout: 5000 }).catch(() => {});
}

test('the menu is reordered by keyboard, the moved page keeping the focus', async () => {
  await s.page.goto(s.k.base + '/hallinta/sivut');
  const before = await menuOrder(s.page);
  assert.equal(before[0], '/sivu/tietoa-ohjelmasta');
  // Tab to the first page's "Alas" button (the buttons are reached in order by Tab) and press Enter twice
  const down = s.page.getByRole('button', { name: /^Alas\W+Tietoa ohjelmasta$/ });
  await s.page.locator('#sivu-tietoa-ohjelmasta a').first().focus();
  for (let i = 0; i < 10 && !(await down.evaluate((b) => b === document.activeElement)); i++) {
    await s.page.keyboard.press('Tab');
  }
  assert.ok(await down.evaluate((b) => b === document.activeElement), 'Tab reaches the Alas button');
  await s.page.keyboard.press('Enter');
  await s.page.waitForURL(/done=menu/);
  // autofocus is applied at the page's next rendering step, which may come after its load event
  await focusSettled(s.page, /^down-tietoa-ohjelmasta$/);
  assert.equal(await s.page.evaluate(() => document.activeElement.id), 'down-tietoa-ohjelmasta');
  assert.match(await s.page.locator('[role="status"]').textContent(), /Päävalikko päivitetty/);
  await Promise.all([s.page.waitForEvent('load'), s.page.keyboard.press('Enter')]);
  await focusSettled(s.page, /^(down|up)-tietoa-ohjelmasta$/);
  assert.match(await s.page.evaluate(() => document.activeElement.id), /^(down|up)-tietoa-ohjelmasta$/);
  const after = await menuOrder(s.page);
  assert.deepEqual(after.slice(0, 3), ['/sivu/palvelut-lyhyesti', '/sivu/yhteystiedot', '/sivu/tietoa-ohjelmasta']);
  await assertAccessible(s.page);
});
