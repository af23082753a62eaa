// awards_public.test.mjs: the published awards pass axe (WCAG 2.1 AA and best practices) with no duplicate ids:
// /palkinnot, /palkinnot/2019 (in Finnish and Swedish, where untranslated texts are marked lang="fi"), a winning
// deed's page with its award, and /tekot with the "Palkittu" facet, also on a phone's width without sideways
// scrolling; the year's category links and the facet work from the keyboard. The round is the demo's 2019 round when
// the demo has one; otherwise it is made here with SQL and published with `kehto award publish`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serveForFile, assertAccessible, KEHTO } from './lib.mjs';

// A 2019 round: five categories, the demo's first 30 published deeds nominated, 20 of them decided (every fourth a
// mention) with a citation (Swedish on every other one).
const ROUND = `
INSERT INTO award_round(id, year, intro, intro_sv, created_at, updated_at) VALUES(1, 2019,
  'Vuoden 2019 palkinnoilla nostettiin esiin kunta-alan parhaita tekoja.', 'År 2019 lyftes de bästa gärningarna fram.',
  '2019-01-01T00:00:00Z', '2019-01-01T00:00:00Z');
INSERT INTO award_category(id, round_id, position, name, name_sv, name_en, description) VALUES
  (10, 1, 1, 'Viestintäteko', 'Kommunikationsdåd', 'Communication deed', 'Viestintää, joka tavoitti työyhteisön.'),
  (11, 1, 2, 'Teknologiateko', 'Teknologidåd', '', ''), (12, 1, 3, 'Ympäristöteko', '', '', ''),
  (13, 1, 4, 'Tasa-arvoteko', '', '', ''), (14, 1, 5, 'Kunniamaininta', 'Hedersomnämnande', '', '');
INSERT INTO award_nomination(round_id, category_id, deed_id, status, result, citation, citation_sv, created_at)
  SELECT 1, 10 + (k % 5), id, 'nominated',
    CASE WHEN k >= 20 THEN NULL WHEN k % 4 = 3 OR k % 5 = 4 THEN 'mention' ELSE 'award' END,
    CASE WHEN k >= 20 THEN '' ELSE 'Teko näytti, miten pienillä muutoksilla saadaan paljon aikaan.' END,
    CASE WHEN k < 20 AND k % 2 = 1 THEN 'Gärningen visade vägen.' ELSE '' END, '2019-05-01T00:00:00Z'
  FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM deed WHERE status = 'published') t WHERE k < 30;
`;

const sql = (db, q) => execFileSync('sqlite3', [db, q]).toString().trim();

const s = serveForFile({
  demo: true,
  setup: async (x) => {
    if (sql(x.k.db, 'SELECT count(*) FROM award_round WHERE year = 2019') === '0') {
      execFileSync('sqlite3', ['-bail', x.k.db], { input: ROUND });
      execFileSync(KEHTO, ['award', 'publish', '2019', '--db', x.k.db]);
    }
    x.winner = Number(sql(x.k.db, "SELECT n.deed_id FROM award_nomination n JOIN award_round r ON r.id = n.round_id " +
      "WHERE r.year = 2019 AND n.result = 'award' ORDER BY n.deed_id LIMIT 1"));
    x.equality = Number(sql(x.k.db, "SELECT c.id FROM award_category c JOIN award_round r ON r.id = c.round_id " +
      "WHERE r.year = 2019 AND c.name = 'Tasa-arvoteko'"));
    x.awarded = Number(sql(x.k.db, "SELECT count(DISTINCT n.deed_id) FROM award_nomination n JOIN award_round r " +
      "ON r.id = n.round_id JOIN deed d ON d.id = n.deed_id WHERE r.published_at IS NOT NULL AND " +
      "n.status = 'nominated' AND n.result IS NOT NULL AND d.status = 'published'"));
  },
});

async function check(url) {
  const r = await s.page.goto(s.k.base + url);
  assert.equal(r.status(), 200, url);
  await assertAccessible(s.page);
}

test('/palkinnot and the year page pass axe, in Finnish and Swedish', async () => {
  await check('/palkinnot');
  assert.equal(await s.page.getByRole('link', { name: 'Palkitut teot 2019' }).count(), 1);
  await check('/palkinnot/2019');
  assert.equal(await s.page.getByRole('heading', { level: 1 }).textContent(), 'Palkitut teot 2019');
  assert.ok(await s.page.locator('section.award-category').count() >= 4);
  await check('/sv/palkinnot/2019');
  assert.equal(await s.page.getByRole('heading', { level: 1 }).textContent(), 'Prisbelönta gärningar 2019');
  await check('/en/palkinnot');
});

test('the year page: a category link works from the keyboard', async () => {
  await s.page.goto(s.k.base + '/palkinnot/2019');
  const link = s.page.locator('nav.award-toc a', { hasText: 'Tasa-arvoteko' });
  await link.focus();
  await s.page.keyboard.press('Enter');
  await s.page.waitForURL(new RegExp(`#sarja-${s.equality}$`));
  assert.ok(await s.page.locator(`#sarja-${s.equality}`).isVisible());
});

test('a winning deed shows its award and passes axe', async () => {
  await check(`/tekot/${s.winner}`);
  const box = s.page.locator('section.award-box');
  assert.equal(await box.getByRole('heading', { name: 'Palkittu teko' }).count(), 1);
  assert.match(await box.textContent(), /Palkinto 2019/);
  await check(`/sv/tekot/${s.winner}`);
});

test('/tekot with the Palkittu facet passes axe; the facet filters from the keyboard', async () => {
  await check('/tekot');
  const facet = s.page.getByRole('link', { name: 'Palkitut teot' }).last(); // the main menu has one too
  assert.equal(await facet.getAttribute('href'), '/tekot?awarded=1');
  await facet.focus();
  await s.page.keyboard.press('Enter');
  await s.page.waitForURL(/awarded=1/);
  assert.equal(await s.page.locator('#results-h').textContent(), `Tekoja: ${s.awarded}`);
  await assertAccessible(s.page);
});

test('on a phone the pages do not scroll sideways', async () => {
  const ctx = await s.browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await ctx.newPage();
  for (const url of ['/palkinnot/2019', `/tekot/${s.winner}`, '/tekot?awarded=1']) {
    await page.goto(s.k.base + url);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(wide, false, url);
  }
  await ctx.close();
});
