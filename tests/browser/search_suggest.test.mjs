// search_suggest.test.mjs: the deed search box's suggestions (assets/suggest.js) on the judged set of tests/search in
// a real browser: typing a prefix opens the listbox under the box (a combobox by WAI-ARIA 1.2), the polite status
// line counts the suggestions, the arrow keys move the active option, Enter searches for it, Escape closes, a click
// picks; axe finds nothing with the list closed and open, in Finnish and in Swedish; without JavaScript the box is a
// plain form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveForFile, assertAccessible, KEHTO } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const s = serveForFile({
  demo: false,
  setup: async (st) => {
    execFileSync(KEHTO, ['import', 'deeds', path.join(here, '..', 'search', 'deeds.csv'), '--db', st.k.db]);
  },
});

// Types text into the front page's box and waits for the listbox; returns the box.
async function typeAndWait(page, text) {
  const box = page.getByRole('combobox');
  await box.click();
  await page.keyboard.type(text);
  await page.getByRole('listbox').waitFor({ state: 'visible' });
  // the status line says the count 50 ms after the list shows (emptied first, so that the same count is said again)
  await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent !== '', null, { timeout: 5000 })
    .catch(() => {});
  return box;
}

test('typing a prefix shows suggestions as a combobox; ArrowDown and Enter search for the first', async () => {
  const { page } = s;
  await page.goto(s.k.base + '/');
  await assertAccessible(page);
  const box = await typeAndWait(page, 'työhyv');
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  assert.equal(await box.getAttribute('aria-autocomplete'), 'list');
  assert.equal(await box.getAttribute('aria-controls'), 'q-options');
  const options = await page.getByRole('option').allTextContents();
  assert.ok(options.length >= 1 && options.length <= 8, `between 1 and 8 suggestions: ${options}`);
  assert.equal(options[0], 'työhyvinvointi');
  assert.equal(await page.getByRole('status').textContent(),
    options.length === 1 ? '1 ehdotus' : `${options.length} ehdotusta`);
  assert.equal(await box.getAttribute('aria-activedescendant'), null, 'no option is active before an arrow key');
  await assertAccessible(page);
  await page.keyboard.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-activedescendant'), 'q-options-0');
  assert.equal(await page.locator('#q-options-0').getAttribute('aria-selected'), 'true');
  await assertAccessible(page);
  if (options.length > 1) { // Down and Up move and wrap around
    await page.keyboard.press('ArrowDown');
    assert.equal(await box.getAttribute('aria-activedescendant'), 'q-options-1');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await box.getAttribute('aria-activedescendant'), `q-options-${options.length - 1}`);
    await page.keyboard.press('ArrowDown');
  }
  await Promise.all([page.waitForURL(/\/tekot\?q=/), page.keyboard.press('Enter')]);
  assert.equal(new URL(page.url()).searchParams.get('q'), 'työhyvinvointi');
  assert.match(await page.locator('#results-h').textContent(), /^Hakutuloksia: [1-9]/);
  assert.equal(await page.getByRole('combobox').inputValue(), 'työhyvinvointi');
});

test('Escape closes the list and keeps the text; Tab leaves the box with the list closed; a click picks', async () => {
  const { page } = s;
  await page.goto(s.k.base + '/tekot');
  const box = await typeAndWait(page, 'kotihoi');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('listbox').isVisible(), false);
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  assert.equal(await box.getAttribute('aria-activedescendant'), null);
  assert.equal(await box.inputValue(), 'kotihoi');
  await page.keyboard.press('ArrowDown'); // opens it again on the first option
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  assert.equal(await box.getAttribute('aria-activedescendant'), 'q-options-0');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Hae');
  assert.equal(await page.getByRole('listbox').isVisible(), false);
  await page.keyboard.press('Shift+Tab'); // back in the box, its text selected
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.type('t'); // typing after an arrow key: no option stays active for Enter
  assert.equal(await box.getAttribute('aria-activedescendant'), null);
  await page.getByRole('listbox').waitFor({ state: 'visible' });
  const second = page.getByRole('option').nth(1);
  const word = await second.textContent();
  await Promise.all([page.waitForURL(/\/tekot\?q=/), second.click()]);
  assert.equal(new URL(page.url()).searchParams.get('q'), word);
});

test('one letter gives no list; a stale answer does not replace a newer one', async () => {
  const { page } = s;
  await page.goto(s.k.base + '/tekot');
  const box = page.getByRole('combobox');
  await box.click();
  await page.keyboard.type('t');
  await page.waitForTimeout(400);
  assert.equal(await page.getByRole('listbox').isVisible(), false);
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  // the first request answers slowly: the list shows what the later text asked for
  let first = true, aborted = '';
  page.on('requestfailed', (req) => { if (req.url().includes('/ehdotukset?')) aborted = new URL(req.url()).searchParams.get('q'); });
  await page.route(/\/tekot\/ehdotukset\?/, async (route) => {
    if (first) { first = false; await new Promise((r) => setTimeout(r, 600)); }
    await route.continue().catch(() => {}); // the aborted one has gone
  });
  await page.keyboard.type('yö');
  await page.waitForTimeout(250);
  await page.keyboard.type('hyv');
  await page.getByRole('listbox').waitFor({ state: 'visible' });
  await page.waitForTimeout(700);
  for (const o of await page.getByRole('option').allTextContents()) assert.ok(o.startsWith('työhyv'), o);
  assert.equal(aborted, 'työ', 'the stale request was aborted');
  await page.unroute(/\/tekot\/ehdotukset\?/);
});

test('the Swedish page suggests Swedish words and finds the Finnish deeds; axe finds nothing', async () => {
  const { page } = s;
  await page.goto(s.k.base + '/sv/tekot');
  const box = await typeAndWait(page, 'hemv');
  const options = await page.getByRole('option').allTextContents();
  assert.ok(options.includes('hemvård'), `hemvård among ${options}`);
  assert.match(await page.getByRole('status').textContent(), /^\d+ förslag$/);
  assert.equal(await page.getByRole('listbox').getAttribute('aria-label'), 'Sökförslag');
  await assertAccessible(page);
  await box.fill('hemvård');
  await Promise.all([page.waitForURL(/\/sv\/tekot\?q=/), box.press('Enter')]);
  assert.match(await page.locator('#results-h').textContent(), /^Sökresultat: [1-9]/);
  assert.ok(await page.locator('ul.deeds h3').filter({ hasText: /Kotihoido/ }).count() > 0, 'Finnish home-care deeds');
});

test('a Swedish word the thesaurus lacks finds the Finnish deeds through the dictionary, and the page says so', async () => {
  const { page } = s;
  await page.goto(s.k.base + '/sv/tekot?q=eldsv%C3%A5da'); /* a fire: tulipalo */
  assert.match(await page.locator('#results-h').textContent(), /^Sökresultat: [1-9]/);
  assert.equal(await page.locator('p.translated').textContent(),
    'Sökningen omfattar en ordboksöversättning: tulipalo');
  assert.equal(await page.locator('p.translated span').getAttribute('lang'), 'fi');
  await assertAccessible(page);
});

test('without JavaScript the box is a plain search form that searches', async () => {
  const ctx = await s.browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(s.k.base + '/');
  const box = page.getByRole('searchbox', { name: 'Hae tekoja' });
  assert.equal(await box.getAttribute('role'), null, 'no combobox role without the script');
  assert.equal(await box.getAttribute('aria-expanded'), null);
  await box.fill('työhyvinvointi');
  await Promise.all([page.waitForURL(/\/tekot\?q=/), box.press('Enter')]);
  assert.match(await page.locator('#results-h').textContent(), /^Hakutuloksia: [1-9]/);
  assert.equal(await page.getByRole('listbox', { includeHidden: true }).isVisible(), false);
  await ctx.close(); // (axe needs scripts: the same markup is checked above before the script changes it)
});
