// vue-i18n set-up: Chinese first, English second; the choice is remembered.
import { createI18n } from 'vue-i18n'
import en from './en'
import zhCN from './zh-CN'
import type { Locale } from '../format/figure'

const STORAGE_KEY = 'taizhang.locale'

export const LOCALES: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en', label: 'English' },
]

function savedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY)
    return v === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

export const i18n = createI18n({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Storage can be unavailable; the choice then lasts for this session.
  }
}

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale
}
