import { describe, expect, it } from 'vitest'
import type { ReturnMapping } from '../../bindings/core/ReturnMapping'
import type { ReturnPreview } from '../../bindings/core/ReturnPreview'
import { correctedMapping, problemRows, rowChoice, SKIP, withColumnRole, withRowChoice } from './returnMapping'

// 兰陵县's own table as the preview guessed it: 新增数 not placed, row 8 matched to nothing.
const guessed: ReturnMapping = {
  sheet: '三季度',
  header_row: 5,
  columns: [
    { index: 2, letter: 'C', header: '指标名称', role: 'name' },
    { index: 5, letter: 'F', header: '1-9月累计完成', role: 'year_to_date' },
    { index: 6, letter: 'G', header: '新增数', role: null },
  ],
  rows: [
    { row: 8, label: '新增万企兴万村结对数', indicator: null, skip: false },
    { row: 9, label: '走访企业数（个）', indicator: 'id-vis', skip: false },
  ],
}

describe('correcting a return mapping', () => {
  it('gives a role to one column only', () => {
    const period = withColumnRole(guessed, 6, 'period')
    expect(period.columns.map((c) => c.role)).toEqual(['name', 'year_to_date', 'period'])
    const moved = withColumnRole(guessed, 6, 'year_to_date')
    expect(moved.columns.map((c) => c.role)).toEqual(['name', null, 'year_to_date'])
    expect(withColumnRole(guessed, 5, null).columns.map((c) => c.role)).toEqual(['name', null, null])
    expect(guessed.columns[2].role, 'the guess is not changed in place').toBeNull()
  })

  it('keeps only the rows the person set, for the core to match the others again', () => {
    let mine = withRowChoice([], guessed.rows[0], 'id-cnt')
    mine = withRowChoice(mine, guessed.rows[1], SKIP)
    expect(mine).toEqual([
      { row: 8, label: '新增万企兴万村结对数', indicator: 'id-cnt', skip: false },
      { row: 9, label: '走访企业数（个）', indicator: null, skip: true },
    ])
    expect(withRowChoice(mine, guessed.rows[1], '').map((r) => r.row), "'' forgets the row").toEqual([8])
    expect(withRowChoice(mine, guessed.rows[0], 'id-amt').find((r) => r.row === 8)?.indicator).toBe('id-amt')
    const sent = correctedMapping(withColumnRole(guessed, 6, 'period'), mine)
    expect(sent.rows.map((r) => r.row)).toEqual([8, 9])
    expect(sent.columns[2].role).toBe('period')
  })

  it('shows each row as its select value and marks the rows with problems', () => {
    expect(guessed.rows.map(rowChoice)).toEqual(['', 'id-vis'])
    expect(rowChoice({ row: 3, label: 'x', indicator: null, skip: true })).toBe(SKIP)
    const p = { problems: [{ sheet: '三季度', row: 8, column: '指标名称', message: '…' }, { sheet: '', row: null, column: null, message: '…' }] }
    expect([...problemRows(p as unknown as ReturnPreview)]).toEqual([8])
    expect(problemRows(null).size).toBe(0)
  })
})
