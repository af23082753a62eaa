// news.test.mjs: the news pages by keyboard and through axe. A visitor reads /uutiset and opens an item with the
// keyboard alone; staff write an item in the editor through labelled fields: a file that is not an image comes back
// beside its field with the text kept, then an image with its alt text is published. axe finds nothing on the list,
// an item, the staff list, the editor and its errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { serveForFile, assertAccessible, login } from './lib.mjs';

const s = serveForFile({ demo: true, setup: async ({ page, k }) => { await login(page, k.base); } });

// A 2×2 PNG made with zlib.
function png() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(2, 0); ihdr.writeUInt32BE(2, 4); ihdr[8] = 8; ihdr[9] = 2;
  const raw = Buffer.from([0, 255, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// Presses Tab until the element matching selector has focus (at most 80 times); fails otherwise.
async function tabTo(page, selector) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel), selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

test('a visitor reads the news with the keyboard; axe on the list and an item', async () => {
  const { browser, k } = s;
  const page = await (await browser.newContext()).newPage();
  await page.goto(k.base + '/uutiset');
  await assertAccessible(page);
  await tabTo(page, 'main a[href^="/uutiset/"]');
  const title = await page.evaluate(() => document.activeElement.textContent);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('h1').innerText(), title);
  assert.ok(await page.locator('img.news-image').getAttribute('alt'));
  await assertAccessible(page);
  await page.goto(k.base + '/sv/uutiset');
  await assertAccessible(page);
  await page.close();
});

test('staff write an item: errors beside their fields, then published; axe on each page', async () => {
  const { page, k } = s;
  await page.goto(k.base + '/hallinta/uutiset');
  await assertAccessible(page);
  await page.getByRole('link', { name: 'Uusi uutinen' }).click();
  await assertAccessible(page);
  await page.getByLabel(/^Otsikko \(suomeksi\)/).fill('Syysseminaari Tampereella');
  await page.getByLabel(/^Teksti \(suomeksi\)/).fill('Tervetuloa **seminaariin**.');
  await page.getByLabel(/^Kuvan vaihtoehtoinen teksti \(suomeksi\)/).fill('Tampereen kartta');
  await page.getByLabel(/^Kuvatiedosto/).setInputFiles({ name: 'kartta.png', mimeType: 'image/png',
    buffer: Buffer.from('ei kuva') });
  await page.getByLabel('Julkaise heti').check();
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await page.waitForSelector('.error-summary');
  assert.equal(await page.getByLabel(/^Kuvatiedosto/).getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#e-image').innerText(), /PNG-, JPEG-, WebP- tai GIF-kuva/);
  assert.equal(await page.getByLabel(/^Otsikko \(suomeksi\)/).inputValue(), 'Syysseminaari Tampereella');
  assert.equal(await page.getByLabel('Julkaise heti').isChecked(), true);
  await assertAccessible(page);
  // the error summary's link takes the keyboard to the field
  await page.locator('.error-summary a').first().focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-image');
  await page.getByLabel(/^Kuvatiedosto/).setInputFiles({ name: 'kartta.png', mimeType: 'image/png', buffer: png() });
  // the publish choice by keyboard: focus the radio group and pick with the arrow keys
  await page.getByLabel('Julkaise heti').focus();
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.getByLabel('Luonnos: ei vielä julkaista').isChecked(), true);
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getByLabel('Julkaise heti').isChecked(), true);
  await page.getByRole('button', { name: 'Tallenna' }).focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await page.waitForSelector('.notice[role=status]');
  await assertAccessible(page);
  await page.getByRole('link', { name: 'Syysseminaari Tampereella', exact: true }).click();
  await assertAccessible(page);
  assert.equal(await page.locator('.news-thumb').count(), 1);
});
