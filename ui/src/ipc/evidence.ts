// 佐证材料 commands: a row's attachments, attaching a file by its path (chosen with
// chooseFileToOpen or typed), opening one (the shell checks its SHA-256 first and hands it
// to the system's viewer) and removing one (marked; the file is kept).
import type { Evidence } from '../bindings/core/Evidence'
import type { EvidenceTarget } from '../bindings/core/EvidenceTarget'
import type { FileFilter } from './appTypes'
import { call } from './invoke'

export type { Evidence, EvidenceTarget }

export const listEvidence = (target: EvidenceTarget) => call<Evidence[]>('list_evidence', { target })
/** 已删除记录的佐证: attachments of rows deleted since (kept until removed). */
export const listOrphanedEvidence = () => call<Evidence[]>('list_orphaned_evidence')
export const attachEvidence = (target: EvidenceTarget, path: string, note: string) =>
  call<Evidence>('attach_evidence', { target, path, note })
/** Resolves to the opened file's path. */
export const openEvidence = (id: string) => call<string>('open_evidence', { id })
export const removeEvidence = (id: string) => call<Evidence>('remove_evidence', { id })
/** A unit's return for a period, as a target (`not_found` until one came in). */
export const returnEvidenceTarget = (unit: string, quarter: string) =>
  call<EvidenceTarget>('return_evidence_target', { unit, quarter })

/** The kinds evidence may be, for the open dialog. */
export const EVIDENCE_FILTERS: FileFilter[] = [
  { name: '佐证材料 (pdf, jpg, png, docx, xlsx)', extensions: ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'xlsx'] },
]
