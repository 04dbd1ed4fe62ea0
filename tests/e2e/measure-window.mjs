// Not a test: the window timing run (issue #13). Times, in a release build, click-to-painted
// for the overview's first paint after launch (against a bare Tauri window that shows a static
// page, tests/e2e/bare-window), the overview after a change of date, an action page, every
// other page, the quarter grid, the 季度汇总 page, and with REGISTERS_DB a register page turn
// at 100,000 rows. Prints medians (and the first visit, which loads the page's code), saves a
// screenshot of each page timed, and ends with one line of JSON. It reports; it never fails on
// a time.
//
//   npm --prefix ui run build
//   cargo build --release -p taizhang-desktop --example bare-window --bin taizhang-desktop
//   TAIZHANG_APP=target/release/taizhang-desktop node tests/e2e/measure-window.mjs
//
// Env: FIRST_PAINT_ONLY=1 stops after the first paints (1.); ROUNDS (default 5) launches of each window and visits of each page; BARE_WINDOW (default
// target/release/examples/bare-window); REGISTERS_DB a ledger with 100,000 pairings (the one
// `REGISTERS_DB=<file> cargo bench -p taizhang-core --bench registers` leaves).

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { APP_BINARY, ROOT, launch } from './harness.mjs';
import { clickToPainted, markAt, pageReady, summary, timeRoute } from './timing.mjs';
import { jitCheck } from './jit-check.mjs';
import { measureRegisterTurns } from './measure-registers-100k.mjs';
import { settle } from './ui-helpers.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const BARE = process.env.BARE_WINDOW ?? join(ROOT, 'target/release/examples/bare-window');
const WINDOW = { width: 1280, height: 800 };
const work = mkdtempSync(join(tmpdir(), 'tz-timing-'));
const results = {};
const report = (name, list, note = '') => {
  results[name] = summary(list);
  const s = results[name];
  console.log(`${name.padEnd(34)} median ${String(s.median).padStart(5)} ms  first ${String(s.first).padStart(5)}  min ${String(s.min).padStart(5)}  max ${String(s.max).padStart(5)}  (n=${s.n}) ${note}`);
};

console.log(`app: ${APP_BINARY}\nbare window: ${BARE}\nload: ${spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout.trim()}`);

// The ledger of a first run (the release's sample loaded by the app itself), copied for each launch.
const ledger = join(work, 'sample.db');
{
  const db = join(work, 'first-run.db');
  const app = await launch({ db, timeout: 60000 });
  await app.waitFor(() => markAt(app, 'overview-ranking'), { timeout: 60000, message: 'the first run to show the overview' });
  await app.close();
  const fold = spawnSync('sqlite3', [db, `.backup '${ledger}'`], { encoding: 'utf8' });
  if (fold.status !== 0) throw new Error(`copying the first run's ledger failed: ${fold.stderr}`);
}
const copyOf = (file) => {
  const db = join(mkdtempSync(join(work, 'run-')), 'taizhang.db');
  copyFileSync(file, db);
  return db;
};

// 1. First paint after launch, the bare window and the app in turn.
const bare = [];
// The app paints on the CPU where there is no GPU (src-tauri/src/rendering.rs); the bare window
// is timed both as Tauri starts it and painting on the CPU too, and the ratio is taken against
// the faster of the two.
const bareCpu = [];
// The overview's figures on screen: the opening (ui/src/opening/, drawn by the page's first
// script from the figures the shell worked out while the window started) when the window
// shows one, else the app's own page. The app's page painted beneath it is timed too.
const overview = [];
const overviewApp = [];
const contentful = [];
// The start's own steps (main.ts and App.vue mark them), launch requested → each step.
const BOOT = ['boot-script', 'boot-session', 'boot-info', 'boot-catalog'];
const boot = Object.fromEntries(BOOT.map((name) => [name, []]));
for (let i = 0; i < ROUNDS; i++) {
  const b = await launch({ binary: BARE });
  const painted = await b.waitFor(() => markAt(b, 'painted'), { message: 'the bare window to paint' });
  bare.push(painted - b.requestedAt);
  if (i === 0) await b.screenshot('timing-bare-window');
  await b.close();
  const c = await launch({ binary: BARE, env: { WEBKIT_DISABLE_COMPOSITING_MODE: '1' } });
  bareCpu.push((await c.waitFor(() => markAt(c, 'painted'), { message: 'the bare window to paint' })) - c.requestedAt);
  await c.close();

  const app = await launch({ db: copyOf(ledger) });
  const marks = await app.waitFor(async () => {
    const [cards, ranking] = [await markAt(app, 'overview-cards'), await markAt(app, 'overview-ranking')];
    return cards && ranking ? [cards, ranking] : null;
  }, { timeout: 30000, message: 'the overview to paint' });
  const opening = await markAt(app, 'opening-painted');
  overviewApp.push(Math.max(...marks) - app.requestedAt);
  overview.push((opening ?? Math.max(...marks)) - app.requestedAt);
  if (i === 0 && !opening) console.log('the window showed no opening: the figures came with the app');
  for (const name of BOOT) {
    const at = await markAt(app, name);
    if (at) boot[name].push(at - app.requestedAt);
  }
  const fcp = await app.exec(`const p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? performance.timeOrigin + p.startTime : null;`);
  if (fcp) contentful.push(fcp - app.requestedAt);
  if (i === 0) await app.screenshot('timing-overview-first-paint');
  await app.close();
}
report('bare_window_first_paint', bare, '(launch requested → static page painted)');
report('bare_window_cpu_first_paint', bareCpu, '(the same, WEBKIT_DISABLE_COMPOSITING_MODE=1)');
report('overview_first_paint', overview, '(launch requested → figures and ranking painted: the opening)');
report('overview_app_painted', overviewApp, '(launch requested → the app\'s own overview painted)');
if (contentful.length) report('app_first_contentful_paint', contentful, '(the shell, before figures)');
for (const name of BOOT) if (boot[name].length) report(name.replace('-', '_'), boot[name], '(launch requested → this step of the start)');
const fasterBare = Math.min(results.bare_window_first_paint.median, results.bare_window_cpu_first_paint.median);
results.overview_first_paint_vs_bare = Number((results.overview_first_paint.median / fasterBare).toFixed(2));
console.log(`overview_first_paint_vs_bare: ${results.overview_first_paint_vs_bare} (goal ≤ 1.5)`);
if (process.env.FIRST_PAINT_ONLY) {
  console.log(JSON.stringify(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, typeof v === 'number' ? v : v.median]))));
  process.exit(0);
}

// 2. Pages, in one window on the sample ledger.
const app = await launch({ db: copyOf(ledger) });
try {
  await app.setWindowRect(WINDOW);
  await app.waitFor(() => markAt(app, 'overview-ranking'), { timeout: 30000, message: 'the overview' });
  await settle(app);
  const actions = await app.invoke('list_actions', { includeArchived: false });
  const overviewReady = pageReady('page-overview', '[data-testid="unit-ranking"] tbody tr');
  const pages = [
    ['action_page', `/action/${actions[0].code}`, 'page-action', 'canvas'],
    ['report_page_季度汇总', '/report', 'page-report', '[data-testid="report-title"]'],
    ['entry_page', '/entry', 'page-entry', null],
    ['indicator_page', '/indicator', 'page-indicator', null],
    ['targets_page', '/targets', 'page-targets', null],
    ['pairings_page', '/registers/pairings', 'page-pairings', '.el-table-v2__row, .el-table__row'],
    ['projects_page', '/registers/projects', 'page-projects', null],
    ['rounds_page', '/rounds', 'page-rounds', null],
    ['audit_page', '/audit', 'page-audit', null],
    ['import_page', '/import', 'page-import', null],
    ['exchange_page', '/exchange', 'page-exchange', null],
    ['settings_page', '/settings', 'page-settings', null],
  ];
  for (const [name, route, testid, content] of pages) {
    const times = [];
    for (let i = 0; i < ROUNDS; i++) {
      times.push(await timeRoute(app, route, testid, content));
      await settle(app);
      if (i === 0) await app.screenshot(`timing-${name}`);
      await clickToPainted(app, { act: `() => { location.hash = '#/overview'; }`, ready: overviewReady, watch: 'location.hash' });
      await settle(app);
    }
    report(name, times);
  }

  // The overview after a change of date: 按季度, then each time another quarter from its list.
  await app.click('[data-testid="asof-mode-quarter"]');
  await settle(app);
  const quarters = await app.exec(`return [...document.querySelectorAll('[data-testid^="option-quarter-"]')].map((o) => o.dataset.testid)`);
  const dates = [];
  for (let i = 0; i < ROUNDS; i++) {
    await app.click('[data-testid="asof-quarter"] .el-select__wrapper');
    await settle(app);
    dates.push(await clickToPainted(app, {
      act: `() => document.querySelector('[data-testid="${quarters[(i + 1) % quarters.length]}"]').click()`,
      ready: overviewReady,
      watch: `text('[data-testid="overview-subtitle"]') + '|' + text('[data-testid="action-cards"]')`,
    }));
    await settle(app);
  }
  report('overview_after_date_change', dates);
  await app.screenshot('timing-overview-date-changed');

  // The quarter grid: the 季度表格 tab of 录入, from its click to its cells painted.
  const grid = [];
  for (let i = 0; i < ROUNDS; i++) {
    await timeRoute(app, '/entry', 'page-entry');
    await settle(app);
    grid.push(await clickToPainted(app, {
      act: `() => document.querySelector('[data-testid="tab-grid"]').click()`,
      ready: `!!q('[data-testid^="grid-cell-"]')`,
      watch: `q('[data-testid^="grid-cell-"]') ? 'cells' : ''`,
    }));
    await settle(app);
    if (i === 0) await app.screenshot('timing-quarter-grid');
  }
  report('quarter_grid', grid, '(click on the tab → cells painted)');
  console.log(`errors: ${JSON.stringify(await app.errors())}`);
} finally {
  await app.close();
}

// 3. A register page turn at 100,000 rows.
if (process.env.REGISTERS_DB) {
  const turns = await measureRegisterTurns(process.env.REGISTERS_DB, ROUNDS);
  for (const [name, list] of Object.entries(turns)) report(name, list);
} else {
  console.log('register page turn at 100,000 rows: skipped (set REGISTERS_DB)');
}

// 4. Is the web view's JIT on? (A JS loop as launched and with JSC_useJIT=false.)
{
  const jit = await jitCheck(BARE);
  results.js_loop = jit.asLaunched;
  results.js_loop_without_jit = jit.withoutJit;
  console.log(`JS loop: ${jit.asLaunched} ms as launched, ${jit.withoutJit} ms with JSC_useJIT=false → JIT ${jit.jitOn ? 'on' : 'OFF'}`);
}

const line = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, typeof v === 'number' ? v : v.median]));
console.log(JSON.stringify(line));
