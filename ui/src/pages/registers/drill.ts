// Drill-down from a derived figure to the register rows behind it: the same scope (unit,
// date window, status, matched field) travels as route query parameters the register
// pages read back.
import type { LocationQuery, RouteLocationRaw } from 'vue-router'
import type { ProgressRow } from '../../bindings/core/ProgressRow'

export interface DrillScope {
  unit: string | null
  from: string | null
  to: string | null
  status: string | null
  matchField: string | null
  matchValue: string | null
  /** The indicator's name, for the notice above the table. */
  indicator: string | null
}

const one = (v: LocationQuery[string]): string | null => {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' && s !== '' ? s : null
}

/** Where a derived figure's rows are listed, or null when the figure is typed. */
export function drillRoute(row: ProgressRow, unit: string | null): RouteLocationRaw | null {
  const d = row.derivation
  if (!d) return null
  const query: Record<string, string> = { drill: '1', indicator: row.indicator, to: row.as_of }
  if (row.period?.start) query.from = row.period.start
  if (unit) query.unit = unit
  if (d.status) query.status = d.status
  if (d.match_field && d.match_value) {
    query.match_field = d.match_field
    query.match_value = d.match_value
  }
  if (d.source === 'pairing') return { name: 'pairings', query }
  if (d.source === 'coop_project') return { name: 'projects', query }
  if (d.register) return { name: 'register', params: { code: d.register }, query }
  return null
}

/** The scope a register page starts with: the route's drill-down, or nothing. */
export function scopeFromQuery(q: LocationQuery): DrillScope | null {
  if (one(q.drill) !== '1') return null
  return {
    unit: one(q.unit),
    from: one(q.from),
    to: one(q.to),
    status: one(q.status),
    matchField: one(q.match_field),
    matchValue: one(q.match_value),
    indicator: one(q.indicator),
  }
}
