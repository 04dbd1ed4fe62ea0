// The UI on the sample ledger: the release's figures on the overview, every main page
// rendering without errors (a screenshot of each), and switching language.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { goto, headline, navigate, pick, settle, sampleApp } from './ui-helpers.mjs';

const app = sampleApp();

test('the overview shows the release figures of the sample', async () => {
  // (indicator code, figure of the release as of 2024-06-30)
  const cases = [
    ['GF01', 4221], // 结对共建企业
    ['GF02', 3702], // 结对共建行政村
    ['MQ08', 1400], // 培训企业家
    ['ZY08', 384], // 基层统战组织
    ['JY10', 320], // 建议转化为具体工作举措
    ['CX01', 132], // 新阶层服务站
  ];
  for (const [code, want] of cases) {
    const got = await headline(app, code);
    assert.equal(got, want, `headline ${code}: want ${want}, got ${got}`);
  }
  await app.waitForText('4,221', { within: '[data-testid="headline-GF01"]' });
  await app.waitForText('1,400', { within: '[data-testid="headline-MQ08"]' });
  await app.waitForText('示例数据', { within: '[data-testid="sample-notice"]' });
  const cards = await app.findAll('[data-testid^="action-card-"]');
  assert.equal(cards.length, 5, `one card per action: want 5, got ${cards.length}`);
});

test('the overview defaults to the sample as-of date', async () => {
  const subtitle = await app.text('[data-testid="overview-subtitle"]');
  assert.match(subtitle, /2024-06-30/, `overview subtitle: want the sample's as-of 2024-06-30, got ${subtitle}`);
});

test('every main page renders, with a screenshot of each', async () => {
  // (nav item, page root, text the page must show, screenshot name)
  const cases = [
    ['nav-overview', 'page-overview', '落后于序时进度的指标', 'overview'],
    ['nav-action-prosperity', 'page-action', '结对共建企业', 'action-prosperity'],
    ['nav-indicator', 'page-indicator', '完成情况', 'indicator'],
    ['nav-entry', 'page-entry', '快速录入', 'entry-form'],
    ['nav-targets', 'page-targets', '市级目标', 'targets'],
    ['nav-settings', 'page-settings', '示例数据', 'settings'],
  ];
  for (const [nav, page, text, shot] of cases) {
    await navigate(app, nav, page);
    await app.waitForText(text, { within: `[data-testid="${page}"]` });
    if (page === 'page-action') {
      // Both charts drew on their canvases.
      await app.find('[data-testid="trend-chart"] canvas', { timeout: 10000 });
      await app.find('[data-testid="units-chart"] canvas', { timeout: 10000 });
    }
    await new Promise((r) => setTimeout(r, 500)); // chart animations
    await app.screenshot(shot);
  }
  await goto(app, '/entry?tab=grid', 'entry-grid');
  await app.find('[data-testid^="grid-cell-"]');
  await app.screenshot('entry-grid');
});

test('the pages reported no errors', async () => {
  const errors = await app.errors();
  assert.deepEqual(errors, [], `console errors, uncaught errors or CSP violations: ${errors.join('\n')}`);
});

test('switching the language to English and back', async () => {
  await navigate(app, 'nav-overview', 'page-overview');
  await pick(app, 'lang-switch', 'lang-en');
  await app.waitForText('Overview', { within: '[data-testid="nav"]' });
  await app.waitForText('Indicators behind pace', { within: '[data-testid="page-overview"]' });
  await app.waitForText('Sample data', { within: '[data-testid="sample-notice"]' });
  const figure = await app.text('[data-testid="headline-GF01"]');
  assert.match(figure, /4,221/, `the figure stays formatted in English: got ${figure}`);
  await settle(app);
  await app.screenshot('overview-en');

  await pick(app, 'lang-switch', 'lang-zh-CN');
  await app.waitForText('总览', { within: '[data-testid="nav"]' });
  await app.waitForText('落后于序时进度的指标', { within: '[data-testid="page-overview"]' });
  const lang = await app.exec('return document.documentElement.lang');
  assert.equal(lang, 'zh-CN', `document language after switching back: want zh-CN, got ${lang}`);
  const errors = await app.errors();
  assert.deepEqual(errors, [], `errors while switching language: ${errors.join('\n')}`);
});
