// The opening's one command, for the page's first script (opening/show.ts). Apart from the
// other commands: those normalise failures in the window's language through vue-i18n, which
// loads with the app after the opening has painted; the opening only needs to know there are
// no figures to show, and shows none on any failure.
import { invoke } from '@tauri-apps/api/core'
import type { Opening } from '../bindings/app/Opening'

/** The overview's figures worked out while the window started (once; null after, or with a sign-in first). */
export function openingFigures(): Promise<Opening | null> {
  return invoke<Opening | null>('opening_figures')
}
