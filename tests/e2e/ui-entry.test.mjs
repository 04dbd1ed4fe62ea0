// Entering figures as a clerk does — the fast form and the quarter grid — and seeing the
// overview change; bad input shows the core's Chinese message and writes nothing.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Keys } from './harness.mjs';
import { clickCentered, clickWhenFree, entryCount, fill, focusedTestId, goto, headline, paste, pick, settle, waitForHeadline, sampleApp } from './ui-helpers.mjs';

const app = sampleApp();

/** Opens the form with 基层统战组织 (ZY08) for 兰山区 picked, dated 2024-06-30 by default. */
async function openForm() {
  await goto(app, '/entry?tab=form', 'entry-form');
  await pick(app, 'entry-indicator', 'option-indicator-ZY08');
  await pick(app, 'entry-unit', 'option-unit-371302');
  const date = await app.value('[data-testid="entry-date"] input');
  assert.equal(date, '2024-06-30', `the form's date defaults to the overview's as-of date: got ${date}`);
}

test('a figure entered in the form shows on the overview', async () => {
  const before = await headline(app, 'ZY08');
  assert.equal(before, 384, `ZY08 before: want 384, got ${before}`);
  await openForm();
  await fill(app, '[data-testid="entry-value"] input', '7');
  await app.byTestId('entry-valid', { timeout: 5000 }); // the core checked it as typed
  await app.keys(Keys.ENTER); // Enter moves on to the note
  const focused = await focusedTestId(app);
  assert.equal(focused, 'entry-note', `Enter in the value field moves to the note: focus is on ${focused}`);
  await app.keys('e2e 表单录入');
  await app.keys(Keys.CONTROL + Keys.ENTER); // Ctrl+Enter saves
  await app.waitForText('基层统战组织', { within: '[data-testid="recent-entries"]' });
  const value = await app.value('[data-testid="entry-value"] input');
  assert.equal(value, '', `the value is cleared after saving, got ${JSON.stringify(value)}`);

  await goto(app, '/overview', 'page-overview');
  await waitForHeadline(app, 'ZY08', 391);
  await app.waitForText('391', { within: '[data-testid="headline-ZY08"]' });
});

test('invalid values in the form show the Chinese rule and save nothing', async () => {
  const count = await entryCount(app);
  await openForm();
  // (value typed, date typed or null, field that shows the message, words of the message)
  const cases = [
    ['-5', null, 'entry-value', '不能为负数'],
    ['1.5', null, 'entry-value', '小数'],
    ['abc', null, 'entry-value', '不是有效数值'],
    ['3', '2099-01-01', 'entry-date', '2099-01-01'],
  ];
  for (const [value, date, field, words] of cases) {
    if (date) {
      await fill(app, '[data-testid="entry-date"] input', date + Keys.ENTER);
    }
    await fill(app, '[data-testid="entry-value"] input', value);
    await app.waitForText(words, { within: `[data-testid="${field}"] .el-form-item__error`, timeout: 5000 });
    await clickWhenFree(app, '[data-testid="entry-save"]');
    await settle(app);
    await app.waitForText(words, { within: `[data-testid="${field}"] .el-form-item__error` });
  }
  await app.screenshot('entry-form-error');
  const after = await entryCount(app);
  assert.equal(after, count, `entries after refused saves: want ${count}, got ${after}`);
});

test('in English, the core\'s refusal reads in English and still saves nothing', async () => {
  const count = await entryCount(app);
  await goto(app, '/entry?tab=form', 'entry-form');
  await pick(app, 'entry-indicator', 'option-indicator-ZY08');
  await pick(app, 'entry-unit', 'option-unit-371302');
  await pick(app, 'lang-switch', 'lang-en');
  try {
    await fill(app, '[data-testid="entry-date"] input', '2099-01-01' + Keys.ENTER);
    await fill(app, '[data-testid="entry-value"] input', '-5');
    // Worded in the window from the error's code and parameters, not the core's Chinese.
    await app.waitForText('"Value" cannot be negative (got -5)', { within: '[data-testid="entry-value"] .el-form-item__error', timeout: 5000 });
    await fill(app, '[data-testid="entry-value"] input', '3');
    await app.waitForText('is out of range: after today', { within: '[data-testid="entry-date"] .el-form-item__error', timeout: 5000 });
    const shown = await app.text('[data-testid="entry-date"] .el-form-item__error');
    assert.doesNotMatch(shown, /[\u4e00-\u9fff]/, `no Chinese left in the English message: ${shown}`);
    await clickWhenFree(app, '[data-testid="entry-save"]');
    await settle(app);
    await app.screenshot('entry-form-error-en');
  } finally {
    await pick(app, 'lang-switch', 'lang-zh-CN');
  }
  const after = await entryCount(app);
  assert.equal(after, count, `entries after a refused save: want ${count}, got ${after}`);
});

test('figures entered in the quarter grid show on the overview', async () => {
  await goto(app, '/overview', 'page-overview');
  const before = await headline(app, 'ZY08');
  await goto(app, '/entry?tab=grid', 'entry-grid');
  await pick(app, 'grid-action', 'option-action-investment');
  await app.waitForText('2024-06-30', { within: '[data-testid="grid-dated"]' });

  // Type in one cell, move with the keys the way a spreadsheet does.
  const first = '[data-testid="grid-cell-371302-ZY08"]'; // 兰山区 × 基层统战组织
  await clickCentered(app, first);
  await app.keys('5');
  await app.keys(Keys.ENTER); // down to 罗庄区
  let focused = await focusedTestId(app);
  assert.equal(focused, 'grid-cell-371311-ZY08', `Enter moves down a row: focus is on ${focused}`);
  await app.keys(Keys.RIGHT); // the empty cell lets the arrow move
  focused = await focusedTestId(app);
  assert.equal(focused, 'grid-cell-371311-ZY09', `Right moves to the next column: focus is on ${focused}`);
  await app.keys(Keys.LEFT);

  // Paste a 2 × 2 block from Excel at 河东区 × 基层统战组织.
  await paste(app, '[data-testid="grid-cell-371312-ZY08"]', '10\t4\r\n3\t1\r\n');
  // (cell, value it must hold)
  const cells = [
    ['371312-ZY08', '10'],
    ['371312-ZY09', '4'],
    ['371321-ZY08', '3'],
    ['371321-ZY09', '1'],
  ];
  for (const [cell, want] of cells) {
    const got = await app.value(`[data-testid="grid-cell-${cell}"]`);
    assert.equal(got, want, `pasted cell ${cell}: want ${want}, got ${got}`);
  }
  await app.screenshot('entry-grid-filled');
  await clickWhenFree(app, '[data-testid="grid-save"]');
  await app.waitFor(async () => (await app.value(first)) === '', { message: 'the grid to empty after saving' });

  await goto(app, '/overview', 'page-overview');
  await waitForHeadline(app, 'ZY08', before + 5 + 10 + 3);
});

test('a bad cell in the grid shows the Chinese rule and saves nothing', async () => {
  const count = await entryCount(app);
  await goto(app, '/entry?tab=grid', 'entry-grid');
  await pick(app, 'grid-action', 'option-action-investment');
  await clickCentered(app, '[data-testid="grid-cell-371302-ZY08"]');
  await app.keys('8');
  await clickCentered(app, '[data-testid="grid-cell-371311-ZY08"]');
  await app.keys('-5');
  await app.waitForText('不能为负数', { within: '[data-testid="grid-errors"]', timeout: 5000 });
  const bad = await app.exec(`return document.querySelector('[data-testid="grid-cell-371311-ZY08"]').closest('td').classList.contains('bad')`);
  assert.equal(bad, true, 'the refused cell is marked');
  await clickWhenFree(app, '[data-testid="grid-save"]');
  await settle(app);
  await app.screenshot('entry-grid-error');
  const after = await entryCount(app);
  assert.equal(after, count, `entries after a refused grid save (all or nothing): want ${count}, got ${after}`);
  const kept = await app.value('[data-testid="grid-cell-371302-ZY08"]');
  assert.equal(kept, '8', `the good cell keeps its value for fixing and saving again, got ${kept}`);
});

test('Ctrl+Z (the menu’s 撤销) takes back a block pasted into the grid', async () => {
  await goto(app, '/entry?tab=grid', 'entry-grid');
  await pick(app, 'grid-action', 'option-action-investment');
  const cell = '[data-testid="grid-cell-371323-ZY01"]'; // 沂水县 × the action's first indicator
  await clickCentered(app, cell);
  await app.keys('6');
  await paste(app, '[data-testid="grid-cell-371324-ZY01"]', '1\t2\r\n');
  const pasted = await app.value('[data-testid="grid-cell-371324-ZY02"]');
  assert.equal(pasted, '2', `pasted cell before undo: want 2, got ${pasted}`);
  await app.xkeys('ctrl+z');
  await app.waitFor(async () => (await app.value('[data-testid="grid-cell-371324-ZY02"]')) === '', {
    message: 'the pasted block to go after Ctrl+Z',
  });
  // (cell, value after one undo): the paste is gone, the typed cell stays
  const cases = [
    ['371324-ZY01', ''],
    ['371324-ZY02', ''],
    ['371323-ZY01', '6'],
  ];
  for (const [c, want] of cases) {
    const got = await app.value(`[data-testid="grid-cell-${c}"]`);
    assert.equal(got, want, `cell ${c} after undo: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
});

test('entering reported no errors', async () => {
  const errors = await app.errors();
  assert.deepEqual(errors, [], `console errors, uncaught errors or CSP violations: ${errors.join('\n')}`);
});
