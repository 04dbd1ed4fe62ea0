import { describe, expect, it } from 'vitest'
import type { SheetMapping } from '../../bindings/core/SheetMapping'
import { assignColumn, columnOf, readSheets, withColumn } from './mapping'

const sheet = (fields: (string | null)[], name = '完成情况'): SheetMapping => ({
  sheet: name,
  header_row: 2,
  columns: fields.map((field, index) => ({ index, letter: 'ABCDE'[index], header: `列${index}`, field })),
})
const fieldsOf = (s: SheetMapping) => s.columns.map((c) => c.field)

describe('columnOf', () => {
  it.each([
    ['a mapped field', ['indicator', 'unit', null], 'unit', 1],
    ['a field no column fills', ['indicator', null, null], 'value', null],
  ] as const)('%s', (_, fields, field, want) => {
    expect(columnOf(sheet([...fields]), field)).toBe(want)
  })
})

describe('assignColumn', () => {
  it.each([
    // (case, columns' fields before, field, column, columns' fields after)
    ['an unmapped column takes the field', ['indicator', null, null], 'value', 2, ['indicator', null, 'value']],
    ['the field leaves its old column', ['indicator', 'value', null], 'value', 2, ['indicator', null, 'value']],
    ['the column gives up its old field', ['indicator', 'unit', 'value'], 'value', 1, ['indicator', 'value', null]],
    ['不导入 leaves the field without a column', ['indicator', 'value', null], 'value', null, ['indicator', null, null]],
    ['the same column again changes nothing', ['indicator', 'value', null], 'value', 1, ['indicator', 'value', null]],
  ] as const)('%s', (_, before, field, index, after) => {
    const s = sheet([...before])
    expect(fieldsOf(assignColumn(s, field, index))).toEqual(after)
    expect(fieldsOf(s), 'the given sheet is not changed').toEqual(before)
  })
})

describe('withColumn and readSheets', () => {
  it('changes only the named sheet and lists the sheets that are read', () => {
    const other = sheet(['indicator', null, null], '说明')
    const mapping = { sheets: [sheet(['indicator', null, null]), { ...other, header_row: null }] }
    const next = withColumn(mapping, '完成情况', 'unit', 1)
    expect(next.sheets.map(fieldsOf)).toEqual([
      ['indicator', 'unit', null],
      ['indicator', null, null],
    ])
    expect(readSheets(next).map((s) => s.sheet)).toEqual(['完成情况'])
  })
})
