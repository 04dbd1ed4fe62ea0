import { describe, expect, it } from 'vitest'
import type { BoardRow } from '../../bindings/core/BoardRow'
import type { ReturnPreview } from '../../bindings/core/ReturnPreview'
import type { Unit } from '../../bindings/core/Unit'
import { countStates, filterBoard, stateTag, stepsOf } from './board'
import { returnBlocked, samePeriod, warningCount } from './returnImport'
import { defaultDue, defaultForm, formProblem, lastEnded, periodEnd, periodKey, periodOf } from './roundForm'

const row = (unit: string, state: BoardRow['state'], late = 0): BoardRow => ({
  unit,
  unit_id: unit,
  unit_code: unit,
  state,
  state_label: '',
  submitted_at: null,
  submitted_by: null,
  reviewed_at: null,
  reviewed_by: null,
  late_days: late,
  reason: '',
})

const unit = (id: string, kind: Unit['kind'], archived = false): Unit => ({
  id,
  code: id,
  name: id,
  name_en: '',
  kind,
  parent_id: null,
  sort_order: 0,
  archived,
})

describe('the board', () => {
  const rows = [row('兰山区', 'not_started', 3), row('罗庄区', 'submitted'), row('兰陵县', 'returned', 1), row('河东区', 'approved')]

  it('filters by state and by lateness', () => {
    expect(filterBoard(rows, { state: null, lateOnly: false }).map((r) => r.unit)).toEqual(['兰山区', '罗庄区', '兰陵县', '河东区'])
    expect(filterBoard(rows, { state: null, lateOnly: true }).map((r) => r.unit)).toEqual(['兰山区', '兰陵县'])
    expect(filterBoard(rows, { state: 'returned', lateOnly: false }).map((r) => r.unit)).toEqual(['兰陵县'])
    expect(filterBoard(rows, { state: 'submitted', lateOnly: true })).toEqual([])
  })

  it('counts states, colours them and offers only the steps of each', () => {
    expect(countStates(rows)).toEqual({ not_started: 1, submitted: 1, returned: 1, approved: 1 })
    expect(['not_started', 'submitted', 'returned', 'approved'].map((s) => stateTag(s as BoardRow['state']))).toEqual(['info', 'warning', 'danger', 'success'])
    expect(stepsOf('submitted')).toEqual({ submit: false, approve: true, sendBack: true })
    expect(stepsOf('returned')).toEqual({ submit: true, approve: false, sendBack: false })
    expect(stepsOf('approved')).toEqual({ submit: false, approve: false, sendBack: true })
  })
})

describe('opening a round', () => {
  it('defaults to the period just ended, due ten days after it, with the reporting units', () => {
    const units = [unit('city', 'city'), unit('a', 'county'), unit('z', 'zone'), unit('old', 'county', true), unit('d', 'department'), unit('p', 'party'), unit('o', 'other')]
    expect(defaultForm('2024-10-02', units)).toEqual({ kind: 'quarter', year: 2024, part: 3, due: '2024-10-10', unitIds: ['a', 'z', 'd', 'p'] })
    expect(lastEnded('quarter', '2025-02-01')).toEqual({ kind: 'quarter', year: 2024, part: 4 })
    expect(lastEnded('month', '2025-01-15')).toEqual({ kind: 'month', year: 2024, part: 12 })
    expect(defaultDue({ kind: 'quarter', year: 2024, part: 4 })).toBe('2025-01-10')
    expect(periodEnd({ kind: 'month', year: 2024, part: 2 })).toBe('2024-02-29')
  })

  it('names the period as the IPC does and refuses what the core would', () => {
    expect(periodKey(periodOf({ kind: 'quarter', year: 2024, part: 3 }))).toBe('2024Q3')
    expect(periodKey(periodOf({ kind: 'month', year: 2024, part: 8 }))).toBe('2024-08')
    const ok = { kind: 'quarter' as const, year: 2024, part: 3, due: '2024-10-10', unitIds: ['a'] }
    expect(formProblem(ok)).toBeNull()
    expect(formProblem({ ...ok, unitIds: [] })).toBe('rounds.open.needUnits')
    expect(formProblem({ ...ok, due: '2024-06-30' })).toBe('rounds.open.dueTooEarly')
  })
})

describe('importing a return', () => {
  const preview = (over: Partial<ReturnPreview> = {}): ReturnPreview => ({
    file: '/tmp/x.xlsx',
    file_sha256: '',
    source: 'county_table',
    round_id: null,
    unit_id: 'u',
    unit: '兰陵县',
    period: { kind: 'quarter', year: 2024, q: 3 },
    mapping: null,
    lines: [line(3), line(null)],
    problems: [],
    notes: [],
    replaces: null,
    unchanged: false,
    ...over,
  })
  function line(value: number | null): ReturnPreview['lines'][number] {
    return { row: 8, indicator_id: 'i', indicator_code: 'C', indicator: '指标', measure: '家', period: value, year_to_date: null, held_before: 0, value, derived: false, lag_reason: '', measures: '', note: '', warnings: value === null ? [] : ['提示'] }
  }

  it('says why 确认导入 cannot run', () => {
    expect(returnBlocked(null, false)).toBe('importer.blockedNoPreview')
    expect(returnBlocked(preview(), true)).toBe('importer.blockedBusy')
    expect(returnBlocked(preview({ problems: [{ sheet: 's', row: 9, column: '累计', message: 'm' }] as ReturnPreview['problems'] }), false)).toBe('importer.blockedProblems')
    expect(returnBlocked(preview({ unchanged: true }), false)).toBe('rounds.ret.blockedUnchanged')
    expect(returnBlocked(preview({ lines: [line(null)] }), false)).toBe('importer.blockedNothing')
    expect(returnBlocked(preview(), false)).toBeNull()
    expect(warningCount(preview())).toBe(1)
  })

  it('tells the round\'s own period, a quarter or a month', () => {
    expect(samePeriod({ kind: 'quarter', year: 2024, q: 3 }, { kind: 'quarter', year: 2024, q: 3 })).toBe(true)
    expect(samePeriod({ kind: 'quarter', year: 2024, q: 3 }, { kind: 'quarter', year: 2024, q: 2 })).toBe(false)
    expect(samePeriod({ kind: 'month', year: 2024, month: 8 }, { kind: 'month', year: 2024, month: 8 })).toBe(true)
    expect(samePeriod({ kind: 'month', year: 2024, month: 8 }, { kind: 'quarter', year: 2024, q: 3 })).toBe(false)
    expect(samePeriod(null, { kind: 'month', year: 2024, month: 8 })).toBe(false)
  })
})
