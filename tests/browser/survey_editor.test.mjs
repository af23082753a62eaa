// survey_editor.test.mjs: a small survey is built in the web editor with the keyboard alone (typing into focused
// fields, Enter on the buttons, Space on a checkbox), saved, and previewed as a respondent sees it (radios chosen
// with the arrow keys), and previewed again unsaved; axe finds nothing on the list (empty and with a survey), the
// editor (also with errors beside their fields), the survey's page and the previews, and no id is used twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serveForFile, assertAccessible, login } from './lib.mjs';

const s = serveForFile({ demo: false, setup: async (st) => { await login(st.page, st.k.base); } });
const q = (sql) => execFileSync('sqlite3', [s.k.db, sql]).toString().trim();

// Focuses the field and types, as a keyboard user does.
async function type(page, selector, text) {
  await page.locator(selector).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}
// Focuses the button and presses Enter, then waits for the page it brings.
async function press(page, name) {
  await page.getByRole('button', { name, exact: true }).first().focus();
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.keyboard.press('Enter')]);
}

test('the empty list and its import form pass axe', async () => {
  const { page } = s;
  const r = await page.goto(s.k.base + '/hallinta/kyselyt');
  assert.equal(r.status(), 200);
  await assertAccessible(page);
});

test('a survey is built in the editor by keyboard, saved, and previewed; every page passes axe', async () => {
  const { page } = s;
  await page.goto(s.k.base + '/hallinta/kyselyt');
  await page.getByRole('link', { name: 'Uusi kysely' }).focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.match(page.url(), /\/hallinta\/kyselyt\/uusi$/);
  await assertAccessible(page);

  await type(page, '#f-key', 'nappaimisto');
  await type(page, '#f-title', 'Näppäimistökysely');
  await page.locator('#f-add_type').selectOption('likert5');
  await press(page, 'Lisää kysymys');
  assert.equal(await page.locator('#f-q0_key').inputValue(), 'q1', 'the new question gets a free key');
  assert.equal(await page.locator('#f-key').inputValue(), 'nappaimisto', 'what was typed is kept');
  await assertAccessible(page);
  await type(page, '#f-q0_text', 'Viihdyn työssäni.');

  await page.locator('#f-add_type').selectOption('single');
  await press(page, 'Lisää kysymys');
  await type(page, '#f-q1_text', 'Suosittelisitko?');
  await page.locator('#f-q1_options').focus();
  await page.keyboard.type('a|Kyllä\nb|En');
  await page.locator('#f-q1_other').focus();
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#f-q1_other').isChecked(), true);

  // moving the second question up brings it first, with what was typed
  await press(page, 'Siirrä ylös (kysymys 2: q2)');
  assert.equal(await page.locator('#f-q0_key').inputValue(), 'q2');
  assert.equal(await page.locator('#f-q0_text').inputValue(), 'Suosittelisitko?');
  assert.equal(await page.locator('#f-q1_text').inputValue(), 'Viihdyn työssäni.');

  // an error sits beside its field and keeps the text; axe finds nothing on it either
  await type(page, '#f-q0_options', 'a|Kyllä');
  await press(page, 'Tallenna');
  await page.waitForSelector('.error-summary');
  assert.equal(await page.locator('#f-q0_options').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#f-q0_options').inputValue(), 'a|Kyllä');
  await assertAccessible(page);
  await page.locator('.error-summary a').first().focus();
  await page.keyboard.press('Enter');
  await type(page, '#f-q0_options', 'a|Kyllä\nb|En');
  await press(page, 'Tallenna');
  assert.match(page.url(), /\/hallinta\/kyselyt\/\d+\?luotu=1$/);
  const id = q("SELECT id FROM survey WHERE key = 'nappaimisto'");
  assert.ok(Number(id) > 0, 'saved');
  await assertAccessible(page);

  // the preview: the respondent's form, without a submit button; radios are chosen with the arrow keys
  await page.getByRole('link', { name: 'Esikatsele' }).focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.match(page.url(), new RegExp(`/hallinta/kyselyt/${id}/esikatselu$`));
  await page.locator('.preview-banner').waitFor();
  assert.equal(await page.locator('.survey button').count(), 0, 'nothing to send');
  assert.equal(await page.getByRole('group', { name: /Suosittelisitko\?/ }).count(), 1, 'a question is a named group');
  await page.locator('#sq-q1-1').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('#sq-q1-2').isChecked(), true, 'the arrow key moves the choice');
  await page.getByLabel('Muu, mikä?').focus();
  await page.keyboard.type('Ehkä');
  await assertAccessible(page);

  await page.goto(s.k.base + '/hallinta/kyselyt');
  await assertAccessible(page);
  await page.goto(s.k.base + `/hallinta/kyselyt/${id}/muokkaa`);
  await assertAccessible(page);

  // what is typed can be previewed without saving, and taken back to the editor
  await type(page, '#f-q1_text', 'Viihdyn hyvin työssäni.');
  await press(page, 'Esikatsele tallentamatta');
  await page.locator('.preview-banner').waitFor();
  assert.equal(await page.getByRole('group', { name: /Viihdyn hyvin työssäni\./ }).count(), 1);
  await assertAccessible(page);
  await press(page, 'Takaisin muokkaamaan');
  assert.equal(await page.locator('#f-q1_text').inputValue(), 'Viihdyn hyvin työssäni.');
  assert.equal(q("SELECT COUNT(*) FROM survey WHERE definition LIKE '%hyvin%'"), '0', 'nothing saved');
});
