// The import page in the real window, on the sample ledger, with real files written by the
// test (CSV with a BOM, as Excel saves it): a bad cell is shown at its row and column, the
// import button stays disabled and nothing is written; the corrected file previews clean,
// imports with its progress and result, and the overview's 基层统战组织 (ZY08) figure
// moves by its sum; the same file again adds nothing (its rows are duplicates); a corrected
// column mapping is taken; 20,000 rows import with the progress bar moving. Screenshots
// of the page with problems, after an import and during a long one.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { Keys, launch } from './harness.mjs';
import { clickWhenFree, entryCount, fill, goto, headline, navigate, pick, settle, waitForHeadline } from './ui-helpers.mjs';

const ZY08 = '基层统战组织'; // a headline of the overview: 384 as of 2024-06-30 in the sample
const BULK = '建言献策骨干队伍';
const PATH = 'input[data-testid="import-path"], [data-testid="import-path"] input'; // el-input puts the test id on its input
const COMMIT = '[data-testid="import-commit"]';

let app;
let dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'taizhang-import-'));
  app = await launch();
  await app.setWindowRect({ width: 1280, height: 720 });
  await app.byTestId('page-overview', { timeout: 15000 });
});
after(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A CSV file as Excel saves it: UTF-8 with a BOM, CRLF line ends. */
function csv(name, lines) {
  const path = join(dir, name);
  writeFileSync(path, `\ufeff${lines.join('\r\n')}\r\n`);
  return path;
}

/** Types the path into the page's field and previews with Enter; waits for the summary. */
async function previewPath(path, summary) {
  await fill(app, PATH, path);
  await app.keys(Keys.ENTER);
  await app.waitForText(summary, { within: '[data-testid="import-summary"]', timeout: 15000 });
  await settle(app);
}

/** The text of each cell of each body row of a table (by its test id). */
const tableCells = (testId) =>
  app.exec(`return [...document.querySelectorAll('[data-testid="' + arguments[0] + '"] .el-table__body tr')].map((tr) => [...tr.cells].map((c) => c.innerText.trim()))`, testId);
const commitDisabled = () => app.exec(`return document.querySelector(arguments[0]).disabled`, COMMIT);
const bulkCount = async () =>
  (await app.invoke('list_entries', { filter: { indicator: BULK, unit: null, include_subunits: null, from: null, to: null, limit: 1, offset: 0 } })).total;

test('a bad cell is shown at its row and column, the import stays disabled and nothing is written', async () => {
  const entriesBefore = await entryCount(app);
  const zy08Before = await headline(app, 'ZY08');
  assert.equal(zy08Before, 384, `ZY08 on the overview before: want 384, got ${zy08Before}`);

  await app.exec(`document.querySelector('[data-testid="nav-import"]').scrollIntoView({ block: 'center' })`);
  await navigate(app, 'nav-import', 'page-import');
  const bad = csv('完成情况-有误.csv', [
    '指标,责任单位,日期,数值,备注',
    `${ZY08},兰山区,2024-06-30,7,端到端导入`,
    `${ZY08},罗庄区,2024-06-29,约50,端到端导入`,
  ]);
  await previewPath(bad, '将新增 1 行 · 重复 0 行（不会重复写入） · 问题 1 个');

  const problems = await tableCells('import-problems');
  assert.deepEqual(
    problems.map((cells) => cells.slice(1)),
    [['3', '数值', '第3行「数值」不是数字：约50']],
    `the problem at its (row, column, message): got ${JSON.stringify(problems)}`,
  );
  assert.equal(await commitDisabled(), true, '导入 is disabled while there are problems');
  const why = await app.text('[data-testid="import-blocked"]');
  assert.ok(why.includes('表格中还有问题'), `the page says why: got ${JSON.stringify(why)}`);
  await app.screenshot('import-problems');

  // Ctrl+Enter does not get round the disabled button.
  await app.keys(Keys.CONTROL + Keys.ENTER + Keys.NULL);
  await settle(app);
  assert.equal(await entryCount(app), entriesBefore, 'nothing written by a file with a problem');
  assert.deepEqual(await app.errors(), []);
});

test('the corrected file imports with its result, the overview moves, and the same file again adds nothing', async () => {
  const entriesBefore = await entryCount(app);
  const good = csv('完成情况.csv', [
    '2024年上半年完成情况',
    '指标,责任单位,日期,数值,备注',
    `${ZY08},兰山区,2024-06-30,7,端到端导入`,
    `${ZY08},罗庄区,2024-06-29,5,端到端导入`,
    '合计,,,12,',
  ]);
  await previewPath(good, '将新增 2 行 · 重复 0 行（不会重复写入） · 问题 0 个');
  const rows = await app.findAll('[data-testid="import-rows"] .el-table__body tr');
  assert.equal(rows.length, 2, `rows to write shown: want 2, got ${rows.length}`);
  assert.equal(await commitDisabled(), false, '导入 is enabled for a clean file');

  await clickWhenFree(app, COMMIT);
  await app.waitForText('写入 2 行，跳过重复 0 行', { within: '[data-testid="import-result"]', timeout: 15000 });
  assert.equal(await entryCount(app), entriesBefore + 2, 'two entries written');
  await app.screenshot('import-done');

  await clickWhenFree(app, '[data-testid="import-go-overview"]');
  await app.byTestId('page-overview', { timeout: 10000 });
  await waitForHeadline(app, 'ZY08', 396); // 384 + 7 + 5

  await goto(app, '/import', 'page-import');
  await previewPath(good, '将新增 0 行 · 重复 2 行（不会重复写入） · 问题 0 个');
  await clickWhenFree(app, '[data-testid="import-preview-panel"] #tab-duplicates');
  await app.waitForText('与台账中已有的完成情况相同', { within: '[data-testid="import-duplicates"]' });
  const duplicates = await tableCells('import-duplicates');
  assert.deepEqual(
    duplicates.map((cells) => cells[1]),
    ['3', '4'],
    `both rows are listed as duplicates: got ${JSON.stringify(duplicates)}`,
  );
  assert.equal(await commitDisabled(), true, '导入 is disabled when every row is a duplicate');
  assert.equal(await entryCount(app), entriesBefore + 2, 'the same file again adds nothing');
  assert.deepEqual(await app.errors(), []);
});

test('a column the page did not recognise is mapped by hand and the preview follows', async () => {
  const own = csv('自己的表.csv', ['指标,责任单位,日期,本月填报', `${ZY08},兰山区,2024-06-28,2,手工对应`]);
  await previewPath(own, '问题 1 个');
  await app.waitForText('缺少「数值」列', { within: '[data-testid="import-problems"]' });
  await clickWhenFree(app, '[data-testid="import-preview-panel"] #tab-mapping');
  await app.byTestId('import-mapping');
  await settle(app);
  await pick(app, 'import-map-value', 'import-map-value-D'); // 「D · 本月填报」
  await app.waitForText('将新增 1 行 · 重复 0 行（不会重复写入） · 问题 0 个', { within: '[data-testid="import-summary"]', timeout: 15000 });
  assert.equal(await commitDisabled(), false, 'the corrected mapping makes the file importable');
  await app.screenshot('import-mapping');
  assert.deepEqual(await app.errors(), []);
});

test('20,000 rows import with the progress bar moving', async () => {
  const lines = ['指标,责任单位,日期,数值,备注'];
  const N = 20000;
  for (let i = 0; i < N; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 6) + 1).padStart(2, '0');
    lines.push(`${BULK},兰山区,2024-${month}-${day},1,批量导入 ${i + 1}`);
  }
  const big = csv('批量.csv', lines);
  const before = await bulkCount();
  const t0 = Date.now();
  await previewPath(big, '将新增 20,000 行 · 重复 0 行（不会重复写入） · 问题 0 个');
  const previewMs = Date.now() - t0;

  // Record every state the progress line shows while the commit runs.
  await app.exec(`window.__importProgress = [];
    const seen = window.__importProgress;
    const note = () => { const el = document.querySelector('[data-testid="import-progress"]');
      if (el) { const t = el.textContent.trim(); if (seen[seen.length - 1] !== t) seen.push(t); } };
    window.__importObserver = new MutationObserver(note);
    window.__importObserver.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });`);
  const t1 = Date.now();
  await clickWhenFree(app, COMMIT);
  await app.byTestId('import-progress', { timeout: 5000 });
  // The bar while rows are written (after reading and checking the file).
  await app.waitFor(() => app.exec(`const el = document.querySelector('[data-testid="import-progress"]'); return !!el && el.textContent.includes('已写入')`), {
    timeout: 30000,
    interval: 20,
    message: 'the progress line to count rows written',
  });
  // The bar's fill follows its number (no transition lagging behind), read in one go.
  const [shown, filled] = await app.exec(`const el = document.querySelector('[data-testid="import-progress"]');
    const inner = el.querySelector('.el-progress-bar__inner'), outer = el.querySelector('.el-progress-bar__outer');
    return [parseInt(el.querySelector('.el-progress__text').textContent, 10), inner.getBoundingClientRect().width / outer.getBoundingClientRect().width * 100]`);
  assert.ok(Math.abs(shown - filled) <= 3, `the bar is filled as far as its number: ${shown}% shown, ${filled.toFixed(1)}% filled`);
  await app.screenshot('import-progress');
  await app.waitForText('写入 20,000 行，跳过重复 0 行', { within: '[data-testid="import-result"]', timeout: 60000 });
  const commitMs = Date.now() - t1;
  const seen = await app.exec(`window.__importObserver.disconnect(); return window.__importProgress`);
  const written = seen.filter((s) => /已写入 [\d,]+ \/ 20,000 行/.test(s));
  assert.ok(written.length >= 2, `the bar moves through several counts: saw ${JSON.stringify(seen)}`);
  assert.equal(await bulkCount(), before + N, `${N} entries written`);
  console.log(`20,000 rows: preview ${previewMs} ms, commit ${commitMs} ms (debug build), progress states seen ${seen.length}`);
  assert.deepEqual(await app.errors(), []);
});
