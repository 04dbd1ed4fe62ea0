import { describe, expect, it } from 'vitest'
import { fieldErrorsOf } from '../components/useEntryValidation'
import { IpcFailure, isInputError, normaliseError } from './error'
import { i18n } from '../i18n'

describe('IPC errors', () => {
  it('normalises whatever invoke rejected with', () => {
    // (what invoke rejected with, {code, message, field} wanted)
    const none = {}
    const cases: [unknown, { code: string; message: string; field: string | null; params: Record<string, string> }][] = [
      [{ code: 'negative_value', message: '「数值」不能为负数（收到 -5）', field: 'value', params: { field: 'value', value: '-5' } }, { code: 'negative_value', message: '「数值」不能为负数（收到 -5）', field: 'value', params: { field: 'value', value: '-5' } }],
      [{ code: 'not_found', message: '找不到完成情况「x」' }, { code: 'not_found', message: '找不到完成情况「x」', field: null, params: none }],
      ['invalid args `query` for command `progress`', { code: 'internal', message: 'invalid args `query` for command `progress`', field: null, params: none }],
      [new Error('boom'), { code: 'internal', message: 'boom', field: null, params: none }],
      [42, { code: 'internal', message: '42', field: null, params: none }],
    ]
    for (const [raw, want] of cases) {
      const got = normaliseError(raw)
      expect(got, `normaliseError(${JSON.stringify(raw) ?? String(raw)})`).toBeInstanceOf(IpcFailure)
      expect(got.toJSON(), `normaliseError(${JSON.stringify(raw) ?? String(raw)})`).toEqual(want)
    }
  })

  it('words the message in the window\'s language, keeping the core\'s Chinese', () => {
    const raw = { code: 'negative_value', message: '「数值」不能为负数（收到 -5）', field: 'value', params: { field: 'value', value: '-5' } }
    try {
      i18n.global.locale.value = 'en'
      const f = normaliseError(raw)
      expect(f.message).toBe('"Value" cannot be negative (got -5)')
      expect(f.messageZh).toBe(raw.message)
      i18n.global.locale.value = 'zh-CN'
      expect(normaliseError(raw).message).toBe(raw.message)
    } finally {
      i18n.global.locale.value = 'zh-CN'
    }
  })

  it('keeps an IpcFailure as it is', () => {
    const f = new IpcFailure({ code: 'duplicate', message: '已存在', field: 'code' })
    expect(normaliseError(f)).toBe(f)
  })

  it('tells input errors from failures', () => {
    const cases: [string, boolean][] = [
      ['negative_value', true],
      ['too_many_decimals', true],
      ['date_out_of_range', true],
      ['duplicate', true],
      ['database', false],
      ['internal', false],
      ['no_backend', false],
    ]
    for (const [code, want] of cases) expect(isInputError({ code }), code).toBe(want)
  })

  it('puts an error on the field it names, or on the form', () => {
    // (field named by the core, code, fields the form has, key the message lands on)
    const cases: [string | null, string, string[] | undefined, string][] = [
      ['value', 'negative_value', undefined, 'value'],
      ['occurred_on', 'date_out_of_range', undefined, 'occurred_on'],
      [null, 'bad_date', undefined, 'occurred_on'], // a date the parser refused
      ['target', 'invalid', undefined, 'form'], // not a field of the entry form
      [null, 'database', undefined, 'form'],
      ['code', 'duplicate', ['code', 'name'], 'code'],
      ['measure', 'invalid', ['code', 'name'], 'form'],
    ]
    for (const [field, code, known, want] of cases) {
      const got = fieldErrorsOf(new IpcFailure({ code, message: 'm', field }), known)
      expect(Object.keys(got), `${code} on ${field}`).toEqual([want])
    }
  })
})
