// survey.test.mjs: a survey answered by keyboard only through a personal link (Tab into each question, arrows and
// Space in radio groups, Space on a checkbox, typing in the number and text boxes, Enter on Lähetä; a conditional
// question appears when its condition is met), with a draft
// saved and resumed, an error shown beside its question; axe finds nothing on the survey page empty, with errors and
// resumed, nor on the thank-you page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { serveForFile, assertAccessible, KEHTO } from './lib.mjs';

const DEF = JSON.stringify({
  key: 'sparraus-alku', series: 'sparraus', phase: 'before', title: { fi: 'Sparrauksen alkukysely' },
  intro: { fi: 'Kiitos, että vastaat.' },
  questions: [
    { type: 'section', title: { fi: 'Taustaa' } },
    { key: 'q1', type: 'likert5', text: { fi: 'Kehittämistyö on meillä suunnitelmallista.' }, required: true },
    { key: 'q2', type: 'single', text: { fi: 'Mikä on tehtäväsi?' }, other: true,
      options: [{ key: 'a', text: { fi: 'Johto' } }, { key: 'b', text: { fi: 'Työntekijä' } }] },
    { key: 'q3', type: 'matrix', scale: 'likert5', text: { fi: 'Arvioi väittämät.' }, required: true,
      rows: [{ key: 'r1', text: { fi: 'Aloittaminen' } }, { key: 'r2', text: { fi: 'Jatkaminen' } }] },
    { key: 'q4', type: 'multiple', text: { fi: 'Mitä menetelmiä käytitte?' }, show_if: { q1: [4, 5] },
      options: [{ key: 'a', text: { fi: 'Työpaja' } }, { key: 'b', text: { fi: 'Kysely' } }] },
    { type: 'section', title: { fi: 'Lopuksi' } },
    { key: 'q5', type: 'scale10', text: { fi: 'Kuinka todennäköisesti suosittelisit?' } },
    { key: 'q6', type: 'number', text: { fi: 'Montako henkeä työyhteisössänne on?' }, min: 0, max: 100 },
    { key: 'q7', type: 'text', text: { fi: 'Mitä muuta haluat sanoa?' } },
  ],
});

let link;
const s = serveForFile({
  demo: false,
  setup: async (st) => {
    execFileSync('sqlite3', [st.k.db, `
      INSERT INTO funding_period(id,name,start_year,end_year) VALUES(1,'Kausi',2018,2020);
      INSERT INTO service(id,type_code,name,period_id,counts) VALUES(1,'sparraus','Sparraus A',1,'participant');
      INSERT INTO delivery(id,ref,service_id,starts_on,ends_on) VALUES(1,'SP-1',1,'2019-03-01','2019-03-10');
      INSERT INTO person(email,name) VALUES('anna@example.fi','Anna Aalto');
      INSERT INTO participation(person_id,delivery_id,role) VALUES(1,1,'johto');`]);
    const file = path.join(path.dirname(st.k.db), 'survey.json');
    writeFileSync(file, DEF);
    assert.equal(execFileSync(KEHTO, ['survey', 'import', file, '--db', st.k.db]).toString().trim(), '1');
    const out = execFileSync(KEHTO, ['survey', 'invite', '1', '--delivery', 'SP-1', '--print-links', '--db', st.k.db],
      { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    link = new URL(out.trim().split('\t')[1]).pathname;
  },
});

const active = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return { tag: e.tagName, name: e.getAttribute('name') || '', value: e.value || '', text: e.textContent.trim() };
});

// Presses Tab until the focused element satisfies ok (at most 300 times).
async function tabTo(page, ok) {
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    if (ok(await active(page))) return;
  }
  assert.fail('Tab never reached the element');
}

const checked = (page, name) => page.evaluate((n) =>
  [...document.querySelectorAll(`input[name="${n}"]:checked`)].map((e) => e.value).join(','), name);

test('the survey page passes axe', async () => {
  await s.page.goto(s.k.base + link);
  assert.equal(await s.page.locator('h1').textContent(), 'Sparrauksen alkukysely');
  await assertAccessible(s.page);
});

test('sending it empty by keyboard shows the errors beside the questions, and passes axe', async () => {
  await s.page.goto(s.k.base + link);
  await tabTo(s.page, (a) => a.tag === 'BUTTON' && a.text === 'Lähetä');
  await s.page.keyboard.press('Enter');
  await s.page.waitForSelector('.error-summary');
  assert.equal(await s.page.locator('#sqe-q1').textContent(), 'Vastaa tähän kysymykseen: se on pakollinen.');
  assert.equal(await s.page.locator('#sqe-q3').textContent(), 'Vastaa tähän kysymykseen: se on pakollinen.');
  // the summary's link leads to the question's first point (the matrix: its first row's), which exists and is shown
  await tabTo(s.page, (a) => a.tag === 'A' && a.text === 'Arvioi väittämät.: Vastaa tähän kysymykseen: se on pakollinen.');
  await s.page.keyboard.press('Enter');
  await s.page.waitForFunction(() => location.hash === '#sq-q3.r1-1');
  assert.equal(await s.page.locator('[id="sq-q3.r1-1"]').isVisible(), true);
  assert.equal(await s.page.locator('[id="sq-q3.r1-1"]').getAttribute('name'), 'q3.r1');
  assert.equal(await s.page.evaluate(() => {
    const r = document.getElementById('sq-q3.r1-1').getBoundingClientRect();
    return r.top > -1 && r.bottom <= window.innerHeight; // scrolled to the top edge (less a fraction of a pixel)
  }), true, 'the link scrolls the point into view');
  await assertAccessible(s.page);
});

test('answered by keyboard only: a draft saved and resumed, then sent', async () => {
  const p = s.page;
  await p.goto(s.k.base + link);
  assert.equal(await p.locator('#sq-q4').isHidden(), true, 'q4 waits for its condition (q1 is 4 or 5)');
  await tabTo(p, (a) => a.name === 'q1');
  await p.keyboard.press('Space');
  assert.equal(await p.locator('#sq-q4').isHidden(), true, 'q1 = 1 does not show q4');
  for (let i = 0; i < 3; i++) await p.keyboard.press('ArrowRight');
  assert.equal(await checked(p, 'q1'), '4');
  assert.equal(await p.locator('#sq-q4').isVisible(), true, 'q1 = 4 shows q4');
  await tabTo(p, (a) => a.name === 'q2');
  await p.keyboard.press('Space');
  await tabTo(p, (a) => a.tag === 'BUTTON' && a.text === 'Tallenna ja jatka myöhemmin');
  await p.keyboard.press('Enter');
  await p.waitForSelector('.notice');
  assert.match(await p.locator('.notice').textContent(), /Jatkat keskeneräistä vastaustasi/);
  assert.equal(await checked(p, 'q1'), '4');
  assert.equal(await checked(p, 'q2'), 'a');
  await assertAccessible(p);

  await tabTo(p, (a) => a.name === 'q3.r1');
  await p.keyboard.press('Space');
  await p.keyboard.press('ArrowRight');
  await tabTo(p, (a) => a.name === 'q3.r2');
  await p.keyboard.press('Space');
  await tabTo(p, (a) => a.name === 'q4' && a.value === 'b');
  await p.keyboard.press('Space');
  await tabTo(p, (a) => a.name === 'q5');
  await p.keyboard.press('Space');
  await p.keyboard.press('ArrowLeft'); // from 0 round to 10
  await tabTo(p, (a) => a.name === 'q6');
  await p.keyboard.type('12');
  await tabTo(p, (a) => a.name === 'q7');
  await p.keyboard.type('Näppäimistöllä vastattu.');
  assert.equal(await checked(p, 'q3.r1'), '2');
  assert.equal(await checked(p, 'q4'), 'b');
  await tabTo(p, (a) => a.tag === 'BUTTON' && a.text === 'Lähetä');
  await p.keyboard.press('Enter');
  await p.waitForSelector('h1:text("Kiitos vastauksestasi")');
  await assertAccessible(p);
  const rows = execFileSync('sqlite3', [s.k.db,
    "SELECT question||'|'||item||'|'||coalesce(num,'')||'|'||coalesce(text,'') FROM survey_answer ORDER BY 1"])
    .toString().trim().split('\n');
  assert.deepEqual(rows, ['q1||4.0|', 'q2|||a', 'q3|r1|2.0|', 'q3|r2|1.0|', 'q4|b|1.0|', 'q5||10.0|', 'q6||12.0|',
    'q7|||Näppäimistöllä vastattu.']);
  await p.goto(s.k.base + link);
  assert.equal(await p.locator('h1').textContent(), 'Olet jo vastannut');
});
