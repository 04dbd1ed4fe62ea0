import { describe, expect, it } from 'vitest'
import en from '../../i18n/en'
import zhCN from '../../i18n/zh-CN'
import { i18n } from '../../i18n'
import { AUDITED_TABLES, tableLabel } from './tables'

const t = i18n.global.t as (key: string) => string

describe('audited tables', () => {
  it('every table of the contract has a Chinese and an English label', () => {
    for (const name of AUDITED_TABLES) {
      expect(zhCN.audit.tables[name], `zh-CN label of ${name}`).toBeTruthy()
      expect(en.audit.tables[name], `en label of ${name}`).toBeTruthy()
      expect(en.audit.tables[name], `en label of ${name} is English`).not.toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('labels a known table ours, an unknown one by the core’s label or its name', () => {
    expect(tableLabel(t, 'progress_entry', 'x')).toBe('完成情况')
    expect(tableLabel(t, 'coop_project')).toBe('合作项目')
    expect(tableLabel(t, 'round_lock', '填报轮次')).toBe('填报轮次')
    expect(tableLabel(t, 'round_lock')).toBe('round_lock')
  })
})
