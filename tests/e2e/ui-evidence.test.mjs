// 佐证材料 in the real window, on the sample ledger: 佐证 beside an entry on the indicator
// page opens the dialog; a PNG typed in by its path is attached and listed (完好), a program
// renamed .pdf is refused with the core's Chinese reason and nothing is written.
// Screenshots of the dialog.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { launch } from './harness.mjs';
import { clickWhenFree, fill, goto, settle } from './ui-helpers.mjs';

const field = (id) => `input[data-testid="${id}"], [data-testid="${id}"] input`;
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let app;
let files;
before(async () => {
  app = await launch();
  await app.setWindowRect({ width: 1280, height: 720 });
  await app.byTestId('page-overview', { timeout: 15000 });
  files = mkdtempSync(join(tmpdir(), 'tz-evidence-'));
});
after(async () => {
  await app?.close();
});

test('a PNG attached to an entry is listed; a program renamed .pdf is refused with the reason', async () => {
  const indicator = (await app.invoke('list_indicators', { action: null, includeArchived: false })).find((i) => i.code === 'ZY08');
  await goto(app, `/indicator/${indicator.id}`, 'page-indicator');
  await app.exec(`const el = document.querySelector('[data-testid="entry-list"]'); el && el.scrollIntoView({ block: 'start' })`);
  const button = await app.find('[data-testid^="entry-evidence-"]', { timeout: 10000 });
  const testid = await app.exec(`return document.querySelector('[data-testid^="entry-evidence-"]').dataset.testid`);
  const entryId = testid.replace('entry-evidence-', '');
  assert.ok(button && entryId, 'a 佐证 button beside the first entry');
  await app.exec(`document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })`, `[data-testid="${testid}"]`);
  await clickWhenFree(app, `[data-testid="${testid}"]`);
  await app.byTestId('evidence-dialog');
  await app.waitForText('还没有佐证材料', { within: '[data-testid="evidence-dialog"]' });

  const png = join(files, '活动现场.png');
  writeFileSync(png, PNG);
  await fill(app, field('evidence-path'), png);
  await fill(app, field('evidence-note'), '端到端测试');
  await clickWhenFree(app, '[data-testid="evidence-add"]');
  await app.waitForText('活动现场.png', { within: '[data-testid="evidence-table"]' });
  await app.waitForText('完好', { within: '[data-testid="evidence-table"]' });
  await settle(app);
  await app.screenshot('evidence-dialog');

  const fake = join(files, '通知.pdf');
  writeFileSync(fake, Buffer.from('MZ\x90\x00This program cannot be run in DOS mode', 'latin1'));
  await fill(app, field('evidence-path'), fake);
  await clickWhenFree(app, '[data-testid="evidence-add"]');
  await app.waitForText('文件内容不是PDF（扩展名为.pdf）', { within: '[data-testid="evidence-error"]' });
  await settle(app);
  await app.screenshot('evidence-refused');

  const listed = await app.invoke('list_evidence', { target: { kind: 'entry', id: entryId } });
  assert.deepEqual(listed.map((e) => [e.file_name, e.media_type, e.intact]), [['活动现场.png', 'image/png', true]]);
  await clickWhenFree(app, '[data-testid="evidence-close"]');
  assert.deepEqual(await app.errors(), []);
});
