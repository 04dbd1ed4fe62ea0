// The return import's pure helpers: why 确认导入 cannot run, and the quarter a round
// collects (returns are quarterly; a month's round has none to prefill). Unit-tested.
import type { Quarter } from '../../bindings/core/Quarter'
import type { ReturnPreview } from '../../bindings/core/ReturnPreview'
import type { RoundPeriod } from '../../bindings/core/RoundPeriod'

/** Why the import cannot run now (an i18n key), or null when it can. */
export function returnBlocked(p: ReturnPreview | null, busy: boolean): string | null {
  if (busy) return 'importer.blockedBusy'
  if (!p) return 'importer.blockedNoPreview'
  if (p.problems.length) return 'importer.blockedProblems'
  if (p.unchanged) return 'rounds.ret.blockedUnchanged'
  if (!p.lines.some((l) => l.value !== null)) return 'importer.blockedNothing'
  return null
}

export function quarterOf(p: RoundPeriod | null | undefined): Quarter | null {
  return p && p.kind === 'quarter' ? { year: p.year, q: p.q } : null
}

/** Lines with something to say (a warning) first keep their order; count them. */
export function warningCount(p: ReturnPreview | null): number {
  return p ? p.lines.reduce((n, l) => n + l.warnings.length, 0) : 0
}
