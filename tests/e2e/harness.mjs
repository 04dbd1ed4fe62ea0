// The end-to-end harness: the built app in a real window, driven over WebDriver.
//
//   const app = await launch();          // Xvfb (if no DISPLAY) + tauri-driver + the app
//   await app.waitForText(/4,?221/);     // on a temporary database and a temporary HOME
//   await app.screenshot('overview');    // artifacts/screenshots/overview.png
//   await app.close();
//
// Every launch gets its own tauri-driver on free ports, its own HOME and its own SQLite file
// (first run: the release's sample is loaded; under run.sh a copy of the file one first run
// made), so test files can run side by side.
// See README.md for the whole API and the UI's conventions (data-testid, __taizhangErrors).

import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import assert from 'node:assert/strict';

import { Element, Keys, Session } from './webdriver.mjs';

export { Keys };
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const APP_BINARY = process.env.TAIZHANG_APP ?? join(ROOT, 'target/debug/taizhang-desktop');
export const ARTIFACTS = process.env.TAIZHANG_ARTIFACTS ?? join(ROOT, 'artifacts');
const KEEP = Boolean(process.env.TAIZHANG_E2E_KEEP);
/**
 * Where run.sh keeps, for the whole run, a copy of the ledger the app's first run made (the
 * sample loaded by the app itself): a launch without `db` starts on a copy of it instead of
 * loading the sample again, which takes seconds in a debug build. Unset: every launch loads it.
 */
const FIRST_RUN_LEDGER = process.env.TAIZHANG_E2E_FIRST_RUN_LEDGER;

/**
 * Removes a launch's temporary folder. A web view helper that is still exiting may write its
 * caches (mesa's shader cache) for seconds, so removal is retried, and what is still being
 * written is left for the end of the run rather than failing the test that closed the window.
 */
function removeLater(dir) {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch {
    process.once('exit', () => {
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // A temporary folder left behind; the system cleans /tmp.
      }
    });
  }
}

/**
 * Starts the app and returns an {@link App} once its page has loaded.
 * @param {object} [o]
 * @param {string} [o.db] SQLite file to open (default: a new one in a temporary folder).
 * @param {string} [o.home] HOME to use, e.g. a previous launch's `home` to see what it left
 *   (window state); default: a new one. A HOME passed in is not removed by close().
 * @param {Record<string,string>} [o.env] Extra environment for the app.
 * @param {number} [o.timeout] Milliseconds to wait for the page (default 15000).
 * @param {string} [o.cwd] The app's working folder (default: this process's), where a print
 *   to file lands.
 * @param {string} [o.binary] The program to start (default: APP_BINARY); the timing run
 *   starts a bare window this way. `app.requestedAt` is when it was asked for (Date.now()).
 */
export async function launch({ db, home, env = {}, timeout = 15000, cwd, binary = APP_BINARY } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'taizhang-e2e-'));
  home ??= join(dir, 'home');
  mkdirSync(home, { recursive: true });
  const dbPath = db ?? join(dir, 'taizhang.db');
  if (!db && FIRST_RUN_LEDGER) copyFileSync(await firstRunLedger(), dbPath);
  const [port, nativePort] = await freePorts(2);
  const childEnv = {
    ...process.env,
    DISPLAY: await ensureDisplay(),
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    TAIZHANG_DB: dbPath,
    ...env,
  };
  // The driver, WebKitWebDriver and the app write straight into the log file: a pipe to
  // this process would keep it alive as long as any of them lives.
  const log = openSync(join(dir, 'driver.log'), 'w');
  const driver = spawn(tauriDriver(), ['--port', String(port), '--native-port', String(nativePort)], {
    env: childEnv,
    cwd,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const base = `http://127.0.0.1:${port}`;
  const app = new App({ dir, home, dbPath, driver, base, logPath: join(dir, 'driver.log') });
  try {
    await waitUntil(() => fetch(`${base}/status`).then((r) => r.ok, () => false), 10000, 'tauri-driver to listen');
    app.requestedAt = Date.now();
    app.session = await Session.create(base, { 'tauri:options': { application: binary } });
    app.pid = descendants(driver.pid).map(([pid]) => pid).find((pid) => exeOf(pid) === realpathSync(binary));
    await app.waitFor(async () => (await app.exec('return document.readyState')) === 'complete', {
      timeout,
      message: 'the page to load',
    });
    await app.exec(ERROR_LISTENER);
  } catch (e) {
    await app.close();
    throw e;
  }
  return app;
}

/**
 * The ledger of the app's first run on a new file, made by one launch per run (it loads the
 * sample, as every first run does) and copied once the app has exited: the copy is the file
 * as the first run left it, its write-ahead log folded in.
 */
async function firstRunLedger() {
  if (existsSync(FIRST_RUN_LEDGER)) return FIRST_RUN_LEDGER;
  const made = mkdtempSync(join(tmpdir(), 'taizhang-e2e-first-run-'));
  try {
    const db = join(made, 'taizhang.db');
    const app = await launch({ db, timeout: 30000 });
    await app.close(); // the app and its driver have exited: the file no longer changes
    // SQLite's backup: the same pages, with what the write-ahead log still held.
    const part = `${FIRST_RUN_LEDGER}.${process.pid}.part`;
    const fold = spawnSync('sqlite3', [db, `.backup '${part}'`], { encoding: 'utf8' });
    if (fold.status !== 0) throw new Error(`copying the first run's ledger failed: ${fold.stderr || fold.status}`);
    renameSync(part, FIRST_RUN_LEDGER);
  } finally {
    rmSync(made, { recursive: true, force: true });
  }
  return FIRST_RUN_LEDGER;
}

export class App {
  constructor({ dir, home, dbPath, driver, base, logPath }) {
    Object.assign(this, { dir, home, dbPath, driver, base, logPath });
    /** @type {Session} */
    this.session = null;
  }

  /** The first element matching `css`, waiting up to `timeout` ms for it to appear. */
  async find(css, { timeout = 5000 } = {}) {
    let found;
    await this.waitFor(async () => (found = (await this.session.findAll(css))[0]), {
      timeout,
      message: `an element matching ${css}`,
    });
    return found;
  }
  /** Every element matching `css` now (no waiting). */
  findAll(css) {
    return this.session.findAll(css);
  }
  /** The element with `data-testid="<id>"`. */
  byTestId(id, opts) {
    return this.find(`[data-testid="${id}"]`, opts);
  }
  async click(target) {
    await (await this.el(target)).click();
  }
  /** Types `text` into the target (Keys.* allowed; a modifier stays down to the end). */
  async type(target, text) {
    await (await this.el(target)).sendKeys(text);
  }
  async clear(target) {
    await (await this.el(target)).clear();
  }
  /** Sends keys to whatever has focus, e.g. `app.keys(Keys.CONTROL + Keys.ENTER)`. */
  async keys(text) {
    await (await this.session.activeElement()).sendKeys(text);
  }
  async text(target) {
    return (await this.el(target)).text();
  }
  /** Value of a form field. */
  async value(target) {
    return (await this.el(target)).property('value');
  }

  /** Waits until `within`'s visible text contains `text` (a string or a RegExp). */
  async waitForText(text, { within = 'body', timeout = 10000 } = {}) {
    const [src, flags] = text instanceof RegExp ? [text.source, text.flags] : [null, null];
    const script = `const el = document.querySelector(arguments[0]); if (!el) return null;
      const t = el.innerText; return arguments[1] === null ? t.includes(arguments[3]) : new RegExp(arguments[1], arguments[2]).test(t);`;
    try {
      await this.waitFor(() => this.exec(script, within, src, flags, src === null ? text : null), { timeout });
    } catch {
      const shown = await this.exec('const el = document.querySelector(arguments[0]); return el ? el.innerText : null', within);
      throw new Error(`waited ${timeout} ms for ${text} in ${within}; it shows: ${JSON.stringify(shown)?.slice(0, 800)}`);
    }
  }

  /** Polls `check` (sync or async) until it returns something truthy; returns that. */
  async waitFor(check, { timeout = 10000, interval = 100, message = 'a condition' } = {}) {
    return waitUntil(check, timeout, message, interval);
  }

  /** Runs a script in the page (a function body; `arguments` holds `args`). */
  exec(script, ...args) {
    return this.session.exec(script, ...args);
  }
  /** Runs an async script: it calls `arguments[arguments.length - 1](value)` when done. */
  execAsync(script, ...args) {
    return this.session.execAsync(script, ...args);
  }
  /** The document's title. */
  title() {
    return this.session.title();
  }
  /** The native window's title, asked from Tauri itself. */
  windowTitle() {
    return this.invoke('plugin:window|title', { label: 'main' });
  }
  /** Calls an IPC command the way ui/src/ipc does; rejects with the command's error. */
  async invoke(cmd, args = {}) {
    const r = await this.execAsync(
      `const done = arguments[arguments.length - 1];
       window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then((ok) => done({ ok }), (err) => done({ err }));`,
      cmd,
      args,
    );
    if ('err' in r) throw Object.assign(new Error(`${cmd} failed: ${JSON.stringify(r.err)}`), { ipc: r.err });
    return r.ok;
  }

  /**
   * Saves a PNG of the web view to artifacts/screenshots/<name>.png after two animation
   * frames (sooner can show a stale frame). With `{ screen: true }`, the whole X screen
   * (window frame and native menu included) via ImageMagick's import.
   */
  async screenshot(name, { screen = false } = {}) {
    await this.execAsync('const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));');
    const dir = join(ARTIFACTS, 'screenshots');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}.png`);
    if (screen) {
      const r = spawnSync('/usr/bin/import', ['-window', 'root', file], { env: { ...process.env, DISPLAY: display } });
      if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
    } else {
      // WebKitGTK's driver answers a screenshot after the page's next paint. Painting on the
      // CPU (no GPU here: src-tauri/src/rendering.rs), a page at rest never paints again and
      // the request hangs, so a 1-pixel mark, all but transparent, changes each frame until
      // the picture is taken.
      await this.exec(PAINT_TICKER);
      try {
        writeFileSync(file, Buffer.from(await this.session.screenshot(), 'base64'));
      } finally {
        await this.exec('window.__taizhangPaintTicker?.stop();');
      }
    }
    return file;
  }

  /**
   * Errors the page reported: uncaught errors, unhandled rejections, console.error calls and
   * CSP violations, from the UI's own `window.__taizhangErrors` (recorded from startup) and
   * from the listener the harness installs once the page has loaded.
   */
  async errors() {
    return this.exec(`const all = [...(window.__taizhangErrors || []), ...(window.__e2eErrors || [])];
      return [...new Set(all.map((e) => typeof e === 'string' ? e : JSON.stringify(e)))];`);
  }

  /**
   * Real keyboard input through the X server (XTEST, via libxdo), for what only the native
   * side sees, such as the menu's shortcuts: `app.xkeys('ctrl+q')`. The pointer is moved
   * into the window first (without a window manager, focus follows the pointer).
   */
  async xkeys(sequence) {
    const r = await this.session.cmd('GET', '/window/rect');
    xinput('move', String(r.x + Math.round(r.width / 2)), String(r.y + Math.round(r.height / 2)));
    xinput('keys', sequence);
  }

  /** The X display the app runs on (for native windows such as the print dialog). */
  get display() {
    return display;
  }
  /** Real X input anywhere on the screen: `app.xinput('move', '10', '20')`, `app.xinput('keys', 'Return')`. */
  xinput(...args) {
    xinput(...args);
  }

  /** The window's position and size: `{x, y, width, height}`. */
  windowRect() {
    return this.session.cmd('GET', '/window/rect');
  }
  /** Moves and resizes the window. */
  setWindowRect(rect) {
    return this.session.cmd('POST', '/window/rect', rect);
  }

  /** Waits until the app's process has ended by itself (e.g. after 退出). */
  async waitForExit({ timeout = 10000 } = {}) {
    assert(this.pid, 'the app process was not found at launch');
    const start = procStat(this.pid)?.start;
    const gone = () => {
      const now = procStat(this.pid);
      return !now || now.start !== start || now.state === 'Z'; // a zombie has exited
    };
    await waitUntil(gone, timeout, 'the app to exit');
  }

  /** Reloads the page and waits for it, re-installing the error listener. */
  async reload() {
    await this.exec('location.reload()');
    await this.waitFor(async () => (await this.exec('return document.readyState === "complete" && !window.__e2eErrors')), {
      message: 'the page to reload',
    });
    await this.exec(ERROR_LISTENER);
  }

  /**
   * Ends the session (closing the window), stops tauri-driver, makes sure nothing it started
   * outlives it, and removes the temporary files.
   */
  async close() {
    if (this.session) await this.session.delete().catch(() => {});
    this.session = null;
    if (this.driver && this.driver.exitCode === null) {
      const started = descendants(this.driver.pid); // WebKitWebDriver, the app, its helpers
      const exited = new Promise((r) => this.driver.once('exit', r));
      this.driver.kill('SIGTERM'); // SIGKILL would orphan WebKitWebDriver and the app
      await Promise.race([exited, sleep(5000)]);
      await stopLeftovers(started);
    }
    // A process that is still exiting may write its caches (mesa's shader cache) while the
    // folder is removed: retry instead of failing with ENOTEMPTY.
    if (!KEEP) removeLater(this.dir);
  }

  async el(target) {
    return target instanceof Element ? target : this.find(target);
  }
}

const ERROR_LISTENER = `if (!window.__e2eErrors) {
  const errs = (window.__e2eErrors = []);
  const text = (x) => (x instanceof Error ? x.stack || String(x) : typeof x === 'string' ? x : JSON.stringify(x));
  addEventListener('error', (e) => errs.push('error: ' + (e.error ? text(e.error) : e.message)));
  addEventListener('unhandledrejection', (e) => errs.push('unhandledrejection: ' + text(e.reason)));
  addEventListener('securitypolicyviolation', (e) => errs.push('csp: ' + e.violatedDirective + ' blocked ' + e.blockedURI));
  const orig = console.error.bind(console);
  console.error = (...a) => { errs.push('console.error: ' + a.map(text).join(' ')); orig(...a); };
}`;

let display = process.env.DISPLAY;
let xvfb;

/** The X display: $DISPLAY, or an Xvfb of our own on a free display number. */
async function ensureDisplay() {
  if (display) return display;
  xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const n = await new Promise((res, rej) => {
    let out = '';
    xvfb.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) res(out.trim());
    });
    xvfb.once('exit', (code) => rej(new Error(`Xvfb exited (${code})`)));
    setTimeout(() => rej(new Error('Xvfb did not start')), 10000);
  });
  process.once('exit', () => xvfb.kill('SIGTERM'));
  display = `:${n}`;
  return display;
}

function tauriDriver() {
  if (process.env.TAURI_DRIVER) return process.env.TAURI_DRIVER;
  const cargoBin = join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin', 'tauri-driver');
  return existsSync(cargoBin) ? cargoBin : 'tauri-driver';
}

async function freePorts(n) {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise((res) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => res(s)); })),
  );
  const ports = servers.map((s) => s.address().port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

/** Starts the paint ticker screenshot() needs (it stops itself after 20 s if left running). */
const PAINT_TICKER = `
  window.__taizhangPaintTicker?.stop();
  const mark = document.createElement('div');
  mark.setAttribute('aria-hidden', 'true');
  mark.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;pointer-events:none;z-index:2147483647';
  document.body.appendChild(mark);
  let on = false, frame = 0;
  const tick = () => { on = !on; mark.style.background = on ? 'rgba(0,0,0,0.01)' : 'rgba(0,0,0,0.02)'; frame = requestAnimationFrame(tick); };
  tick();
  const stop = () => { cancelAnimationFrame(frame); clearTimeout(timer); mark.remove(); window.__taizhangPaintTicker = undefined; };
  const timer = setTimeout(stop, 20000);
  window.__taizhangPaintTicker = { stop };`;

async function waitUntil(check, timeout, message, interval = 100) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${message}${last ? `: ${last.message}` : ''}`);
    await sleep(interval);
  }
}

function xinput(...args) {
  const r = spawnSync('python3', [join(dirname(fileURLToPath(import.meta.url)), 'xinput.py'), ...args], {
    env: { ...process.env, DISPLAY: display },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`xinput ${args.join(' ')} failed: ${r.stderr || r.status}`);
}

function exeOf(pid) {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return null;
  }
}

/** Processes below `pid` now, as [pid, start time] (so a reused pid is never touched). */
function descendants(pid) {
  const parent = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = procStat(Number(name));
    if (stat) parent.set(Number(name), stat);
  }
  const out = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift();
    for (const [child, { ppid, start }] of parent) {
      if (ppid === p) {
        out.push([child, start]);
        queue.push(child);
      }
    }
  }
  return out;
}

function procStat(pid) {
  try {
    // Fields after the command (which may hold spaces) start after the last ')'.
    const rest = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop().split(' ');
    return { state: rest[0], ppid: Number(rest[1]), start: rest[19] };
  } catch {
    return null;
  }
}

/** SIGTERM, then SIGKILL, those of `procs` still alive (the driver is gone by now). */
async function stopLeftovers(procs) {
  const alive = () =>
    procs.filter(([pid, start]) => {
      const now = procStat(pid);
      return now && now.start === start && now.state !== 'Z';
    });
  for (const signal of ['SIGTERM', 'SIGKILL']) {
    const left = alive();
    if (!left.length) return;
    for (const [pid] of left) {
      try {
        process.kill(pid, signal);
      } catch {}
    }
    // Up to 1.5 s for them to go, looking every 50 ms rather than always waiting it out.
    const end = Date.now() + 1500;
    while (alive().length && Date.now() < end) await sleep(50);
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
