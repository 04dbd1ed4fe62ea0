// Types of the accounts, roles and audit trail commands (issue 9), generated from the core
// by ts-rs (ui/src/bindings/core/). ts-rs types the core's i64 counters (`seq`, `total`,
// `records`) as bigint, but they travel as JSON numbers: those three fields are typed as
// the numbers the window receives.
import type { AuditRecord as GeneratedAuditRecord } from '../bindings/core/AuditRecord'
import type { AuditVerdict as GeneratedAuditVerdict } from '../bindings/core/AuditVerdict'

export type { AccountChange } from '../bindings/core/AccountChange'
export type { AccountView } from '../bindings/core/AccountView'
export type { Area } from '../bindings/core/Area'
export type { AreaGrant } from '../bindings/core/AreaGrant'
export type { AuditFilter } from '../bindings/core/AuditFilter'
export type { FieldChange } from '../bindings/core/FieldChange'
export type { Grant } from '../bindings/core/Grant'
export type { NewAccount } from '../bindings/core/NewAccount'
export type { Permissions } from '../bindings/core/Permissions'
export type { Role } from '../bindings/core/Role'
export type { SessionInfo } from '../bindings/core/SessionInfo'

export type AuditRecord = Omit<GeneratedAuditRecord, 'seq'> & { seq: number }
/** Newest first. */
export type AuditPage = { rows: AuditRecord[]; total: number }
export type AuditVerdict = Omit<GeneratedAuditVerdict, 'records'> & { records: number }

