// awards_admin.test.mjs: staff's award rounds and the public suggestion form, by keyboard and through axe. Staff make
// a round, a category and a criterion through labelled fields (a mistake comes back beside its field), add a juror
// and nominate a deed with the keyboard alone; anyone suggests a deed with the keyboard alone (the honeypot is out of
// the tab order); staff decline a suggestion by keyboard. axe finds nothing on any of these pages, their errors and
// confirmations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { KEHTO, serveForFile, assertAccessible, login } from './lib.mjs';

const s = serveForFile({
  demo: false,
  setup: async ({ page, k }) => {
    execFileSync('sqlite3', [k.db, `
      INSERT INTO org(id, name, type) VALUES(1, 'Testilän kaupunki', 'kunta');
      INSERT INTO deed(id, title, org_id, org_name, sector_code, year, status) VALUES
        (1, 'Viestintäteko Testilässä', 1, 'Testilän kaupunki', 'sote', 2026, 'published'),
        (2, 'Robotti vie postin', 1, 'Testilän kaupunki', 'tekninen', 2026, 'published');`]);
    execFileSync(KEHTO, ['user', 'add', 'juri@example.fi', '--role', 'jury', '--db', k.db],
      { input: 'vihrea-kettu-93-Rq\n' });
    execFileSync('sqlite3', [k.db, "UPDATE user SET name = 'Jaana Juri' WHERE email = 'juri@example.fi'"]);
    await login(page, k.base);
  },
});

// Presses Tab until the element matching selector has focus (at most 60 times); fails otherwise.
async function tabTo(page, selector) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel), selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

// The focused element shows where it is (an outline or a box shadow).
async function focusVisible(page) {
  return page.evaluate(() => {
    const st = getComputedStyle(document.activeElement);
    return (st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0) || st.boxShadow !== 'none';
  });
}

test('a round, a category and a criterion through labelled fields; errors beside them; axe on each', async () => {
  const { page, k } = s;
  await page.goto(k.base + '/hallinta/palkinnot');
  await assertAccessible(page);
  await page.getByRole('link', { name: 'Uusi palkintokierros' }).click();
  await assertAccessible(page);
  await page.getByLabel(/^Vuosi/).fill('1999');
  await page.getByLabel(/^Ehdotusten viimeinen päivä/).fill('31.12.2099');
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await page.waitForSelector('.error-summary');
  assert.equal(await page.getByLabel(/^Vuosi/).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel(/^Ehdotusten viimeinen päivä/).inputValue(), '31.12.2099');
  await assertAccessible(page);
  await page.getByLabel(/^Vuosi/).fill('2026');
  await page.getByLabel(/^Raadin puheenjohtaja/).selectOption({ label: 'Jaana Juri' });
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await page.waitForSelector('.notice[role=status]');
  await assertAccessible(page);

  await page.getByRole('link', { name: 'Uusi sarja' }).click();
  await assertAccessible(page);
  await page.getByLabel(/^Nimi \(suomeksi\)/).fill('Viestintäteko');
  await page.getByLabel(/^Nimi \(ruotsiksi\)/).fill('Kommunikationsgärning');
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await page.waitForSelector('.notice[role=status]');
  await page.getByRole('link', { name: 'Uusi kriteeri' }).click();
  await page.getByLabel(/^Nimi \(suomeksi\)/).fill('Vaikuttavuus');
  await page.getByLabel(/^Paino/).fill('0');
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await page.waitForSelector('.error-summary');
  assert.match(await page.locator('#e-weight').innerText(), /1–100/);
  await assertAccessible(page);
  await page.getByLabel(/^Paino/).fill('3');
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await page.waitForSelector('.notice[role=status]');
  await assertAccessible(page);
});

test('a juror is added and a deed nominated with the keyboard alone', async () => {
  const { page, k } = s;
  await page.goto(k.base + '/hallinta/palkinnot/1');
  await tabTo(page, '#f-user-1');
  await page.keyboard.press('Tab'); // the only free account is already chosen; on to the button
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Lisää');
  assert.ok(await focusVisible(page), 'the focused button shows its focus');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.notice[role=status]');
  assert.match(await page.locator('#raati').locator('xpath=following-sibling::ul[1]').innerText(), /Jaana Juri.*puheenjohtaja/);
  await assertAccessible(page);

  await page.goto(k.base + '/hallinta/palkinnot/1/ehdokkaat');
  await tabTo(page, '#f-category_id');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.type('/tekot/1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Selkeää viestintää koko kunnalle');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Lisää ehdokas');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.notice[role=status]');
  assert.match(await page.locator('table.list').innerText(), /Viestintäteko Testilässä/);
  await assertAccessible(page);
  await page.getByRole('link', { name: /^Poista\W*Viestintäteko Testilässä/ }).click();
  await page.waitForSelector('form.confirm');
  await assertAccessible(page);
});

test('anyone suggests a deed with the keyboard alone; the form and its errors pass axe', async () => {
  const { browser, k } = s;
  const anon = await (await browser.newContext()).newPage();
  await anon.goto(k.base + '/palkinnot/ehdota?teko=2');
  await assertAccessible(anon);
  assert.match(await anon.locator('main').innerText(), /Robotti vie postin/);
  // a mistake first: no reason
  await tabTo(anon, '#f-category_id');
  await anon.keyboard.press('ArrowDown');
  await tabTo(anon, 'button[type=submit]');
  await anon.keyboard.press('Enter');
  await anon.waitForSelector('.error-summary');
  assert.equal(await anon.getByLabel(/^Miksi teko ansaitsee palkinnon/).getAttribute('aria-invalid'), 'true');
  await assertAccessible(anon);
  await anon.getByLabel(/^Miksi teko ansaitsee palkinnon/).focus();
  await anon.keyboard.type('Posti kulkee nyt ilman autoa.');
  await anon.keyboard.press('Tab');
  assert.equal(await anon.evaluate(() => document.activeElement.id), 'f-name', 'the honeypot is not in the tab order');
  await anon.keyboard.type('Anna');
  await anon.keyboard.press('Tab');
  await anon.keyboard.type('anna@example.fi');
  await anon.keyboard.press('Tab');
  assert.ok(await focusVisible(anon), 'the focused button shows its focus');
  await anon.keyboard.press('Enter');
  await anon.waitForURL(/\/palkinnot\/ehdota\/kiitos$/);
  await assertAccessible(anon);
  await anon.goto(k.base + '/sv/palkinnot/ehdota');
  await assertAccessible(anon);
  await anon.context().close();
});

test('staff decline a suggestion by keyboard; the reason is asked beside its field', async () => {
  const { page, k } = s;
  await page.goto(k.base + '/hallinta/palkinnot/1/ehdotukset');
  await assertAccessible(page);
  await tabTo(page, 'textarea[name=decline_reason]');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // "Hylkää" without a reason
  await page.waitForSelector('.error');
  const field = page.locator('textarea[name=decline_reason]');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  await assertAccessible(page);
  await field.focus();
  await page.keyboard.type('Teko on jo ehdolla toisessa sarjassa.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.notice[role=status]');
  assert.match(await page.locator('main').innerText(), /Käsittelemättömiä ehdotuksia ei ole/);
  await page.goto(k.base + '/hallinta/palkinnot/1/julkaise');
  await assertAccessible(page);
});
