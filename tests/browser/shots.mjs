// shots.mjs: screenshots of the main pages at desktop and phone width, for looking at the layout by eye.
// Usage: node shots.mjs [OUTDIR] (default: a temp dir, printed). Not a test; screenshots are not committed.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startKehto, launch, login, postDeed, sampleDeed } from './lib.mjs';

const out = process.argv[2] || mkdtempSync(path.join(tmpdir(), 'kehto-shots-'));
mkdirSync(out, { recursive: true });
const k = await startKehto({ demo: true });
const browser = await launch();
try {
  for (const [w, h] of [[1280, 900], [390, 844]]) {
    const page = await (await browser.newContext({ viewport: { width: w, height: h } })).newPage();
    // Tall pages are cut into screen-high pieces (name-WIDTH-N.png) so each stays readable when viewed.
    const shot = async (name) => {
      const { sw, sh } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, sh: document.documentElement.scrollHeight }));
      if (sw > w) console.log(`${name} at ${w}px: page is ${sw}px wide (horizontal scroll)`);
      for (let y = 0, i = 1; y < sh && i <= 6; y += h, i++)
        await page.screenshot({ path: path.join(out, `${name}-${w}-${i}.png`), fullPage: true,
          clip: { x: 0, y, width: sw, height: Math.min(h, sh - y) } });
    };
    for (const [name, url] of [['front', '/'], ['search', '/tekot?q=kunta'], ['deed', '/tekot/1'], ['login', '/kirjaudu'],
      ['services', '/palvelut'], ['service', '/palvelut/1'], ['coaches', '/valmentajat'], ['stats', '/tilastot']]) {
      await page.goto(k.base + url);
      await shot(name);
    }
    await page.goto(k.base + '/tekot/uusi');
    await page.getByRole('button', { name: 'Lähetä teko' }).click();
    await page.waitForSelector('.error-summary');
    await shot('form-errors');
    await postDeed(page, k.base, sampleDeed(`Jonossa odottava teko, jolla on pitkähkö otsikko (${w})`));
    await login(page, k.base);
    for (const [name, url] of [['queue', '/hallinta/tekot'], ['orgs', '/hallinta/organisaatiot'],
      ['programme', '/hallinta/ohjelma'], ['edit', '/hallinta/tekot/1/muokkaa'], ['apply', '/hakemukset/uusi'],
      ['applications', '/hakemukset'], ['deliveries', '/hallinta/toteutukset'], ['delivery', '/hallinta/toteutukset/1'],
      ['participants', '/hallinta/toteutukset/1/osallistujat'], ['people', '/hallinta/henkilot'],
      ['person', '/hallinta/henkilot/1'], ['log', '/hallinta/loki'], ['targets', '/hallinta/tavoitteet'],
      ['staff-stats', '/tilastot']]) {
      await page.goto(k.base + url);
      await shot(name);
    }
  }
} finally {
  await browser.close();
  k.stop();
}
console.log(out);
