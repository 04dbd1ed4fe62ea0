// Shares (0.844) shown as percentages ("84.4%").

const DASH = '—'

/** formatPercent(0.8444) → "84.4%"; null → "—". One decimal by default, trailing .0 kept. */
export function formatPercent(share: number | null | undefined, decimals = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return DASH
  const pct = share * 100
  const f = 10 ** decimals
  const rounded = Math.round(Math.abs(pct) * f + 1e-9) / f
  const sign = pct < 0 && rounded !== 0 ? '−' : ''
  return `${sign}${rounded.toFixed(decimals)}%`
}

/** Width for a progress bar, clamped to 0–100. */
export function barPercent(share: number | null | undefined): number {
  if (share === null || share === undefined || !Number.isFinite(share)) return 0
  return Math.min(100, Math.max(0, share * 100))
}
