// survey_results.test.mjs: a survey's results pages pass axe (WCAG 2.1 AA and best practices) and have no duplicate
// ids: the staff page (everything: breakdowns, open answers, the paired change), the public page of published
// results (suppressed), and a series survey's page; tables have captions and header scopes; the breakdowns open from
// the keyboard. The answers come from tests/e2e/survey_results_data.py (the end-to-end test's fixture).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveForFile, assertAccessible, login, KEHTO } from './lib.mjs';

const e2e = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'e2e');
const s = serveForFile({
  demo: false,
  setup: async (x) => {
    for (const f of ['survey_results', 'survey_pairs_before', 'survey_pairs_after'])
      execFileSync(KEHTO, ['survey', 'import', path.join(e2e, `${f}.json`), '--db', x.k.db]);
    const frame = "INSERT INTO funding_period(id,name,start_year,end_year) VALUES(2,'2018–2020',2018,2020);" +
      "INSERT INTO service(id,type_code,name,period_id,counts) VALUES(1,'sparraus','Sparraus A',2,'participant')," +
      "(2,'webinaari','Webinaari B',2,'attendee');" +
      "INSERT INTO delivery(id,ref,service_id,starts_on,ends_on) VALUES(1,'SP-1',1,'2019-03-01','2019-03-10')," +
      "(2,'WB-1',2,'2019-04-01','2019-04-01');";
    const sql = execFileSync('/usr/bin/python3', [path.join(e2e, 'survey_results_data.py'), 'fixture', '1', '2', '3']);
    execFileSync('sqlite3', ['-bail', x.k.db], { input: frame + sql + 'UPDATE survey SET results_public = 1 WHERE id = 1;' });
  },
});

const tableFacts = (page) => page.evaluate(() => [...document.querySelectorAll('main table')].map((t) => ({
  caption: t.caption ? t.caption.textContent.trim() : '',
  cols: [...t.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col'),
  rows: [...t.querySelectorAll('tbody th')].every((th) => th.getAttribute('scope') === 'row'),
})));

async function check(url, minTables) {
  await s.page.goto(s.k.base + url);
  const t = await tableFacts(s.page);
  assert.ok(t.length >= minTables, `${url}: ${t.length} tables`);
  for (const x of t) assert.ok(x.caption && x.cols && x.rows, `${url}: table "${x.caption}" has a caption and scopes`);
  await s.page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  await assertAccessible(s.page);
}

test('the published results page passes axe and shows no open answers', async () => {
  await check('/kyselyt/1/tulokset', 5);
  assert.equal(await s.page.getByText('Avoin vastaus').count(), 0);
  await check('/en/kyselyt/1/tulokset', 5);
});

test('the staff pages pass axe; the breakdowns open from the keyboard', async () => {
  await login(s.page, s.k.base);
  await check('/hallinta/kyselyt/1/tulokset', 5);
  assert.ok(await s.page.getByText('Avoin vastaus 0').count() > 0);
  await check('/hallinta/kyselyt/3/tulokset', 2);
  await s.page.goto(s.k.base + '/hallinta/kyselyt/1/tulokset');
  const summary = s.page.locator('details.breakdowns summary').first();
  await summary.focus();
  await s.page.keyboard.press('Enter');
  assert.equal(await s.page.locator('details.breakdowns').first().evaluate((d) => d.open), true);
});
