// The native side of the window: its title, the menu's shortcuts as a person presses them
// (through the X server, not WebDriver), clipboard and undo in a text field, and the window
// remembering its size and position after 退出.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { launch } from './harness.mjs';

// Both launches share one HOME (where the window state is kept) and one ledger.
const keep = mkdtempSync(join(tmpdir(), 'taizhang-e2e-window-'));
const home = join(keep, 'home');
const db = join(keep, 'taizhang.db');
let app;
after(async () => {
  await app?.close();
  rmSync(keep, { recursive: true, force: true });
});

test('Ctrl+C, Ctrl+V and Ctrl+Z from the keyboard work in a text field', async () => {
  app = await launch({ home, db });
  await app.byTestId('page-overview', { timeout: 15000 }); // the router has settled
  await app.click('[data-testid="nav-entry"]');
  await app.byTestId('page-entry', { timeout: 10000 });
  await app.click('[data-testid="tab-form"]');
  const note = await app
    .find('[data-testid="entry-note"] input', { timeout: 15000 })
    .catch(async (e) => {
      await app.screenshot('window-no-note-field');
      throw e;
    });
  await app.click(note);
  await app.type(note, '甲乙丙');
  await app.xkeys('ctrl+a');
  await app.xkeys('ctrl+c');
  await app.xkeys('End');
  await app.xkeys('ctrl+v');
  await app.waitFor(async () => (await app.value(note)) === '甲乙丙甲乙丙', { timeout: 3000 }).catch(() => {});
  assert.equal(await app.value(note), '甲乙丙甲乙丙', 'select all, copy, paste at the end doubles the text');
  await app.xkeys('ctrl+z');
  await app.waitFor(async () => (await app.value(note)) === '甲乙丙', { timeout: 3000 }).catch(() => {});
  assert.equal(await app.value(note), '甲乙丙', 'undo takes the paste back');
});

test('退出 (Ctrl+Q) closes the app and the window comes back where it was left', async () => {
  const rect = { x: 40, y: 30, width: 1100, height: 760 };
  await app.setWindowRect(rect);
  await app.xkeys('ctrl+q');
  await app.waitForExit().catch(async (e) => {
    await app.screenshot('window-quit-failed', { screen: true });
    throw e;
  });
  await app.close();

  app = await launch({ home, db });
  const got = await app.windowRect();
  assert.deepEqual(got, rect, `window restored: want ${JSON.stringify(rect)}, got ${JSON.stringify(got)}`);
  const title = await app.windowTitle();
  assert.equal(title, '台账 · Taizhang', `window title, got ${title}`);
});
