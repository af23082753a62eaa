// events.test.mjs: the events calendar passes axe (WCAG 2.1 AA and best practices) with no duplicate ids: /tapahtumat
// in Finnish and Swedish, an event's page, the staff list, the editor (empty, with errors beside the fields, filled
// in), the delete confirmation and the delivery editor with its calendar checkbox and session times. Staff fill in
// and save an event with the keyboard only. The demo holds the programme's events of 2019–2020.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serveForFile, assertAccessible, login } from './lib.mjs';

const sql = (db, q) => execFileSync('sqlite3', [db, q]).toString().trim();

const s = serveForFile({
  demo: true,
  setup: async (x) => {
    x.event = Number(sql(x.k.db, 'SELECT min(id) FROM event WHERE published_at IS NOT NULL'));
    x.delivery = Number(sql(x.k.db, 'SELECT min(id) FROM delivery WHERE in_calendar = 1'));
  },
});

async function check(url) {
  const r = await s.page.goto(s.k.base + url);
  assert.equal(r.status(), 200, url);
  await assertAccessible(s.page);
}

test('/tapahtumat and an event pass axe, in Finnish and Swedish', async () => {
  await check('/tapahtumat');
  assert.equal(await s.page.getByRole('heading', { level: 2, name: 'Menneet tapahtumat' }).count(), 1);
  assert.ok(await s.page.locator('ul.events li').count() >= 10);
  await check('/sv/tapahtumat');
  await check(`/tapahtumat/${s.event}`);
  assert.equal(await s.page.getByRole('link', { name: 'Kunteko-webinaarit 2018–2020', exact: true }).count(), 1);
  await check(`/sv/tapahtumat/${s.event}`);
  await check('/tapahtumat?page=2');
});

test('staff make an event with the keyboard; the editor passes axe empty, with errors and filled in', async () => {
  await login(s.page, s.k.base);
  await check('/hallinta/tapahtumat');
  await check('/hallinta/tapahtumat/uusi');
  const p = s.page;
  await p.getByLabel(/^Otsikko \(suomeksi\)/).focus();
  await p.keyboard.type('Näppäimistöwebinaari');
  await p.getByLabel('Alkupäivä').focus();
  await p.keyboard.type('3.3.2027');
  await p.getByLabel('Alkamisaika').focus();
  await p.keyboard.type('9.30');
  await p.getByLabel('Loppupäivä').focus();
  await p.keyboard.type('3.3.2027');
  await p.getByLabel('Päättymisaika').focus();
  await p.keyboard.type('8.00'); /* before the start: refused */
  await p.keyboard.press('Enter');
  await p.waitForLoadState();
  assert.match(await p.locator('.error-summary').textContent(), /Tapahtuma ei voi päättyä ennen kuin se alkaa/);
  assert.equal(await p.getByLabel(/^Otsikko \(suomeksi\)/).inputValue(), 'Näppäimistöwebinaari');
  await assertAccessible(p);
  await p.getByLabel('Päättymisaika').fill('');
  await p.getByLabel('Päättymisaika').focus();
  await p.keyboard.type('11.00');
  await p.getByLabel('Julkaistu (näkyy tapahtumakalenterissa)').focus();
  await p.keyboard.press('Space');
  await p.keyboard.press('Enter');
  await p.waitForURL(/\/hallinta\/tapahtumat\?done=saved$/);
  assert.match(await p.locator('.notice').textContent(), /Tapahtuma tallennettu/);
  await assertAccessible(p);
  const id = Number(sql(s.k.db, "SELECT id FROM event WHERE title = 'Näppäimistöwebinaari' AND published_at IS NOT NULL"));
  assert.ok(id > 0);
  await check(`/hallinta/tapahtumat/${id}`);
  assert.equal(await p.getByLabel('Alkupäivä').inputValue(), '3.3.2027');
  await check(`/hallinta/tapahtumat/${id}/poista`);
  await check('/tapahtumat');
  assert.equal(await p.getByRole('heading', { level: 2, name: 'Tulevat tapahtumat' }).count(), 1);
  assert.equal(await p.getByRole('link', { name: 'Näppäimistöwebinaari' }).count(), 1);
});

test('the delivery editor with the calendar checkbox and session times passes axe', async () => {
  await check(`/hallinta/toteutukset/${s.delivery}`);
  assert.ok(await s.page.getByLabel('Näytä tapahtumakalenterissa').isChecked());
  assert.equal(await s.page.getByLabel('Alkaa klo', { exact: true }).count(), 1);
});
