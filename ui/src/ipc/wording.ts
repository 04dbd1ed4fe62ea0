// Words an error from the core in the window's language: Chinese is the core's own message;
// English is made from `code` + `params` (i18n/errorWording.en.ts). An English wording that
// is missing, or a parameter that did not come, falls back to the core's Chinese message, so
// nothing is ever shown half-filled.
import { ERROR_WORDING_EN, FIELDS_EN, PHRASES_EN, TERMS_EN, WORDING_VARIANTS } from '../i18n/errorWording.en'
import type { Locale } from '../format/figure'

const QUARTERS: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4' }

/** A Chinese term in English: a known term, a period label (2024年第三季度 → 2024 Q3), a
 * permission refusal, or the term itself (a unit's or a person's name stays as it is). */
export function termEn(zh: string): string {
  const known = TERMS_EN[zh]
  if (known !== undefined) return known
  const quarter = /^(\d{4})年第([一二三四])季度$/.exec(zh)
  if (quarter) return `${quarter[1]} Q${QUARTERS[quarter[2]]}`
  const month = /^(\d{4})年(\d{1,2})月$/.exec(zh)
  if (month) return `${month[1]}-${month[2].padStart(2, '0')}`
  for (const [pattern, english] of PHRASES_EN) if (pattern.test(zh)) return zh.replace(pattern, english)
  return forbiddenEn(zh) ?? zh
}

/** 「兰山区填报员无权修改沂南县的数据（完成情况）」 → "a clerk of 兰山区 may not change the data of 沂南县 (entry)". */
function forbiddenEn(zh: string): string | null {
  const m = /^(.*?)(管理员|审核员|填报员|领导)无权(新增|修改|删除|查看|审核通过报表|退回报表)(.*?)(?:的数据)?(?:（(.+)）)?(?:：.*)?$/.exec(zh)
  if (!m) return null
  const [, unit, role, verb, what, area] = m
  const who = unit ? `the ${TERMS_EN[role]} of ${unit}` : `a ${TERMS_EN[role]}`
  const object = what ? (zh.includes(`${what}的数据`) ? `the data of ${what}` : termEn(what)) : ''
  return `${who} may not ${TERMS_EN[verb]} ${object}${area ? ` (${termEn(area)})` : ''}`.trim()
}

const TERM_PARAMS = new Set(['what', 'kind', 'state', 'step', 'span', 'label', 'detail', 'reason'])

/** The English of one error, or null when it cannot be worded fully. */
export function errorEn(code: string, params: Record<string, string>): string | null {
  const key = WORDING_VARIANTS[code]?.find((v) => params[v.when] !== undefined)?.key ?? code
  const template = ERROR_WORDING_EN[key]
  if (template === undefined) return null
  let missing = false
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) {
      missing = true
      return ''
    }
    if (name === 'field') return FIELDS_EN[value] ?? value
    return TERM_PARAMS.has(name) ? termEn(value) : value
  })
  if (missing) return null
  return params.row_unit ? `${params.row_unit}: ${text}` : text
}

/** The message to show for an error, in `locale`. */
export function wordError(e: { code: string; message: string; params?: Record<string, string> | null }, locale: Locale): string {
  if (locale !== 'en') return e.message
  return errorEn(e.code, e.params ?? {}) ?? e.message
}
