// upload.test.mjs: /hallinta/tuonti in a real browser: a workbook LibreOffice saved, with a bad email in row 4, is
// chosen through the labelled file input; the preview shows the rows and the error by row and column and offers no
// confirmation; the fixed file is uploaded and confirmed and its people are stored. axe finds nothing on each step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveForFile, assertAccessible, login } from './lib.mjs';

const FIX = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'xlsx');
const s = serveForFile({
  demo: false,
  setup: async (st) => {
    execFileSync('sqlite3', [st.k.db, `
INSERT INTO funding_period(id,name,start_year,end_year) VALUES(2,'2018–2020',2018,2020);
INSERT INTO org(id,name,type,ytunnus) VALUES(1,'Oulun kaupunki','kunta','0187690-1');
INSERT INTO service(id,type_code,name,period_id,counts) VALUES(1,'sparraus','Sparraus A',2,'participant'),
 (2,'webinaari','Webinaari B',2,'attendee');
INSERT INTO delivery(id,ref,service_id,starts_on,ends_on) VALUES(1,'SP-1',1,'2019-03-01','2019-03-10'),
 (2,'WB-1',2,'2019-04-01','2019-04-01');`]);
    await login(st.page, st.k.base);
  },
});
const q = (sql) => execFileSync('sqlite3', [s.k.db, sql]).toString().trim();

test('an upload with an error shows it by row and column; the fixed file is imported on confirmation', async () => {
  const { page } = s;
  await page.goto(s.k.base + '/hallinta');
  await page.getByRole('link', { name: 'Tuonti' }).click();
  await page.waitForURL(/\/hallinta\/tuonti$/);
  await assertAccessible(page);
  // sent without choosing (the browser's own check of required fields turned off): the server's messages beside
  // the fields, the page still accessible
  await page.evaluate(() => { document.querySelector('main form').noValidate = true; });
  await page.getByRole('button', { name: 'Lue tiedosto' }).click();
  await page.waitForSelector('.error-summary');
  await assertAccessible(page);

  await page.getByLabel('Mitä tuodaan').selectOption('participants');
  await page.getByLabel(/^Tiedosto/).setInputFiles(path.join(FIX, 'participants_error.xlsx'));
  await page.getByRole('button', { name: 'Lue tiedosto' }).click();
  await page.waitForURL(/\/hallinta\/tuonti\/\d+$/);
  const preview = page.getByRole('table', { name: 'Tiedoston ensimmäiset rivit' });
  assert.match(await preview.innerText(), /liisa\.example\.fi/);
  const problems = page.getByRole('table', { name: 'Virheet riveittäin' });
  const row = problems.getByRole('row').nth(1);
  assert.deepEqual(await row.getByRole('cell').allInnerTexts(),
    ['4', 'email', "'liisa.example.fi' is not a valid email address"]);
  assert.equal(await page.getByRole('button', { name: 'Vahvista tuonti' }).count(), 0);
  assert.equal(q('SELECT count(*) FROM person'), '0');
  await assertAccessible(page);
  await page.getByRole('button', { name: 'Peru tuonti' }).click();
  await page.waitForURL(/peruttu=1/);
  await assertAccessible(page);

  await page.getByLabel('Mitä tuodaan').selectOption('participants');
  await page.getByLabel(/^Tiedosto/).setInputFiles(path.join(FIX, 'participants.xlsx'));
  await page.getByRole('button', { name: 'Lue tiedosto' }).click();
  await page.waitForURL(/\/hallinta\/tuonti\/\d+$/);
  assert.match(await page.getByRole('status').innerText(), /Tuotavia rivejä: 4/);
  await assertAccessible(page);
  await page.getByRole('button', { name: 'Vahvista tuonti' }).click();
  await page.waitForSelector('text=Tuonti valmis');
  assert.match(await page.getByRole('status').innerText(), /4 riviä, uusia henkilöitä 3/);
  await assertAccessible(page);
  assert.equal(q('SELECT count(*) FROM person'), '3');
  assert.equal(q('SELECT count(*) FROM upload'), '0');
});
