// A tiny W3C WebDriver client over fetch: just the endpoints the e2e tests use.
// Spec: https://www.w3.org/TR/webdriver2/ (WebKitWebDriver implements it; it has no log API).

// The W3C web element identifier (https://www.w3.org/TR/webdriver2/#elements).
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** Special keys (send them inside a `type`/`keys` string). */
export const Keys = Object.freeze({
  NULL: '\uE000', BACKSPACE: '\uE003', TAB: '\uE004', ENTER: '\uE007', SHIFT: '\uE008',
  CONTROL: '\uE009', ALT: '\uE00A', ESCAPE: '\uE00C', SPACE: '\uE00D', PAGE_UP: '\uE00E',
  PAGE_DOWN: '\uE00F', END: '\uE010', HOME: '\uE011', LEFT: '\uE012', UP: '\uE013',
  RIGHT: '\uE014', DOWN: '\uE015', DELETE: '\uE017', F2: '\uE032',
});

const REQUEST_TIMEOUT_MS = 60_000;

export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    super(`${method} ${path} → ${status} ${value?.error ?? ''}: ${value?.message ?? JSON.stringify(value)}`);
    this.error = value?.error;
  }
}

/** One WebDriver session on a remote end at `base` (e.g. http://127.0.0.1:4444). */
export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async create(base, capabilities) {
    const value = await request(base, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } });
    return new Session(base, value.sessionId);
  }

  cmd(method, path, body) {
    return request(this.base, method, `/session/${this.id}${path}`, body);
  }

  async findAll(css, from) {
    const path = from ? `/element/${from.id}/elements` : '/elements';
    const found = await this.cmd('POST', path, { using: 'css selector', value: css });
    return found.map((ref) => new Element(this, ref[ELEMENT]));
  }

  title() { return this.cmd('GET', '/title'); }
  url() { return this.cmd('GET', '/url'); }
  source() { return this.cmd('GET', '/source'); }
  /** Runs `script` (a function body; `arguments` holds `args`) and returns its value. */
  exec(script, ...args) { return this.cmd('POST', '/execute/sync', { script, args: args.map(toWire) }); }
  /** Like exec, but the script calls `arguments[arguments.length - 1](value)` when done. */
  execAsync(script, ...args) { return this.cmd('POST', '/execute/async', { script, args: args.map(toWire) }); }
  /** Base64 PNG of the web view. */
  screenshot() { return this.cmd('GET', '/screenshot'); }
  activeElement() { return this.cmd('GET', '/element/active').then((ref) => new Element(this, ref[ELEMENT])); }
  setTimeouts(t) { return this.cmd('POST', '/timeouts', t); }
  delete() { return this.cmd('DELETE', ''); }
}

export class Element {
  constructor(session, id) {
    this.session = session;
    this.id = id;
  }
  cmd(method, path, body) { return this.session.cmd(method, `/element/${this.id}${path}`, body); }
  click() { return this.cmd('POST', '/click', {}); }
  clear() { return this.cmd('POST', '/clear', {}); }
  sendKeys(text) { return this.cmd('POST', '/value', { text }); }
  text() { return this.cmd('GET', '/text'); }
  attribute(name) { return this.cmd('GET', `/attribute/${encodeURIComponent(name)}`); }
  property(name) { return this.cmd('GET', `/property/${encodeURIComponent(name)}`); }
  displayed() { return this.cmd('GET', '/displayed'); }
  enabled() { return this.cmd('GET', '/enabled'); }
  screenshot() { return this.cmd('GET', '/screenshot'); }
}

function toWire(arg) {
  return arg instanceof Element ? { [ELEMENT]: arg.id } : arg;
}

export async function request(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    // A hung driver must fail the test, not hang the run.
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new WebDriverError(method, path, res.status, { message: text });
  }
  if (!res.ok) throw new WebDriverError(method, path, res.status, json.value);
  return json.value;
}
