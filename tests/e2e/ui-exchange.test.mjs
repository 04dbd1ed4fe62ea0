// 数据交换 in the real window. Set up with the CLI (target/debug/taizhang): a city ledger
// with the sample and a round for 2024Q2; its initial package for 兰山区; 兰山区's ledger made
// from it, a pairing's note edited and an entry added there, its package to the city; the
// city edits the same pairing's note meanwhile. Then, in the city's window: the page shows
// the role and the fingerprint; the package's preview is refused until 兰山区's key is trusted
// (fingerprint shown, confirmed); the preview lists counts, the conflict and the round
// marked; applying it records it in 收发记录; the conflict takes the other version; a
// package for 兰山区 is exported into a folder. Screenshots at 1280×900.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { ROOT, launch } from './harness.mjs';
import { clickWhenFree, fill, goto, noToasts, pick, settle } from './ui-helpers.mjs';

const CLI = process.env.TAIZHANG_CLI ?? join(ROOT, 'target/debug/taizhang');
const work = mkdtempSync(join(tmpdir(), 'taizhang-exchange-'));
const cityDb = join(work, 'city.db');
const countyDb = join(work, 'county.db');
const boot = join(work, 'boot.tzp');
const up = join(work, 'up.tzp');
const outDir = join(work, 'out');

/** Runs the CLI on `db`; returns its stdout, or fails the test with what it said. */
function cli(db, ...args) {
  const r = spawnSync(CLI, ['--db', db, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
  assert.equal(r.status, 0, `taizhang ${args.join(' ')}: ${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

let app;
let pairingId;
let countyFingerprint;
before(async () => {
  assert.ok(existsSync(CLI), `the CLI is built (${CLI}): cargo build -p taizhang-cli`);
  cli(cityDb, 'sample');
  cli(cityDb, 'round', 'open', '--quarter', '2024Q2', '--due', '2024-07-10');
  const pairings = JSON.parse(cli(cityDb, 'pairings', 'list', '--unit', '兰山区', '--limit', '1', '--format', 'json'));
  pairingId = (pairings.rows ?? pairings)[0].id;
  cli(cityDb, 'exchange', 'export', '--for', '兰山区', '--out', boot);
  cli(countyDb, 'exchange', 'import', boot);
  cli(countyDb, 'pairings', 'edit', pairingId, '--note', '县里改的备注');
  cli(countyDb, 'record', '--indicator', 'JY05', '--unit', '兰山区', '--date', '2024-06-10', '--value', '3');
  countyFingerprint = cli(countyDb, 'exchange', 'key').trim().split('\n').pop().trim();
  cli(countyDb, 'exchange', 'export', '--to-city', '--out', up);
  cli(cityDb, 'pairings', 'edit', pairingId, '--note', '市里改的备注');

  app = await launch({ db: cityDb });
  await app.setWindowRect({ width: 1280, height: 900 });
  await app.byTestId('page-overview', { timeout: 15000 });
});
after(async () => {
  await app?.close();
});

test('a county package: trusted by fingerprint, previewed, applied, a conflict taken, a package exported', async () => {
  await goto(app, '/exchange', 'page-exchange');
  await app.waitForText('市级台账', { within: '[data-testid="exchange-role"]' });
  const shown = await app.text('[data-testid="exchange-fingerprint"]');
  assert.equal(shown.replace(/\s+/g, '').length, 64, `64 hex characters: ${shown}`);
  await app.screenshot('exchange-page');

  // Not trusted yet: the preview is refused and shows 兰山区's fingerprint to compare.
  await fill(app, '[data-testid="exchange-import-path"]', up);
  await clickWhenFree(app, '[data-testid="exchange-preview"]');
  await app.byTestId('exchange-trust', { timeout: 10000 });
  const fp = await app.text('[data-testid="exchange-trust-fingerprint"]');
  assert.equal(fp.replace(/\s+/g, ''), countyFingerprint.replace(/\s+/g, ''), 'the fingerprint the county reads out');
  await settle(app);
  await app.screenshot('exchange-trust');

  // Trusted: the preview lists what the package does, writing nothing.
  await clickWhenFree(app, '[data-testid="exchange-trust-confirm"]');
  await app.byTestId('exchange-preview-result', { timeout: 20000 });
  await app.waitForText('兰山区的第1号包', { within: '[data-testid="exchange-preview-result"]' });
  await app.byTestId('exchange-preview-conflicts');
  await app.waitForText('2024年第二季度', { within: '[data-testid="exchange-marked"]' });
  const status = await app.invoke('exchange_status');
  assert.equal(status.packages.filter((p) => p.direction === 'received').length, 0, 'a preview records nothing');
  await settle(app);
  await app.screenshot('exchange-preview');

  // Applied: 收发记录 has it; the round's board says 已报.
  await clickWhenFree(app, '[data-testid="exchange-apply"]');
  await app.byTestId('exchange-import-result', { timeout: 20000 });
  await app.waitForText('已导入', { within: '[data-testid="exchange-history"]' });
  const board = await app.invoke('round_board', { quarter: '2024Q2' });
  assert.equal(board.find((r) => r.unit === '兰山区')?.state, 'submitted', '兰山区 已报');
  await noToasts(app);
  await settle(app);
  await app.screenshot('exchange-applied');

  // The conflict: the county's note stands; take the city's.
  await clickWhenFree(app, '[data-testid="exchange-tab-conflicts"]');
  await app.waitForText('县里改的备注', { within: '[data-testid="exchange-conflicts"]' });
  const [conflict] = (await app.invoke('exchange_conflicts')).filter((c) => c.kind === 'conflict');
  assert.equal(conflict.stands, 'theirs', 'the owner (兰山区) stands by default');
  await settle(app);
  await app.screenshot('exchange-conflicts');
  await clickWhenFree(app, `[data-testid="exchange-take-${conflict.id}"]`);
  await app.waitFor(async () => (await app.invoke('exchange_conflicts')).find((c) => c.id === conflict.id)?.stands === 'ours', {
    message: 'the city version to stand',
  });
  const pairings = await app.invoke('list_pairings', { filter: { unit: '兰山区', limit: 500 } });
  assert.equal(pairings.rows.find((p) => p.id === pairingId)?.note, '市里改的备注', 'the city\'s note taken');
  await app.waitForText('改用对方的版本', { within: '[data-testid="exchange-conflicts"]' });
  await settle(app);
  await app.screenshot('exchange-conflict-taken');

  // Export the next package for 兰山区 into a folder.
  await pick(app, 'exchange-export-unit', 'option-unit-371302');
  await fill(app, '[data-testid="exchange-export-folder"]', outDir);
  spawnSync('mkdir', ['-p', outDir]);
  await clickWhenFree(app, '[data-testid="exchange-export-submit"]');
  await app.byTestId('exchange-export-result', { timeout: 20000 });
  await app.waitForText('第2号包', { within: '[data-testid="exchange-export-result"]' });
  assert.deepEqual(readdirSync(outDir), ['临沂市至兰山区-第2号.tzp'], 'the package under its name');
  await settle(app);
  await app.screenshot('exchange-exported');
  assert.deepEqual(await app.errors(), []);
});
