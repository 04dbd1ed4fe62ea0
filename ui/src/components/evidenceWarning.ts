// A deletion's question says how many evidence files the row has: they are kept (listed
// under 已删除记录的佐证 on 操作记录) but the person should know before deleting.
import { i18n } from '../i18n'
import { listEvidence, type EvidenceTarget } from '../ipc/evidence'

/** `message`, with a line about the row's evidence files when it has any. */
export async function withEvidenceNote(message: string, target: EvidenceTarget): Promise<string> {
  try {
    const n = (await listEvidence(target)).length
    return n ? `${message} ${i18n.global.t('evidence.deleteKeeps', { n })}` : message
  } catch {
    return message // the row's files cannot be listed (scope, a row gone): ask as before
  }
}
