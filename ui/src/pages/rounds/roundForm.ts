// 开启轮次's defaults and checks: the period just ended (a quarter, or a month), due ten
// days after its end, every active county, zone, department and party unit (the core's
// default). Pure: unit-tested.
import type { RoundPeriod } from '../../bindings/core/RoundPeriod'
import type { Unit } from '../../bindings/core/Unit'
import type { UnitKind } from '../../bindings/core/UnitKind'

export const REPORTING_KINDS: UnitKind[] = ['county', 'zone', 'department', 'party']

export interface RoundForm {
  kind: 'quarter' | 'month'
  year: number
  /** 1–4 for a quarter, 1–12 for a month. */
  part: number
  /** YYYY-MM-DD */
  due: string
  unitIds: string[]
}

const iso = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`
const parse = (s: string) => new Date(`${s}T00:00:00Z`)

/** The units a round asks by default, in the catalogue's order. */
export function defaultUnitIds(units: Unit[]): string[] {
  return units.filter((u) => !u.archived && REPORTING_KINDS.includes(u.kind)).map((u) => u.id)
}

export function periodOf(f: Pick<RoundForm, 'kind' | 'year' | 'part'>): RoundPeriod {
  return f.kind === 'quarter' ? { kind: 'quarter', year: f.year, q: f.part } : { kind: 'month', year: f.year, month: f.part }
}

/** The period's last day. */
export function periodEnd(f: Pick<RoundForm, 'kind' | 'year' | 'part'>): string {
  const lastMonth = f.kind === 'quarter' ? f.part * 3 : f.part
  return iso(new Date(Date.UTC(f.year, lastMonth, 0)))
}

/** Ten days after the period's end. */
export function defaultDue(f: Pick<RoundForm, 'kind' | 'year' | 'part'>): string {
  const d = parse(periodEnd(f))
  d.setUTCDate(d.getUTCDate() + 10)
  return iso(d)
}

/** The period that ended last before `today` (the one being reported on). */
export function lastEnded(kind: RoundForm['kind'], today: string): Pick<RoundForm, 'kind' | 'year' | 'part'> {
  const d = parse(today)
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth() + 1
  if (kind === 'month') return m === 1 ? { kind, year: y - 1, part: 12 } : { kind, year: y, part: m - 1 }
  const q = Math.ceil(m / 3)
  return q === 1 ? { kind, year: y - 1, part: 4 } : { kind, year: y, part: q - 1 }
}

export function defaultForm(today: string, units: Unit[], kind: RoundForm['kind'] = 'quarter'): RoundForm {
  const p = lastEnded(kind, today)
  return { ...p, due: defaultDue(p), unitIds: defaultUnitIds(units) }
}

/** The i18n key of what stops the form, or null. */
export function formProblem(f: RoundForm): string | null {
  if (f.unitIds.length === 0) return 'rounds.open.needUnits'
  if (!f.due) return 'rounds.open.needDue'
  const start = f.kind === 'quarter' ? `${f.year}-${String(f.part * 3 - 2).padStart(2, '0')}-01` : `${f.year}-${String(f.part).padStart(2, '0')}-01`
  if (f.due < start) return 'rounds.open.dueTooEarly'
  return null
}

/** 2024Q3 / 2024-08: how the IPC names the period. */
export function periodKey(p: RoundPeriod): string {
  return p.kind === 'quarter' ? `${p.year}Q${p.q}` : `${p.year}-${String(p.month).padStart(2, '0')}`
}
