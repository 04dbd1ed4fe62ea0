import { describe, expect, it } from 'vitest'
import type { FieldChange } from '../ipc/accountTypes'
import { changeLines, changeText, formatValue, stamp, type ValueWords } from './changes'

const words: ValueWords = {
  empty: '（空）',
  yes: '是',
  no: '否',
  resolve: (field, v) => (field === 'unit_id' && v === 'u-ls' ? '兰山区' : undefined),
}

const value: FieldChange = { field: 'value', label: '数值', old: 12, new: 15 }
const note: FieldChange = { field: 'note', label: '备注', old: '', new: '补录' }
const unit: FieldChange = { field: 'unit_id', label: '责任单位', old: null, new: 'u-ls' }

describe('audit changes', () => {
  it('reads each operation as the person expects', () => {
    // (operation, changes, the lines shown)
    const cases: [string, FieldChange[], string[]][] = [
      ['update', [value, note], ['数值：12 → 15', '备注：（空） → 补录']],
      ['insert', [value, unit], ['数值：15', '责任单位：兰山区']],
      ['baseline', [value], ['数值：15']],
      ['delete', [{ ...value, new: null }], ['数值：12']],
      ['update', [{ field: 'archived', label: '', old: false, new: true }], ['archived：否 → 是']],
    ]
    for (const [op, changes, want] of cases) {
      const got = changeLines(op, changes, words).map((l) => changeText(l))
      expect(got, `${op} of ${changes.map((c) => c.field).join(',')}`).toEqual(want)
    }
  })

  it('marks what kind of line it is', () => {
    expect(changeLines('update', [value], words)[0]).toMatchObject({ kind: 'changed', old: '12', value: '15' })
    expect(changeLines('delete', [value], words)[0]).toMatchObject({ kind: 'removed', old: null, value: '12' })
    expect(changeLines('insert', [value], words)[0]).toMatchObject({ kind: 'set', old: null, value: '15' })
  })

  it('formats values of every JSON kind', () => {
    const cases: [unknown, string][] = [
      [null, '（空）'],
      ['', '（空）'],
      [0, '0'],
      [3.5, '3.5'],
      ['沂南县', '沂南县'],
      [true, '是'],
      [{ due: '2024-06-30', value: 5 }, '{"due":"2024-06-30","value":5}'],
    ]
    for (const [v, want] of cases) expect(formatValue('x', v as never, words), JSON.stringify(v)).toBe(want)
  })

  it('shows a stamp as the writer’s clock read it', () => {
    expect(stamp('2024-07-10T09:12:41.123+08:00')).toBe('2024-07-10 09:12')
  })
})
