// 设置 → 备份与恢复 in the real window: the start made a backup; 立即备份 adds one with the
// figures read from the file; an entry is recorded (the change); 恢复 on the backup shows
// what it holds, asks, restores, and the window's figures are the earlier ones again (the
// replaced state kept as a 恢复前 backup). 关于 shows where the log and the file are.
// Screenshots of the panel at 1280×720.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launch } from './harness.mjs';
import { clickWhenFree, entryCount, goto, noToasts, settle } from './ui-helpers.mjs';

let app;
before(async () => {
  app = await launch();
  await app.setWindowRect({ width: 1280, height: 720 });
  await app.byTestId('page-overview', { timeout: 15000 });
});
after(async () => {
  await app?.close();
});

/** The backups listed in the panel: each row's entries figure, newest first. */
async function listedEntries() {
  return app.exec(`return [...document.querySelectorAll('[data-testid="backup-entries"]')].map((e) => e.textContent.trim())`);
}

test('a backup, a change, a restore: the earlier figures are back', async () => {
  await goto(app, '/settings?tab=backup', 'settings-backup');
  await app.waitFor(async () => (await listedEntries()).length === 1, { message: 'the start-up backup to be listed' });
  const before = await entryCount(app);
  await clickWhenFree(app, '[data-testid="backup-now"]');
  await app.waitForText('已备份');
  await app.waitFor(async () => (await listedEntries()).length === 2, { message: 'the new backup to be listed' });
  assert.equal((await listedEntries())[0], String(before), 'the new backup holds the ledger\'s entries');
  await noToasts(app);
  await app.screenshot('backup-list');

  const entry = { indicator: '建言献策骨干队伍', unit: '兰山区', occurred_on: '2024-05-02', value: 5, note: '' };
  await app.invoke('record_entry', { entry });
  assert.equal(await entryCount(app), before + 1, 'the change is recorded');

  await clickWhenFree(app, '[data-testid="backup-restore"]');
  await app.find('.el-message-box', { timeout: 5000 });
  await app.waitForText(`完成情况 ${before} 条`, { within: '.el-message-box' });
  await settle(app);
  await app.screenshot('backup-restore-confirm');
  await clickWhenFree(app, '.el-message-box__btns .el-button--primary');
  await app.waitForText('已恢复');
  assert.equal(await entryCount(app), before, 'the restore brings the earlier figure back');
  await app.waitFor(async () => (await listedEntries()).length === 3, { message: 'the 恢复前 backup to be listed' });
  const replaced = (await listedEntries())[0];
  assert.equal(replaced, String(before + 1), 'the 恢复前 backup holds the replaced state');
  await app.waitForText('恢复前', { within: '[data-testid="backup-list"]' });
  await noToasts(app);
  await app.screenshot('backup-restored');
  assert.deepEqual(await app.errors(), []);
});

test('关于 shows where the ledger file and the log are', async () => {
  await goto(app, '/settings?tab=about', 'settings-about');
  const log = await app.text('[data-testid="about-log-dir"]');
  const db = await app.text('[data-testid="about-db-path"]');
  assert.ok(log.endsWith('logs'), `the log folder: ${log}`);
  assert.ok(db.endsWith('.db'), `the ledger file: ${db}`);
  await app.screenshot('settings-about');
  assert.deepEqual(await app.errors(), []);
});
