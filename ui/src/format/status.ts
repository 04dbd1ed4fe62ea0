// Status → colour and label key, one place for the whole UI.
import type { Status } from '../bindings/core/Status'

export interface StatusStyle {
  /** Main colour (text, bar, light). */
  color: string
  /** Light background for tags. */
  background: string
  /** vue-i18n key of the label. */
  labelKey: string
  /** Element Plus tag/progress type. */
  type: 'success' | 'warning' | 'danger' | 'info'
}

export const STATUS_STYLES: Record<Status, StatusStyle> = {
  done: { color: '#15803d', background: '#e7f6ec', labelKey: 'status.done', type: 'success' },
  on_pace: { color: '#22a35a', background: '#ecf8f0', labelKey: 'status.on_pace', type: 'success' },
  slightly_behind: { color: '#d98a0b', background: '#fdf4e3', labelKey: 'status.slightly_behind', type: 'warning' },
  behind: { color: '#d9363e', background: '#fdecec', labelKey: 'status.behind', type: 'danger' },
  no_target: { color: '#9aa0a8', background: '#f2f3f5', labelKey: 'status.no_target', type: 'info' },
}

export function statusStyle(status: Status): StatusStyle {
  return STATUS_STYLES[status] ?? STATUS_STYLES.no_target
}

/** Worst first, for sorting lists of indicators behind pace. */
export const STATUS_ORDER: Status[] = ['behind', 'slightly_behind', 'on_pace', 'done', 'no_target']

export function statusRank(status: Status): number {
  const i = STATUS_ORDER.indexOf(status)
  return i < 0 ? STATUS_ORDER.length : i
}
