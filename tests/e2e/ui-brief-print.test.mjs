// The leaders' brief (简报) printed to PDF from the web view, as an office does it: 打印/导出PDF
// opens the system's print dialog (the shell's `print_page`: WebKitGTK ignores the page's own
// `window.print()` in a session driven by WebDriver, and the native route is the one that
// works on every system) (GTK's, under Xvfb with no printer but 打印到文件), Enter
// prints, and a PDF of the brief lands in the file the dialog proposes. The dialog is
// found and answered through the X server (it is native, not part of the page), and the
// whole screen is photographed with it open.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { ARTIFACTS, launch } from './harness.mjs';
import { goto, settle } from './ui-helpers.mjs';

let app;
let dir; // the app's working folder: GTK proposes output.pdf there
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'taizhang-print-'));
  app = await launch({ cwd: dir });
  await app.setWindowRect({ x: 0, y: 0, width: 1366, height: 860 });
  await app.byTestId('page-overview', { timeout: 15000 });
});
after(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every PDF under `dir`, recursively. */
function pdfsUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p, { throwIfNoEntry: false });
    if (s?.isDirectory()) out.push(...pdfsUnder(p));
    else if (s?.isFile() && name.toLowerCase().endsWith('.pdf')) out.push(p);
  }
  return out;
}

/** The X windows whose name matches, with their geometry (xwininfo's tree). */
function windowsNamed(pattern) {
  const r = spawnSync('xwininfo', ['-root', '-tree'], { encoding: 'utf8', env: xEnv() });
  const found = [];
  for (const line of (r.stdout ?? '').split('\n')) {
    const m = line.match(/^\s*0x[0-9a-f]+ "([^"]*)".*?\s(\d+)x(\d+)\+-?\d+\+-?\d+\s+\+(-?\d+)\+(-?\d+)/);
    if (m && pattern.test(m[1])) found.push({ name: m[1], width: +m[2], height: +m[3], x: +m[4], y: +m[5] });
  }
  return found;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const xEnv = () => ({ ...process.env, DISPLAY: app.display });

/** The whole X screen as artifacts/screenshots/<name>.png, straight from X: `app.screenshot`
 * waits for the page's animation frames, and the page waits while the print dialog is open. */
function grabScreen(name) {
  mkdirSync(join(ARTIFACTS, 'screenshots'), { recursive: true });
  spawnSync('/usr/bin/import', ['-window', 'root', join(ARTIFACTS, 'screenshots', `${name}.png`)], { env: xEnv() });
}

test('打印/导出PDF prints the brief to a PDF through the system dialog', async () => {
  await app.invoke('open_round', { round: { period: { kind: 'quarter', year: 2024, q: 3 }, due_on: '2024-10-10', units: [] } });
  await goto(app, '/rounds/2024Q3/brief', 'page-brief');
  await app.waitForText('2024年第三季度“五大行动”填报简报', { within: '[data-testid="brief-sheet"]', timeout: 15000 });
  await settle(app);
  const before = [...pdfsUnder(app.home), ...pdfsUnder(dir)];

  // The page's print blocks the page while the dialog is open: start it, then work in X.
  await app.exec(`setTimeout(() => document.querySelector('[data-testid="brief-print"]').click(), 50); return true`);
  let dialog;
  for (let i = 0; i < 60 && !dialog; i++) {
    await sleep(250);
    dialog = windowsNamed(/^(打印|Print)$/).find((w) => w.width > 200);
  }
  if (!dialog) {
    grabScreen('brief-print-missing');
    console.log(spawnSync('xwininfo', ['-root', '-tree'], { encoding: 'utf8', env: xEnv() }).stdout);
  }
  assert.ok(dialog, `the print dialog opened: ${JSON.stringify(windowsNamed(/./).slice(0, 20))}`);
  await sleep(800); // its printers are listed
  // The printer list's first row is 打印到文件 (Print to File; no other printer here): pick it,
  // then Enter prints to the file the dialog proposes.
  app.xinput('click', String(dialog.x + 80), String(dialog.y + 87));
  await sleep(800);
  grabScreen('brief-print-dialog');
  app.xinput('keys', 'Return');

  let pdf;
  for (let i = 0; i < 80 && !pdf; i++) {
    await sleep(250);
    pdf = [...pdfsUnder(dir), ...pdfsUnder(app.home)].find((p) => !before.includes(p) && statSync(p).size > 1000);
  }
  assert.ok(pdf, `a PDF was printed where the dialog proposed: ${JSON.stringify([...pdfsUnder(dir), ...pdfsUnder(app.home)])}`);
  await sleep(500); // written to the end
  const bytes = readFileSync(pdf);
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-', 'a PDF file');
  // One A4 page (595 × 842 pt): the print stylesheet keeps the brief on one sheet.
  const text = bytes.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
  assert.equal(pages.length, 1, 'the brief prints on one page');
  assert.match(text, /\/MediaBox\s*\[0 0 595(\.\d+)? 842(\.\d+)?\]/, 'A4');
  copyFileSync(pdf, join(ARTIFACTS, 'brief.pdf'));
  // The page answers again, and nothing went wrong in it.
  await app.byTestId('page-brief');
  assert.deepEqual(await app.errors(), []);
});
