// Helpers the UI flow tests share: moving between pages, picking from Element Plus
// selects, reading the overview's figures. They act through the UI as a person would;
// `app.invoke` is used only to look at what the ledger holds.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import { Keys, launch } from './harness.mjs';

/**
 * The app for a test file, on a fresh sample ledger in a 1280×800 window showing the
 * overview: launched before the file's first test, closed after its last. The object it
 * returns stands for the app from then on.
 */
export function sampleApp() {
  let app = null;
  before(async () => {
    app = await launch();
    await app.setWindowRect({ width: 1280, height: 800 });
    await app.byTestId('page-overview', { timeout: 15000 });
  });
  after(async () => {
    await app?.close();
  });
  return new Proxy({}, {
    get(_, name) {
      if (!app) throw new Error(`the app is not started yet (asked for ${String(name)})`);
      const v = app[name];
      return typeof v === 'function' ? v.bind(app) : v;
    },
  });
}

/** Opens a page by its route and waits for its root element (`data-testid`). */
export async function goto(app, route, pageTestId) {
  await app.exec(`location.hash = arguments[0]`, `#${route}`);
  await app.byTestId(pageTestId, { timeout: 10000 });
  await noToasts(app);
  await settle(app);
}

/** Waits until no message toast ("已保存 …") is showing: it would take clicks meant for the page. */
export async function noToasts(app) {
  await app.waitFor(() => app.exec(`return document.querySelectorAll('.el-message').length === 0`), {
    timeout: 8000,
    message: 'message toasts to go',
  });
}

/** Clicks a nav item and waits for the page. */
export async function navigate(app, navTestId, pageTestId) {
  await clickWhenFree(app, `[data-testid="${navTestId}"]`);
  await app.byTestId(pageTestId, { timeout: 10000 });
  await settle(app);
}

/** Opens an Element Plus select and clicks the option with `data-testid`. */
export async function pick(app, selectTestId, optionTestId) {
  await clickWhenFree(app, `[data-testid="${selectTestId}"] .el-select__wrapper`);
  const option = `[data-testid="${optionTestId}"]`;
  // The dropdown zooms in: wait until the option has its full size, or the click misses.
  await app.waitFor(() => app.exec(`const o = document.querySelector(arguments[0]); const p = o && o.closest('.el-popper');
      return !!o && o.getBoundingClientRect().height >= 20 && !!p && !/-enter-active/.test(p.className)`, option), {
    timeout: 5000,
    message: `option ${optionTestId} to show`,
  });
  await clickWhenFree(app, option);
  // …and closes again before anything below it can be clicked.
  await app.waitFor(() => app.exec(`const o = document.querySelector(arguments[0]); return !o || o.getBoundingClientRect().height < 1 || o.offsetParent === null`, option), {
    timeout: 5000,
    message: `the list of ${selectTestId} to close`,
  });
  await settle(app);
}

/** Clicks an element after scrolling it to the middle (sticky headers cannot cover it). */
export async function clickCentered(app, css) {
  await app.exec(`document.querySelector(arguments[0]).scrollIntoView({ block: 'center', inline: 'center' })`, css);
  await clickWhenFree(app, css);
}

/**
 * Clicks once nothing lies over the target: a closing dropdown or a fading toast can cover
 * it for a moment (WebDriver then refuses the click as intercepted); a person would wait.
 */
export async function clickWhenFree(app, css, { timeout = 3000 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      await app.click(css);
      return;
    } catch (e) {
      if (e.error !== 'element click intercepted' || Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

/** The figure behind a headline on the overview (`data-value`), as a number. */
export async function headline(app, indicatorCode) {
  const el = await app.byTestId(`headline-${indicatorCode}`, { timeout: 10000 });
  return Number(await el.attribute('data-value'));
}

/** Waits until the headline shows `want`. */
export async function waitForHeadline(app, indicatorCode, want) {
  let got;
  try {
    await app.waitFor(async () => (got = await headline(app, indicatorCode)) === want, { timeout: 10000 });
  } catch {
    assert.fail(`headline ${indicatorCode}: want ${want}, got ${got}`);
  }
}

/** How many entries the ledger holds (all indicators and units). */
export async function entryCount(app) {
  const page = await app.invoke('list_entries', {
    filter: { indicator: null, unit: null, include_subunits: null, from: null, to: null, limit: 1, offset: 0 },
  });
  return page.total;
}

/** The element that has focus: its data-testid (or the nearest ancestor's). */
export function focusedTestId(app) {
  return app.exec(`const a = document.activeElement; const t = a && a.closest('[data-testid]'); return t ? t.getAttribute('data-testid') : null`);
}

/** Pastes `text` into the element as the clipboard would (a real paste event). */
export function paste(app, css, text) {
  return app.exec(
    `const el = document.querySelector(arguments[0]); el.focus();
     const dt = new DataTransfer(); dt.setData('text/plain', arguments[1]);
     el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));`,
    css,
    text,
  );
}

/**
 * Replaces a field's text by typing, as a person does (select all, type over it). WebDriver's
 * own clear does not reach Vue's v-model, which then puts the old text back.
 */
export async function fill(app, css, text) {
  await app.find(css);
  await app.exec(`const el = document.querySelector(arguments[0]); el.focus(); el.select();`, css);
  await app.keys(Keys.BACKSPACE + text);
}

/** Waits for Vue to render and the web view to paint. */
export async function settle(app) {
  await app.execAsync('const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));');
}
