// evaluation.test.mjs: the evaluation report. An evaluator writes the report through the editor's labelled fields
// (an unknown figure comes back beside its field); axe finds nothing on the editor, its forms and confirmation, the
// draft and the published /arviointi; printed (print media) the report fits the width of an A4 page without the
// navigation. The screenshots are written to $SHOTS (default: a temp dir, printed) for looking at by eye.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KEHTO, serveForFile, assertAccessible, login } from './lib.mjs';

const shots = process.env.SHOTS || mkdtempSync(path.join(tmpdir(), 'kehto-evaluation-'));
mkdirSync(shots, { recursive: true });

const s = serveForFile({
  setup: async ({ page, k }) => {
    // the demo's own report (published) goes: the test writes one from nothing
    execFileSync('sqlite3', [k.db, 'DELETE FROM evaluation_item; DELETE FROM evaluation;']);
    execFileSync(KEHTO, ['user', 'add', 'eval@example.fi', '--role', 'evaluator', '--db', k.db],
      { input: 'vihrea-kettu-93-Rq\n' });
    await login(page, k.base, 'eval@example.fi');
  },
});

test('the editor passes axe, and an unknown figure comes back beside its field with the text kept', async () => {
  const { page, k } = s;
  await page.goto(k.base + '/hallinta/arviointi');
  await assertAccessible(page);
  await page.getByLabel(/^Otsikko \(suomeksi\)/).fill('Kunteko 2020 -ohjelman arviointi');
  await page.getByLabel(/^Johdantoteksti \(suomeksi\)/).fill('Ohjelma tavoitti {{stats.organisations}} organisaatiota ja {{stats.nope}}.');
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await page.waitForSelector('.error-summary');
  const intro = page.getByLabel(/^Johdantoteksti \(suomeksi\)/);
  assert.equal(await intro.getAttribute('aria-invalid'), 'true');
  assert.match(await intro.inputValue(), /\{\{stats\.nope\}\}/);
  assert.match(await page.locator('#e-intro').innerText(), /tuntematon luku \{\{stats\.nope\}\}/);
  await assertAccessible(page);
  await intro.fill('Ohjelma tavoitti {{stats.organisations}} organisaatiota ja {{stats.participants}} ESR-osallistujaa.');
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await page.waitForSelector('.notice[role=status]');
});

test('findings and recommendations are added through the form, which passes axe', async () => {
  const { page, k } = s;
  const items = [
    ['Lisää havainto', 'Sparraus käynnisti kehittämistä', 'Yli kolme neljästä vastaajasta näki myönteisen vaikutuksen. Tekoja julkaistiin {{stats.deeds}}.'],
    ['Lisää havainto', 'Verkostot levittivät oppeja', 'Verkostoissa oli **paljon** osallistujia: {{stats.participations}} osallistumista.'],
    ['Lisää suositus', 'Sitouttakaa johto ja henkilöstö', '- Johto mukaan alusta\n- Henkilöstön edustajat mukaan'],
  ];
  for (const [link, title, body] of items) {
    await page.goto(k.base + '/hallinta/arviointi');
    await page.getByRole('link', { name: link }).click();
    await page.waitForSelector('form.form');
    await assertAccessible(page);
    await page.getByLabel(/^Otsikko \(suomeksi\)/).fill(title);
    await page.getByLabel(/^Teksti \(suomeksi\)/).fill(body);
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.waitForSelector('.notice[role=status]');
  }
  await assertAccessible(page); // the editor with both lists, the move and delete controls
  await page.getByRole('link', { name: /^Poista\W*Verkostot/ }).click();
  await page.waitForSelector('form.confirm');
  await assertAccessible(page);
});

test('the draft passes axe with its banner', async () => {
  const { page, k } = s;
  await page.goto(k.base + '/arviointi');
  assert.equal(await page.locator('.notice.draft').count(), 1);
  await assertAccessible(page);
});

test('published, /arviointi passes axe for the public, in Finnish and Swedish', async () => {
  const { page, k, browser } = s;
  await page.goto(k.base + '/hallinta/arviointi/julkaise');
  await assertAccessible(page);
  await page.getByRole('button', { name: 'Julkaise' }).click();
  await page.waitForSelector('.notice[role=status]');
  const anon = await (await browser.newContext()).newPage();
  for (const p of ['/arviointi', '/sv/arviointi']) {
    const res = await anon.goto(k.base + p);
    assert.equal(res.status(), 200);
    await assertAccessible(anon);
  }
  assert.equal(await anon.locator('h1').innerText(), 'Kunteko 2020 -ohjelman arviointi');
});

test('printed, the report fits an A4 page width without the navigation (screenshot)', async () => {
  const { browser, k } = s;
  // A4 is 210 mm wide; less the 16 mm margins of @page, 178 mm of text: 673 CSS pixels at 96 per inch
  const width = Math.floor((178 / 25.4) * 96);
  const page = await (await browser.newContext({ viewport: { width, height: 1100 } })).newPage();
  await page.goto(k.base + '/arviointi');
  await page.emulateMedia({ media: 'print' });
  const m = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    header: getComputedStyle(document.querySelector('header.site')).display,
    footer: getComputedStyle(document.querySelector('footer.site')).display,
    sections: [...document.querySelectorAll('.report-section')].map((e) => getComputedStyle(e).breakBefore),
    widest: Math.max(...[...document.querySelectorAll('main *')].map((e) => e.getBoundingClientRect().right)),
  }));
  const file = path.join(shots, 'arviointi-print.png');
  await page.screenshot({ path: file, fullPage: true });
  console.log(`# print screenshot: ${file}`);
  assert.ok(m.scroll <= width, `page is ${m.scroll}px wide in print, more than ${width}`);
  assert.ok(m.widest <= width + 1, `content reaches ${m.widest}px`);
  assert.equal(m.header, 'none');
  assert.equal(m.footer, 'none');
  assert.ok(m.sections.length >= 3 && m.sections.every((b) => b === 'page'), `page breaks: ${m.sections}`);
  // the PDF the browser makes of it: A4 pages, each section starting a new one
  const pdf = await page.pdf({ path: path.join(shots, 'arviointi.pdf'), format: 'A4', preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) || []).length;
  assert.ok(pages >= m.sections.length + 1, `${pages} A4 pages for ${m.sections.length} sections after the title`);
  await page.emulateMedia({ media: 'screen' });
  await page.screenshot({ path: path.join(shots, 'arviointi-screen.png'), fullPage: true });
  await s.page.goto(k.base + '/hallinta/arviointi');
  await s.page.screenshot({ path: path.join(shots, 'hallinta-arviointi.png'), fullPage: true });
});
