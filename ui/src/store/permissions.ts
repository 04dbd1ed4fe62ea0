// What the signed-in account may change, from the permissions the core sent with the
// session (the core enforces the same table in every write; this only hides or disables
// what would be refused, and says why). Pure: no Vue, no IPC, so it is unit-tested.
import type { Area, Grant, Permissions, Role } from '../ipc/accountTypes'

export const ROLES: Role[] = ['admin', 'reviewer', 'clerk', 'viewer']

/** Every area of the permission table, in the order the UI lists them. */
export const AREAS: Area[] = ['entries', 'registers', 'targets', 'lag_notes', 'review', 'catalogue', 'settings', 'sample', 'accounts', 'backups']

export function grantOf(perms: Permissions | null | undefined, area: Area): Grant {
  if (!perms) return 'none'
  return perms.grants.find((g) => g.area === area)?.grant ?? 'none'
}

/** Whether the unit lies in the account's scope (null scope = the whole tree). */
export function inScope(perms: Permissions, unitId: string | null): boolean {
  if (perms.scope_units === null) return true
  return unitId !== null && perms.scope_units.includes(unitId)
}

/**
 * Whether the account may write in `area`: for a unit's data when `unitId` is given (null:
 * data of no unit, i.e. the whole city), or for some unit of its scope when it is omitted
 * (e.g. whether to show an 新增 button at all).
 */
export function allows(perms: Permissions | null | undefined, area: Area, unitId?: string | null): boolean {
  const grant = grantOf(perms, area)
  if (grant === 'all') return true
  if (grant === 'none' || !perms) return false
  return unitId === undefined || inScope(perms, unitId)
}

/** Why a write is refused: the area is not the role's at all, or the unit is outside the scope. */
export type Denial = { kind: 'read_only' } | { kind: 'area'; area: Area } | { kind: 'outside'; area: Area; unitId: string | null }

export function denial(perms: Permissions | null | undefined, area: Area, unitId?: string | null): Denial | null {
  if (allows(perms, area, unitId)) return null
  const grant = grantOf(perms, area)
  if (grant === 'scope') return { kind: 'outside', area, unitId: unitId ?? null }
  if (perms?.grants.every((g) => g.grant === 'none')) return { kind: 'read_only' }
  return { kind: 'area', area }
}

type Translate = (key: string, params?: Record<string, unknown>) => string

/** 「兰山区填报员」, 「管理员」: the role with the account's unit when it has one. */
export function roleTitle(t: Translate, role: Role | string, unitName: string | null | undefined): string {
  const label = roleLabel(t, role)
  return unitName ? t('roles.withUnit', { unit: unitName, role: label }) : label
}

/** 管理员 / 审核员 / 填报员 / 领导; a role the UI does not know is shown as it is. */
export function roleLabel(t: Translate, role: Role | string): string {
  return (ROLES as string[]).includes(role) ? t(`roles.${role}`) : role
}

/**
 * The reason shown beside a disabled button, in the core's words: 「兰山区填报员无权修改沂南县的
 * 数据（完成情况）」, 「领导账号只能查看，不能修改数据」.
 */
export function denialText(t: Translate, perms: Permissions | null | undefined, d: Denial, unitName: (id: string | null) => string): string {
  const who = perms ? roleTitle(t, perms.role, perms.unit_name) : ''
  switch (d.kind) {
    case 'read_only':
      return t('perm.readOnly', { who })
    case 'area':
      return t('perm.area', { who, area: t(`perm.areas.${d.area}`) })
    case 'outside':
      return t('perm.outside', { who, unit: unitName(d.unitId) || t('top.wholeCity'), area: t(`perm.areas.${d.area}`) })
  }
}
