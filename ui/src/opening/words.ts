// The opening's words: the app's own messages (i18n/), looked up without vue-i18n, which
// loads with the app's code after the opening has painted.
import type { Locale } from '../format/figure'
import en from '../i18n/en'
import zhCN from '../i18n/zh-CN'

const STORAGE_KEY = 'taizhang.locale'

/** The language the window was last set to (i18n/index.ts remembers it under the same key). */
export function savedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

type Tree = { [key: string]: string | Tree }

/** `t('overview.subtitle', { date, unit })` over the messages of `locale`, as vue-i18n words it. */
export function wordsOf(locale: Locale): (key: string, params?: Record<string, string | number>) => string {
  const messages = (locale === 'en' ? en : zhCN) as unknown as Tree
  return (key, params = {}) => {
    let node: string | Tree | undefined = messages
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
    const text = typeof node === 'string' ? node : key
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
  }
}
