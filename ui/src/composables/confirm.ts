// The confirmations and failure messages the pages share (a deletion, a weighty change).
import { ElMessage, ElMessageBox } from 'element-plus'
import * as ipc from '../ipc'
import { i18n } from '../i18n'
import { changed } from '../store/app'

const t = (key: string) => i18n.global.t(key)

/** Asks before an irreversible (danger) or a weighty change; true when confirmed. */
export async function confirmed(message: string, title: string, danger: boolean): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, {
      type: 'warning',
      confirmButtonText: danger ? t('common.delete') : t('common.confirm'),
      cancelButtonText: t('common.cancel'),
      confirmButtonClass: danger ? 'el-button--danger' : undefined,
    })
    return true
  } catch {
    return false
  }
}

/** Shows why a write failed (a row someone else deleted meanwhile says so plainly). */
export function showFailure(err: unknown): void {
  const fail = ipc.normaliseError(err)
  ElMessage.error(fail.code === 'not_found' ? t('errors.not_found') : fail.message)
}

/** Asks first; when confirmed, makes the change, says it is done (or why it failed) and
 *  tells the pages the ledger changed. */
export async function confirmThenWrite(message: string, title: string, danger: boolean, write: () => Promise<unknown>, done: string): Promise<void> {
  if (!(await confirmed(message, title, danger))) return
  try {
    await write()
    ElMessage.success(done)
  } catch (err) {
    showFailure(err)
  }
  changed()
}

/** A row's 删除: asks (the delete button in red), deletes, says 已删除. */
export function confirmDelete(message: string, remove: () => Promise<unknown>): Promise<void> {
  return confirmThenWrite(message, t('registers.deleteTitle'), true, remove, t('common.deleted'))
}
