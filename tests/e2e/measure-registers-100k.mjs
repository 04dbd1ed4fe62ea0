// Not a test: opens the app on a big ledger (REGISTERS_DB, e.g. the one
// `REGISTERS_DB=<file> cargo bench -p taizhang-core --bench registers` leaves) and prints
// how long the pairings page takes, in the window, to show the last page, a deep page typed
// into the jumper, and a search; saves a screenshot of each. Speed goals live in the bench:
// this only reports.   node tests/e2e/measure-registers-100k.mjs   (after run.sh built the app)

import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { launch } from './harness.mjs';
import { goto, settle } from './ui-helpers.mjs';

const source = process.env.REGISTERS_DB;
if (!source) throw new Error('REGISTERS_DB=<a big ledger> is needed');
const db = join(mkdtempSync(join(tmpdir(), 'tz-100k-')), 'taizhang.db');
copyFileSync(source, db);

/** Runs `act` in the page, then waits until the pairings table shows other rows; ms. */
const timed = (app, act) =>
  app.execAsync(
    `const done = arguments[arguments.length - 1];
     const text = (css) => document.querySelector(css)?.textContent ?? '';
     const body = () => text('[data-testid="pairings-table"] .el-table__body') + text('[data-testid="pairings-total"]') + text('[data-testid="page-pairings"] .el-empty');
     const before = body();
     const t0 = performance.now();
     (${act})();
     const tick = () => (body() !== before ? requestAnimationFrame(() => done(performance.now() - t0)) : requestAnimationFrame(tick));
     requestAnimationFrame(tick);`,
  );

const app = await launch({ db, timeout: 60000 });
try {
  await app.setWindowRect({ width: 1280, height: 720 });
  await app.byTestId('page-overview', { timeout: 60000 });
  const t0 = Date.now();
  await goto(app, '/registers/pairings', 'page-pairings');
  await app.find('[data-testid="pairings-table"] .el-table__row', { timeout: 30000 });
  console.log(`open the pairings page: ${Date.now() - t0} ms (from the hash change, WebDriver round trips included)`);
  console.log(`total: ${await app.text('[data-testid="pairings-total"]')}`);
  await settle(app);
  const results = [];
  results.push(['last page (click its number)', await timed(app, `() => [...document.querySelectorAll('[data-testid="pairings-pager"] .el-pager li.number')].pop().click()`)]);
  await settle(app);
  await app.screenshot('registers-100k-last-page');
  results.push(['page 1500 (typed into the jumper)', await timed(app, `() => { const i = document.querySelector('[data-testid="pairings-pager"] .el-pagination__jump input'); i.value = '1500'; i.dispatchEvent(new Event('input')); i.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true })); i.dispatchEvent(new Event('change')); }`)]);
  await settle(app);
  results.push(['search 「1234号」', await timed(app, `() => { const i = document.querySelector('[data-testid="pairings-search"] input, input[data-testid="pairings-search"]'); i.value = '1234号'; i.dispatchEvent(new Event('input')); i.dispatchEvent(new Event('change')); }`)]);
  await settle(app);
  await app.screenshot('registers-100k-search');
  results.push(['clear the search (first page of all)', await timed(app, `() => { const i = document.querySelector('[data-testid="pairings-search"] input, input[data-testid="pairings-search"]'); i.value = ''; i.dispatchEvent(new Event('input')); i.dispatchEvent(new Event('change')); }`)]);
  for (const [what, ms] of results) console.log(`${what.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms (click to painted rows)`);
  console.log(`errors: ${JSON.stringify(await app.errors())}`);
} finally {
  await app.close();
}
