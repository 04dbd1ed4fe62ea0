// Records uncaught errors, unhandled rejections and console errors in
// window.__taizhangErrors, so the end-to-end tests can assert that a page raised none.
import type { App } from 'vue'

export interface RecordedError {
  kind: 'error' | 'rejection' | 'console' | 'vue' | 'csp'
  message: string
  at: string
}

declare global {
  interface Window {
    __taizhangErrors: RecordedError[]
    __taizhangBenign: string[]
  }
}

function describe(x: unknown): string {
  if (x instanceof Error) return `${x.name}: ${x.message}`
  if (typeof x === 'string') return x
  try {
    return JSON.stringify(x)
  } catch {
    return String(x)
  }
}

function push(kind: RecordedError['kind'], message: string): void {
  window.__taizhangErrors.push({ kind, message, at: location.hash || location.pathname })
}

/**
 * "ResizeObserver loop completed with undelivered notifications" is the browser saying that
 * a resize callback changed the layout and the rest waits for the next frame (Element
 * Plus's tables and selects re-measure when the language changes). Nothing failed; it is
 * kept apart in window.__taizhangBenign and not passed on to other error listeners.
 */
const BENIGN = /^ResizeObserver loop (completed with undelivered notifications|limit exceeded)/

/** The console's own error output, without the recording above (for Vue's errors). */
let consoleError: (...args: unknown[]) => void = console.error.bind(console)

/**
 * The window's listeners: installed by the first script (boot.ts), before the opening and
 * before anything else can listen, so that the benign notice above is set apart first.
 */
export function installWindowErrorLog(): void {
  if (window.__taizhangErrors) return
  window.__taizhangErrors = []
  window.__taizhangBenign = []
  window.addEventListener('error', (e) => {
    if (!e.error && BENIGN.test(e.message)) {
      window.__taizhangBenign.push(e.message)
      e.stopImmediatePropagation()
      return
    }
    push('error', e.error ? describe(e.error) : e.message)
  })
  window.addEventListener('unhandledrejection', (e) => push('rejection', describe(e.reason)))
  // A CSP that blocks a style, a script or an image is a bug too.
  document.addEventListener('securitypolicyviolation', (e) => push('csp', `${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`))
  const original = console.error.bind(console)
  consoleError = original
  console.error = (...args: unknown[]) => {
    push('console', args.map(describe).join(' '))
    original(...args)
  }
}

/** Vue's own errors (a render or a watcher that threw), once the app exists. */
export function installVueErrorLog(app: App): void {
  installWindowErrorLog()
  app.config.errorHandler = (err, _instance, info) => {
    push('vue', `${describe(err)} (${info})`)
    consoleError(err)
  }
}
