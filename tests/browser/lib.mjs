// lib.mjs: starts a real `kehto serve` on a temp database and a free port, and launches Debian chromium.
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const KEHTO = process.env.KEHTO || path.join(here, '..', '..', 'kehto');
// passwords hashed at argon2id's least cost (src/model/user.c), for kehto and everything it starts
process.env.KEHTO_TEST_CHEAP_HASH = '1';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
    s.on('error', reject);
  });
}

// Creates a database (init, optional demo, a staff account) and serves it. Returns {base, db, stop}.
export async function startKehto({ demo = false } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kehto-browser-'));
  const db = path.join(dir, 'test.db');
  if (demo && process.env.KEHTO_BROWSER_DEMO) {
    copyFileSync(process.env.KEHTO_BROWSER_DEMO, db); // tests/browser/run makes the demo once for the run
  } else {
    execFileSync(KEHTO, ['init', '--db', db]);
    if (demo) execFileSync(KEHTO, ['demo', '--db', db]);
  }
  execFileSync(KEHTO, ['user', 'add', 'staff@example.fi', '--role', 'staff', '--db', db], { input: 'vihrea-kettu-93-Rq\n' });
  const port = await freePort();
  const proc = spawn(KEHTO, ['serve', '--db', db, '--port', String(port), '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  proc.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { const r = await fetch(base + '/'); if (r.ok) break; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base, db, log: () => log,
    stop: () => { proc.kill('SIGTERM'); rmSync(dir, { recursive: true, force: true }); },
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run',
      '--disable-component-update', '--disable-sync'],
  });
}

// axe-core as pinned by @axe-core/playwright (resolved from there, so the lock file decides its version).
const requireAxe = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
const axeSource = readFileSync(requireAxe.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

// Runs axe (WCAG 2.0/2.1 A and AA, plus axe's best practices: landmarks, heading order, unique landmark names) on the
// page and returns the violations, summarised for a readable failure. This is what AxeBuilder.analyze() does in its
// legacy mode (our pages have no frames), minus its second injection of axe and the passing results we never read:
// a third of the time, which keeps the suite fast.
export async function axeViolations(page) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
  }).then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))),
  AXE_TAGS);
  return violations.map((v) => `${v.id}: ${v.help} (${v.targets.slice(0, 3).join(', ')})`);
}

export async function login(page, base, email = 'staff@example.fi', password = 'vihrea-kettu-93-Rq') {
  await page.goto(base + '/kirjaudu');
  await page.getByLabel('Sähköposti').fill(email);
  await page.getByLabel('Salasana').fill(password);
  await page.getByRole('button', { name: 'Kirjaudu' }).click();
  await page.waitForURL(base + '/');
}

// Ids that occur more than once on the page (a label or aria reference to a duplicate id may point at the wrong element).
export async function duplicateIds(page) {
  return page.evaluate(() => {
    const seen = new Map();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) || 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
}

// Fills the public deed form (/tekot/uusi) through its visible labels and sends it. `d` holds the texts; the page
// is left on whatever the server answered (the thank-you page on success).
export async function postDeed(page, base, d) {
  await page.goto(base + '/tekot/uusi');
  await page.getByLabel(/^Otsikko/).fill(d.title);
  await page.getByLabel(/^Organisaatio/).fill(d.organisation);
  await page.getByLabel(/^Toimiala/).selectOption({ label: d.sector });
  await page.getByLabel(/^Kunta/).selectOption({ label: d.municipality });
  await page.getByLabel(/^Ohjelman palvelu/).selectOption({ label: d.service });
  await page.getByLabel(/^Vuosi/).fill(String(d.year));
  await page.getByLabel(/^Teemat/).fill(d.themes);
  await page.getByLabel(/^Tiivistelmä/).fill(d.summary);
  await page.getByLabel(/^Lähtötilanne/).fill(d.startingPoint);
  await page.getByLabel(/^Tavoite/).fill(d.goal);
  await page.getByLabel(/^Mitä tehtiin/).fill(d.actions);
  for (const who of d.participants) await page.getByLabel(who, { exact: true }).check();
  await page.getByLabel(/^Tulokset/).fill(d.results);
  await page.getByLabel(/^Nimi/).fill(d.contactName);
  await page.getByLabel(/^Sähköposti/).fill(d.contactEmail);
  await page.getByRole('button', { name: 'Lähetä teko' }).click();
  await page.waitForLoadState();
}

// A deed to post in tests: real Finnish, with a word the demo data does not use ("tuntureilla", lemma "tunturi").
export function sampleDeed(title = 'Etätyöpäivät tuntureilla paransivat jaksamista') {
  return {
    title, organisation: 'Testilän kunta', sector: 'Sosiaali- ja terveysala', municipality: 'Inari',
    service: 'Sparraus', year: 2019, themes: 'työhyvinvointi, etätyö',
    summary: 'Kotihoidon tiimit kokeilivat etätyöpäiviä.',
    startingPoint: 'Työntekijät ajoivat pitkiä matkoja toimistolle joka aamu.',
    goal: 'Vähentää ajamista ja parantaa jaksamista.',
    actions: 'Sovimme kaksi etätyöpäivää viikossa ja yhteisen aamupalaverin verkossa.',
    participants: ['Johto', 'Henkilöstö'],
    results: 'Ajokilometrit vähenivät kolmanneksella, ja väki jaksoi paremmin tuntureilla asuessaan.',
    contactName: 'Testi Yhteyshenkilö', contactEmail: 'yhteys.testi@example.fi',
  };
}

// One server and one browser for a whole test file: registers before/after hooks and returns an object whose k
// (from startKehto), browser and page (in its own context) are set once the hooks have run. setup(s), when given,
// runs after them in the same hook (node does not promise the order of two root hooks).
export function serveForFile({ demo = true, setup } = {}) {
  const s = {};
  before(async () => {
    s.k = await startKehto({ demo });
    s.browser = await launch();
    s.page = await (await s.browser.newContext()).newPage();
    if (setup) await setup(s);
  });
  after(async () => { await s.browser?.close(); s.k?.stop(); });
  return s;
}

// Fails with the list of problems when axe finds violations or an id is used twice.
export async function assertAccessible(page) {
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await duplicateIds(page), [], 'duplicate ids');
}
