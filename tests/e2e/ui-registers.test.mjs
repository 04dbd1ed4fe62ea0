// The 结对共建 register in the real window, on the sample ledger: the overview's
// 结对共建企业 figure is derived from it, so a pairing with a new enterprise raises it by
// one and a second pairing of that same enterprise does not. The figure drills down to
// the rows behind it. Editing: 编辑 and the keyboard (↓, Enter) open the dialog prefilled;
// ending both pairings in it lowers the figure and its drill-down; a refused project edit
// shows the core's Chinese message and changes nothing. 修改企业信息 in the pairing dialog
// renames the enterprise itself; another's credit code is refused beside the field.
// Screenshots of each page.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Keys, launch } from './harness.mjs';
import { clickWhenFree, fill, goto, headline, navigate, noToasts, pick, settle, waitForHeadline } from './ui-helpers.mjs';

const ENTERPRISE = '测试结对企业（端到端）';

/** An Element Plus input's native field (the test id lands on the input itself). */
const field = (id) => `input[data-testid="${id}"], [data-testid="${id}"] input`;

let app;
let county;
before(async () => {
  app = await launch();
  await app.setWindowRect({ width: 1280, height: 720 });
  await app.byTestId('page-overview', { timeout: 15000 });
  const units = await app.invoke('list_units', { includeArchived: false });
  county = units.find((u) => u.kind === 'county');
  assert.ok(county, 'the sample has a county');
});
after(async () => {
  await app?.close();
});

/** Opens 结对共建 from the nav's 台账 section (open from the start). */
async function openPairings() {
  const item = '[data-testid="nav-pairings"]';
  // Below the actions at 1280×720: scroll the nav to it, as a person would.
  await app.exec(`document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })`, item);
  await app.waitFor(() => app.exec(`const r = document.querySelector(arguments[0]).getBoundingClientRect(); return r.height >= 30 && r.top >= 0 && r.bottom <= innerHeight`, item), {
    message: 'the nav item 结对共建 in view',
  });
  await navigate(app, 'nav-pairings', 'page-pairings');
  await app.find('[data-testid="pairings-table"] .el-table-v2__row', { timeout: 10000 });
}

/** Fills the add-pairing dialog with a new village in the sample's first county and saves. */
async function addPairing({ existingEnterprise, village }) {
  await noToasts(app);
  await clickWhenFree(app, '[data-testid="pairings-add"]');
  await app.byTestId('pairing-dialog');
  await settle(app);
  if (existingEnterprise) {
    await clickWhenFree(app, '[data-testid="pairing-ent-existing"]');
    await app.type('[data-testid="pairing-ent-pick"] input', ENTERPRISE.slice(0, 6));
    await app.waitFor(() => app.exec(`return [...document.querySelectorAll('[data-testid="enterprise-option"]')].some((o) => o.textContent.includes(arguments[0]) && o.getBoundingClientRect().height >= 20)`, ENTERPRISE), {
      timeout: 5000,
      message: `the enterprise ${ENTERPRISE} among the search results`,
    });
    await app.exec(`[...document.querySelectorAll('[data-testid="enterprise-option"]')].find((o) => o.textContent.includes(arguments[0])).scrollIntoView({ block: 'nearest' })`, ENTERPRISE);
    const options = await app.findAll('[data-testid="enterprise-option"]');
    for (const o of options) {
      if ((await o.text()).includes(ENTERPRISE)) {
        await o.click();
        break;
      }
    }
  } else {
    await fill(app, field('pairing-ent-name'), ENTERPRISE);
  }
  await fill(app, field('pairing-vil-name'), village);
  await fill(app, field('pairing-township'), '测试镇');
  await pick(app, 'pairing-county', `county-${county.code}`);
  if (!existingEnterprise) await app.screenshot('registers-pairing-dialog');
  await clickWhenFree(app, '[data-testid="pairing-save"]');
  await app.waitForText('已新增');
}

test('a pairing with a new enterprise raises 结对共建企业 by one; a second for the same enterprise does not', async () => {
  await waitForHeadline(app, 'GF01', 4221);
  await app.waitForText('4,221', { within: '[data-testid="headline-GF01"]' });
  const villages = await headline(app, 'GF02');

  await openPairings();
  await addPairing({ existingEnterprise: false, village: '测试一村' });
  await navigate(app, 'nav-overview', 'page-overview');
  await waitForHeadline(app, 'GF01', 4222);
  await app.waitForText('4,222', { within: '[data-testid="headline-GF01"]' });
  await waitForHeadline(app, 'GF02', villages + 1);

  await openPairings();
  await addPairing({ existingEnterprise: true, village: '测试二村' });
  await navigate(app, 'nav-overview', 'page-overview');
  // The new village counts (so the overview has reloaded) while the enterprise does not.
  await waitForHeadline(app, 'GF02', villages + 2);
  const got = await headline(app, 'GF01');
  assert.equal(got, 4222, `结对共建企业 after a second pairing of the same enterprise: want 4222, got ${got}`);
  await app.waitForText('4,222', { within: '[data-testid="headline-GF01"]' });

  const ours = await app.invoke('list_pairings', {
    filter: { search: ENTERPRISE.slice(0, 6), unit: null, status: null, from: null, to: null, enterprise_id: null, village_id: null, limit: 10, offset: 0 },
  });
  assert.equal(ours.total, 2, `pairings of ${ENTERPRISE}: want 2, got ${ours.total}`);
  assert.equal(new Set(ours.rows.map((p) => p.enterprise_id)).size, 1, 'both pairings name the same enterprise');
});

test('a wrong credit code shows the core’s Chinese message beside the field and saves nothing', async () => {
  await openPairings();
  const before = (await app.invoke('list_pairings', {
    filter: { search: null, unit: null, status: null, from: null, to: null, enterprise_id: null, village_id: null, limit: 1, offset: 0 },
  })).total;
  await noToasts(app);
  await clickWhenFree(app, '[data-testid="pairings-add"]');
  await app.byTestId('pairing-dialog');
  await settle(app);
  await fill(app, field('pairing-ent-name'), '信用代码有误的企业');
  await fill(app, field('pairing-credit-code'), '91371302MA3C00000X');
  await fill(app, field('pairing-vil-name'), '测试三村');
  await fill(app, field('pairing-township'), '测试镇');
  await pick(app, 'pairing-county', `county-${county.code}`);
  await clickWhenFree(app, '[data-testid="pairing-save"]');
  await app.waitForText('统一社会信用代码', { within: '[data-testid="pairing-dialog"] .el-form-item__error' });
  const after = (await app.invoke('list_pairings', {
    filter: { search: null, unit: null, status: null, from: null, to: null, enterprise_id: null, village_id: null, limit: 1, offset: 0 },
  })).total;
  assert.equal(after, before, `pairings after a refused add: want ${before}, got ${after}`);
  await app.keys(Keys.ESCAPE);
});

test('the derived figure drills down to the pairings behind it', async () => {
  await goto(app, '/overview', 'page-overview');
  await clickWhenFree(app, '[data-testid="headline-GF01"] [data-testid="headline-drill"]');
  await app.byTestId('page-pairings', { timeout: 10000 });
  await app.waitForText('结对共建企业', { within: '[data-testid="drill-notice"]' });
  await app.find('[data-testid="pairings-table"] .el-table-v2__row', { timeout: 10000 });
  await settle(app);
  await app.screenshot('registers-pairings');
});

test('an activity register page lists its typed rows', async () => {
  const types = await app.invoke('list_register_types', {});
  assert.ok(types.length >= 5, `register types: want at least 5, got ${types.length}`);
  const first = types[0];
  await goto(app, `/registers/r/${first.code}`, `page-register-${first.code}`);
  await app.find('[data-testid="register-table"] .el-table-v2__row', { timeout: 10000 });
  await app.waitForText(first.name, { within: `[data-testid="page-register-${first.code}"]` });
  await settle(app);
  await app.screenshot(`registers-${first.code}`);
});

test('the cooperation projects page lists the projects of the pairings', async () => {
  await goto(app, '/registers/projects', 'page-projects');
  await app.find('[data-testid="projects-table"] .el-table-v2__row', { timeout: 10000 });
  await app.waitForText(/共 4,49\d 条/, { within: '[data-testid="projects-total"]' });
  await settle(app);
  await app.screenshot('registers-projects');
});

/** The number in 「共 N 条」 of a register table. */
async function tableTotal(testid) {
  const text = await app.text(`[data-testid="${testid}-total"]`);
  return Number(text.replace(/[^0-9]/g, ''));
}

/** The pairings of our test enterprise, found with the page's search box. */
async function searchOurPairings() {
  await openPairings();
  await fill(app, field('pairings-search'), ENTERPRISE.slice(0, 6));
  await app.keys(Keys.ENTER);
  await app.waitFor(async () => (await tableTotal('pairings')) === 2, { message: 'the search to find our two pairings' });
  await settle(app);
}

/** Ends the pairing whose dialog is open, and saves. */
async function endInDialog() {
  await app.waitForText('编辑结对', { within: '[data-testid="pairing-dialog"]' });
  await settle(app);
  await pick(app, 'pairing-status', 'pairing-status-ended');
  await fill(app, field('pairing-note'), '端到端：企业迁出');
  await clickWhenFree(app, '[data-testid="pairing-save"]');
  await app.waitForText('已保存');
}

test('editing pairings: 编辑 and ↓ Enter open them prefilled; ending both lowers 结对共建企业 and its drill-down', async () => {
  await goto(app, '/overview', 'page-overview');
  await waitForHeadline(app, 'GF01', 4222);
  await clickWhenFree(app, '[data-testid="headline-GF01"] [data-testid="headline-drill"]');
  await app.byTestId('page-pairings', { timeout: 10000 });
  await app.find('[data-testid="pairings-table"] .el-table-v2__row', { timeout: 10000 });
  const drilled = await tableTotal('pairings');

  await searchOurPairings();
  const [first] = await app.findAll('[data-testid^="pairing-edit-"]');
  const firstId = (await first.attribute('data-testid')).replace('pairing-edit-', '');
  await clickWhenFree(app, `[data-testid="pairing-edit-${firstId}"]`);
  await app.waitForText('编辑结对', { within: '[data-testid="pairing-dialog"]' });
  await settle(app);
  await app.screenshot('registers-pairing-edit');
  const picked = await app.exec(`return document.querySelector('[data-testid="pairing-dialog"] [data-testid="pairing-ent-pick"]').textContent`);
  assert.ok(picked.includes(ENTERPRISE), `the dialog shows the pairing's enterprise: got 「${picked}」`);
  await endInDialog();
  await app.waitForText('已结束', { within: `[data-testid="pairing-status-${firstId}"]` });
  await navigate(app, 'nav-overview', 'page-overview');
  await waitForHeadline(app, 'GF01', 4222); // the enterprise's other pairing still counts

  // The keyboard: ↓ makes the first row current, ↓ the second, Enter edits it.
  await searchOurPairings();
  await app.exec(`document.querySelector('[data-testid="pairings-keys"]').focus()`); // single keys are the table's while it has focus
  await app.keys(Keys.DOWN + Keys.DOWN);
  await app.waitFor(() => app.exec(`return document.querySelectorAll('[data-testid="pairings-table"] .el-table-v2__row.current-row').length === 1`), {
    message: 'a current row after ↓',
  });
  const current = await app.exec(`return document.querySelector('[data-testid="pairings-table"] .el-table-v2__row.current-row [data-testid^="pairing-edit-"]').dataset.testid`);
  assert.notEqual(current, `pairing-edit-${firstId}`, 'the second ↓ moved to the other pairing');
  await app.keys(Keys.ENTER);
  await endInDialog();
  await navigate(app, 'nav-overview', 'page-overview');
  await waitForHeadline(app, 'GF01', 4221);
  await app.waitForText('4,221', { within: '[data-testid="headline-GF01"]' });
  await clickWhenFree(app, '[data-testid="headline-GF01"] [data-testid="headline-drill"]');
  await app.byTestId('page-pairings', { timeout: 10000 });
  await app.waitFor(async () => (await tableTotal('pairings')) === drilled - 2, {
    message: `the drill-down to list ${drilled - 2} active pairings (was ${drilled})`,
  });
  const ours = await app.invoke('list_pairings', {
    filter: { search: ENTERPRISE.slice(0, 6), unit: null, status: 'ended', from: null, to: null, enterprise_id: null, village_id: null, limit: 10, offset: 0 },
  });
  assert.equal(ours.total, 2, `our pairings ended: want 2, got ${ours.total}`);
  assert.ok(ours.rows.every((p) => p.note === '端到端：企业迁出'), `the note was saved: ${ours.rows.map((p) => p.note)}`);
});

test('editing a project: a negative investment is refused beside the field and changes nothing; a new status shows in the table', async () => {
  await goto(app, '/registers/projects', 'page-projects');
  await app.find('[data-testid="projects-table"] .el-table-v2__row', { timeout: 10000 });
  const [edit] = await app.findAll('[data-testid^="project-edit-"]');
  const id = (await edit.attribute('data-testid')).replace('project-edit-', '');
  const all = { search: null, unit: null, pairing_id: null, kind: null, status: null, from: null, to: null, limit: 1, offset: 0 };
  const before = (await app.invoke('list_projects', { filter: all })).rows[0];
  assert.equal(before.id, id, 'the first row is the newest project');

  await clickWhenFree(app, `[data-testid="project-edit-${id}"]`);
  await app.waitForText('编辑项目', { within: '[data-testid="project-dialog"]' });
  await settle(app);
  const name = await app.value(field('project-name'));
  assert.equal(name, before.name, `the dialog is prefilled: want 「${before.name}」, got 「${name}」`);
  await fill(app, field('project-investment'), '-5');
  await clickWhenFree(app, '[data-testid="project-save"]');
  await app.waitForText('不能为负数', { within: '[data-testid="project-dialog"] .el-form-item__error' });
  // The message zooms in: let it finish so the screenshot shows what a clerk reads.
  await app.waitFor(() => app.exec(`const e = document.querySelector('[data-testid="project-dialog"] .el-form-item__error');
    return !!e && e.getAnimations().length === 0 && getComputedStyle(e).opacity === '1'`), { message: 'the field error to finish appearing' });
  await app.screenshot('registers-project-refused');
  const unchanged = (await app.invoke('list_projects', { filter: all })).rows[0];
  assert.deepEqual(unchanged, before, 'a refused edit changes nothing');

  await fill(app, field('project-investment'), '88.5');
  const next = before.status === 'completed' ? 'in_progress' : 'completed';
  await pick(app, 'project-status', `project-status-${next}`);
  await clickWhenFree(app, '[data-testid="project-save"]');
  await app.waitForText('已保存');
  await app.waitForText(next === 'completed' ? '已完成' : '实施中', { within: `[data-testid="project-status-${id}"]` });
  const after = (await app.invoke('list_projects', { filter: all })).rows[0];
  assert.deepEqual([after.investment, after.status], [88.5, next], `the project as saved: ${JSON.stringify(after)}`);

  // PageDown turns the page, PageUp turns it back.
  await app.exec(`document.querySelector('[data-testid="projects-keys"]').focus()`); // single keys are the table's while it has focus
  await app.keys(Keys.PAGE_DOWN);
  await app.waitForText('2', { within: '[data-testid="projects-pager"] .el-pager li.is-active' });
  await app.keys(Keys.PAGE_UP);
  await app.waitForText('1', { within: '[data-testid="projects-pager"] .el-pager li.is-active' });
});

test('an activity register: Delete asks first (Escape keeps the row); a double click edits the row', async () => {
  await goto(app, '/registers/r/report', 'page-register-report');
  await app.find('[data-testid="register-table"] .el-table-v2__row', { timeout: 10000 });
  const all = { register: 'report', search: null, unit: null, status: null, from: null, to: null, match_field: null, match_value: null, limit: 1, offset: 0 };
  const before = await app.invoke('list_register_rows', { filter: all });
  await app.exec(`document.querySelector('[data-testid="register-keys"]').focus()`); // single keys are the table's while it has focus
  await app.keys(Keys.DOWN + Keys.DELETE);
  await app.waitForText('确认删除', { within: '.el-message-box' });
  await app.keys(Keys.ESCAPE);
  await app.waitFor(() => app.exec(`return !document.querySelector('.el-message-box') || document.querySelector('.el-message-box').offsetParent === null`), { message: 'the confirmation to close' });
  const kept = await app.invoke('list_register_rows', { filter: all });
  assert.equal(kept.total, before.total, `Delete then Escape deletes nothing: want ${before.total}, got ${kept.total}`);

  const row = before.rows[0];
  await app.exec(`const r = document.querySelector('[data-testid="register-table"] .el-table-v2__row');
    r.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }))`);
  await app.waitForText('编辑记录', { within: '[data-testid="register-dialog"]' });
  await settle(app);
  const title = await app.value(field('register-title'));
  assert.equal(title, row.title, `the dialog is prefilled: want 「${row.title}」, got 「${title}」`);
  await fill(app, field('register-title'), `${row.title}（已修改）`);
  await clickWhenFree(app, '[data-testid="register-save"]');
  await app.waitForText('已保存');
  await app.waitForText(`${row.title}（已修改）`, { within: '[data-testid="register-table"]' });
  const after = (await app.invoke('list_register_rows', { filter: all })).rows[0];
  assert.deepEqual([after.id, after.title, after.status], [row.id, `${row.title}（已修改）`, row.status], 'the same row, retitled, its status kept');
});

test('an activity register: Delete then 删除 in the confirmation removes the current row, and only it', async () => {
  await goto(app, '/registers/r/report', 'page-register-report');
  await app.find('[data-testid="register-table"] .el-table-v2__row', { timeout: 10000 });
  const all = { register: 'report', search: null, unit: null, status: null, from: null, to: null, match_field: null, match_value: null, limit: 1, offset: 0 };
  const before = await app.invoke('list_register_rows', { filter: { ...all, limit: 50 } });
  await app.exec(`document.querySelector('[data-testid="register-keys"]').focus()`); // single keys are the table's while it has focus
  await app.keys(Keys.DOWN);
  // The current row (↑↓ moves it; it stays where the last test left it) is the one to go.
  const currentText = await app.exec(`return document.querySelector('[data-testid="register-table"] .el-table-v2__row.current-row')?.textContent ?? ''`);
  const first = before.rows.find((r) => currentText.includes(r.title));
  assert.ok(first, `a current row among the first page's rows: 「${currentText}」`);
  await app.keys(Keys.DELETE);
  await app.waitForText('确认删除', { within: '.el-message-box' });
  await clickWhenFree(app, '.el-message-box .el-button--danger');
  await app.waitForText('已删除');
  await app.waitFor(async () => (await app.invoke('list_register_rows', { filter: all })).total === before.total - 1, {
    message: `the register to hold ${before.total - 1} rows`,
  });
  const after = await app.invoke('list_register_rows', { filter: { ...all, limit: 50 } });
  assert.ok(!after.rows.some((r) => r.id === first.id), `the current row (${first.title}) is gone`);
  const others = before.rows.filter((r) => r.id !== first.id).map((r) => r.id);
  assert.deepEqual(after.rows.map((r) => r.id).slice(0, others.length), others, 'every other row stays, in order');
  await app.screenshot('registers-deleted');
});

/** The error shown beside the enterprise dialog's field `testid` ('' when none). */
function errorBeside(testid) {
  return app.exec(
    `const f = document.querySelector('[data-testid="enterprise-dialog"] [data-testid="' + arguments[0] + '"]');
     return f?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent.trim() ?? ''`,
    testid,
  );
}

/** Opens our first pairing's 编辑, then 修改企业信息, and waits for it to be prefilled. */
async function openEnterpriseEdit(want) {
  await searchOurPairings();
  const [first] = await app.findAll('[data-testid^="pairing-edit-"]');
  await clickWhenFree(app, `[data-testid="${await first.attribute('data-testid')}"]`);
  await app.waitForText('编辑结对', { within: '[data-testid="pairing-dialog"]' });
  await settle(app);
  await clickWhenFree(app, '[data-testid="pairing-fix-enterprise"]');
  await app.byTestId('enterprise-dialog');
  await app.waitFor(async () => (await app.value(field('enterprise-name'))) === want, { message: `the enterprise dialog prefilled with 「${want}」` });
  await settle(app);
}

test('修改企业信息 from a pairing renames its enterprise everywhere; another enterprise’s credit code is refused beside the field', async () => {
  const RENAMED = '测试结对企业（已更名）';
  const enterprises = (search, limit = 50) => app.invoke('list_enterprises', { filter: { search, county: null, limit, offset: 0 } });
  await goto(app, '/overview', 'page-overview');
  const gf01 = await headline(app, 'GF01');
  const count = (await enterprises(null, 1)).total;
  const ours = (await enterprises(ENTERPRISE)).rows.find((e) => e.name === ENTERPRISE);
  assert.ok(ours, `the test's enterprise ${ENTERPRISE} exists`);

  await noToasts(app);
  await openEnterpriseEdit(ENTERPRISE);
  await fill(app, field('enterprise-name'), RENAMED);
  await clickWhenFree(app, '[data-testid="enterprise-save"]');
  await app.waitForText('已保存');
  await app.waitFor(() => app.exec(`return !document.querySelector('[data-testid="enterprise-dialog"]')?.offsetParent`), { message: 'the enterprise dialog to close' });
  const picked = await app.exec(`return document.querySelector('[data-testid="pairing-dialog"] [data-testid="pairing-ent-pick"]').textContent`);
  assert.ok(picked.includes(RENAMED), `the pairing dialog shows the new name: got 「${picked}」`);
  await app.keys(Keys.ESCAPE);
  await app.waitFor(async () => {
    const text = await app.text('[data-testid="pairings-table"] .el-table-v2__body');
    return text.includes(RENAMED) && !text.includes(ENTERPRISE);
  }, { message: `the pairings table to show ${RENAMED} instead of ${ENTERPRISE}` });
  const total = (await enterprises(null, 1)).total;
  assert.equal(total, count, `enterprises after a rename: want ${count}, got ${total}`);
  assert.deepEqual((await enterprises(ENTERPRISE)).rows, [], `no enterprise is still called ${ENTERPRISE}`);
  const now = (await enterprises(RENAMED)).rows.find((e) => e.id === ours.id);
  assert.deepEqual(now, { ...ours, name: RENAMED }, `the enterprise as saved: ${JSON.stringify(now)}`);

  // Another enterprise's credit code: refused beside the field, nothing written.
  const other = (await enterprises(null)).rows.find((e) => e.id !== ours.id && e.credit_code);
  assert.ok(other, 'another enterprise with a credit code');
  await noToasts(app);
  await openEnterpriseEdit(RENAMED);
  await fill(app, field('enterprise-name'), '不应保存的名称');
  await fill(app, field('enterprise-credit-code'), other.credit_code);
  await clickWhenFree(app, '[data-testid="enterprise-save"]');
  await app.waitFor(async () => (await errorBeside('enterprise-credit-code')).includes('已存在'), { message: 'the duplicate code refused beside 统一社会信用代码' });
  const message = await errorBeside('enterprise-credit-code');
  assert.ok(message.includes(other.credit_code), `the message names the code: got 「${message}」`);
  await settle(app);
  await app.screenshot('registers-enterprise-edit');
  const unchanged = (await enterprises(RENAMED)).rows.find((e) => e.id === ours.id);
  assert.deepEqual(unchanged, now, 'a refused change writes nothing to ours');
  const theirs = (await enterprises(other.credit_code)).rows;
  assert.deepEqual(theirs.map((e) => e.id), [other.id], `the code still names only ${other.name}`);
  assert.equal((await enterprises(null, 1)).total, count, 'nor adds an enterprise');
  await clickWhenFree(app, '[data-testid="enterprise-cancel"]');
  await app.waitFor(() => app.exec(`return !document.querySelector('[data-testid="enterprise-dialog"]')?.offsetParent`), { message: 'the enterprise dialog to close' });
  await app.keys(Keys.ESCAPE);
  await goto(app, '/overview', 'page-overview');
  await waitForHeadline(app, 'GF01', gf01);
});

test('the register pages reported no errors', async () => {
  const errors = await app.errors();
  assert.deepEqual(errors, [], `console errors, uncaught errors or CSP violations: ${errors.join('\n')}`);
});
