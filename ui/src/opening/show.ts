// The opening on screen: asked of the shell, drawn over the window, and taken away once the
// app's own page has painted beneath it (or the window went elsewhere).
import type { Opening } from '../bindings/app/Opening'
import { openingFigures } from '../ipc/opening'
import logo from '../components/logo.png'
import { openingHtml } from './html'
import { opensOnOverview } from './route'
import { savedLocale } from '../i18n/savedLocale'

/** Where each part of the opening stood when it was taken away, for the e2e test. */
export interface OpeningPart {
  key: string
  text: string
  rect: { x: number; y: number; width: number; height: number }
}

declare global {
  interface Window {
    __taizhangOpening?: OpeningPart[]
  }
}

let shown: Opening | null = null

/**
 * Set in the window's storage by the e2e test (ui-opening) to keep the opening over the app's
 * page, so that a screenshot shows it and its parts can be set beside the page's.
 */
const HOLD_KEY = 'taizhang.e2e.holdOpening'

/**
 * Draws the opening when the window opens on the overview and the shell has its figures (none
 * when the ledger wants a sign-in first); resolves once it is painted, or at once when there
 * is nothing to draw. Never fails: without the opening the app's page comes as before.
 */
export async function showOpening(): Promise<void> {
  if (!('__TAURI_INTERNALS__' in window) || !opensOnOverview(location.hash)) return
  let opening: Opening | null = null
  try {
    opening = await openingFigures()
  } catch {
    return
  }
  if (!opening) return
  const el = document.createElement('div')
  el.id = 'opening'
  el.setAttribute('aria-hidden', 'true')
  el.innerHTML = openingHtml(opening, savedLocale(), logo)
  document.body.append(el)
  shown = opening
  // The frame's callbacks run before it is painted; a task queued from them runs after.
  await new Promise<void>((painted) => requestAnimationFrame(() => setTimeout(painted)))
  performance.mark('opening-painted')
}

/** The figures the opening shows, once: the overview takes them instead of asking again. */
export function takeOpening(): Opening | null {
  const opening = shown
  shown = null
  return opening
}

/** Takes the opening away, noting where each of its parts stood. */
export function retireOpening(): void {
  const el = document.getElementById('opening')
  if (!el || window.__taizhangOpening) return
  window.__taizhangOpening = [...el.querySelectorAll<HTMLElement>('[data-opening]')].map((part) => {
    const r = part.getBoundingClientRect()
    return { key: part.dataset.opening ?? '', text: part.innerText, rect: { x: r.x, y: r.y, width: r.width, height: r.height } }
  })
  if (!held()) el.remove()
}

function held(): boolean {
  try {
    return localStorage.getItem(HOLD_KEY) === '1'
  } catch {
    return false
  }
}
