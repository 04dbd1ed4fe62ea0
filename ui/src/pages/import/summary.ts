// The preview's verdict in numbers, and the commit's progress as a percentage.
import type { ImportPreview } from '../../bindings/core/ImportPreview'
import type { ImportProgress } from '../../bindings/app/ImportProgress'

export interface PreviewCounts {
  rows: number
  duplicates: number
  problems: number
  skipped: number
}

/** The counts of the whole file: `rows` and `duplicates` list only the first of each. */
export function previewCounts(p: ImportPreview): PreviewCounts {
  return { rows: p.row_count, duplicates: p.duplicate_count, problems: p.problems.length, skipped: p.skipped }
}

/** How many of `total` a list leaves out (a long file's preview lists its first rows). */
export function notListed(listed: number, total: number): number {
  return Math.max(0, total - listed)
}

/** Why 导入 cannot run now (an i18n key), or null when it can. */
export function blockedBecause(p: ImportPreview | null, busy: boolean): string | null {
  if (busy) return 'importer.blockedBusy'
  if (!p) return 'importer.blockedNoPreview'
  if (p.problems.length) return 'importer.blockedProblems'
  if (!p.row_count) return 'importer.blockedNothing'
  return null
}

/** 0–100, whole percent; a commit with no rows to write is complete. */
export function progressPercent(p: ImportProgress | null): number {
  if (!p) return 0
  if (p.total <= 0) return 100
  return Math.min(100, Math.floor((p.done * 100) / p.total))
}

/** One page of a long list (1-based page). */
export function pageOf<T>(items: T[], page: number, size: number): T[] {
  const start = (Math.max(1, page) - 1) * size
  return items.slice(start, start + size)
}
