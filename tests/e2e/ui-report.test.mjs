// 季度汇总 in the real window, on the sample ledger: the page opens on 2024年第二季度 and
// reads the release's headline sentence (4221 enterprises, 3702 villages, 4492 projects);
// a lag note written inline for an indicator behind pace is saved and still there after a
// reload; with the folder field set to a temporary folder, 导出 Excel and 导出 Word write real
// .xlsx/.docx files (zip archives whose XML carries the figures and the note); exporting
// again asks before replacing; a folder that does not exist is refused in Chinese.
// Screenshots of the page at 1280×720.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { inflateRawSync } from 'node:zlib';

import { Keys, launch } from './harness.mjs';
import { clickWhenFree, fill, goto, navigate, pick, settle } from './ui-helpers.mjs';

const HEADLINE = '累计动员4221家企业与3702个行政村结对共建，达成合作项目4492个';
const REASON = '部分项目审批周期较长（端到端）';
const MEASURES = '建立周调度机制，七月底前补齐进度';
const STEM = '临沂市五大行动2024年第二季度汇总';
const Q2 = { year: 2024, q: 2 };

/** An Element Plus input's native field (the test id may land on the wrapper or the field). */
const field = (id, tag = 'input') => `${tag}[data-testid="${id}"], [data-testid="${id}"] ${tag}`;

/** Names of the parts of a zip archive. */
function zipNames(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const names = [];
  let at = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const nameLen = buf.readUInt16LE(at + 28);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return names;
}

/** One part of a zip archive (xlsx, docx) as text: read from the central directory, inflated. */
function zipPart(buf, name) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'a zip archive has an end-of-central-directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const entry = buf.toString('utf8', at + 46, at + 46 + nameLen);
    if (entry === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLen + extraLen + commentLen;
  }
  assert.fail(`${name} is not in the archive`);
}

let app;
let dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'taizhang-report-'));
  app = await launch();
  await app.setWindowRect({ width: 1280, height: 720 });
  await app.byTestId('page-overview', { timeout: 15000 });
});
after(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The first indicator the page lists behind pace (滞后 before 稍慢). */
async function firstBehind() {
  const el = await app.find('[data-testid^="lag-item-"]', { timeout: 15000 });
  return (await el.attribute('data-testid')).replace('lag-item-', '');
}

async function waitForSummary() {
  await app.waitForText(HEADLINE, { within: '[data-testid="page-report"]', timeout: 20000 });
}

test('the page opens on 2024年第二季度 and reads the release figures', async () => {
  const item = '[data-testid="nav-report"]';
  await app.exec(`document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })`, item);
  const started = Date.now();
  await navigate(app, 'nav-report', 'page-report');
  await waitForSummary();
  console.log(`summary of 2024Q2 on screen ${Date.now() - started} ms after the click`);
  const title = await app.text('[data-testid="report-title"]');
  assert.ok(title.includes('2024年第二季度'), `title names the quarter, got ${title}`);
  const quarter = (await app.text('[data-testid="report-quarter"] .el-select__placeholder')).trim();
  assert.equal(quarter, '2024年第二季度', `the quarter select: want 2024年第二季度, got ${quarter}`);
  const overview = await app.text('[data-testid="report-overview"]');
  assert.ok(overview.includes('截至2024年6月30日'), `overview as of the sample date: ${overview}`);
  const section = await app.text('[data-testid="report-action-prosperity"]');
  for (const n of ['4221', '3702', '4492']) assert.ok(section.includes(n), `共同富裕 section mentions ${n}`);
  const stem = await app.value(field('report-file-name'));
  assert.equal(stem, STEM, `suggested file name: want ${STEM}, got ${stem}`);
  await app.screenshot('report-page');
  const t0 = Date.now();
  const drafted = await app.invoke('quarterly_summary', { query: { quarter: Q2, as_of: null, unit: null, action: null } });
  console.log(`quarterly_summary over IPC: ${Date.now() - t0} ms, ${JSON.stringify(drafted).length} characters of JSON`);
  assert.deepEqual(await app.errors(), []);
});

test('a lag note written inline is saved and still there after a reload', async () => {
  const code = await firstBehind();
  const reason = field(`lag-reason-${code}`, 'textarea');
  await app.exec(`document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })`, reason);
  await fill(app, reason, REASON);
  await fill(app, field(`lag-measures-${code}`, 'textarea'), MEASURES);
  await settle(app);
  await app.screenshot('report-lag-note-typed');
  await clickWhenFree(app, `[data-testid="lag-save-${code}"]`);
  await app.waitForText('已保存', { within: `[data-testid="lag-message-${code}"]` });

  const notes = await app.invoke('list_lag_notes', { filter: { quarter: Q2, unit: null, indicator: code } });
  assert.equal(notes.length, 1, `one note for ${code}, got ${JSON.stringify(notes)}`);
  assert.equal(notes[0].reason, REASON, 'the reason as typed');
  assert.equal(notes[0].measures, MEASURES, 'the measures as typed');

  await app.reload();
  await app.byTestId('page-overview', { timeout: 15000 }).catch(() => {});
  await goto(app, '/report', 'page-report');
  await waitForSummary();
  await app.find(field(`lag-reason-${code}`, 'textarea'), { timeout: 10000 });
  const shown = await app.value(field(`lag-reason-${code}`, 'textarea'));
  assert.equal(shown, REASON, `after a reload the reason is there: got ${shown}`);
  await app.exec(`document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })`, `[data-testid="lag-item-${code}"]`);
  await settle(app);
  await app.screenshot('report-lag-note-saved');
  assert.deepEqual(await app.errors(), []);
});

test('导出 Excel and 导出 Word write real files into the folder typed in', async () => {
  await fill(app, field('report-folder'), dir);
  for (const [button, ext, part, wants] of [
    ['report-export-xlsx', 'xlsx', 'xl/sharedStrings.xml', ['2024年第二季度', '结对共建企业', '结对共建行政村', '村企合作项目']],
    ['report-export-docx', 'docx', 'word/document.xml', ['4221', '3702', '4492', HEADLINE, REASON, MEASURES]],
  ]) {
    const path = join(dir, `${STEM}.${ext}`);
    const started = Date.now();
    await clickWhenFree(app, `[data-testid="${button}"]`);
    await app.waitForText(`已导出：${path}`, { within: '[data-testid="report-exported"]', timeout: 30000 });
    console.log(`${ext}: written and reported ${Date.now() - started} ms after the click`);
    assert.ok(existsSync(path), `${path} exists`);
    const bytes = readFileSync(path);
    assert.equal(bytes.subarray(0, 4).toString('hex'), '504b0304', `${ext} starts as a zip archive`);
    const xml = zipPart(bytes, part);
    for (const w of wants) assert.ok(xml.includes(w), `${ext} ${part} contains 「${w}」`);
    if (ext === 'xlsx') {
      const cells = zipNames(bytes)
        .filter((n) => n.startsWith('xl/worksheets/sheet'))
        .map((n) => zipPart(bytes, n))
        .join('');
      for (const n of [4221, 3702, 4492]) assert.ok(cells.includes(`<v>${n}</v>`), `a sheet of the xlsx has a cell of ${n}`);
    }
  }
  await app.screenshot('report-exported');

  // Again: the window asks before replacing, and replaces when told to.
  const path = join(dir, `${STEM}.xlsx`);
  const before = readFileSync(path);
  await clickWhenFree(app, '[data-testid="report-export-xlsx"]');
  await app.waitForText('已存在', { within: '.el-message-box', timeout: 10000 });
  await app.screenshot('report-replace-ask');
  await clickWhenFree(app, '.el-message-box__btns .el-button--primary');
  await app.waitForText(`已导出：${path}`, { within: '[data-testid="report-exported"]', timeout: 30000 });
  assert.equal(readFileSync(path).subarray(0, 4).toString('hex'), '504b0304', 'the replaced file is a workbook');
  assert.ok(before.length > 0, 'there was a file before');
  assert.deepEqual(await app.errors(), []);
});

test('a folder that does not exist is refused in Chinese and nothing is written', async () => {
  const missing = join(dir, '没有的文件夹');
  await fill(app, field('report-folder'), missing);
  await clickWhenFree(app, '[data-testid="report-export-docx"]');
  await app.waitForText('所在文件夹不存在', { within: '[data-testid="report-export-error"]', timeout: 20000 });
  const code = await (await app.byTestId('report-export-error')).attribute('data-code');
  assert.equal(code, 'write_failed', `error code: want write_failed, got ${code}`);
  assert.ok(!existsSync(missing), 'no folder made, nothing written');
  await app.screenshot('report-export-error');
  assert.deepEqual(await app.errors(), []);
});

test('the ranking of units closes the summary; the page reads in English too', async () => {
  await app.exec(`document.querySelector('[data-testid="report-ranking"]').scrollIntoView({ block: 'start' })`);
  await settle(app);
  const ranks = await app.findAll('[data-testid^="report-rank-"]');
  assert.ok(ranks.length >= 10, `units ranked: want at least 10 rows, got ${ranks.length}`);
  await app.screenshot('report-ranking');

  await pick(app, 'lang-switch', 'lang-en');
  await app.waitForText('Quarterly summary', { within: '[data-testid="page-report"]' });
  await app.exec(`document.querySelector('.shell-page').scrollTop = 0`);
  await settle(app);
  await app.screenshot('report-page-en');
  await pick(app, 'lang-switch', 'lang-zh-CN');
  await app.waitForText('季度汇总', { within: '[data-testid="page-report"]' });
  assert.deepEqual(await app.errors(), []);
});

test('an as-of date inside the quarter summarises up to that day', async () => {
  await app.exec(`document.querySelector('[data-testid="report-controls"]').scrollIntoView({ block: 'center' })`);
  await clickWhenFree(app, '[data-testid="report-mode-date"]');
  await fill(app, field('report-asof'), '2024-05-15');
  await app.keys(Keys.ENTER);
  await app.waitForText('截至2024年5月15日', { within: '[data-testid="report-overview"]', timeout: 20000 });
  const period = await app.text('[data-testid="report-period"]');
  assert.equal(period, '（2024年4月1日至5月15日）', `period line: got ${period}`);
  const stem = await app.value(field('report-file-name'));
  assert.equal(stem, `${STEM}（截至5月15日）`, `file name of an early date: got ${stem}`);
  await app.screenshot('report-as-of-date');
  await clickWhenFree(app, '[data-testid="report-mode-quarter"]');
  await app.waitForText('截至2024年6月30日', { within: '[data-testid="report-overview"]', timeout: 20000 });
  assert.deepEqual(await app.errors(), []);
});
