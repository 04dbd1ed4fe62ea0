// Accounts, roles and the audit trail in the real window, on the sample ledger. The ledger
// starts in single-user mode; the first account, made in 设置 → 账号, is an administrator and
// the window signs in as it. A 兰山区 clerk then signs in (a wrong password first), adds an
// entry for 兰山区, sees no 编辑/删除 on 沂南县's register rows, and a write for 沂南县 forced
// through the IPC is refused with the core's Chinese message; a leader (viewer) sees the
// overview and cannot write; 操作记录 shows an edit's old and new values, and the entry's
// 历史 its versions. Screenshots: login, accounts, 操作记录, an entry's 历史.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Keys, launch } from './harness.mjs';
import { clickWhenFree, entryCount, fill, goto, noToasts, pick, settle } from './ui-helpers.mjs';

const ADMIN = { login: 'admin', display: '张管理', password: 'Admin2024' };
const CLERK = { login: 'wang', display: '王某某', password: 'Clerk2024' };
const VIEWER = { login: 'li', display: '李领导', password: 'Leader2024' };
const LANSHAN = '371302';
const YINAN = '371321';

/** An Element Plus input's native field (the test id lands on the input itself or its wrapper). */
const field = (id) => `input[data-testid="${id}"], [data-testid="${id}"] input`;

let app;
let units;
/** {code, yinan: row ids, lanshan: row ids} of an activity register. */
let register;
before(async () => {
  app = await launch();
  await app.setWindowRect({ width: 1280, height: 720 });
  await app.byTestId('page-overview', { timeout: 15000 });
  units = await app.invoke('list_units', { includeArchived: false });
});
after(async () => {
  await app?.close();
});

const unitId = (code) => units.find((u) => u.code === code).id;

/** Whether the first matching element is fully inside the 1280×720 window. */
function inWindow(css) {
  return app.exec(`const el = document.querySelector(arguments[0]); if (!el) return false;
    const r = el.getBoundingClientRect(); return r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight`, css);
}

async function signIn({ login, password }) {
  await app.byTestId('login-screen', { timeout: 10000 });
  await fill(app, field('login-name'), login);
  await fill(app, field('login-password'), password);
  await app.keys(Keys.ENTER); // Enter submits
  await app.byTestId('page-overview', { timeout: 15000 });
}

async function signOut() {
  await noToasts(app);
  await clickWhenFree(app, '[data-testid="account-who"]');
  await app.waitFor(() => app.exec(`const o = document.querySelector('[data-testid="account-signout"]'); return !!o && o.getBoundingClientRect().height >= 20`), {
    message: 'the account menu to open',
  });
  await clickWhenFree(app, '[data-testid="account-signout"]');
  await app.byTestId('login-screen', { timeout: 10000 });
}

/** Whether the IPC refused the write: resolves with the error ({code, message, field}). */
async function refused(cmd, args) {
  try {
    await app.invoke(cmd, args);
  } catch (e) {
    return e.ipc;
  }
  assert.fail(`${cmd} ${JSON.stringify(args)} was accepted; want it refused`);
}

test('single-user mode says so; the first account is an administrator and the window signs in as it', async () => {
  await app.waitForText('单机模式', { within: '[data-testid="top-bar"]' });
  await goto(app, '/settings?tab=accounts', 'settings-accounts');
  await app.waitForText('第一个账号必须是管理员', { within: '[data-testid="accounts-first"]' });
  await clickWhenFree(app, '[data-testid="accounts-add"]');
  await app.byTestId('account-dialog');
  await settle(app);
  const role = await app.text('[data-testid="account-role-select"]');
  assert.ok(role.includes('管理员'), `the first account's role is fixed to 管理员: got 「${role}」`);
  await fill(app, field('account-login'), ADMIN.login);
  await fill(app, field('account-display'), ADMIN.display);
  // A weak password is refused beside the field, by the core.
  await fill(app, field('account-password'), 'short');
  await fill(app, field('account-repeat'), 'short');
  await clickWhenFree(app, '[data-testid="account-save"]');
  await app.waitFor(() => app.exec(`return [...document.querySelectorAll('[data-testid="account-dialog"] .el-form-item__error')].some((e) => e.textContent.trim().length > 0)`), {
    message: 'the weak password refused beside the field',
  });
  await fill(app, field('account-password'), ADMIN.password);
  await fill(app, field('account-repeat'), ADMIN.password);
  await clickWhenFree(app, '[data-testid="account-save"]');
  await app.waitForText(ADMIN.display, { within: '[data-testid="account-name"]' });
  await app.waitForText('管理员', { within: '[data-testid="account-role"]' });
  const session = await app.invoke('session_info', {});
  assert.equal(session.account?.login, ADMIN.login, `the window is signed in as the new admin: ${JSON.stringify(session.account)}`);

  // The clerk of 兰山区 and a leader, through the commands the panel uses.
  await app.invoke('add_account', { account: { login: CLERK.login, display_name: CLERK.display, role: 'clerk', unit: LANSHAN, password: CLERK.password } });
  await app.invoke('add_account', { account: { login: VIEWER.login, display_name: VIEWER.display, role: 'viewer', unit: null, password: VIEWER.password } });
  await goto(app, '/overview', 'page-overview');
  await goto(app, '/settings?tab=accounts', 'settings-accounts');
  await app.byTestId(`account-state-${VIEWER.login}`, { timeout: 10000 });
  for (const want of [ADMIN.display, CLERK.display, VIEWER.display, '兰山区', '填报员', '领导', '正常']) {
    await app.waitForText(want, { within: '[data-testid="accounts-table"]' });
  }
  await settle(app);
  await app.screenshot('accounts');

  // A register with rows of both 沂南县 and 兰山区, seen as the admin (the whole city).
  const rowsOf = async (code, unit) =>
    (await app.invoke('list_register_rows', {
      filter: { register: code, search: null, unit: unitId(unit), status: null, from: null, to: null, match_field: null, match_value: null, limit: 50, offset: 0 },
    })).rows.filter((r) => r.unit_id === unitId(unit)).map((r) => r.id);
  for (const ty of await app.invoke('list_register_types', {})) {
    const [yinan, lanshan] = [await rowsOf(ty.code, YINAN), await rowsOf(ty.code, LANSHAN)];
    if (yinan.length && lanshan.length) {
      register = { code: ty.code, yinan, lanshan };
      break;
    }
  }
  assert.ok(register, 'a register with rows of both 沂南县 and 兰山区 in the sample');
  assert.ok(await inWindow(`[data-testid="account-reset-${VIEWER.login}"]`), 'the row buttons fit in 1280×720');
  assert.deepEqual(await app.errors(), []);
});

test('a 兰山区 clerk signs in, adds an entry for 兰山区, cannot change 沂南县’s rows, and a forced write is refused', async () => {
  await signOut();
  // A wrong password: the core's message under the password field, with the attempts left.
  await fill(app, field('login-name'), CLERK.login);
  await fill(app, field('login-password'), 'wrong-password1');
  await app.keys(Keys.ENTER);
  await app.waitFor(() => app.exec(`const e = document.querySelector('[data-testid="login-password-item"] .el-form-item__error'); return !!e && e.textContent.trim().length > 0`), {
    message: 'the wrong password refused under the field',
  });
  await settle(app);
  await app.screenshot('login');
  assert.ok(await inWindow('[data-testid="login-submit"]'), 'the login card fits in 1280×720');
  await signIn(CLERK);
  await app.waitForText(CLERK.display, { within: '[data-testid="account-name"]' });
  await app.waitForText('兰山区填报员', { within: '[data-testid="account-role"]' });

  // An entry for 兰山区 through the form.
  const before = await entryCount(app);
  await goto(app, '/entry?tab=form', 'entry-form');
  await pick(app, 'entry-indicator', 'option-indicator-ZY08');
  await pick(app, 'entry-unit', `option-unit-${LANSHAN}`);
  await fill(app, '[data-testid="entry-value"] input', '7');
  await app.byTestId('entry-valid', { timeout: 5000 });
  await app.keys(Keys.CONTROL + Keys.ENTER);
  await app.waitForText('基层统战组织', { within: '[data-testid="recent-entries"]' });
  assert.equal(await entryCount(app), before + 1, 'the clerk’s entry for 兰山区 was saved');

  // The same form for 沂南县: 保存 is disabled with the reason.
  await pick(app, 'entry-unit', `option-unit-${YINAN}`);
  const denied = await app.exec(`const b = document.querySelector('[data-testid="entry-save"]'); return b && b.disabled ? b.getAttribute('data-denied') : null`);
  assert.ok(denied && denied.includes('沂南县'), `保存 for 沂南县 is disabled with the reason: got ${JSON.stringify(denied)}`);

  // Forced through the IPC, the core refuses it in Chinese and writes nothing.
  const count = await entryCount(app);
  const err = await refused('record_entry', { entry: { indicator: 'ZY08', unit: YINAN, occurred_on: '2024-06-30', value: 3, note: 'e2e 越权' } });
  assert.equal(err.code, 'forbidden', `the forced write's code: ${JSON.stringify(err)}`);
  assert.match(err.message, /兰山区填报员无权(新增|修改)沂南县的数据/, `the forced write's message: ${err.message}`);
  assert.equal(await entryCount(app), count, 'the refused write wrote nothing');

  // Register rows of 沂南县 (found while the admin was signed in) offer the 兰山区 clerk no
  // 编辑/删除 — the core lists the rows behind the figures only within the clerk's scope, so
  // they are not even shown —, while 兰山区's rows have both.
  await goto(app, `/registers/r/${register.code}?drill=1&unit=${unitId(YINAN)}`, `page-register-${register.code}`);
  // Loaded: rows, the empty state, or the core's refusal to list another unit's rows.
  await app.waitFor(() => app.exec(`const p = document.querySelector(arguments[0]);
      return !!p && !p.querySelector('[data-testid="state-loading"]') && !!p.querySelector('[data-testid="state-empty"], [data-testid="state-error"], [data-testid="register-table"] .el-table-v2__row')`, `[data-testid="page-register-${register.code}"]`), {
    timeout: 10000,
    message: 'the 沂南县 view to load',
  });
  await settle(app);
  const offered = await app.exec(`return arguments[0].filter((id) => document.querySelector('[data-testid="register-edit-' + id + '"], [data-testid="register-delete-' + id + '"]'))`, register.yinan);
  assert.deepEqual(offered, [], '沂南县’s rows offer no 编辑/删除 to the 兰山区 clerk');
  const anyEdit = await app.findAll('[data-testid="register-table"] [data-testid^="register-edit-"]');
  assert.equal(anyEdit.length, 0, `no row of the 沂南县 view is editable: found ${anyEdit.length}`);
  const add = await app.exec(`const b = document.querySelector('[data-testid="register-add"]'); return b ? { disabled: b.disabled } : null`);
  assert.deepEqual(add, { disabled: false }, 'the clerk may still add rows (of 兰山区)');
  await goto(app, `/registers/r/${register.code}?drill=1&unit=${unitId(LANSHAN)}`, `page-register-${register.code}`);
  await app.byTestId(`register-edit-${register.lanshan[0]}`, { timeout: 10000 });
  await app.byTestId(`register-history-${register.lanshan[0]}`);
  assert.deepEqual(await app.errors(), []);
});

test('操作记录 shows an edit’s old and new values; the entry’s 历史 lists its versions', async () => {
  const page = await app.invoke('list_entries', {
    filter: { indicator: 'ZY08', unit: unitId(LANSHAN), include_subunits: false, from: null, to: null, limit: 200, offset: 0 },
  });
  const ours = page.rows.find((e) => e.value === 7 && !e.is_sample);
  assert.ok(ours, 'the clerk’s entry of 7 is listed');
  await app.invoke('update_entry', { id: ours.id, change: { unit: null, occurred_on: null, value: 9, note: 'e2e 更正' } });

  await goto(app, '/audit', 'page-audit');
  await pick(app, 'audit-table', 'audit-table-progress_entry');
  await app.waitForText('7 → 9', { within: '[data-testid="audit-table-rows"]' });
  await app.waitForText(CLERK.display, { within: '[data-testid="audit-table-rows"]' });
  await app.waitForText('修改', { within: '[data-testid="audit-table-rows"]' });
  await clickWhenFree(app, '[data-testid="audit-verify"]');
  await app.byTestId('audit-verdict', { timeout: 30000 });
  await app.waitForText('留痕完整', { within: '[data-testid="audit-verdict"]' });
  const ok = await app.exec(`return document.querySelector('[data-testid="audit-verdict"]').dataset.ok`);
  assert.equal(ok, 'true', 'the untouched trail verifies');
  await settle(app);
  await app.screenshot('audit');

  const indicator = (await app.invoke('list_indicators', { action: null, includeArchived: false })).find((i) => i.code === 'ZY08');
  await goto(app, `/indicator/${indicator.id}`, 'page-indicator');
  await app.exec(`const el = document.querySelector('[data-testid="entry-list"]'); el && el.scrollIntoView({ block: 'start' })`);
  await app.byTestId(`entry-history-${ours.id}`, { timeout: 10000 });
  await app.exec(`document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })`, `[data-testid="entry-history-${ours.id}"]`);
  await clickWhenFree(app, `[data-testid="entry-history-${ours.id}"]`);
  await app.byTestId('history-dialog');
  await app.waitForText('7 → 9', { within: '[data-testid="history-dialog"]' });
  await app.waitForText('新增', { within: '[data-testid="history-dialog"]' });
  await settle(app);
  await app.screenshot('entry-history');
  assert.ok(await inWindow('[data-testid="history-close"]'), 'the history dialog fits in 1280×720');
  await clickWhenFree(app, '[data-testid="history-close"]');
  assert.deepEqual(await app.errors(), []);
});

test('a leader (viewer) sees the overview and cannot write', async () => {
  await signOut();
  await signIn(VIEWER);
  await app.waitForText('领导', { within: '[data-testid="account-role"]' });
  await app.find('[data-testid^="headline-"]', { timeout: 10000 });

  await goto(app, '/entry?tab=form', 'entry-form');
  const save = await app.exec(`const b = document.querySelector('[data-testid="entry-save"]'); return b ? { disabled: b.disabled, why: b.getAttribute('data-denied') } : null`);
  assert.ok(save?.disabled && /只能查看/.test(save.why ?? ''), `录入's 保存 is disabled for a leader, with the reason: ${JSON.stringify(save)}`);

  await goto(app, '/registers/pairings', 'page-pairings');
  await app.find('[data-testid="pairings-table"] [data-testid^="pairing-history-"]', { timeout: 10000 });
  const add = await app.exec(`return document.querySelector('[data-testid="pairings-add"]').disabled`);
  assert.equal(add, true, 'a leader cannot add a pairing');
  const edits = await app.findAll('[data-testid^="pairing-edit-"], [data-testid^="pairing-delete-"]');
  assert.equal(edits.length, 0, `a leader sees no 编辑/删除: found ${edits.length}`);
  await goto(app, '/settings', 'page-settings');
  await app.byTestId('settings-tab-sample');
  const tabs = await app.findAll('[data-testid="settings-tab-accounts"]');
  assert.equal(tabs.length, 0, 'the 账号 tab is not offered to a leader');

  const count = await entryCount(app);
  const err = await refused('record_entry', { entry: { indicator: 'ZY08', unit: LANSHAN, occurred_on: '2024-06-30', value: 1, note: '' } });
  assert.equal(err.code, 'forbidden', `a leader's write: ${JSON.stringify(err)}`);
  assert.equal(await entryCount(app), count, 'the leader’s refused write wrote nothing');
  assert.deepEqual(await app.errors(), []);
});
