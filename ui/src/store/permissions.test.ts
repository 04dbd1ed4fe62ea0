import { describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import type { Area, Grant, Permissions, Role } from '../ipc/accountTypes'
import { allows, AREAS, denial, denialText, roleLabel, roleTitle } from './permissions'

const t = i18n.global.t as (key: string, params?: Record<string, unknown>) => string

function perms(role: Role, grants: Partial<Record<Area, Grant>>, scope: string[] | null, unit: [string, string] | null): Permissions {
  return {
    role,
    unit_id: unit?.[0] ?? null,
    unit_name: unit?.[1] ?? null,
    scope_units: scope,
    grants: AREAS.map((area) => ({ area, grant: grants[area] ?? 'none' })),
  }
}

const LANSHAN = 'u-lanshan'
const LANSHAN_TOWN = 'u-lanshan-town'
const YINAN = 'u-yinan'
const names: Record<string, string> = { [LANSHAN]: '兰山区', [LANSHAN_TOWN]: '兰山街道', [YINAN]: '沂南县' }
const unitName = (id: string | null) => (id ? names[id] ?? '' : '')

const admin = perms('admin', Object.fromEntries(AREAS.map((a) => [a, 'all'])), null, null)
const clerk = perms('clerk', { entries: 'scope', registers: 'scope', lag_notes: 'scope' }, [LANSHAN, LANSHAN_TOWN], [LANSHAN, '兰山区'])
const viewer = perms('viewer', {}, [LANSHAN, LANSHAN_TOWN], [LANSHAN, '兰山区'])

describe('permissions', () => {
  it('allows a write by the grant and the scope', () => {
    // (who, area, unit (undefined = somewhere), allowed)
    const cases: [string, Permissions, Area, string | null | undefined, boolean][] = [
      ['admin', admin, 'accounts', undefined, true],
      ['admin', admin, 'entries', YINAN, true],
      ['admin', admin, 'entries', null, true],
      ['clerk', clerk, 'entries', undefined, true],
      ['clerk', clerk, 'entries', LANSHAN, true],
      ['clerk', clerk, 'entries', LANSHAN_TOWN, true],
      ['clerk', clerk, 'entries', YINAN, false],
      ['clerk', clerk, 'entries', null, false],
      ['clerk', clerk, 'registers', YINAN, false],
      ['clerk', clerk, 'targets', undefined, false],
      ['clerk', clerk, 'targets', LANSHAN, false],
      ['clerk', clerk, 'accounts', undefined, false],
      ['viewer', viewer, 'entries', LANSHAN, false],
      ['viewer', viewer, 'registers', undefined, false],
      ['nobody', null as unknown as Permissions, 'entries', undefined, false],
    ]
    for (const [who, p, area, unit, want] of cases) {
      expect(allows(p, area, unit), `${who} ${area} ${unit}`).toBe(want)
    }
  })

  it('says why in the core’s words', () => {
    const cases: [string, Permissions, Area, string | null | undefined, string][] = [
      ['clerk outside', clerk, 'entries', YINAN, '兰山区填报员无权修改沂南县的数据（完成情况）'],
      ['clerk, city data', clerk, 'registers', null, '兰山区填报员无权修改全市的数据（台账）'],
      ['clerk, targets', clerk, 'targets', undefined, '兰山区填报员无权修改目标'],
      ['viewer', viewer, 'entries', LANSHAN, '兰山区领导只能查看，不能修改数据'],
    ]
    for (const [what, p, area, unit, want] of cases) {
      const d = denial(p, area, unit)
      expect(d, what).not.toBeNull()
      expect(denialText(t, p, d!, unitName), what).toBe(want)
    }
    expect(denial(clerk, 'entries', LANSHAN), 'inside the scope: no reason').toBeNull()
    expect(denial(admin, 'sample'), 'admin: no reason').toBeNull()
  })

  it('labels roles, with the unit when there is one', () => {
    expect(roleLabel(t, 'clerk')).toBe('填报员')
    expect(roleLabel(t, 'viewer')).toBe('领导')
    expect(roleLabel(t, 'unknown_role'), 'a role the UI does not know').toBe('unknown_role')
    expect(roleTitle(t, 'clerk', '兰山区')).toBe('兰山区填报员')
    expect(roleTitle(t, 'admin', null)).toBe('管理员')
    i18n.global.locale.value = 'en'
    try {
      expect(roleTitle(t, 'clerk', '兰山区')).toBe('Clerk, 兰山区')
      expect(denialText(t, clerk, denial(clerk, 'entries', YINAN)!, unitName)).toBe('Clerk, 兰山区 may not change the data of 沂南县 (progress entries)')
    } finally {
      i18n.global.locale.value = 'zh-CN'
    }
  })
})
