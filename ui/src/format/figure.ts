// Numbers shown to a person are formatted here and nowhere else.
// Chinese conventions: thousands separators, 万/亿 for large values, the measure right
// after the number ("4,221家", "12.3万人次"). English: "4,221 家", "1.23M 家".

export type Locale = 'zh-CN' | 'en'

/** Values at or above this are shown in 万 (zh-CN). 100,000 → "10万". */
const WAN_FROM = 100_000
const WAN = 10_000
const YI = 100_000_000
const MILLION = 1_000_000

export interface FigureOptions {
  /** Decimal places the indicator allows; the full form shows at most this many. */
  decimals?: number
  /** Use 万/亿 (or K/M) for large values. Default true. */
  compact?: boolean
  /** Show a + for positive values (gaps). */
  signed?: boolean
}

const DASH = '—'

/** Rounds half away from zero to `decimals` places without float noise (1.005 → 1.01). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals
  const r = Math.round(Math.abs(value) * f + 1e-9) / f
  return value < 0 ? -r : r
}

/** One formatter per number of decimals: making one costs far more than using it. */
const grouping = new Map<number, Intl.NumberFormat>()

/** "1,234.5" with at most `maxDecimals` places and trailing zeros trimmed. */
export function groupDigits(value: number, maxDecimals: number): string {
  const places = Math.max(0, maxDecimals)
  let format = grouping.get(places)
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: places, useGrouping: true })
    grouping.set(places, format)
  }
  return format.format(roundTo(value, places))
}

/** A measure already in 万 or 亿 (万元, 亿元) is not scaled again. */
function measureIsScaled(measure: string): boolean {
  return /^[万亿]/.test(measure)
}

/** The number alone, in the locale's conventions (no measure). */
export function formatNumber(value: number, locale: Locale, opts: FigureOptions = {}): string {
  const decimals = opts.decimals ?? 0
  const compact = opts.compact ?? true
  const abs = Math.abs(value)
  const sign = value < 0 ? '−' : opts.signed && value > 0 ? '+' : ''
  let body: string
  if (compact && locale === 'zh-CN' && abs >= YI) body = groupDigits(abs / YI, 2) + '亿'
  else if (compact && locale === 'zh-CN' && abs >= WAN_FROM) body = groupDigits(abs / WAN, 2) + '万'
  else if (compact && locale === 'en' && abs >= MILLION) body = groupDigits(abs / MILLION, 2) + 'M'
  else body = groupDigits(abs, decimals)
  if (body === '0') return '0'
  return sign + body
}

/**
 * A figure with its measure: formatFigure(4221, '家', 'zh-CN') → "4,221家";
 * formatFigure(123000, '人次', 'zh-CN') → "12.3万人次"; null → "—".
 */
export function formatFigure(
  value: number | null | undefined,
  measure: string,
  locale: Locale,
  opts: FigureOptions = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH
  const compact = (opts.compact ?? true) && !measureIsScaled(measure)
  const num = formatNumber(value, locale, { ...opts, compact })
  if (!measure) return num
  return locale === 'zh-CN' ? num + measure : `${num} ${measure}`
}

/** The number and its measure apart, for a large headline figure with a small measure. */
export function splitFigure(
  value: number | null | undefined,
  measure: string,
  locale: Locale,
  opts: FigureOptions = {},
): { number: string; measure: string } {
  if (value === null || value === undefined || !Number.isFinite(value)) return { number: DASH, measure: '' }
  const compact = (opts.compact ?? true) && !measureIsScaled(measure)
  return { number: formatNumber(value, locale, { ...opts, compact }), measure }
}

/** A plain count without a measure ("27"), for table cells and badges. */
export function formatCount(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH
  return formatNumber(value, locale, { compact: false })
}
