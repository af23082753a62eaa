// staff.test.mjs: the staff pages (moderation queue, deed editing and rejecting, organisation registry, programme)
// pass axe and have unique ids, also with errors shown; their wide tables scroll in a named, focusable region.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKehto, launch, axeViolations, duplicateIds, login, postDeed, sampleDeed } from './lib.mjs';

let k, browser, page, deedId;
before(async () => {
  k = await startKehto({ demo: true });
  browser = await launch();
  page = await (await browser.newContext()).newPage();
  await postDeed(page, k.base, sampleDeed('Odottava teko moderointijonossa'));
  await login(page, k.base);
  await page.goto(k.base + '/hallinta/tekot');
  const href = await page.getByRole('link', { name: 'Odottava teko moderointijonossa', exact: true }).getAttribute('href');
  deedId = href.split('/').pop();
});
after(async () => { await browser?.close(); k?.stop(); });

async function assertClean(p) {
  assert.deepEqual(await axeViolations(p), []);
  assert.deepEqual(await duplicateIds(p), [], 'duplicate ids');
}

for (const [name, path] of [
  ['moderation queue', () => '/hallinta/tekot'], ['published deeds tab', () => '/hallinta/tekot?status=published'],
  ['deed edit form', () => `/hallinta/tekot/${deedId}/muokkaa`], ['reject form', () => `/hallinta/tekot/${deedId}/hylkaa`],
  ['submitted deed with the staff panel', () => `/tekot/${deedId}`],
  ['organisation registry', () => '/hallinta/organisaatiot'], ['registry search', () => '/hallinta/organisaatiot?q=Inari'],
  ['new organisation form', () => '/hallinta/organisaatiot/uusi'], ['organisation edit form', () => '/hallinta/organisaatiot/1/muokkaa'],
  ['programme frame', () => '/hallinta/ohjelma'], ['new funding period', () => '/hallinta/ohjelma/kaudet/uusi'],
  ['new partner', () => '/hallinta/ohjelma/kumppanit/uusi'], ['Swedish moderation queue', () => '/sv/hallinta/tekot'],
]) {
  test(`axe finds no violations: ${name}`, async () => {
    await page.goto(k.base + path());
    await assertClean(page);
  });
}

test('a new organisation without a name comes back with the error beside the field, and passes axe', async () => {
  await page.goto(k.base + '/hallinta/organisaatiot/uusi');
  await page.getByLabel(/^Y-tunnus/).fill('1234567-1');
  await page.locator('main form button[type=submit]').click();
  await page.waitForSelector('.error-summary');
  assert.equal(await page.locator('.field.invalid').count(), 1);
  await assertClean(page);
});

test('rejecting without a reason comes back with the error, and passes axe', async () => {
  await page.goto(k.base + `/hallinta/tekot/${deedId}/hylkaa`);
  await page.getByRole('button', { name: 'Hylkää teko' }).click();
  await page.waitForSelector('.error-summary');
  assert.equal(await page.getByLabel(/^Hylkäyksen syy/).getAttribute('aria-invalid'), 'true');
  await assertClean(page);
});

test('a deed edit with the title emptied comes back with the error, and passes axe', async () => {
  await page.goto(k.base + `/hallinta/tekot/${deedId}/muokkaa`);
  await page.getByLabel(/^Otsikko/).fill('');
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await page.waitForSelector('.error-summary');
  await assertClean(page);
});

test('a wide staff table is a named region the keyboard can reach and scroll on a phone', async () => {
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await login(phone, k.base);
  await phone.goto(k.base + '/hallinta/organisaatiot');
  const region = phone.getByRole('region', { name: 'Organisaatiot' });
  assert.equal(await region.getAttribute('tabindex'), '0');
  const { sw, cw } = await region.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
  assert.ok(sw > cw, 'the table is wider than the phone, so the region scrolls');
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth) <= 390, 'the page itself does not');
  await region.focus();
  await phone.keyboard.press('ArrowRight');
  await phone.waitForFunction(() => document.querySelector('.table-scroll').scrollLeft > 0);
  await phone.close();
});
