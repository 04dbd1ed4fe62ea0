// The overview's queries, built in one place: the page asks them, and the start asks them
// ahead (beside the catalogue) when the window opens on the overview.
import type { UnitKind } from '../../bindings/core/UnitKind'
import * as ipc from '../../ipc'
import { filter } from '../../store/filter'
import { takeOpening } from '../../opening/show'
import { prefetch, seed } from '../../store/prefetch'

export { opensOnOverview } from '../../opening/route'

export const summariesArgs = () => ({ as_of: filter.asOf, unit: filter.unit, include_subunits: true, action: null, indicator: null })
/** The kind of unit the ranking shows first (区县). */
export const FIRST_RANKING_KIND: UnitKind = 'county'
export const rankingArgs = (kind: UnitKind) => ({ as_of: filter.asOf, parent: filter.unit, action: null, kind })

/**
 * The overview's first figures, for the page to take when it mounts: those the opening shows
 * (opening/show.ts) when they are for the same day and the whole city, else asked now.
 */
export function prefetchOverview(): void {
  const opening = takeOpening()
  if (opening && opening.as_of === filter.asOf && filter.unit === null) {
    seed('summaries', summariesArgs(), opening.summaries)
    seed('ranking', rankingArgs(FIRST_RANKING_KIND), opening.ranking)
    return
  }
  prefetch('summaries', summariesArgs(), ipc.actionSummaries)
  prefetch('ranking', rankingArgs(FIRST_RANKING_KIND), ipc.unitRanking)
}
