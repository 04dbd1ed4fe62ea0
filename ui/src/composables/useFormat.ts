// Formatting bound to the current language, so templates stay short and every number still
// goes through src/format/.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Status } from '../bindings/core/Status'
import {
  formatCount,
  formatFigure,
  formatPercent,
  splitFigure,
  statusStyle,
  type FigureOptions,
  type Locale,
} from '../format'

interface Named {
  name: string
  name_en?: string
}

export function useFormat() {
  const { t, locale } = useI18n()
  const loc = computed(() => locale.value as Locale)
  return {
    t,
    locale: loc,
    fig: (value: number | null | undefined, measure: string, opts?: FigureOptions) =>
      formatFigure(value, measure, loc.value, opts),
    split: (value: number | null | undefined, measure: string, opts?: FigureOptions) =>
      splitFigure(value, measure, loc.value, opts),
    count: (value: number | null | undefined) => formatCount(value, loc.value),
    pct: (share: number | null | undefined, decimals?: number) => formatPercent(share, decimals),
    statusLabel: (s: Status) => t(statusStyle(s).labelKey),
    statusColor: (s: Status) => statusStyle(s).color,
    /** The English name when the language is English and there is one. */
    name: (o: Named | null | undefined) => (o ? (loc.value === 'en' && o.name_en ? o.name_en : o.name) : ''),
    quarter: (q: { year: number; q: number }) => t('common.quarterLabel', { year: q.year, q: q.q }),
  }
}
