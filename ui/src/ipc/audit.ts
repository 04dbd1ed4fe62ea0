// The audit trail (留痕): a page of records newest first, one row's versions oldest first,
// and the verdict of recomputing the chain against the tables.
import type { AuditFilter, AuditPage, AuditRecord, AuditVerdict } from './accountTypes'
import { call } from './invoke'

export const listAudit = (filter: AuditFilter) => call<AuditPage>('list_audit', { filter })
export const rowHistory = (table: string, rowId: string) => call<AuditRecord[]>('row_history', { table, rowId })
export const verifyAudit = () => call<AuditVerdict>('verify_audit')
