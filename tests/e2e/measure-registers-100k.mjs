// Not a test: opens the app on a big ledger (REGISTERS_DB, e.g. the one
// `REGISTERS_DB=<file> cargo bench -p taizhang-core --bench registers` leaves) and prints how
// long the pairings page takes, in the window, to turn to the next page, to show the last page,
// a deep page typed into the jumper, and a search (click to painted rows); saves a screenshot.
// Speed goals live in the bench and the timing run (measure-window.mjs, which calls this):
// this only reports.
//
//   REGISTERS_DB=<file> node tests/e2e/measure-registers-100k.mjs   (after the app is built)

import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { launch } from './harness.mjs';
import { clickToPainted, summary } from './timing.mjs';
import { goto, settle } from './ui-helpers.mjs';

const ROWS = `text('[data-testid="pairings-table"]') + '|' + text('[data-testid="pairings-total"]') + text('[data-testid="page-pairings"] .el-empty')`;
const LOADED = `!masked(q('[data-testid="page-pairings"]'))`;
const turnTo = (act) => ({ act, ready: LOADED, watch: ROWS });
const searchFor = (text) =>
  turnTo(`() => { const i = document.querySelector('[data-testid="pairings-search"] input, input[data-testid="pairings-search"]');
     i.value = ${JSON.stringify(text)}; i.dispatchEvent(new Event('input')); i.dispatchEvent(new Event('change')); }`);

/**
 * Launches the app on a copy of `source` and times page turns of the pairings register;
 * returns `{ name: [ms, …] }`.
 */
export async function measureRegisterTurns(source, rounds = 5) {
  const db = join(mkdtempSync(join(tmpdir(), 'tz-100k-')), 'taizhang.db');
  copyFileSync(source, db);
  const app = await launch({ db, timeout: 60000 });
  const out = { register_next_page: [], register_last_page: [], register_jump_page_1500: [], register_search: [] };
  try {
    await app.setWindowRect({ width: 1280, height: 800 });
    await app.byTestId('page-overview', { timeout: 60000 });
    await goto(app, '/registers/pairings', 'page-pairings');
    await app.find('[data-testid="pairings-table"] .el-table-v2__row, [data-testid="pairings-table"] .el-table__row', { timeout: 30000 });
    console.log(`pairings: ${await app.text('[data-testid="pairings-total"]')}`);
    await settle(app);
    for (let i = 0; i < rounds; i++) {
      out.register_next_page.push(await clickToPainted(app, turnTo(`() => document.querySelector('[data-testid="pairings-pager"] .btn-next').click()`)));
      await settle(app);
    }
    await app.screenshot('timing-register-100k-page');
    for (let i = 0; i < rounds; i++) {
      out.register_jump_page_1500.push(await clickToPainted(app, turnTo(`() => { const i = document.querySelector('[data-testid="pairings-pager"] .el-pagination__jump input');
        i.value = '${1500 + i}'; i.dispatchEvent(new Event('input')); i.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true })); i.dispatchEvent(new Event('change')); }`)));
      await settle(app);
      out.register_last_page.push(await clickToPainted(app, turnTo(`() => [...document.querySelectorAll('[data-testid="pairings-pager"] .el-pager li.number')].pop().click()`)));
      await settle(app);
      out.register_search.push(await clickToPainted(app, searchFor(`${1234 + i}号`)));
      await settle(app);
      if (i === 0) await app.screenshot('timing-register-100k-search');
      await clickToPainted(app, searchFor(''));
      await settle(app);
    }
    console.log(`errors: ${JSON.stringify(await app.errors())}`);
  } finally {
    await app.close();
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!process.env.REGISTERS_DB) throw new Error('REGISTERS_DB=<a big ledger> is needed');
  const turns = await measureRegisterTurns(process.env.REGISTERS_DB, Number(process.env.ROUNDS ?? 5));
  for (const [what, list] of Object.entries(turns)) console.log(what.padEnd(28), JSON.stringify(summary(list)), 'ms (click to painted rows)');
}
