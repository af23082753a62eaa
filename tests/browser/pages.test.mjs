// pages.test.mjs: every public page passes axe (WCAG 2.1 A/AA) and works with the keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKehto, launch, axeViolations } from './lib.mjs';

let k, browser, page;
before(async () => {
  k = await startKehto({ demo: true });
  browser = await launch();
  page = await browser.newPage();
});
after(async () => { await browser?.close(); k?.stop(); });

for (const [name, path] of [
  ['front page', '/'], ['deed list', '/tekot'], ['deed list with a search', '/tekot?q=kunta'], ['deed page', '/tekot/1'],
  ['post form', '/tekot/uusi'], ['login', '/kirjaudu'], ['Swedish front page', '/sv/'], ['English deed list', '/en/tekot'],
  ['not found page', '/ei-ole'],
]) {
  test(`axe finds no violations: ${name}`, async () => {
    await page.goto(k.base + path);
    assert.deepEqual(await axeViolations(page), []);
  });
}

test('skip link is the first thing the keyboard reaches and moves to the content', async () => {
  await page.goto(k.base + '/tekot/uusi');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.getAttribute('href'));
  assert.equal(focused, '#main');
  await page.keyboard.press('Enter');
  assert.ok(page.url().endsWith('#main'));
});

test('a form sent with empty required fields comes back with messages beside the fields and the text kept', async () => {
  await page.goto(k.base + '/tekot/uusi');
  await page.getByLabel('Organisaatio').fill('Testikunta <b>');
  await page.getByRole('button', { name: 'Lähetä teko' }).click();
  await page.waitForSelector('.error-summary');
  assert.equal(await page.getByLabel('Organisaatio').inputValue(), 'Testikunta <b>');
  const err = await page.locator('.field.invalid .error').first().textContent();
  assert.match(err, /puuttuu/);
  assert.deepEqual(await axeViolations(page), []);
});
