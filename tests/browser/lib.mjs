// lib.mjs: starts a real `kehto serve` on a temp database and a free port, and launches Debian chromium.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const here = path.dirname(fileURLToPath(import.meta.url));
export const KEHTO = process.env.KEHTO || path.join(here, '..', '..', 'kehto');

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
  execFileSync(KEHTO, ['init', '--db', db]);
  if (demo) execFileSync(KEHTO, ['demo', '--db', db]);
  execFileSync(KEHTO, ['user', 'add', 'staff@example.fi', '--role', 'staff', '--db', db], { input: 'staffpassword1\n' });
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

// Runs axe (WCAG 2.0/2.1 A and AA) on the page and returns the violations, summarised for a readable failure.
export async function axeViolations(page) {
  const res = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return res.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

export async function login(page, base, email = 'staff@example.fi', password = 'staffpassword1') {
  await page.goto(base + '/kirjaudu');
  await page.getByLabel('Sähköposti').fill(email);
  await page.getByLabel('Salasana').fill(password);
  await page.getByRole('button', { name: 'Kirjaudu' }).click();
  await page.waitForURL(base + '/');
}
