// The opening's words: the app's own messages (i18n/), looked up without vue-i18n, which
// loads with the app's code after the opening has painted.
import type { Locale } from '../format/figure'
import en from '../i18n/en'
import zhCN from '../i18n/zh-CN'

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
