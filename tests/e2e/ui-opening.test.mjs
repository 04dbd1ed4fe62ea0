// The opening: the overview's figures drawn by the page's first script, before the app's code
// has loaded (ui/src/opening/), from the figures the shell worked out while the window started
// (src-tauri/src/opening.rs). It paints before the app's page, goes once the page has painted
// beneath it, and each of its parts shows the same words in the same place as the part of the
// app's page it stands for (so nothing moves or changes when one replaces the other), in
// Chinese and in English.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { launch } from './harness.mjs';
import { markAt } from './timing.mjs';

const launched = [];
// One HOME for the three launches: the window's storage carries the test's settings over.
const home = mkdtempSync(join(tmpdir(), 'taizhang-opening-'));
after(async () => {
  for (const app of launched) await app.close();
  rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

/** Launches the app (on the test's HOME) and waits for its overview. */
async function open() {
  const app = await launch({ home });
  launched.push(app);
  await app.waitFor(async () => (await markAt(app, 'overview-cards')) && (await markAt(app, 'overview-ranking')), {
    timeout: 30000,
    message: "the app's overview to paint",
  });
  return app;
}

/**
 * Each part of the opening beside its counterpart in the app's page (the element with the same
 * test id, taken in the same order): [key, what differs] for every part that differs.
 */
async function differences(app) {
  return app.exec(`
    const parts = window.__taizhangOpening ?? [];
    const squash = (s) => s.replace(/\\s+/g, '');
    const seen = {};
    const out = [];
    for (const p of parts) {
      const n = (seen[p.key] = (seen[p.key] ?? -1) + 1);
      const el = document.querySelectorAll('#app [data-testid="' + p.key + '"]')[n];
      if (!el) { out.push([p.key, 'not in the app\\'s page']); continue; }
      if (squash(el.innerText) !== squash(p.text)) out.push([p.key, 'text: opening ' + JSON.stringify(p.text.slice(0, 80)) + ', page ' + JSON.stringify(el.innerText.slice(0, 80))]);
      const r = el.getBoundingClientRect();
      const off = ['x', 'y', 'width', 'height'].filter((k) => Math.abs(r[k] - p.rect[k]) > 2);
      if (off.length) out.push([p.key, 'place: ' + off.map((k) => k + ' opening ' + Math.round(p.rect[k]) + ', page ' + Math.round(r[k])).join('; ')]);
    }
    return { count: parts.length, out };`);
}

test('the opening paints the figures before the app, and goes once the app has painted', async () => {
  const app = await open();
  const [opening, cards] = [await markAt(app, 'opening-painted'), await markAt(app, 'overview-cards')];
  assert.ok(opening, 'the window drew the opening');
  assert.ok(opening < cards, `the opening (${opening}) painted before the app's cards (${cards})`);
  await app.waitFor(() => app.exec(`return !document.getElementById('opening')`), { message: 'the opening to go' });
  const { count, out } = await differences(app);
  assert.ok(count >= 40, `the opening's parts were noted: ${count}`);
  assert.deepEqual(out, [], 'each part of the opening as the app shows it');
  // Kept over the app's page in the next launches, for a screenshot of it.
  await app.exec(`localStorage.setItem('taizhang.e2e.holdOpening', '1')`);
  await app.close();
  launched.length = 0;

  const held = await open();
  assert.ok(await held.exec(`return !!document.querySelector('#opening [data-opening="headline-GF01"]')`), 'the opening is kept');
  const figure = await held.exec(`return document.querySelector('#opening [data-opening="headline-GF01"]').innerText`);
  assert.match(figure, /4,221/, `the release's 4,221 enterprises: ${figure}`);
  await held.screenshot('opening');
  assert.deepEqual((await differences(held)).out, [], 'the kept opening as the app shows it');
  await held.exec(`localStorage.setItem('taizhang.locale', 'en')`);
  await held.close();
  launched.length = 0;

  const english = await open();
  const words = await english.exec(`return document.querySelector('#opening [data-opening="overview-subtitle"]').innerText`);
  assert.match(words, /As of 2024-06-30/i, `the opening in English: ${words}`);
  await english.screenshot('opening-en');
  assert.deepEqual((await differences(english)).out, [], 'the English opening as the app shows it');
});
