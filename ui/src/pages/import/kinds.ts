// What a file can hold, as the page offers it: the kinds in the order clerks use them, the
// key a select uses for each (activity rows carry their register type), the template's
// default file name and the pages where imported data shows.
import type { ImportKind } from '../../bindings/core/ImportKind'
import type { Area } from '../../ipc/accountTypes'

export type KindName = ImportKind['kind']

export const KIND_NAMES: KindName[] = ['entries', 'targets', 'pairings', 'projects', 'enterprises', 'villages', 'activity']

/** The kind to send: activity rows need their register type's code. */
export function importKind(name: KindName, register: string | null): ImportKind | null {
  if (name !== 'activity') return { kind: name }
  return register ? { kind: 'activity', register } : null
}

/** 「完成情况导入模板.xlsx」, 「走访企业商会导入模板.xlsx」… `label` is the kind's (or register's) name. */
export function templateFileName(label: string): string {
  const safe = label.replace(/[\\/:*?"<>|]/g, '_').trim()
  return `${safe}导入模板.xlsx`
}

/** Joins a folder and a file name with the folder's own separator. */
export function joinPath(dir: string, name: string): string {
  if (!dir) return name
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/'
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`
}

export interface Destination {
  /** i18n key of the link's text. */
  label: string
  to: string
}

/** Where the imported rows show: always the overview, and the kind's own page. */
export function destinations(kind: ImportKind): Destination[] {
  const overview = { label: 'importer.toOverview', to: '/overview' }
  switch (kind.kind) {
    case 'entries':
      return [overview, { label: 'importer.toIndicator', to: '/indicator' }]
    case 'targets':
      return [overview, { label: 'importer.toTargets', to: '/targets' }]
    case 'projects':
      return [overview, { label: 'importer.toProjects', to: '/registers/projects' }]
    case 'activity':
      return [overview, { label: 'importer.toRegister', to: `/registers/r/${encodeURIComponent(kind.register)}` }]
    default:
      return [overview, { label: 'importer.toPairings', to: '/registers/pairings' }]
  }
}

/**
 * A path as a person pastes it: without the quotes Windows' 「复制文件地址」 adds, the
 * spaces around it, or a file:// prefix.
 */
export function cleanPath(text: string): string {
  let p = text.trim()
  if (p.length >= 2 && ((p.startsWith('"') && p.endsWith('"')) || (p.startsWith("'") && p.endsWith("'")))) {
    p = p.slice(1, -1).trim()
  }
  if (p.startsWith('file://')) {
    try {
      p = decodeURIComponent(p.slice('file://'.length))
    } catch {
      p = p.slice('file://'.length)
    }
  }
  return p
}

/** Which area of the permission table an import of the kind writes in. */
export function areaOf(name: KindName): Area {
  if (name === 'entries') return 'entries'
  if (name === 'targets') return 'targets'
  return 'registers'
}
