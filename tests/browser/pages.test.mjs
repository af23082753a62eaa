// pages.test.mjs: every public page passes axe (WCAG 2.1 A/AA and best practices), has unique ids, works with the
// keyboard and fits a phone screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveForFile, assertAccessible } from './lib.mjs';

const s = serveForFile();

for (const [name, path] of [
  ['front page', '/'], ['deed list', '/tekot'], ['deed list with a search', '/tekot?q=kunta'],
  ['deed list with a filter', '/tekot?sector=sote&year=2019'], ['deed list, no hits', '/tekot?q=qwzxqwzx'],
  ['deed page', '/tekot/1'], ['post form', '/tekot/uusi'], ['thank-you page', '/tekot/kiitos'], ['login', '/kirjaudu'],
  ['Swedish front page', '/sv/'], ['Swedish deed list', '/sv/tekot?q=kunta'], ['Swedish deed page', '/sv/tekot/1'],
  ['Swedish post form', '/sv/tekot/uusi'], ['English front page', '/en/'], ['English deed list', '/en/tekot'],
  ['not found page', '/ei-ole'], ['deed not found', '/tekot/999999'],
  ['service catalogue, empty', '/palvelut'], ['coaches, empty', '/valmentajat'], ['service not found', '/palvelut/999999'],
  ['English service catalogue', '/en/palvelut'],
  ['statistics', '/tilastot'], ['statistics of one period', '/tilastot?kausi=2'], ['Swedish statistics', '/sv/tilastot'],
]) {
  test(`axe finds no violations: ${name}`, async () => {
    await s.page.goto(s.k.base + path);
    await assertAccessible(s.page);
  });
}

test('skip link is the first thing the keyboard reaches and moves to the content', async () => {
  await s.page.goto(s.k.base + '/tekot/uusi');
  await s.page.keyboard.press('Tab');
  const focused = await s.page.evaluate(() => document.activeElement.getAttribute('href'));
  assert.equal(focused, '#main');
  await s.page.keyboard.press('Enter');
  assert.ok(s.page.url().endsWith('#main'));
});

test('a form sent with empty required fields comes back with messages beside the fields and the text kept', async () => {
  await s.page.goto(s.k.base + '/tekot/uusi');
  await s.page.getByLabel('Organisaatio').fill('Testikunta <b>');
  await s.page.getByRole('button', { name: 'Lähetä teko' }).click();
  await s.page.waitForSelector('.error-summary');
  assert.equal(await s.page.getByLabel('Organisaatio').inputValue(), 'Testikunta <b>');
  const err = await s.page.locator('.field.invalid .error').first().textContent();
  assert.match(err, /puuttuu/);
  await assertAccessible(s.page);
});

test('a failed login says so, keeps the address and passes axe', async () => {
  await s.page.goto(s.k.base + '/kirjaudu');
  await s.page.getByLabel('Sähköposti').fill('staff@example.fi');
  await s.page.getByLabel('Salasana').fill('wrong password');
  await s.page.getByRole('button', { name: 'Kirjaudu' }).click();
  await s.page.waitForSelector('.error-summary');
  assert.equal(await s.page.getByLabel('Sähköposti').inputValue(), 'staff@example.fi');
  assert.equal(await s.page.getByLabel('Salasana').getAttribute('aria-invalid'), 'true');
  await assertAccessible(s.page);
});

test('on a phone (390 px) no page scrolls sideways and the deed filters are folded', async () => {
  const phone = await (await s.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  for (const path of ['/', '/tekot?q=kunta', '/tekot/1', '/tekot/uusi', '/kirjaudu', '/sv/tekot']) {
    await phone.goto(s.k.base + path);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `${path} is ${width}px wide`);
  }
  await phone.goto(s.k.base + '/tekot?q=kunta');
  const filters = phone.locator('.facets summary');
  assert.equal(await phone.locator('.facets details').getAttribute('open'), null);
  await filters.focus();
  await phone.keyboard.press('Enter');
  assert.ok(await phone.getByRole('link', { name: 'Sosiaali- ja terveysala' }).isVisible());
  await phone.close();
});
