// vue-i18n set-up: Chinese first, English second; the choice is remembered.
import { createI18n } from 'vue-i18n'
import en from './en'
import zhCN from './zh-CN'
import type { Locale } from '../format/figure'
import { LOCALE_KEY, savedLocale } from './savedLocale'

export const LOCALES: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en', label: 'English' },
]


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
    localStorage.setItem(LOCALE_KEY, locale)
  } catch {
    // Storage can be unavailable; the choice then lasts for this session.
  }
}

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale
}
