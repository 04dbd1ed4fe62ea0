// The targets page saves every changed row in one write: a wrong row keeps all of them
// unsaved and says why on its own row; once it is right, all are saved together.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { clickWhenFree, fill, goto, settle, sampleApp } from './ui-helpers.mjs';

const app = sampleApp();

/** Every target of the ledger, as `indicator unit period → value`. */
async function targetsShown() {
  const all = await app.invoke('list_targets', { filter: { indicator: null, unit: null } });
  return Object.fromEntries(all.map((t) => [`${t.indicator_id} ${t.unit_id} ${t.period.start}–${t.period.end}`, t.value]));
}

test('all rows or none: a refused row says why on its row, and nothing is saved until it is right', async () => {
  await goto(app, '/targets', 'page-targets');
  await app.find('input[data-testid="target-input-371302"]', { timeout: 10000 });
  const before = await targetsShown();

  await fill(app, 'input[data-testid="target-input-371302"]', '123');
  await fill(app, 'input[data-testid="target-input-371321"]', '-1');
  await clickWhenFree(app, '[data-testid="targets-save"]');
  await app.waitForText('不能为负数', { within: '[data-testid="targets-table"] .row-error', timeout: 5000 });
  const errors = await app.exec(`return [...document.querySelectorAll('[data-testid="targets-table"] .row-error')].map((e) => e.closest('tr').textContent)`);
  assert.equal(errors.length, 1, `one row says why: ${errors}`);
  assert.match(errors[0], /沂南县/, `the refusal is on 沂南县's row: ${errors[0]}`);
  await settle(app);
  await app.screenshot('targets-refused-row');
  assert.deepEqual(await targetsShown(), before, 'nothing saved while one row is wrong');
  assert.equal(await app.value('input[data-testid="target-input-371302"]'), '123', 'the good row keeps what was typed');

  await fill(app, 'input[data-testid="target-input-371321"]', '45');
  await clickWhenFree(app, '[data-testid="targets-save"]');
  await app.waitFor(async () => (await app.value('input[data-testid="target-input-371321"]')) === '', { message: 'the saved rows to empty' });
  const after = await targetsShown();
  const changed = Object.entries(after).filter(([k, v]) => before[k] !== v);
  assert.deepEqual(changed.map(([, v]) => v).sort((a, b) => a - b), [45, 123], `both rows saved together: ${JSON.stringify(changed)}`);
  const pageErrors = await app.errors();
  assert.deepEqual(pageErrors, [], `errors on the targets page: ${pageErrors.join('\n')}`);
});
