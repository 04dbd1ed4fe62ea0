// Drill-downs from the keyboard: every one is a link or a button that Tab reaches and
// Enter follows (issue 13), on the sample ledger.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Keys } from './harness.mjs';
import { focusedTestId, goto, settle, sampleApp } from './ui-helpers.mjs';

const app = sampleApp();

/** Focuses the first element matching `css` and says whether Tab can reach it. */
async function focusFirst(css) {
  await app.find(css, { timeout: 10000 });
  return app.exec(`const el = document.querySelector(${JSON.stringify(css)}); el.focus(); return el.tabIndex >= 0 && document.activeElement === el`);
}

test('an indicator behind pace opens from the keyboard', async () => {
  await goto(app, '/overview', 'page-overview');
  const row = '[data-testid="behind-list"] [data-testid^="behind-"]';
  assert.ok(await focusFirst(row), 'a row of 落后于序时进度的指标 takes focus in the Tab order');
  const first = await focusedTestId(app);
  await app.keys(Keys.TAB);
  const second = await focusedTestId(app);
  assert.ok(second?.startsWith('behind-') && second !== 'behind-list' && second !== first, `Tab moves to the next row: from ${first} to ${second}`);
  const name = (await app.exec(`return document.activeElement.querySelector('.name').textContent`)).trim();
  await app.keys(Keys.ENTER);
  await app.byTestId('page-indicator', { timeout: 10000 });
  await app.waitForText(name, { within: '[data-testid="page-indicator"]' });
});

test('a unit of the ranking opens from the keyboard', async () => {
  await goto(app, '/overview', 'page-overview');
  assert.ok(await focusFirst('[data-testid^="ranking-open-"]'), 'a unit of the ranking is a button Tab reaches');
  const name = (await app.exec('return document.activeElement.textContent')).trim();
  assert.ok(name, 'the button names the unit');
  await app.keys(Keys.ENTER);
  await app.waitForText(name, { within: '[data-testid="overview-subtitle"]', timeout: 10000 });
  await settle(app);
  await app.screenshot('overview-keyboard-unit');
  await goto(app, '/overview', 'page-overview');
});

test('an indicator of an action opens from the keyboard', async () => {
  await goto(app, '/action/prosperity', 'page-action');
  assert.ok(await focusFirst('[data-testid="indicator-table"] a.ind-name'), 'the indicator name is a link Tab reaches');
  const name = (await app.exec('return document.activeElement.textContent')).trim();
  await app.keys(Keys.ENTER);
  await app.byTestId('page-indicator', { timeout: 10000 });
  await app.waitForText(name, { within: '[data-testid="page-indicator"]' });
  const errors = await app.errors();
  assert.deepEqual(errors, [], `errors while drilling down from the keyboard: ${errors.join('\n')}`);
});
