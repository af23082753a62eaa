// flow.test.mjs: the whole path of a deed in the real browser: posted anonymously, moderated and published by staff,
// found by a Finnish search in another inflected form, read without the contact details. Also keyboard-only use of
// the post form and the language switch keeping the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKehto, launch, login, postDeed, sampleDeed } from './lib.mjs';

let k, browser, page;
before(async () => {
  k = await startKehto({ demo: true });
  browser = await launch();
  page = await (await browser.newContext()).newPage();
});
after(async () => { await browser?.close(); k?.stop(); });

const deed = sampleDeed();

test('a deed posted anonymously waits for moderation, is published and found by another form of a word', async () => {
  // results say "tuntureilla" (on the fells); the demo data never uses the word, the search below asks "tunturi"
  await postDeed(page, k.base, deed);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Kiitos!');
  assert.ok(page.url().endsWith('/tekot/kiitos'));

  // not public before moderation
  const hidden = await page.goto(`${k.base}/tekot?q=tunturi`);
  assert.equal(hidden.status(), 200);
  assert.equal(await page.getByRole('link', { name: deed.title, exact: true }).count(), 0);

  await login(page, k.base);
  await page.getByRole('link', { name: 'Moderointi' }).click();
  await page.waitForURL(/\/hallinta\/tekot$/);
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: deed.title, exact: true }) });
  assert.match(await row.textContent(), /Testilän kunta/);
  assert.match(await row.textContent(), /Inari/);
  await row.getByRole('button', { name: /^Julkaise/ }).click();
  await page.waitForURL(/done=published/);
  assert.equal(await page.getByRole('status').textContent(), 'Teko julkaistu.');
  assert.equal(await page.getByRole('link', { name: deed.title, exact: true }).count(), 0, 'gone from the queue');

  await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
  await page.waitForLoadState();
  assert.equal(await page.getByRole('link', { name: 'Moderointi' }).count(), 0);

  await page.goto(k.base + '/tekot');
  await page.getByRole('searchbox', { name: 'Hae tekoja' }).fill('tunturi');
  await page.keyboard.press('Enter');
  await page.waitForURL(/q=tunturi/);
  assert.match(await page.locator('#results-h').textContent(), /: 1$/);
  const hit = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: deed.title, exact: true }) });
  assert.match(await hit.locator('mark').first().textContent(), /tuntureilla/i, 'the inflected word is highlighted');
  await hit.getByRole('link', { name: deed.title, exact: true }).click();

  await page.waitForURL(/\/tekot\/\d+$/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), deed.title);
  const text = await page.locator('main').textContent();
  for (const t of [deed.organisation, 'Inari', deed.summary, deed.startingPoint, deed.goal, deed.actions, deed.results,
    'Johto', 'Henkilöstö', 'etätyö'])
    assert.ok(text.includes(t), `the deed page shows: ${t}`);
  const html = await page.content();
  for (const secret of [deed.contactName, deed.contactEmail, 'yhteys.testi'])
    assert.ok(!html.includes(secret), `the public page does not show the contact: ${secret}`);
});

test('the post form works with the keyboard alone: Tab reaches every field and the button, focus is visible', async () => {
  await page.goto(k.base + '/tekot/uusi');
  const fields = await page.locator('main form').evaluate((f) =>
    [...f.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
      .filter((el) => el.tabIndex >= 0).map((el) => el.id || `${el.name || el.type}`));
  assert.ok(fields.length >= 18, `the form has its fields: ${fields}`);
  const reached = [];
  for (let i = 0; i < 60 && reached.length < fields.length; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el.closest('main form')) return null;
      const s = getComputedStyle(el);
      return { key: el.id || `${el.name || el.type}`, outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    if (!f) continue;
    assert.notEqual(f.outline, 'none', `focus is visible on ${f.key}`);
    assert.ok(f.width >= 2, `the focus outline on ${f.key} is at least 2px`);
    reached.push(f.key);
  }
  assert.deepEqual(reached, fields, 'Tab visits every field once, in reading order, ending with the button');
  assert.ok(!reached.includes('f-website'), 'the honeypot is not in the tab order');

  // type into the title by keyboard and send with Enter on the focused button
  await page.getByLabel(/^Otsikko/).focus();
  await page.keyboard.type('Näppäimistöllä kirjoitettu');
  await page.getByRole('button', { name: 'Lähetä teko' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.error-summary');
  assert.equal(await page.getByLabel(/^Otsikko/).inputValue(), 'Näppäimistöllä kirjoitettu');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'error-summary', 'focus moves to the errors');
  await page.getByRole('link', { name: /puuttuu/ }).first().press('Enter');
  assert.match(await page.evaluate(() => document.activeElement.id), /^f-/, 'the error link moves focus to its field');
});

test('the language switch keeps the page and the search', async () => {
  await page.goto(k.base + '/tekot?q=x');
  const lang = page.getByRole('navigation', { name: 'Kieli' });
  await lang.getByRole('link', { name: 'Svenska' }).click();
  await page.waitForURL(k.base + '/sv/tekot?q=x');
  assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
  assert.equal(await page.getByRole('searchbox').inputValue(), 'x');
  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForURL(k.base + '/en/tekot?q=x');
  await page.getByRole('link', { name: 'Suomi' }).click();
  await page.waitForURL(k.base + '/tekot?q=x');
});
