// Accounts and the session (issue 9): who is signed in, signing in and out, passwords, and
// the 设置 → 账号 panel's commands. Errors: bad_login, account_locked, account_disabled,
// weak_password, forbidden, duplicate, invalid (see the contract in ARCHITECTURE.md).
import type { AccountChange, AccountView, NewAccount, SessionInfo } from './accountTypes'
import { call } from './invoke'

export const sessionInfo = () => call<SessionInfo>('session_info')
export const signIn = (login: string, password: string) => call<SessionInfo>('sign_in', { login, password })
export const signOut = () => call<SessionInfo>('sign_out')
export const changePassword = (old: string, next: string) => call<null>('change_password', { old, new: next })

export const listAccounts = () => call<AccountView[]>('list_accounts')
export const addAccount = (account: NewAccount) => call<AccountView>('add_account', { account })
export const updateAccount = (id: string, change: AccountChange) => call<AccountView>('update_account', { id, change })
export const setAccountDisabled = (id: string, disabled: boolean) => call<AccountView>('set_account_disabled', { id, disabled })
export const resetPassword = (id: string, password: string) => call<null>('reset_password', { id, password })
