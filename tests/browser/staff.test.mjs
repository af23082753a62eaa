// staff.test.mjs: the staff pages (moderation queue, deed editing and rejecting, organisation registry, programme)
// pass axe and have unique ids, also with errors shown; their wide tables scroll in a named, focusable region.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveForFile, assertAccessible, login, postDeed, sampleDeed } from './lib.mjs';

let deedId;
const s = serveForFile({
  setup: async ({ page, k }) => {
    await postDeed(page, k.base, sampleDeed('Odottava teko moderointijonossa'));
    await login(page, k.base);
    await page.goto(k.base + '/hallinta/tekot');
    const href = await page.getByRole('link', { name: 'Odottava teko moderointijonossa', exact: true }).getAttribute('href');
    deedId = href.split('/').pop();
  },
});

for (const [name, path] of [
  ['moderation queue', () => '/hallinta/tekot'], ['published deeds tab', () => '/hallinta/tekot?status=published'],
  ['deed edit form', () => `/hallinta/tekot/${deedId}/muokkaa`], ['reject form', () => `/hallinta/tekot/${deedId}/hylkaa`],
  ['submitted deed with the staff panel', () => `/tekot/${deedId}`],
  ['organisation registry', () => '/hallinta/organisaatiot'], ['registry search', () => '/hallinta/organisaatiot?q=Inari'],
  ['new organisation form', () => '/hallinta/organisaatiot/uusi'], ['organisation edit form', () => '/hallinta/organisaatiot/1/muokkaa'],
  ['programme frame', () => '/hallinta/ohjelma'], ['new funding period', () => '/hallinta/ohjelma/kaudet/uusi'],
  ['new partner', () => '/hallinta/ohjelma/kumppanit/uusi'], ['Swedish moderation queue', () => '/sv/hallinta/tekot'],
  ['budget and ledger', () => '/hallinta/talous'], ['budget plan form', () => '/hallinta/talous/kaudet/1'],
]) {
  test(`axe finds no violations: ${name}`, async () => {
    await s.page.goto(s.k.base + path());
    await assertAccessible(s.page);
  });
}

test('a new organisation without a name comes back with the error beside the field, and passes axe', async () => {
  await s.page.goto(s.k.base + '/hallinta/organisaatiot/uusi');
  await s.page.getByLabel(/^Y-tunnus/).fill('1234567-1');
  await s.page.locator('main form button[type=submit]').click();
  await s.page.waitForSelector('.error-summary');
  assert.equal(await s.page.locator('.field.invalid').count(), 1);
  await assertAccessible(s.page);
});

test('a budget plan with a bad amount comes back with the error beside the field, and passes axe', async () => {
  await s.page.goto(s.k.base + '/hallinta/talous/kaudet/1');
  await s.page.getByLabel(/^Ostopalvelut/).fill('12.50');
  await s.page.locator('main form button[type=submit]').click();
  await s.page.waitForSelector('.error-summary');
  assert.equal(await s.page.locator('.field.invalid').count(), 1);
  assert.equal(await s.page.getByLabel(/^Ostopalvelut/).inputValue(), '12.50');
  await assertAccessible(s.page);
});

test('rejecting without a reason comes back with the error, and passes axe', async () => {
  await s.page.goto(s.k.base + `/hallinta/tekot/${deedId}/hylkaa`);
  await s.page.getByRole('button', { name: 'Hylkää teko' }).click();
  await s.page.waitForSelector('.error-summary');
  assert.equal(await s.page.getByLabel(/^Hylkäyksen syy/).getAttribute('aria-invalid'), 'true');
  await assertAccessible(s.page);
});

test('a deed edit with the title emptied comes back with the error, and passes axe', async () => {
  await s.page.goto(s.k.base + `/hallinta/tekot/${deedId}/muokkaa`);
  await s.page.getByLabel(/^Otsikko/).fill('');
  await s.page.getByRole('button', { name: 'Tallenna' }).click();
  await s.page.waitForSelector('.error-summary');
  await assertAccessible(s.page);
});

test('a wide staff table is a named region the keyboard can reach and scroll on a phone', async () => {
  const phone = await (await s.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await login(phone, s.k.base);
  await phone.goto(s.k.base + '/hallinta/organisaatiot');
  const region = phone.getByRole('region', { name: 'Organisaatiot' });
  assert.equal(await region.getAttribute('tabindex'), '0');
  const { sw, cw } = await region.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
  assert.ok(sw > cw, 'the table is wider than the phone, so the region scrolls');
  const pageWidth = () => phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(await pageWidth() <= 390, 'the page itself does not');
  await region.focus();
  await phone.keyboard.press('ArrowRight');
  await phone.waitForFunction(() => document.querySelector('.table-scroll').scrollLeft > 0);
  await phone.goto(s.k.base + '/hallinta/tekot'); // its buttons carry visually hidden text, which must not escape
  assert.ok(await pageWidth() <= 390, 'the queue page does not scroll sideways');
  await phone.close();
});
