import { describe, expect, it } from 'vitest'
import en from './en'
import zhCN from './zh-CN'

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
}

function lookup(o: object, path: string): string {
  return path.split('.').reduce((acc: unknown, k) => (acc as Record<string, unknown>)[k], o) as string
}

describe('messages', () => {
  it('English has exactly the Chinese keys', () => {
    const zh = keys(zhCN)
    const e = new Set(keys(en))
    const missing = zh.filter((k) => !e.has(k))
    const extra = [...e].filter((k) => !zh.includes(k))
    expect({ missing, extra }).toEqual({ missing: [], extra: [] })
  })

  it('each translation uses the same placeholders', () => {
    for (const k of keys(zhCN)) {
      expect(placeholders(lookup(en, k)), `placeholders of ${k}`).toEqual(placeholders(lookup(zhCN, k)))
    }
  })

  it('no message uses characters vue-i18n would read as syntax', () => {
    for (const [name, msgs] of [['zh-CN', zhCN], ['en', en]] as const) {
      for (const k of keys(msgs)) {
        const s = lookup(msgs, k)
        expect(/[|@$]/.test(s), `${name} ${k}: ${s}`).toBe(false)
      }
    }
  })
})
