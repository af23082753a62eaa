// stats_mobile.test.mjs: the statistics page readable on a phone and whole on a desktop. At 390×844 every chart
// text as drawn (its font size times the scale its SVG is drawn at) is at least 12 px, the page is no wider than the
// screen (tables scroll inside their focusable, named regions); at 1280×900 no table column is cut off; every
// table's first column has a real header; axe finds nothing at either width, for the public and for staff.
// Screenshots go to /tmp/kehto-stats-*.png for a person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveForFile, assertAccessible, login } from './lib.mjs';

const s = serveForFile({ demo: true });
const PAGES = ['/tilastot', '/tilastot?kausi=1', '/sv/tilastot', '/en/tilastot'];

// The drawn size of every visible SVG text: font size × the SVG's scale on screen.
const chartTexts = (page) => page.evaluate(() => [...document.querySelectorAll('svg.chart text')]
  .filter((t) => t.getBoundingClientRect().width > 0)
  .map((t) => ({
    text: t.textContent.slice(0, 40),
    px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
  })));

// Every table: its scrolling region (focusable, named), its first header cell and whether any cell is cut off.
const tables = (page) => page.evaluate(() => [...document.querySelectorAll('main table')].map((t) => {
  const region = t.closest('.table-scroll');
  const box = region ? region.getBoundingClientRect() : null;
  const cells = [...t.querySelectorAll('th, td')];
  const first = t.querySelector('thead th');
  return {
    caption: t.caption ? t.caption.textContent : '',
    region: !!region,
    focusable: region ? region.getAttribute('tabindex') === '0' : false,
    named: region ? !!region.getAttribute('aria-label') : false,
    overflow: region ? getComputedStyle(region).overflowX : '',
    scrolls: region ? region.scrollWidth > region.clientWidth : false,
    cut: box ? cells.filter((c) => c.getBoundingClientRect().right > box.right + 0.5).length : 0,
    firstHead: first ? first.textContent : '',
    firstScope: first ? first.getAttribute('scope') : '',
    rowScopes: [...t.querySelectorAll('tbody th')].every((th) => th.getAttribute('scope') === 'row'),
  };
}));

async function checkPage(page, url, width, who) {
  await page.goto(s.k.base + url);
  const texts = await chartTexts(page);
  assert.ok(texts.length > 50, `${url}: chart texts measured (${texts.length})`);
  const small = texts.filter((t) => t.px < 12 - 1e-6);
  assert.deepEqual(small, [], `${url} at ${width} px: chart text under 12 px`);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= width, `${url} at ${width} px: the page is ${wide} px wide`);
  const t = await tables(page);
  assert.ok(t.length >= 11, `${url}: tables found`);
  for (const x of t) {
    assert.ok(x.region && x.focusable && x.named && x.overflow === 'auto', `${url}: ${x.caption} scrolls in a named, focusable region`);
    assert.ok(x.firstHead && !/^(Luokka|Klass|Class)$/.test(x.firstHead), `${url}: ${x.caption} first header "${x.firstHead}"`);
    assert.equal(x.firstScope, 'col', `${url}: ${x.caption} header scope`);
    assert.ok(x.rowScopes, `${url}: ${x.caption} row headers have scope=row`);
    if (width >= 1280) assert.ok(!x.scrolls && x.cut === 0, `${url} at ${width}: ${x.caption} has a column cut off`);
  }
  await assertAccessible(page);
  const name = url.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
  await page.screenshot({ path: `/tmp/kehto-stats-${who}-${name}-${width}.png`, fullPage: width < 1000 });
  return texts;
}

test('at 390 px chart text is at least 12 px, tables scroll in their box, axe finds nothing', async () => {
  await s.page.setViewportSize({ width: 390, height: 844 });
  for (const url of PAGES) await checkPage(s.page, url, 390, 'public');
  // a phone shows the regions as bars; the map's text would be too small there
  assert.equal(await s.page.locator('.map-wide').isVisible(), false);
  assert.equal(await s.page.locator('.map-narrow svg').isVisible(), true);
  // a table's region is reached by the keyboard
  await s.page.goto(s.k.base + '/tilastot');
  await s.page.locator('.table-scroll').first().focus();
  assert.equal(await s.page.evaluate(() => document.activeElement.classList.contains('table-scroll')), true);
});

test('at 1280 px no column is cut off and the map is drawn at full size; staff too', async () => {
  await s.page.setViewportSize({ width: 1280, height: 900 });
  for (const url of PAGES) await checkPage(s.page, url, 1280, 'public');
  assert.equal(await s.page.locator('.map-wide svg').isVisible(), true);
  await login(s.page, s.k.base);
  await checkPage(s.page, '/tilastot', 1280, 'staff');
  await s.page.setViewportSize({ width: 390, height: 844 });
  await checkPage(s.page, '/tilastot', 390, 'staff');
});
