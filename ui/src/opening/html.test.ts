// @vitest-environment jsdom
// The opening's HTML: the figures as the app formats them, the words of the chosen language,
// the worst indicators first, and every text escaped (a name is data, never markup).
import { describe, expect, it } from 'vitest'
import type { Opening } from '../bindings/app/Opening'
import type { ActionSummary } from '../bindings/core/ActionSummary'
import type { ProgressRow } from '../bindings/core/ProgressRow'
import { openingHtml } from './html'

function row(code: string, completed: number, expected: number, status: ProgressRow['status']): ProgressRow {
  return {
    action: 'prosperity', action_name: '共同富裕', indicator_id: `id-${code}`, indicator_code: code,
    indicator: `指标${code}`, indicator_en: `Indicator ${code}`, measure: '家', decimals: 0, headline: true,
    pacing: 'linear', unit_id: 'city', unit: '临沂市', as_of: '2024-06-30', period: null, target: 5300,
    target_source: 'own', completed, completion_rate: completed / 5300, expected, expected_share: expected / 5300,
    gap: completed - expected, status, derivation: null,
  } as ProgressRow
}

const summary: ActionSummary = {
  action_id: 'a1', action: 'prosperity', action_name: '共同富裕<b>', action_name_en: 'Common prosperity',
  indicators: 3, with_target: 3, done: 0, on_pace: 1, slightly_behind: 1, behind: 1,
  mean_completion_rate: 0.87, mean_expected_share: 0.832, pace_index: 0.969, status: 'slightly_behind',
  headlines: [row('GF01', 4221, 4400, 'slightly_behind')],
  rows: [row('GF01', 4221, 4400, 'slightly_behind'), row('GF02', 1000, 4000, 'behind'), row('GF03', 5000, 4000, 'on_pace')],
} as ActionSummary

const opening: Opening = {
  as_of: '2024-06-30',
  has_sample: true,
  summaries: [summary],
  ranking: [
    { rank: 1, unit_id: 'u1', unit: '兰山区', kind: 'county', indicators: 3, pace_index: 0.98, mean_completion_rate: 0.9, done: 1, behind: 2, status: 'on_pace' },
    { rank: 2, unit_id: 'u2', unit: '<img src=x onerror=alert(1)>', kind: 'county', indicators: 3, pace_index: 0.5, mean_completion_rate: 0.4, done: 0, behind: 3, status: 'behind' },
  ],
  unit_names_en: { u1: 'Lanshan District' },
} as Opening

function render(o: Opening, locale: 'zh-CN' | 'en'): HTMLElement {
  const el = document.createElement('div')
  el.innerHTML = openingHtml(o, locale, '/logo.png')
  return el
}
const text = (el: HTMLElement, key: string) => el.querySelector(`[data-opening="${key}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null

describe('the opening', () => {
  // (language, part, text it holds): the figures as the app formats them, the words of the
  // language, English names where they exist, a name that looks like markup shown as text.
  const cases: ['zh-CN' | 'en', string, string][] = [
    ['zh-CN', 'overview-subtitle', '截至 2024-06-30 · 全市'],
    ['zh-CN', 'headline-GF01', '4,221家'],
    ['zh-CN', 'headline-GF01', '目标 5,300家 · 79.6%'],
    ['zh-CN', 'overall-indicators', '3'],
    ['zh-CN', 'sample-notice', '示例数据'],
    ['zh-CN', 'ranking-row-u1', '兰山区'],
    ['en', 'overview-subtitle', 'As of 2024-06-30 · Whole city'],
    ['en', 'action-card-prosperity', 'Common prosperity'],
    ['en', 'headline-GF01', 'Indicator GF01'],
    ['en', 'ranking-row-u1', 'Lanshan District'],
    ['en', 'ranking-row-u2', '<img src=x onerror=alert(1)>'],
  ]
  it.each(cases)('in %s, %s shows %s', (locale, key, want) => {
    expect(text(render(opening, locale), key)).toContain(want)
  })

  it('ranks every unit it is given', () => {
    expect(render(opening, 'zh-CN').querySelectorAll('[data-opening^="ranking-row-"]')).toHaveLength(2)
  })

  it('lists the indicators behind pace, worst first (completed ÷ expected)', () => {
    const keys = [...render(opening, 'zh-CN').querySelectorAll<HTMLElement>('[data-opening^="behind-"]')]
      .map((e) => e.dataset.opening)
      .filter((k) => k !== 'behind-list')
    expect(keys).toEqual(['behind-GF02', 'behind-GF01'])
  })

  it('escapes every name: no markup from the data', () => {
    const el = render(opening, 'zh-CN')
    expect(el.querySelector('img[src="x"]')).toBeNull()
    expect(el.querySelector('.op-name b')).toBeNull()
    expect(text(el, 'action-card-prosperity')).toContain('共同富裕<b>')
  })

  it('leaves out the sample notice without the sample', () => {
    expect(text(render({ ...opening, has_sample: false }, 'zh-CN'), 'sample-notice')).toBeNull()
  })
})
