// The period a quarterly summary reports on: a quarter, or an as-of date inside one.
import type { Quarter } from '../../bindings/core/Quarter'
import type { SummaryQuery } from '../../bindings/core/SummaryQuery'
import { addQuarters, parseIso, parseQuarterKey, quarterEnd, quarterKey, quarterOf, quarterStart, quartersBetween } from '../../format/dates'

const CN_DIGITS = ['〇', '一', '二', '三', '四']

/** 2024年第二季度 (zh-CN, as the release writes it); Q2 2024 (en). */
export function quarterTitle(q: Quarter, locale: string): string {
  return locale === 'en' ? `Q${q.q} ${q.year}` : `${q.year}年第${CN_DIGITS[q.q]}季度`
}

/**
 * Parses what a person may type for a quarter: 2024Q2, 2024-Q2, 2024年第二季度, 2024年第2季度,
 * 2024年二季度, Q2 2024; null otherwise.
 */
export function parseQuarter(text: string): Quarter | null {
  const s = text.trim()
  const key = parseQuarterKey(s)
  if (key) return key
  const zh = /^(\d{4})\s*年\s*第?\s*([1-4一二三四])\s*季度?$/.exec(s)
  if (zh) {
    const d = zh[2]
    const q = /[1-4]/.test(d) ? Number(d) : CN_DIGITS.indexOf(d)
    return { year: Number(zh[1]), q }
  }
  const en = /^Q([1-4])\s+(\d{4})$/i.exec(s)
  return en ? { year: Number(en[2]), q: Number(en[1]) } : null
}

/** The quarter before the one `today` falls in: the last one that is over. */
export function lastFinishedQuarter(today: string): Quarter {
  return addQuarters(quarterOf(today), -1)
}

/** The page opens on the sample's quarter when the sample is loaded, else the last finished one. */
export function defaultReportQuarter(info: { has_sample: boolean; sample_as_of: string | null; today: string }): Quarter {
  if (info.has_sample && info.sample_as_of && parseIso(info.sample_as_of)) return quarterOf(info.sample_as_of)
  return lastFinishedQuarter(info.today)
}

/** Quarters a summary can be made for: the current one and the `count - 1` before it, newest first. */
export function reportQuarters(today: string, count = 16): Quarter[] {
  const last = quarterOf(today)
  return quartersBetween(addQuarters(last, -(count - 1)), last)
}

export type PeriodMode = 'quarter' | 'date'

export interface ReportScope {
  mode: PeriodMode
  /** "2024Q2" */
  quarter: string
  /** "2024-05-15", used in date mode */
  asOf: string
  unit: string | null
  action: string | null
}

/** The query the core takes: a quarter (figures as of its end) or an as-of date (its quarter). */
export function summaryQuery(scope: ReportScope): SummaryQuery {
  const base = { unit: scope.unit, action: scope.action }
  if (scope.mode === 'date' && parseIso(scope.asOf)) return { quarter: null, as_of: scope.asOf, ...base }
  return { quarter: parseQuarterKey(scope.quarter), as_of: null, ...base }
}

/** The as-of date a quarter's summary shows: its last day, or today while it runs. */
export function quarterAsOf(q: Quarter, today: string): string {
  const end = quarterEnd(q)
  return end > today ? today : end
}

export { quarterKey, quarterStart }
