// flow.test.mjs: the whole path of a deed in the real browser: posted anonymously, moderated and published by staff,
// found by a Finnish search in another inflected form, read without the contact details. Also keyboard-only use of
// the post form and the language switch keeping the s.page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveForFile, login, postDeed, sampleDeed } from './lib.mjs';

const s = serveForFile();

const deed = sampleDeed();

test('a deed posted anonymously waits for moderation, is published and found by another form of a word', async () => {
  // results say "tuntureilla" (on the fells); the demo data never uses the word, the search below asks "tunturi"
  await postDeed(s.page, s.k.base, deed);
  assert.equal(await s.page.getByRole('heading', { level: 1 }).textContent(), 'Kiitos!');
  assert.ok(s.page.url().endsWith('/tekot/kiitos'));

  // not public before moderation
  const hidden = await s.page.goto(`${s.k.base}/tekot?q=tunturi`);
  assert.equal(hidden.status(), 200);
  assert.equal(await s.page.getByRole('link', { name: deed.title, exact: true }).count(), 0);

  await login(s.page, s.k.base);
  await s.page.getByRole('link', { name: 'Moderointi' }).click();
  await s.page.waitForURL(/\/hallinta\/tekot$/);
  const row = s.page.getByRole('row').filter({ has: s.page.getByRole('link', { name: deed.title, exact: true }) });
  assert.match(await row.textContent(), /Testilän kunta/);
  assert.match(await row.textContent(), /Inari/);
  await row.getByRole('button', { name: /^Julkaise/ }).click();
  await s.page.waitForURL(/done=published/);
  assert.equal(await s.page.getByRole('status').textContent(), 'Teko julkaistu.');
  assert.equal(await s.page.getByRole('link', { name: deed.title, exact: true }).count(), 0, 'gone from the queue');

  await s.page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
  await s.page.waitForLoadState();
  assert.equal(await s.page.getByRole('link', { name: 'Moderointi' }).count(), 0);

  await s.page.goto(s.k.base + '/tekot');
  await s.page.getByRole('combobox', { name: 'Hae tekoja' }).fill('tunturi');
  await s.page.keyboard.press('Enter');
  await s.page.waitForURL(/q=tunturi/);
  assert.match(await s.page.locator('#results-h').textContent(), /: 1$/);
  const hit = s.page.getByRole('listitem').filter({ has: s.page.getByRole('link', { name: deed.title, exact: true }) });
  assert.match(await hit.locator('mark').first().textContent(), /tuntureilla/i, 'the inflected word is highlighted');
  await hit.getByRole('link', { name: deed.title, exact: true }).click();

  await s.page.waitForURL(/\/tekot\/\d+$/);
  assert.equal(await s.page.getByRole('heading', { level: 1 }).textContent(), deed.title);
  const text = await s.page.locator('main').textContent();
  for (const t of [deed.organisation, 'Inari', deed.summary, deed.startingPoint, deed.goal, deed.actions, deed.results,
    'Johto', 'Henkilöstö', 'etätyö'])
    assert.ok(text.includes(t), `the deed page shows: ${t}`);
  const html = await s.page.content();
  for (const secret of [deed.contactName, deed.contactEmail, 'yhteys.testi'])
    assert.ok(!html.includes(secret), `the public page does not show the contact: ${secret}`);
});

test('the post form works with the keyboard alone: Tab reaches every field and the button, focus is visible', async () => {
  await s.page.goto(s.k.base + '/tekot/uusi');
  const fields = await s.page.locator('main form').evaluate((f) =>
    [...f.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
      .filter((el) => el.tabIndex >= 0).map((el) => el.id || `${el.name || el.type}`));
  assert.ok(fields.length >= 18, `the form has its fields: ${fields}`);
  const reached = [];
  for (let i = 0; i < 60 && reached.length < fields.length; i++) {
    await s.page.keyboard.press('Tab');
    const f = await s.page.evaluate(() => {
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
  await s.page.getByLabel(/^Otsikko/).focus();
  await s.page.keyboard.type('Näppäimistöllä kirjoitettu');
  await s.page.getByRole('button', { name: 'Lähetä teko' }).focus();
  await s.page.keyboard.press('Enter');
  await s.page.waitForSelector('.error-summary');
  assert.equal(await s.page.getByLabel(/^Otsikko/).inputValue(), 'Näppäimistöllä kirjoitettu');
  assert.equal(await s.page.evaluate(() => document.activeElement.className), 'error-summary', 'focus moves to the errors');
  await s.page.getByRole('link', { name: /puuttuu/ }).first().press('Enter');
  assert.match(await s.page.evaluate(() => document.activeElement.id), /^f-/, 'the error link moves focus to its field');
});

test('the language switch keeps the page and the search', async () => {
  await s.page.goto(s.k.base + '/tekot?q=x');
  const lang = s.page.getByRole('navigation', { name: 'Kieli' });
  await lang.getByRole('link', { name: 'Svenska' }).click();
  await s.page.waitForURL(s.k.base + '/sv/tekot?q=x');
  assert.equal(await s.page.locator('html').getAttribute('lang'), 'sv');
  assert.equal(await s.page.getByRole('combobox').inputValue(), 'x');
  await s.page.getByRole('link', { name: 'English' }).click();
  await s.page.waitForURL(s.k.base + '/en/tekot?q=x');
  await s.page.getByRole('link', { name: 'Suomi' }).click();
  await s.page.waitForURL(s.k.base + '/tekot?q=x');
});
