// The return import's pure helpers: why 确认导入 cannot run, and whether a period is the
// round's own (a quarter, or a month of a month round). Unit-tested.
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

/** Whether two periods are the same quarter or the same month. */
export function samePeriod(a: RoundPeriod | null | undefined, b: RoundPeriod | null | undefined): boolean {
  if (!a || !b || a.kind !== b.kind || a.year !== b.year) return false
  return a.kind === 'quarter' ? b.kind === 'quarter' && a.q === b.q : b.kind === 'month' && a.month === b.month
}

/** Lines with something to say (a warning) first keep their order; count them. */
export function warningCount(p: ReturnPreview | null): number {
  return p ? p.lines.reduce((n, l) => n + l.warnings.length, 0) : 0
}
