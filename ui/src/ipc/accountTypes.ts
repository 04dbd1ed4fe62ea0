// Types of the accounts, roles and audit trail commands (issue 9), written by hand from the
// lead's IPC contract until ts-rs generates them into ui/src/bindings/core/.
export type Role = 'admin' | 'reviewer' | 'clerk' | 'viewer'
export type Area = 'catalogue' | 'accounts' | 'settings' | 'sample' | 'targets' | 'entries' | 'registers' | 'lag_notes'
export type Grant = 'none' | 'scope' | 'all'

export interface AreaGrant {
  area: Area
  grant: Grant
}

export interface Permissions {
  role: Role
  unit_id: string | null
  unit_name: string | null
  /** Ids of the account's unit and its whole subtree; null = the whole tree. */
  scope_units: string[] | null
  grants: AreaGrant[]
}

export interface AccountView {
  id: string
  login: string
  display_name: string
  role: Role
  unit_id: string | null
  unit_name: string | null
  disabled: boolean
  /** RFC 3339, while 5 wrong passwords keep the account locked. */
  locked_until: string | null
  created_at: string
}

export interface SessionInfo {
  accounts_exist: boolean
  account: AccountView | null
  permissions: Permissions
  /** Who writes now: 「王某某（兰山区填报员）」, or "desktop:alice" in single-user mode. */
  actor: string
}

export interface NewAccount {
  login: string
  display_name: string
  role: Role
  /** A unit's id, code or name; null for the whole city. */
  unit: string | null
  password: string
}

export interface AccountChange {
  display_name: string
  role: Role
  unit: string | null
}

export interface AuditFilter {
  table: string | null
  row: string | null
  account: string | null
  unit: string | null
  /** ISO dates, inclusive. */
  from: string | null
  to: string | null
  offset: number
  limit: number
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

export interface FieldChange {
  field: string
  /** The column's Chinese label. */
  label: string
  old: JsonValue | null
  new: JsonValue | null
}

export type AuditOp = 'insert' | 'update' | 'delete' | 'baseline'

export interface AuditRecord {
  seq: number
  at: string
  account: string
  display_name: string
  role: string
  machine: string
  op: AuditOp
  table: string
  table_label: string
  row_id: string
  unit_id: string | null
  unit_name: string | null
  changes: FieldChange[]
  reason: string
}

/** Newest first. */
export interface AuditPage {
  rows: AuditRecord[]
  total: number
}

export interface AuditVerdict {
  ok: boolean
  records: number
  last_at: string | null
  last_by: string | null
  message: string
}
