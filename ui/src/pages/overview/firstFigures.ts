// The overview's queries, built in one place: the page asks them, and the start asks them
// ahead (beside the catalogue) when the window opens on the overview.
import type { UnitKind } from '../../bindings/core/UnitKind'
import * as ipc from '../../ipc'
import { filter } from '../../store/filter'
import { prefetch } from '../../store/prefetch'

export const summariesArgs = () => ({ as_of: filter.asOf, unit: filter.unit, include_subunits: true, action: null, indicator: null })
/** The kind of unit the ranking shows first (区县). */
export const FIRST_RANKING_KIND: UnitKind = 'county'
export const rankingArgs = (kind: UnitKind) => ({ as_of: filter.asOf, parent: filter.unit, action: null, kind })

/** Whether the window opens on the overview (no page named, or the overview). */
export const opensOnOverview = (hash: string) => /^(#\/?(overview)?)?([?].*)?$/.test(hash)

/** Asks for the overview's first figures now, for the page to take when it mounts. */
export function prefetchOverview(): void {
  prefetch('summaries', summariesArgs(), ipc.actionSummaries)
  prefetch('ranking', rankingArgs(FIRST_RANKING_KIND), ipc.unitRanking)
}
