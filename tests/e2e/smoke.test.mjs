// Smoke test: the built app opens a window on a fresh ledger and shows the sample.

import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { after, before, test } from 'node:test';

import { launch } from './harness.mjs';

let app;
before(async () => {
  app = await launch();
});
after(async () => {
  await app?.close();
});

test('the window carries the product name', async () => {
  const title = await app.windowTitle();
  assert.equal(title, '台账 · Taizhang', `native window title: want 台账 · Taizhang, got ${title}`);
});

test('the overview shows the release figure 4221 from the sample', async () => {
  await app.waitForText(/4,?221/, { timeout: 15000 });
  const file = await app.screenshot('smoke-overview');
  const size = statSync(file).size;
  assert.ok(size > 10_000, `a screenshot of the overview was saved (${file}, ${size} bytes)`);
});

test('the app works on the temporary ledger, with the sample loaded', async () => {
  const info = await app.invoke('app_info');
  assert.equal(info.db_path, app.dbPath, `app_info.db_path: want ${app.dbPath}, got ${info.db_path}`);
  assert.equal(info.has_sample, true, 'the first run loaded the sample');
});

test('the page reported no errors', async () => {
  const errors = await app.errors();
  assert.deepEqual(errors, [], `console errors, uncaught errors or CSP violations: ${errors.join('\n')}`);
});

test('the page gets only what capabilities/default.json grants', async () => {
  // (command, arguments): core features the UI has no grant for
  const cases = [
    ['plugin:window|set_title', { label: 'main', value: 'x' }],
    ['plugin:window|close', { label: 'main' }],
    ['plugin:path|resolve_directory', { directory: 14 }],
  ];
  for (const [cmd, args] of cases) {
    const got = await app.invoke(cmd, args).then(
      () => 'allowed',
      (e) => JSON.stringify(e.ipc),
    );
    assert.match(got, /not allowed/, `${cmd}: want it refused, got ${got}`);
  }
  const title = await app.windowTitle();
  assert.equal(title, '台账 · Taizhang', 'the window is untouched');
});

// Last: the violations it provokes are recorded as page errors.
test('the CSP is in force: the page cannot load from the network', async () => {
  const blocked = await app.execAsync(`const done = arguments[arguments.length - 1];
    const seen = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
    const img = new Image();
    img.src = 'https://example.com/pixel.png';
    fetch('https://example.com/data.json').catch(() => {});
    setTimeout(() => done(seen), 500);`);
  assert.ok(blocked.some((d) => d.startsWith('img-src')), `an outside image is refused by img-src, got ${blocked}`);
  assert.ok(blocked.some((d) => d.startsWith('connect-src')), `an outside fetch is refused by connect-src, got ${blocked}`);
});
