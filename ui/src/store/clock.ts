// The window's "today" follows the clock past midnight: a window left open overnight asks
// the core for its today again once the local date changes (checked every minute and when
// the window regains focus). An as-of date still on the old today moves to the new one; a
// date the person chose stays. Pages reload through the revision counter.
import { app, changed, loadAppInfo } from './app'
import { filter } from './filter'

/** The local calendar day, `YYYY-MM-DD`. */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** The as-of date after "today" moved from `before` to `after`: only a date left on today follows. */
export function followedAsOf(asOf: string, before: string, after: string): string {
  return asOf === before ? after : asOf
}

let seen = localDay()
let timer: ReturnType<typeof setInterval> | null = null

/** Rereads the core's today when the local day has changed since last seen. */
export async function checkTheDay(now: Date = new Date()): Promise<boolean> {
  const day = localDay(now)
  if (day === seen || !app.info) return false
  seen = day
  const before = app.info.today
  const info = await loadAppInfo()
  if (!info || info.today === before) return false
  filter.asOf = followedAsOf(filter.asOf, before, info.today)
  changed()
  return true
}

/** Starts following the clock (once). */
export function followTheClock(): void {
  if (timer) return
  seen = localDay()
  timer = setInterval(() => void checkTheDay(), 60_000)
  window.addEventListener('focus', () => void checkTheDay())
}
