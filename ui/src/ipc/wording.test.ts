import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ERROR_WORDING_EN, TERMS_EN } from '../i18n/errorWording.en'
import { errorEn, termEn, wordError } from './wording'

const CORE_SRC = fileURLToPath(new URL('../../../crates/core/src', import.meta.url))

function rustFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return rustFiles(path)
    return name.endsWith('.rs') ? [path] : []
  })
}

/** Every code `LedgerError::code()` can return (error/codes.rs, and the codes of the errors it wraps: error/file.rs, evidence/error.rs, exchange/error.rs), read from the core. */
function coreCodes(): string[] {
  const codes = new Set<string>()
  for (const file of ['error/codes.rs', 'error/file.rs', 'evidence/error.rs', 'exchange/error.rs']) {
    const text = readFileSync(join(CORE_SRC, file), 'utf8')
    for (const m of text.matchAll(/=> "([a-z_]+)"/g)) codes.add(m[1])
  }
  // RestoreRefused carries its code in a field: the codes it is given.
  for (const file of rustFiles(CORE_SRC)) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/RestoreRefused \{[^}]*?code: "([a-z_]+)"/gs)) codes.add(m[1])
  }
  return [...codes].sort()
}

describe('English wording of the core errors', () => {
  it('has a wording for every code the core can send', () => {
    const codes = coreCodes()
    expect(codes.length).toBeGreaterThan(60)
    const missing = codes.filter((c) => ERROR_WORDING_EN[c] === undefined)
    expect(missing, 'codes without English wording in i18n/errorWording.en.ts').toEqual([])
  })

  it('knows every thing the core names in a `what`', () => {
    const whats = new Set<string>()
    for (const file of rustFiles(CORE_SRC)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/what: "([^"]+)"/g)) whats.add(m[1])
    }
    expect(whats.size).toBeGreaterThan(20)
    expect([...whats].filter((w) => TERMS_EN[w] === undefined), 'terms without English').toEqual([])
  })

  it('uses only parameter names the core gives (error/params.rs)', () => {
    const given = new Set([...readFileSync(join(CORE_SRC, 'error/params.rs'), 'utf8').matchAll(/\("([a-z_]+)",/g)].map((m) => m[1]))
    const used = Object.values(ERROR_WORDING_EN).flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))
    expect(used.filter((name) => !given.has(name)), 'placeholders the core never sends').toEqual([])
  })

  it('words an error from its parameters', () => {
    const cases: [string, Record<string, string>, string][] = [
      ['negative_value', { field: 'value', value: '-3' }, '"Value" cannot be negative (got -3)'],
      ['negative_value', { field: 'target', value: '-1', row_unit: '沂南县', row_unit_id: 'u9' }, '沂南县: "Target" cannot be negative (got -1)'],
      ['duplicate', { what: '企业', key: '临沂某某有限公司', field: 'name' }, 'enterprise "临沂某某有限公司" already exists'],
      ['not_found', { what: '填报轮次', key: 'r1' }, 'No reporting round "r1"'],
      ['bad_login', {}, 'Wrong login name or password'],
      ['bad_login', { attempts_left: '2' }, 'Wrong login name or password; 2 more wrong tries lock the account for 5 minutes'],
      ['period_locked', { label: '2024年第三季度', locked_on: '2024-10-20', locked_by: '王某某', span: '该季度' },
        '2024 Q3 is locked (locked on 2024-10-20 by 王某某); the data of the quarter can no longer change. Ask an administrator to unlock it for a correction'],
      ['forbidden', { detail: '兰山区填报员无权修改沂南县的数据（完成情况）' }, 'Not permitted: the clerk of 兰山区 may not change the data of 沂南县 (entry)'],
      ['forbidden', { detail: '领导无权修改目标' }, 'Not permitted: a leader may not change target'],
      ['round_state', { unit: '兰山区', label: '2024年8月', state: '已审', step: '再次提交（已审核通过，如需修改请先退回）' },
        'The return of 兰山区 for 2024-08 is "approved"; it cannot be submitted again (it is approved; return it first to change it)'],
      ['date_out_of_range', { field: 'occurred_on', date: '2099-01-01', reason: '晚于今天（2024-07-10），完成情况不能预先登记' },
        '"Date" 2099-01-01 is out of range: after today (2024-07-10): work cannot be recorded in advance'],
    ]
    for (const [code, params, want] of cases) expect(errorEn(code, params), code).toBe(want)
  })

  it('falls back to the core\'s Chinese when a wording or a parameter is missing', () => {
    const zh = '「数值」不能为负数（收到 -3）'
    expect(wordError({ code: 'negative_value', message: zh, params: { field: 'value' } }, 'en')).toBe(zh)
    expect(wordError({ code: 'no_such_code', message: zh, params: {} }, 'en')).toBe(zh)
    expect(wordError({ code: 'negative_value', message: zh, params: { field: 'value', value: '-3' } }, 'zh-CN')).toBe(zh)
    expect(termEn('沂南县')).toBe('沂南县')
  })
})
