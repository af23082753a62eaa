// services.test.mjs: the service catalogue, coaches and deliveries pass axe and have unique ids (public pages in
// fi/sv/en, staff lists and forms, a form with errors), after staff have created a service, a coach and a delivery
// with a session through the forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveForFile, assertAccessible, login } from './lib.mjs';

let deliveryPath;
const s = serveForFile({
  setup: async ({ page, k }) => {
    await login(page, k.base);
    await page.goto(k.base + '/hallinta/palvelut/uusi');
    await page.getByLabel(/^Palvelutyyppi/).selectOption({ label: 'Työpaja' });
    await page.getByLabel(/^Muoto/).selectOption({ label: 'Haastetyöpaja' });
    await page.getByLabel(/^Nimi \(suomeksi\)/).fill('Haastetyöpaja esihenkilöille');
    await page.getByLabel(/^Kuvaus \(suomeksi\)/).fill('Kahden päivän työpaja.');
    await page.getByLabel(/^Rahoituskausi/).selectOption({ index: 2 });
    await page.getByLabel(/^Kapasiteetti/).fill('25');
    await page.getByLabel(/^Teemat/).fill('johtaminen, työhyvinvointi');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.waitForURL(/done=saved/);
    await page.goto(k.base + '/hallinta/valmentajat/uusi');
    await page.getByLabel(/^Nimi/).fill('Aino Valmentaja');
    await page.getByLabel(/^Yritys/).fill('Valmennus Oy');
    await page.getByLabel(/^Lyhyt esittely/).fill('Työyhteisöjen kehittäjä.');
    await page.getByLabel('ruotsi', { exact: true }).check();
    await page.getByLabel('Uusimaa', { exact: true }).check();
    await page.getByLabel(/^Osaamisalueet/).fill('johtaminen');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.waitForURL(/done=saved/);
    await page.goto(k.base + '/hallinta/toteutukset/uusi');
    await page.getByLabel(/^Palvelu/).selectOption({ index: 1 });
    await page.getByLabel(/^Alkupäivä/).fill('1.3.2019');
    await page.getByLabel(/^Loppupäivä/).fill('20.3.2019');
    await page.getByLabel(/^Paikka/).fill('Tampere');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.waitForURL(/toteutukset\/\d+/);
    deliveryPath = new URL(page.url()).pathname;
    await page.getByLabel(/^Päivä/).fill('2.3.2019');
    await page.getByRole('button', { name: 'Lisää' }).first().click();
    await page.waitForURL(/done=saved/);
  },
});

for (const [name, path] of [
  ['catalogue', () => '/palvelut'], ['catalogue filtered', () => '/palvelut?type=tyopaja&period=2'],
  ['service page', () => '/palvelut/1'], ['Swedish catalogue', () => '/sv/palvelut'],
  ['English service page', () => '/en/palvelut/1'], ['coaches', () => '/valmentajat'],
  ['coaches filtered', () => '/valmentajat?language=sv&region=FI1B1'], ['Swedish coaches', () => '/sv/valmentajat'],
  ['staff services', () => '/hallinta/palvelut'], ['new service form', () => '/hallinta/palvelut/uusi'],
  ['service edit form', () => '/hallinta/palvelut/1'], ['staff coaches', () => '/hallinta/valmentajat'],
  ['new coach form', () => '/hallinta/valmentajat/uusi'], ['coach edit form', () => '/hallinta/valmentajat/1'],
  ['deliveries', () => '/hallinta/toteutukset'], ['new delivery form', () => '/hallinta/toteutukset/uusi'],
  ['delivery with a session', () => deliveryPath],
]) {
  test(`axe finds no violations: ${name}`, async () => {
    await s.page.goto(s.k.base + path());
    await assertAccessible(s.page);
  });
}

test('the service page shows the offering and links to applying', async () => {
  // the demo has its own services, so the new one is found by its name in the catalogue
  await s.page.goto(s.k.base + '/palvelut?type=tyopaja');
  await s.page.getByRole('link', { name: 'Haastetyöpaja esihenkilöille' }).click();
  await s.page.waitForURL(/\/palvelut\/\d+$/);
  const id = s.page.url().split('/').pop();
  assert.equal(await s.page.getByRole('heading', { level: 1 }).textContent(), 'Haastetyöpaja esihenkilöille');
  const href = await s.page.getByRole('link', { name: 'Hae palvelua' }).getAttribute('href');
  assert.equal(href, `/hakemukset/uusi?service=${id}`);
});

test('bad service and coach forms come back with messages beside the fields and pass axe', async () => {
  await s.page.goto(s.k.base + '/hallinta/palvelut/uusi');
  await s.page.getByLabel(/^Kapasiteetti/).fill('-1');
  await s.page.getByRole('button', { name: 'Tallenna' }).click();
  await s.page.waitForSelector('.error-summary');
  assert.equal(await s.page.getByLabel(/^Kapasiteetti/).inputValue(), '-1');
  await assertAccessible(s.page);
  await s.page.goto(s.k.base + '/hallinta/valmentajat/uusi');
  await s.page.getByLabel('suomi', { exact: true }).uncheck();
  await s.page.getByRole('button', { name: 'Tallenna' }).click();
  await s.page.waitForSelector('.error-summary');
  await assertAccessible(s.page);
  await s.page.goto(s.k.base + deliveryPath);
  await s.page.getByLabel(/^Päivä/).fill('1.1.2030');
  await s.page.getByRole('button', { name: 'Lisää' }).first().click();
  await s.page.waitForSelector('.error-summary');
  await assertAccessible(s.page);
});
