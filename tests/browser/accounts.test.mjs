// accounts.test.mjs: the account pages pass axe (WCAG 2.1 A/AA) and have unique ids: the admin's list, invitation
// form (also with errors), account page, the staff landing page and outbox; the forgotten password page and its
// answer; the one-time link's password page (valid and used up); changing one's own password. An invitation is
// made and its password set by keyboard-reachable labelled fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serveForFile, assertAccessible, login, KEHTO } from './lib.mjs';

const PW = 'vihrea-kettu-93-Rq';
const s = serveForFile({
  setup: async (st) => {
    execFileSync(KEHTO, ['user', 'add', 'admin@example.fi', '--role', 'admin', '--db', st.k.db], { input: PW + '\n' });
    await login(st.page, st.k.base, 'admin@example.fi', PW);
    st.anon = await (await st.browser.newContext()).newPage();
  },
});
const q = (sql) => execFileSync('sqlite3', [s.k.db, sql]).toString().trim();

test('an admin invites by the labelled form; errors sit beside their fields; every admin page passes axe', async () => {
  const { page } = s;
  await page.goto(s.k.base + '/hallinta/kayttajat/uusi');
  await assertAccessible(page);
  await page.getByLabel('Sähköposti').fill('uusi@example.fi');
  await page.getByLabel('Rooli').selectOption('contact');
  await page.getByRole('button', { name: 'Lähetä kutsu' }).click();
  await page.waitForSelector('.error-summary');
  assert.equal(await page.getByLabel('Sähköposti').inputValue(), 'uusi@example.fi', 'the address is kept');
  assert.equal(await page.getByLabel('Organisaatio').getAttribute('aria-invalid'), 'true');
  await assertAccessible(page);
  await page.getByLabel('Organisaatio').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Lähetä kutsu' }).click();
  await page.waitForURL(/\/hallinta\/kayttajat\?done=invited/);
  await assertAccessible(page);
  const id = q("SELECT id FROM user WHERE email = 'uusi@example.fi'");
  const msg = q("SELECT max(id) FROM outbox");
  for (const path of [`/hallinta/kayttajat/${id}`, '/hallinta', '/hallinta/viestit', '/hallinta/viestit?status=queued',
    `/hallinta/viestit/${msg}`]) {
    const r = await page.goto(s.k.base + path);
    assert.equal(r.status(), 200, path);
    await assertAccessible(page);
  }
});

test('the forgotten password page, its answer, and a one-time link pass axe; the link sets the password once', async () => {
  const { anon } = s;
  await anon.goto(s.k.base + '/kirjaudu');
  await anon.getByRole('link', { name: 'Unohtuiko salasana?' }).click();
  await assertAccessible(anon);
  await anon.getByLabel('Sähköposti').fill('admin@example.fi');
  await anon.getByRole('button', { name: 'Lähetä linkki' }).click();
  await anon.waitForSelector('.notice');
  await assertAccessible(anon);
  const body = q("SELECT body_text FROM outbox WHERE kind = 'invite' ORDER BY id DESC LIMIT 1");
  const path = body.match(/\/salasana\/[0-9a-f]{64}/)[0];
  await anon.goto(s.k.base + path);
  await assertAccessible(anon);
  await anon.locator('#f-password').fill('punainen-kettu-hyppii-47');
  await anon.locator('#f-password2').fill('punainen-kettu-hyppii-48');
  await anon.getByRole('button', { name: 'Tallenna salasana' }).click();
  await anon.waitForSelector('.error-summary');
  await assertAccessible(anon);
  await anon.locator('#f-password').fill('punainen-kettu-hyppii-47');
  await anon.locator('#f-password2').fill('punainen-kettu-hyppii-47');
  await anon.getByRole('button', { name: 'Tallenna salasana' }).click();
  await anon.waitForURL(/\/kirjaudu\?done=password/);
  await assertAccessible(anon);
  const r = await anon.goto(s.k.base + path);
  assert.equal(r.status(), 404, 'a used link');
  await assertAccessible(anon);
});

test('changing one\'s own password: the page, its error and its success pass axe', async () => {
  const { page } = s;
  await page.goto(s.k.base + '/');
  await page.getByRole('link', { name: 'Vaihda salasana' }).click();
  await assertAccessible(page);
  await page.getByLabel('Nykyinen salasana').fill('wrong-password-1');
  await page.locator('#f-password').fill('sininen-kettu-hyppii-12');
  await page.locator('#f-password2').fill('sininen-kettu-hyppii-12');
  await page.getByRole('button', { name: 'Vaihda salasana' }).click();
  await page.waitForSelector('.error-summary');
  assert.equal(await page.getByLabel('Nykyinen salasana').getAttribute('aria-invalid'), 'true');
  await assertAccessible(page);
  await page.getByLabel('Nykyinen salasana').fill(PW);
  await page.locator('#f-password').fill('sininen-kettu-hyppii-12');
  await page.locator('#f-password2').fill('sininen-kettu-hyppii-12');
  await page.getByRole('button', { name: 'Vaihda salasana' }).click();
  await page.waitForSelector('.notice');
  await assertAccessible(page);
});

test('an evaluator signs in to a page without an empty menu, passing axe; staff pages refuse them', async () => {
  execFileSync(KEHTO, ['user', 'add', 'arvioija@example.fi', '--role', 'evaluator', '--db', s.k.db], { input: PW + '\n' });
  const ev = await (await s.browser.newContext()).newPage();
  await login(ev, s.k.base, 'arvioija@example.fi', PW);
  await ev.goto(s.k.base + '/');
  // the evaluator's own pages (the surveys and the evaluation report, #13) and none of staff's
  const menu = await ev.locator('.userbar nav a').allInnerTexts();
  assert.deepEqual(menu, ['Kyselyt', 'Arviointi']);
  assert.ok(!menu.includes('Käyttäjät') && !menu.includes('Moderointi') && !menu.includes('Henkilöt'), menu.join());
  assert.equal(await ev.getByRole('link', { name: 'Vaihda salasana' }).count(), 1);
  await assertAccessible(ev);
  for (const path of ['/hallinta', '/hakemukset', '/hallinta/kayttajat']) {
    const r = await ev.goto(s.k.base + path);
    assert.equal(r.status(), 403, path);
  }
});
