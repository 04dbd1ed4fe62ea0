// The window's language as last chosen, remembered in its storage. Apart from index.ts (which
// loads vue-i18n) so that the opening (opening/words.ts) reads it before vue-i18n has loaded.
import type { Locale } from '../format/figure'

export const LOCALE_KEY = 'taizhang.locale'

export function savedLocale(): Locale {
  try {
    return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}
