// Who is signed in and what the account may change. Loaded at start (session_info); a
// command answering `login_required` anywhere brings the login screen back.
import { computed, reactive } from 'vue'
import * as ipc from '../ipc'
import type { Area, IpcFailure, SessionInfo } from '../ipc'
import { i18n } from '../i18n'
import { unitById } from './catalog'
import { allows, denial, denialText, roleTitle } from './permissions'

export const session = reactive({
  info: null as SessionInfo | null,
  /** A command said `login_required` (the session ended or was never started). */
  loginRequired: false,
  error: null as IpcFailure | null,
})

ipc.onLoginRequired(() => {
  session.loginRequired = true
  if (session.info) session.info = { ...session.info, account: null }
})

export async function loadSession(): Promise<SessionInfo | null> {
  try {
    session.info = await ipc.sessionInfo()
    session.error = null
    session.loginRequired = false
  } catch (e) {
    session.error = ipc.normaliseError(e)
  }
  return session.info
}

/** Accounts exist and nobody is signed in: the login screen instead of the app. */
export const needsLogin = computed(() => session.loginRequired || (!!session.info?.accounts_exist && !session.info.account))

/** No account yet: everyone at the machine writes as its user (单机模式). */
export const singleUser = computed(() => !!session.info && !session.info.accounts_exist)

export const account = computed(() => session.info?.account ?? null)
export const permissions = computed(() => session.info?.permissions ?? null)

/** A scoped account's own unit (the top bar starts there); null for the whole city. */
export const homeUnit = computed(() => (permissions.value?.scope_units ? permissions.value.unit_id : null))

export async function signIn(login: string, password: string): Promise<SessionInfo> {
  const info = await ipc.signIn(login, password)
  session.info = info
  session.loginRequired = false
  return info
}

export async function signOut(): Promise<void> {
  session.info = await ipc.signOut()
  session.loginRequired = false
}

/** Whether the account may write in `area` (for the unit's data when given). */
export function can(area: Area, unitId?: string | null): boolean {
  return allows(permissions.value, area, unitId)
}

const unitName = (id: string | null) => {
  const u = unitById(id)
  if (!u) return ''
  return i18n.global.locale.value === 'en' && u.name_en ? u.name_en : u.name
}

/** The reason a write is refused, in the current language ('' when it is allowed). */
export function why(area: Area, unitId?: string | null): string {
  const perms = permissions.value
  const d = denial(perms, area, unitId)
  if (!d) return ''
  const own = perms && perms.unit_id ? { ...perms, unit_name: unitName(perms.unit_id) || perms.unit_name } : perms
  return denialText(i18n.global.t, own, d, unitName)
}

/** 「王某某 · 兰山区填报员」's second half for the signed-in account. */
export const accountRole = computed(() => {
  const a = account.value
  return a ? roleTitle(i18n.global.t, a.role, unitName(a.unit_id) || a.unit_name) : ''
})
