// A reporting round played in the real window on the sample ledger: 开启轮次 for 2024年第三季度
// with two units (兰山区, 兰陵县), 催报 texts, 下发 (兰山区's workbook opened and checked
// against the ledger's indicators), two returns imported — the sent table refilled by
// script, and 兰陵县's own table in its own layout (1-9月累计完成 / 其中：第三季度, names
// only, title and 填报单位 line) — one 退回 with a reason and submitted again, a reviewer's
// correction shown as 报送 / 更正, both approved, the quarter locked, the brief, and then a
// write into the locked quarter refused with the Chinese message. Screenshots of the board,
// 催报, the review and the brief.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { Keys, launch } from './harness.mjs';
import { clickCentered, clickWhenFree, fill, goto, noToasts, pick, settle } from './ui-helpers.mjs';
import { cells, fillSentTable, readZip, workbook } from './xlsx.mjs';

// A 1×1 PNG: the scan of a return's signed page.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const Q = '2024Q3';
const LABEL = '2024年第三季度';
let app;
let dir;
let units; // name → unit
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'taizhang-round-'));
  app = await launch();
  await app.setWindowRect({ width: 1366, height: 860 });
  await app.byTestId('page-overview', { timeout: 15000 });
  units = Object.fromEntries((await app.invoke('list_units', { includeArchived: false })).map((u) => [u.name, u]));
});
after(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const code = (name) => units[name].code;
/** An Element Plus input's native field (the test id may land on the wrapper or the field). */
const field = (id, tag = 'input') => `${tag}[data-testid="${id}"], [data-testid="${id}"] ${tag}`;
const board = () => app.invoke('round_board', { quarter: Q });
const stateOf = async (name) => (await board()).find((r) => r.unit === name)?.state;
/** Each body row's cells of a table (by test id). */
const tableCells = (testId) =>
  app.exec(`return [...document.querySelectorAll('[data-testid="' + arguments[0] + '"] .el-table__body tr')].map((tr) => [...tr.cells].map((c) => c.innerText.trim()))`, testId);

async function waitState(name, want) {
  await app.waitFor(async () => (await stateOf(name)) === want, { timeout: 10000, message: `${name} to be ${want}` });
  await app.waitForText(want === 'approved' ? '已审' : want === 'returned' ? '退回' : want === 'submitted' ? '已报' : '未报', {
    within: `[data-testid="board-state-${code(name)}"]`,
  });
}

/** Types a reason into the open prompt (退回 / 强制锁定 / 解锁) and confirms it. */
async function answerPrompt(text) {
  await app.find('.round-reason textarea', { timeout: 5000 });
  await settle(app);
  await app.type('.round-reason textarea', text);
  await clickWhenFree(app, '.round-reason .el-message-box__btns .el-button--primary');
  await app.waitFor(() => app.exec(`const b = document.querySelector('.round-reason'); return !b || b.offsetParent === null`), { message: 'the prompt to close' });
}

/** The indicator rows of a sent table: code, name, 此前累计 (F) and whether 本期 (G) is to be typed. */
function sheetRows(table) {
  const out = [];
  for (const [ref, v] of table) {
    const m = /^B(\d+)$/.exec(ref);
    if (!m || Number(m[1]) <= 4 || typeof v !== 'string' || !table.has(`C${m[1]}`)) continue;
    out.push({ row: Number(m[1]), code: v, name: table.get(`C${m[1]}`), before: Number(table.get(`F${m[1]}`) ?? 0), typed: !table.has(`G${m[1]}`) });
  }
  return out;
}

/** Previews the file in the return dialog and waits for the summary line. */
async function previewReturn(path, summary) {
  await fill(app, field('return-path'), path);
  await app.keys(Keys.ENTER);
  try {
    await app.waitFor(() => app.exec(`return !!document.querySelector('[data-testid="return-summary"], [data-testid="return-error"]')`), { timeout: 20000 });
    await app.waitForText(summary, { within: '[data-testid="return-summary"]', timeout: 2000 });
  } catch (e) {
    assert.fail(`${e.message}; the dialog shows: ${await app.text('[data-testid="return-dialog"]')}`);
  }
  await settle(app);
}

/** Closes an Element Plus dialog (by its test id) with its × and waits until it is gone. */
async function closeDialog(dialogTestId) {
  await clickWhenFree(app, `[data-testid="${dialogTestId}"] .el-dialog__headerbtn`);
  await app.waitFor(() => app.exec(`const d = document.querySelector(arguments[0]); return !d || d.offsetParent === null`, `[data-testid="${dialogTestId}"]`), {
    message: `${dialogTestId} to close`,
  });
  await settle(app);
  await noToasts(app);
}

test('a round is opened for two units and 催报 words the reminder', async () => {
  await goto(app, '/rounds', 'page-rounds');
  await app.byTestId('rounds-none');
  await clickWhenFree(app, '[data-testid="rounds-open"]');
  await app.byTestId('round-open-dialog');
  await settle(app);
  await pick(app, 'round-open-year', 'round-open-year-2024');
  await pick(app, 'round-open-part', 'round-open-part-3');
  const due = await app.value('input[data-testid="round-open-due"], [data-testid="round-open-due"] input');
  assert.equal(due, '2024-10-10', `due ten days after the quarter: got ${due}`);
  const ticked = await app.exec(`return document.querySelectorAll('[data-testid="round-open-units"] .el-checkbox.is-checked').length`);
  const reporting = Object.values(units).filter((u) => ['county', 'zone', 'department', 'party'].includes(u.kind)).length;
  assert.equal(ticked, reporting, 'every county, zone, department and party ticked by default');
  await clickWhenFree(app, '[data-testid="round-open-all"]'); // untick all
  for (const n of ['兰山区', '兰陵县']) await clickCentered(app, `[data-testid="round-open-unit-${code(n)}"]`);
  await clickWhenFree(app, '[data-testid="round-open-submit"]');
  await app.waitForText(LABEL, { within: '[data-testid="rounds-pick"]', timeout: 10000 });
  const rows = await board();
  assert.deepEqual(rows.map((r) => [r.unit, r.state]), [['兰山区', 'not_started'], ['兰陵县', 'not_started']]);
  assert.ok(rows.every((r) => r.late_days > 0), 'both overdue (due 2024-10-10)');
  await app.waitForText(/\d+ 天/, { within: `[data-testid="board-late-${code('兰陵县')}"]` });

  await clickWhenFree(app, '[data-testid="rounds-remind"]');
  await app.waitForText('请兰陵县于10月10日前报送2024年第三季度统计表，已逾期', { within: '[data-testid="remind-list"]', timeout: 10000 });
  await app.screenshot('round-remind');
  const xlsx = join(dir, '催报名单.xlsx');
  const written = await app.invoke('remind_to_file', { quarter: Q, path: xlsx });
  assert.equal(written.length, 2);
  const strings = [...cells(readZip(readFileSync(xlsx)), 'xl/worksheets/sheet1.xml').values()];
  assert.ok(strings.some((s) => String(s).startsWith('请兰山区于10月10日前报送')), `the .xlsx holds the texts: ${strings}`);
  await closeDialog('remind-dialog');
  assert.deepEqual(await app.errors(), []);
});

let sentLanshan;
let sentLanling;
test('下发 writes one workbook per unit holding its indicators and what the ledger holds', async () => {
  const out = join(dir, '下发');
  mkdirSync(out);
  await clickWhenFree(app, '[data-testid="rounds-send"]');
  await app.byTestId('round-send-dialog');
  await settle(app);
  await fill(app, field('round-send-folder'), out);
  await clickWhenFree(app, '[data-testid="round-send-submit"]');
  await app.waitForText('已写入 2 个文件', { within: '[data-testid="round-send-result"]', timeout: 20000 });
  const shown = await tableCells('round-send-files');
  assert.deepEqual(shown.map((c) => c[0]), ['兰山区', '兰陵县']);
  sentLanshan = join(out, `兰山区_${LABEL}_统计表.xlsx`);
  sentLanling = join(out, `兰陵县_${LABEL}_统计表.xlsx`);

  const parts = readZip(readFileSync(sentLanshan));
  const table = cells(parts, 'xl/worksheets/sheet1.xml');
  const meta = cells(parts, 'xl/worksheets/sheet2.xml');
  const metaRow = (key) => [...meta].find(([ref, v]) => ref.startsWith('A') && v === key)?.[0].slice(1);
  assert.equal(meta.get(`B${metaRow('unit_id')}`), units['兰山区'].id, 'the hidden sheet names 兰山区');
  assert.equal(meta.get(`B${metaRow('quarter')}`), Q);
  assert.ok([...table.values()].some((v) => String(v).includes(LABEL)), 'the title names the quarter');
  const indicators = new Set((await app.invoke('list_indicators', { action: null, includeArchived: false })).map((i) => i.code));
  const rows = sheetRows(table).filter((r) => indicators.has(r.code));
  assert.equal(rows.length, Number(shown[0][1]), `every indicator row is one of the ledger's indicators (${rows.length} rows, ${shown[0][1]} reported)`);
  assert.ok(rows.length >= 5, `兰山区 reports its actions' indicators: ${rows.map((r) => r.code)}`);
  // 此前累计 of a typed row is what the ledger holds for 兰山区 from January 1st to June 30th.
  const typed = rows.find((r) => r.typed);
  const held = await app.invoke('list_entries', {
    filter: { indicator: typed.code, unit: units['兰山区'].id, include_subunits: true, from: '2024-01-01', to: '2024-06-30', limit: 100000, offset: 0 },
  });
  const sum = held.rows.reduce((s, e) => s + e.value, 0);
  assert.ok(Math.abs(typed.before - sum) < 1e-6, `此前累计 of ${typed.code}: sheet ${typed.before}, ledger ${sum}`);
  await closeDialog('round-send-dialog');
  assert.deepEqual(await app.errors(), []);
});

test('two returns come in: the sent table refilled, and 兰陵县\'s own layout', async () => {
  // 兰山区 types 本期 into the sent table (a number for every typed row), as Excel saves it.
  const lanshan = sheetRows(cells(readZip(readFileSync(sentLanshan)), 'xl/worksheets/sheet1.xml')).filter((r) => r.typed);
  const values = Object.fromEntries(lanshan.map((r, i) => [r.code, (i % 3) + 1]));
  const refilled = join(dir, '兰山区_2024年第三季度_统计表（已填）.xlsx');
  writeFileSync(refilled, fillSentTable(readFileSync(sentLanshan), values));

  await clickWhenFree(app, '[data-testid="rounds-import"]');
  await app.byTestId('return-dialog');
  await settle(app);
  await previewReturn(refilled, `本系统下发的表格 · 兰山区 · ${LABEL} · 指标`);
  const summary = await app.text('[data-testid="return-summary"]');
  assert.ok(summary.includes('问题 0 个'), `a clean preview: ${summary}`);
  const lines = await tableCells('return-lines');
  const first = lines.find((c) => c[1] === lanshan[0].code);
  assert.ok(first && first[7] === String(values[lanshan[0].code]), `the value to write of ${lanshan[0].code}: ${JSON.stringify(first)}`);
  await clickWhenFree(app, '[data-testid="return-dialog"] [data-testid="import-commit"]');
  await app.waitForText('已导入兰山区的报表', { within: '[data-testid="return-result"]', timeout: 30000 });
  await closeDialog('return-dialog');
  await waitState('兰山区', 'submitted');

  // 佐证材料 of 兰山区's return, from its row on the board: the signed, stamped page as a picture.
  await clickWhenFree(app, `[data-testid="board-evidence-${code('兰山区')}"]`);
  await app.byTestId('evidence-dialog');
  await settle(app);
  // The file as returned is kept among the return's evidence, opened from here.
  await app.waitForText('兰山区_2024年第三季度_统计表（已填）.xlsx', { within: '[data-testid="evidence-table"]', timeout: 10000 });
  const scan = join(dir, '兰山区报表盖章页.png');
  writeFileSync(scan, PNG);
  await fill(app, field('evidence-path'), scan);
  await clickWhenFree(app, '[data-testid="evidence-add"]');
  await app.waitForText('兰山区报表盖章页.png', { within: '[data-testid="evidence-table"]', timeout: 10000 });
  await clickWhenFree(app, '[data-testid="evidence-close"]');
  await app.waitFor(() => app.exec(`const d = document.querySelector('[data-testid="evidence-dialog"]'); return !d || d.offsetParent === null`), {
    message: 'the evidence dialog to close',
  });
  await settle(app);

  // 兰陵县's own table: title, 填报单位 line, the action merged down, names only, 1-9月累计完成
  // (此前累计 + 3) and 其中：第三季度 (3), signatures under it. Its first indicator is written the
  // county's way (新增万企兴万村结对数): matched to nothing, then mapped by hand in 对应关系.
  const lanling = sheetRows(cells(readZip(readFileSync(sentLanling)), 'xl/worksheets/sheet1.xml')).filter((r) => r.typed);
  const rows = [
    [`兰陵县五大行动${LABEL}进展情况统计表`],
    ['填报单位：兰陵县委统战部（盖章）', null, null, null, null, '填报日期：2024年10月8日'],
    ['序号', '指标名称', '计量单位', '完成情况', null, '备注'],
    [null, null, null, '1-9月累计完成', '其中：第三季度', null],
    ...lanling.map((r, i) => [i + 1, i === 0 ? '新增万企兴万村结对数' : ` ${r.name} `, '', r.before + 3, 3, '']),
    [],
    ['填报人：张三　　审核人：李四　　联系电话：0539-5221234'],
  ];
  const own = join(dir, '兰陵县三季度报表.xlsx');
  writeFileSync(own, workbook('三季度', rows, ['A1:F1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:F4']));
  await clickCentered(app, `[data-testid="board-import-${code('兰陵县')}"]`);
  await app.byTestId('return-dialog');
  await settle(app);
  await previewReturn(own, `单位自制的表格 · 兰陵县 · ${LABEL}`);
  const s1 = await app.text('[data-testid="return-summary"]');
  assert.ok(s1.includes('问题 1 个'), `the county's own name matches nothing: ${s1}`);
  await clickWhenFree(app, '[data-testid="return-tabs"] #tab-mapping');
  await app.byTestId('return-map-rows');
  await settle(app);
  const option = `[data-testid="return-map-row-5-${lanling[0].code}"]`;
  await clickWhenFree(app, '[data-testid="return-map-row-5"] .el-select__wrapper');
  await app.waitFor(() => app.exec(`return !!document.querySelector(arguments[0])`, option), { timeout: 5000, message: 'the indicator to choose' });
  await app.exec(`document.querySelector(arguments[0]).scrollIntoView({ block: 'nearest' })`, option);
  await settle(app);
  // The list zooms in and scrolls: click only once the option has stopped moving, or the
  // click lands on its neighbour (another indicator, mapped twice: 问题 1 个).
  await app.waitFor(() => app.execAsync(`const [css, done] = arguments; const o = document.querySelector(css); const p = o && o.closest('.el-popper');
      if (!o || !p || /-enter-active/.test(p.className)) return done(false);
      const a = o.getBoundingClientRect(); setTimeout(() => { const b = o.getBoundingClientRect(); done(a.top === b.top && a.height === b.height && b.height >= 20); }, 100);`, option), {
    timeout: 5000,
    message: 'the indicator’s option to stop moving',
  });
  await clickWhenFree(app, option);
  await app.waitForText(`${lanling[0].code} ·`, { within: '[data-testid="return-map-row-5"]', timeout: 5000 });
  await app.waitForText('问题 0 个', { within: '[data-testid="return-summary"]', timeout: 20000 });
  await app.screenshot('round-return-mapping');
  const s2 = await app.text('[data-testid="return-summary"]');
  assert.ok(s2.includes('问题 0 个'), `a clean preview of the county's layout: ${s2} ${await app.text('[data-testid="return-dialog"]')}`);
  await clickWhenFree(app, '[data-testid="return-dialog"] [data-testid="import-commit"]');
  await app.waitForText('已导入兰陵县的报表', { within: '[data-testid="return-result"]', timeout: 30000 });
  await closeDialog('return-dialog');
  await waitState('兰陵县', 'submitted');
  assert.deepEqual(await app.errors(), []);
});

test('退回 with a reason, submitted again, corrected in review, approved and locked', async () => {
  await clickCentered(app, `[data-testid="board-return-${code('兰陵县')}"]`);
  await answerPrompt('第三季度数据缺少佐证，请补充后重新报送');
  await waitState('兰陵县', 'returned');
  await app.waitForText('第三季度数据缺少佐证', { within: '[data-testid="rounds-board"]' });
  await app.screenshot('round-board');

  await clickCentered(app, `[data-testid="board-submit-${code('兰陵县')}"]`);
  await waitState('兰陵县', 'submitted');

  await clickCentered(app, `[data-testid="board-review-${code('兰陵县')}"]`);
  await app.byTestId('review-dialog');
  await app.waitForText('已报', { within: '[data-testid="review-state"]', timeout: 10000 });
  await app.waitForText('打开报表原件', { within: '[data-testid="review-dialog"]', timeout: 10000 });
  const fix = await app.exec(`const b = document.querySelector('[data-testid="review-lines"] [data-testid^="review-correct-"]'); return b && b.getAttribute('data-testid')`);
  assert.ok(fix, 'a reported value can be corrected');
  const indicatorCode = fix.replace('review-correct-', '');
  await clickCentered(app, `[data-testid="${fix}"]`);
  await app.byTestId('correct-dialog');
  await settle(app);
  await fill(app, field('correct-value'), '2');
  await app.type(field('correct-reason', 'textarea'), '其中1项为上季度已报');
  await clickWhenFree(app, '[data-testid="correct-save"]');
  await app.waitForText('报送 3 / 更正 2', { within: `[data-testid="review-fix-${indicatorCode}"]`, timeout: 10000 });
  await app.waitFor(() => app.exec(`const d = document.querySelector('[data-testid="correct-dialog"]'); return !d || d.offsetParent === null`), { message: 'the correction dialog to close' });
  await noToasts(app);
  await settle(app);
  await app.screenshot('round-review');
  await clickWhenFree(app, '[data-testid="review-approve"]');
  await app.waitForText('已审', { within: '[data-testid="review-state"]', timeout: 10000 });
  await closeDialog('review-dialog');
  await waitState('兰陵县', 'approved');

  await clickCentered(app, `[data-testid="board-approve-${code('兰山区')}"]`);
  await waitState('兰山区', 'approved');
  await noToasts(app);
  await clickWhenFree(app, '[data-testid="rounds-lock"]');
  await app.find('.el-message-box', { timeout: 5000 });
  await settle(app);
  await clickWhenFree(app, '.el-message-box__btns .el-button--primary');
  await app.waitForText('已锁定', { within: '[data-testid="rounds-locked"]', timeout: 10000 });
  const round = (await app.invoke('list_rounds', {}))[0];
  assert.ok(round.locked_on, 'the round is locked');
  const history = (await app.invoke('round_history', { quarter: Q })).map((e) => e.kind);
  assert.deepEqual(history, ['open', 'send', 'submit', 'submit', 'return', 'submit', 'correct', 'approve', 'approve', 'lock']);
  assert.deepEqual(await app.errors(), []);
});

test('the brief lays out the round on one page', async () => {
  await noToasts(app);
  await clickWhenFree(app, '[data-testid="rounds-brief"]');
  await app.byTestId('page-brief', { timeout: 10000 });
  await app.waitForText(`${LABEL}“五大行动”填报简报`, { within: '[data-testid="brief-sheet"]', timeout: 15000 });
  await app.waitForText('个单位已报送', { within: '[data-testid="brief-counts"]' });
  const counts = await app.text('[data-testid="brief-counts"]');
  assert.ok(/^2\s*\/\s*2/.test(counts), `2 of 2 submitted: ${counts}`);
  await app.waitForText('兰陵县', { within: '[data-testid="brief-states"]' });
  await app.byTestId('brief-ranking');
  await app.screenshot('round-brief');
  assert.deepEqual(await app.errors(), []);
});

test('a write into the locked quarter is refused with the Chinese message', async () => {
  const before = await app.invoke('list_entries', { filter: { indicator: null, unit: null, include_subunits: null, from: '2024-07-01', to: '2024-09-30', limit: 1, offset: 0 } });
  await goto(app, '/entry?tab=form', 'entry-form');
  await pick(app, 'entry-indicator', 'option-indicator-ZY08');
  await pick(app, 'entry-unit', `option-unit-${code('兰山区')}`);
  await fill(app, '[data-testid="entry-date"] input', '2024-08-15' + Keys.ENTER);
  await fill(app, '[data-testid="entry-value"] input', '4');
  await clickWhenFree(app, '[data-testid="entry-save"]');
  await app.waitForText(/2024年第三季度已锁定（\d{4}-\d\d-\d\d 由.+锁定），不能再修改该季度的数据/, { timeout: 10000 });
  await app.screenshot('round-locked-write');
  const afterList = await app.invoke('list_entries', { filter: { indicator: null, unit: null, include_subunits: null, from: '2024-07-01', to: '2024-09-30', limit: 1, offset: 0 } });
  assert.equal(afterList.total, before.total, 'nothing written into the locked quarter');
});
