// languages.test.mjs: content in three languages, the legal pages and "Hae palvelua" through the login, in a real
// browser: the Swedish page of a translated service and the English one of an untranslated service (marked Finnish);
// the accessibility statement and the privacy notice reached from the footer in each language; the site page editor,
// the programme's language columns and the theme translations used by keyboard; axe finds nothing on any of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serveForFile, assertAccessible, login, KEHTO } from './lib.mjs';

const PW = 'vihrea-kettu-93-Rq';
const s = serveForFile({
  setup: async (st) => {
    execFileSync(KEHTO, ['user', 'add', 'contact@example.fi', '--role', 'contact', '--org', '1', '--db', st.k.db],
      { input: PW + '\n' });
    await login(st.page, st.k.base);
    st.anon = await (await st.browser.newContext()).newPage();
  },
});
const q = (sql) => execFileSync('sqlite3', [s.k.db, sql]).toString().trim();

test('the Swedish page of a translated service, the English page of an untranslated one marked Finnish', async () => {
  const { anon } = s;
  await anon.goto(s.k.base + '/sv/palvelut');
  await anon.getByRole('link', { name: 'Sparrning för arbetsgemenskaper 2018–2020' }).click();
  await anon.waitForURL(/\/sv\/palvelut\/\d+$/);
  assert.equal(await anon.locator('h1').textContent(), 'Sparrning för arbetsgemenskaper 2018–2020');
  assert.equal(await anon.locator('h1').getAttribute('lang'), null, 'a translation is not marked');
  assert.match(await anon.locator('.deed-text').textContent(), /^Sparrningen är en coachning/);
  await assertAccessible(anon);
  const id = q("SELECT id FROM service WHERE name = 'Sote-alan toimialatyöpaja'");
  await anon.goto(`${s.k.base}/en/palvelut/${id}`);
  assert.equal(await anon.locator('h1').getAttribute('lang'), 'fi');
  assert.equal(await anon.locator('.deed-text').getAttribute('lang'), 'fi');
  assert.equal(await anon.locator('html').getAttribute('lang'), 'en');
  await assertAccessible(anon);
});

test('the accessibility statement and the privacy notice, from the footer in three languages, pass axe', async () => {
  const { anon } = s;
  for (const [prefix, a11y, privacy] of [['', 'Saavutettavuusseloste', 'Tietosuojaseloste'],
    ['/sv', 'Tillgänglighetsutlåtande', 'Dataskyddsbeskrivning'], ['/en', 'Accessibility statement', 'Privacy notice']]) {
    await anon.goto(s.k.base + prefix + '/');
    await anon.locator('footer').getByRole('link', { name: a11y }).click();
    await anon.waitForURL(s.k.base + prefix + '/saavutettavuus');
    assert.equal(await anon.locator('h1').textContent(), a11y);
    await assertAccessible(anon);
    await anon.locator('footer').getByRole('link', { name: privacy }).click();
    await anon.waitForURL(s.k.base + prefix + '/tietosuoja');
    assert.match(await anon.locator('h1').textContent(), new RegExp('^' + privacy));
    await assertAccessible(anon);
  }
});

test('staff edit a site page by keyboard: fields in language order, an error beside its field, the change shown', async () => {
  const { page, anon } = s;
  await page.goto(s.k.base + '/hallinta/sivut');
  await assertAccessible(page);
  await page.locator('main').getByRole('link', { name: 'Saavutettavuusseloste' }).click();
  await page.waitForURL(/\/hallinta\/sivut\/saavutettavuus$/);
  await assertAccessible(page);
  await page.getByLabel('Otsikko (suomeksi)').focus();
  const order = [];
  for (let i = 0; i < 6; i++) {
    order.push(await page.evaluate(() => document.activeElement.name || document.activeElement.textContent));
    await page.keyboard.press('Tab');
  }
  order.push(await page.evaluate(() => document.activeElement.textContent));
  assert.deepEqual(order, ['title', 'body', 'title_sv', 'body_sv', 'title_en', 'body_en', 'Tallenna']);
  await page.getByLabel('Otsikko (suomeksi)').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.getByRole('button', { name: 'Tallenna' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.error-summary');
  assert.equal(await page.getByLabel('Otsikko (suomeksi)').getAttribute('aria-invalid'), 'true');
  await assertAccessible(page);
  await page.getByLabel('Otsikko (suomeksi)').focus();
  await page.keyboard.type('Saavutettavuusseloste');
  await page.getByLabel('Otsikko (englanniksi)').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Accessibility, edited');
  await page.getByRole('button', { name: 'Tallenna' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/hallinta\/sivut\?done=saved$/);
  await assertAccessible(page);
  await anon.goto(s.k.base + '/en/saavutettavuus');
  assert.equal(await anon.locator('h1').textContent(), 'Accessibility, edited');
});

test('the programme form, a service form, a period form and the theme translations pass axe; a theme is translated', async () => {
  const { page, anon } = s;
  const svc = q("SELECT id FROM service ORDER BY id LIMIT 1");
  const period = q('SELECT id FROM funding_period ORDER BY id LIMIT 1');
  for (const path of ['/hallinta/ohjelma', `/hallinta/palvelut/${svc}`, `/hallinta/ohjelma/kaudet/${period}`,
    '/hallinta/teemat']) {
    const r = await page.goto(s.k.base + path);
    assert.equal(r.status(), 200, path);
    await assertAccessible(page);
  }
  await page.getByLabel('palvelumuotoilu ruotsiksi').fill('tjänstedesign');
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await page.waitForURL(/done=saved/);
  await anon.goto(s.k.base + '/sv/palvelut');
  assert.ok(await anon.locator('li', { hasText: /^tjänstedesign$/ }).count() > 0, 'the Swedish theme is shown');
});

test('the programme form saved unchanged keeps an untranslated first goal untranslated', async () => {
  const { page } = s;
  q("UPDATE goal SET text_sv = CASE WHEN position = (SELECT min(position) FROM goal) THEN '' ELSE 'Mål ' || position END");
  const before = q('SELECT text_sv FROM goal ORDER BY position');
  await page.goto(s.k.base + '/hallinta/ohjelma');
  assert.match(await page.getByLabel('Tavoitteet (ruotsiksi)').inputValue(), /^\nMål /, 'the blank first line is shown');
  await page.locator('form.form').getByRole('button', { name: 'Tallenna' }).click();
  await page.waitForURL(/ok=ohjelma/);
  assert.equal(q('SELECT text_sv FROM goal ORDER BY position'), before, 'no goal moved up');
});

test('"Hae palvelua" while signed out keeps the service through the login', async () => {
  const ctx = await s.browser.newContext();
  const p = await ctx.newPage();
  const id = q("SELECT id FROM service WHERE name = 'Sparraus työyhteisöille 2018–2020'");
  await p.goto(`${s.k.base}/palvelut/${id}`);
  await p.getByRole('link', { name: 'Hae palvelua' }).click();
  await p.waitForURL(/\/kirjaudu\?next=/);
  await p.getByLabel('Sähköposti').fill('contact@example.fi');
  await p.getByLabel('Salasana').fill(PW);
  await p.getByRole('button', { name: 'Kirjaudu' }).click();
  await p.waitForURL(`${s.k.base}/hakemukset/uusi?service=${id}`);
  assert.equal(await p.getByLabel(/^Palvelu/).inputValue(), id);
  await ctx.close();
});

test('on a phone (390 px) the legal pages, the site page editor and the theme translations do not scroll sideways', async () => {
  const ctx = await s.browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await ctx.newPage();
  await login(phone, s.k.base);
  for (const path of ['/saavutettavuus', '/sv/tietosuoja', '/hallinta/sivut/tietosuoja', '/hallinta/ohjelma',
    '/hallinta/palvelut/1', '/hallinta/teemat']) {
    await phone.goto(s.k.base + path);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `${path} is ${width}px wide`);
  }
  await ctx.close();
});
