// publications.test.mjs: the publications and videos (#15), public and staff, through axe and the keyboard. The
// demo's publications and videos: /julkaisut, a publication's summary page, /videot and a video's page with its
// caption tracks; staff's lists and editors, a refused upload and a refused publishing (the message beside the field,
// the typed text kept). axe finds nothing on any of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveForFile, assertAccessible, login } from './lib.mjs';

const s = serveForFile({ demo: true });

// Presses Tab until the element matching selector has focus (at most 80 times); fails otherwise.
async function tabTo(page, selector) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel), selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

test('the public pages: list, filters, a publication and its PDF link, videos with captions', async () => {
  const { page, k } = s;
  await page.goto(k.base + '/julkaisut');
  await assertAccessible(page);
  assert.equal(await page.locator('main h3').count(), 3);
  // the filters by keyboard: type "Arviointi", then Näytä
  await tabTo(page, 'select[name=tyyppi]');
  await page.keyboard.press('ArrowDown'); // Raportti
  await page.keyboard.press('ArrowDown'); // Loppujulkaisu
  await page.keyboard.press('ArrowDown'); // Arviointi
  await tabTo(page, 'form.filters button');
  await page.keyboard.press('Enter');
  await page.waitForURL(/tyyppi=evaluation/);
  assert.equal(await page.locator('main h3').count(), 1);
  await assertAccessible(page);
  // to the summary page by keyboard
  await tabTo(page, 'main h3 a');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/julkaisut\/\d+$/);
  await assertAccessible(page);
  assert.match(await page.locator('h1').innerText(), /ulkoinen arviointi/);
  const link = page.locator('a.download');
  assert.equal(await link.getAttribute('hreflang'), 'fi');
  assert.match(await link.innerText(), /PDF, 1 kt, kieli: suomi/);
  const res = await page.request.get(k.base + await link.getAttribute('href'));
  assert.equal(res.headers()['content-type'], 'application/pdf');
  assert.match(res.headers()['content-disposition'], /^attachment; filename="kunteko-ulkoinen-arviointi-2020\.pdf"$/);

  await page.goto(k.base + '/videot');
  await assertAccessible(page);
  await page.getByRole('link', { name: 'Mikä on Kunteko-ohjelma?' }).click();
  await assertAccessible(page);
  const tracks = await page.locator('video track').evaluateAll((ts) => ts.map((t) => [t.kind, t.srclang, t.default]));
  assert.deepEqual(tracks, [['captions', 'fi', true], ['captions', 'sv', false], ['captions', 'en', false]]);
  // the browser loads the Finnish track: its cues are there
  const cues = await page.evaluate(async () => {
    const t = document.querySelector('video track[srclang=fi]');
    if (t.readyState !== 2) await new Promise((ok) => { t.addEventListener('load', ok); setTimeout(ok, 3000); });
    return [...(t.track.cues || [])].map((c) => c.text);
  });
  assert.deepEqual(cues, ['Mikä on Kunteko-ohjelma?', 'Kunta-alan työelämän kehittämisohjelma 2015–2020.']);
  await page.goto(k.base + '/sv/videot/1');
  await assertAccessible(page);
  assert.equal(await page.locator('video track[default]').getAttribute('srclang'), 'sv');
});

test('staff: the lists and editors, a text file refused as the PDF, a video not published without captions', async () => {
  const { page, k } = s;
  await login(page, k.base);
  await page.goto(k.base + '/hallinta/julkaisut');
  await assertAccessible(page);
  await page.getByRole('link', { name: 'Uusi julkaisu' }).click();
  await assertAccessible(page);
  await page.getByLabel(/^Otsikko/).fill('Kehittämisen opas');
  await page.getByLabel(/^Vuosi/).fill('2019');
  await page.getByLabel(/^Tyyppi/).selectOption('guide');
  await page.getByLabel(/^PDF-tiedosto/).setInputFiles({ name: 'opas.pdf', mimeType: 'application/pdf',
    buffer: Buffer.from('Tämä ei ole PDF.\n') });
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await page.waitForSelector('.error-summary');
  assert.match(await page.locator('#e-file').innerText(), /ei ole PDF-tiedosto/);
  assert.equal(await page.getByLabel(/^Otsikko/).inputValue(), 'Kehittämisen opas');
  await assertAccessible(page);
  await page.goto(k.base + '/hallinta/julkaisut/1');
  await assertAccessible(page);
  await page.goto(k.base + '/hallinta/julkaisut/1/poista');
  await assertAccessible(page);

  await page.goto(k.base + '/hallinta/videot');
  await assertAccessible(page);
  await page.goto(k.base + '/hallinta/videot/1');
  await assertAccessible(page);
  await page.goto(k.base + '/hallinta/videot/uusi');
  await assertAccessible(page);
  await page.getByLabel(/^Otsikko \(suomeksi\)/).fill('Uusi video ilman tekstitystä');
  await page.getByLabel(/^tai osoite/).fill('https://example.org/uusi.mp4');
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await page.waitForSelector('.notice[role=status]');
  await page.getByRole('button', { name: 'Julkaise' }).click();
  await page.waitForSelector('.error-summary');
  assert.match(await page.locator('#e-vtt').innerText(), /ilman tekstitystä/);
  await assertAccessible(page);
  // the error summary's link takes the keyboard to the captions field
  await page.locator('.error-summary a').first().focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-vtt');
});
