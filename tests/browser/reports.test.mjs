// reports.test.mjs: the reports to the funder for staff. /hallinta/raportit, a text's editor and a report shown as
// HTML (its tables and SVG charts) pass axe; the editor is reached and used by keyboard through its labelled field;
// an unknown figure or block comes back beside the field with the text kept; the download is a PDF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveForFile, assertAccessible, login } from './lib.mjs';

const s = serveForFile({
  setup: async ({ page, k }) => { await login(page, k.base, 'staff@example.fi'); }, // startKehto made the account
});

test('the reports page and a report as HTML pass axe', async () => {
  const { page, k } = s;
  await page.goto(k.base + '/hallinta/raportit');
  await assertAccessible(page);
  await page.getByRole('link', { name: /^Näytä\s*:\s*Loppuraportti suomeksi$/ }).click();
  await page.waitForSelector('svg.chart');
  assert.equal(await page.locator('h1').innerText(), 'Loppuraportti');
  assert.ok(await page.locator('table.stats').count() >= 5);
  await assertAccessible(page);
});

test('the editor by keyboard: an unknown figure comes back beside the field, the text kept', async () => {
  const { page, k } = s;
  await page.goto(k.base + '/hallinta/raportit');
  const edit = page.getByRole('link', { name: /^Muokkaa\s*:\s*Vuosiraportti 2016 suomeksi$/ });
  await edit.focus();
  await page.keyboard.press('Enter');
  const body = page.getByLabel('Raportin teksti');
  await body.waitFor();
  await assertAccessible(page);
  await body.focus();
  await page.keyboard.type('# Vuosi {{report.year}}\n\n{{report.nope}}\n\n{{chart:nope}}\n');
  await page.getByRole('button', { name: 'Tallenna' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.error-summary');
  assert.equal(await body.getAttribute('aria-invalid'), 'true');
  assert.match(await body.inputValue(), /\{\{report\.nope\}\}/);
  assert.match(await page.locator('#e-body').innerText(), /tuntematon luku \{\{report\.nope\}\}.*tuntematon kaavio \{\{chart:nope\}\}/s);
  await assertAccessible(page);
});

test('the download is a PDF', async () => {
  const { page, k } = s;
  const r = await page.request.get(k.base + '/hallinta/raportit/pdf?kind=annual&year=2019&lang=sv');
  assert.equal(r.status(), 200);
  assert.equal(r.headers()['content-type'], 'application/pdf');
  assert.equal((await r.body()).subarray(0, 5).toString(), '%PDF-');
});
