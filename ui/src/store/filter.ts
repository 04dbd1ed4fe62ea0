// The global filter every page respects: the as-of date (picked as a date or a quarter)
// and the responsible unit (null = the whole city).
import { reactive } from 'vue'
import { parseIso, quarterEnd, quarterOf } from '../format/dates'
import type { AppInfo } from '../ipc'

export type AsOfMode = 'date' | 'quarter'

export const filter = reactive({
  asOf: '' as string,
  mode: 'date' as AsOfMode,
  unit: null as string | null,
})

/** The core's default as-of day: the sample's (its figures are complete then) or today. */
export function defaultAsOf(info: AppInfo): string {
  return info.default_as_of
}

export function initFilter(info: AppInfo): void {
  filter.asOf = defaultAsOf(info)
  filter.mode = 'date'
}

/** In quarter mode, the as-of date is the quarter's last day, capped at today. */
export function setAsOfQuarter(key: { year: number; q: number }, today: string): void {
  const end = quarterEnd(key)
  filter.asOf = end > today ? today : end
}

export function asOfQuarter(): { year: number; q: number } | null {
  return parseIso(filter.asOf) ? quarterOf(filter.asOf) : null
}
