// The overview as the window opens, as plain HTML: the page's first script draws it from the
// figures the shell worked out while the window started (src-tauri/src/opening.rs), before
// the app's own code (Vue, Element Plus) has loaded. It mirrors the overview's components
// (OverviewPage, OverallCard, ActionCard, BehindList, UnitRanking) in their places and sizes,
// and the app's page replaces it once painted. The nav's links and the top bar's controls
// come with the app. Each part carries `data-opening` with the test id of its counterpart in
// the app's page: the e2e test (tests/e2e/ui-opening.test.mjs) checks that both show the same
// words in the same place. Every text is escaped.
import type { Opening } from '../bindings/app/Opening'
import type { ActionSummary } from '../bindings/core/ActionSummary'
import type { ProgressRow } from '../bindings/core/ProgressRow'
import type { Status } from '../bindings/core/Status'
import type { UnitRank } from '../bindings/core/UnitRank'
import { barPercent, formatCount, formatFigure, formatPercent, splitFigure, statusStyle, type Locale } from '../format'
import { wordsOf } from './words'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => ESCAPES[c])

const STATUSES: Status[] = ['done', 'on_pace', 'slightly_behind', 'behind', 'no_target']
const RANKING_KINDS = ['county', 'zone', 'department', 'party'] as const

/** The whole window as it opens: the nav's frame, the top bar's title, and the overview. */
export function openingHtml(o: Opening, locale: Locale, logo: string): string {
  const t = wordsOf(locale)
  const f = formatters(locale, t)
  const actionName = (s: ActionSummary) => (locale === 'en' && s.action_name_en ? s.action_name_en : s.action_name)
  return `<div class="op-shell">
  <div class="op-nav"><div class="op-brand"><img src="${esc(logo)}" alt="" class="op-logo"><div>
    <div class="op-brand-name">${esc(t('app.name'))}</div><div class="op-brand-tag">${esc(t('app.tagline'))}</div></div></div></div>
  <div class="op-main">
    <div class="op-top"><span class="op-crumb">${esc(t('nav.overview'))}</span></div>
    <div class="op-page"><div class="op-overview">
      <div class="tz-page-head"><div><h1>${esc(t('overview.title'))}</h1>
        <div class="sub" data-opening="overview-subtitle">${esc(t('overview.subtitle', { date: o.as_of, unit: t('top.wholeCity') }))}</div></div></div>
      ${o.has_sample ? sampleNotice(t) : ''}
      <div class="op-cards" data-opening="action-cards">${overallCard(o.summaries, f)}${o.summaries.map((s) => actionCard(s, f, actionName(s))).join('')}</div>
      <div class="op-lower">${behindList(o.summaries, f, actionName)}${ranking(o.ranking, o.unit_names_en, f)}</div>
    </div></div>
  </div>
</div>`
}

type Words = ReturnType<typeof wordsOf>
type Formatters = ReturnType<typeof formatters>

function formatters(locale: Locale, t: Words) {
  return {
    t,
    locale,
    fig: (v: number | null, measure: string, decimals: number) => formatFigure(v, measure, locale, { decimals }),
    pct: (share: number | null) => formatPercent(share),
    count: (v: number) => formatCount(v, locale),
    label: (s: Status) => t(statusStyle(s).labelKey),
    color: (s: Status) => statusStyle(s).color,
    indicator: (r: { indicator: string; indicator_en: string }) => (locale === 'en' && r.indicator_en ? r.indicator_en : r.indicator),
  }
}

function sampleNotice(t: Words): string {
  return `<div class="op-sample" data-opening="sample-notice"><span class="op-tag op-tag-warning">${esc(t('top.sample'))}</span>
    <span class="op-sample-text">${esc(t('overview.sampleNotice'))}</span><span class="op-sample-link">${esc(t('overview.sampleRemove'))}</span></div>`
}

function light(status: Status, f: Formatters, compact = false): string {
  const color = f.color(status)
  const label = compact ? '' : `<span class="op-light-label" style="color:${color}">${esc(f.label(status))}</span>`
  return `<span class="op-light"><i class="op-dot" style="background:${color}"></i>${label}</span>`
}

function paceBar(rate: number | null, expected: number | null, status: Status, height: number, f: Formatters): string {
  const marker = expected === null ? '' : `<div class="op-pace-marker" style="left:${barPercent(expected)}%"></div>`
  return `<div class="op-pace"><div class="op-pace-track" style="height:${height}px"><div class="op-pace-fill" style="width:${barPercent(rate)}%;background:${f.color(status)}"></div>${marker}</div></div>`
}

function overallCard(summaries: ActionSummary[], f: Formatters): string {
  const counts: Record<Status, number> = { done: 0, on_pace: 0, slightly_behind: 0, behind: 0, no_target: 0 }
  for (const s of summaries) for (const r of s.rows) counts[r.status] += 1
  const total = STATUSES.reduce((n, s) => n + counts[s], 0)
  const withTarget = total - counts.no_target
  const onPace = withTarget ? (counts.done + counts.on_pace) / withTarget : null
  const segs = STATUSES.filter((s) => counts[s]).map((s) => `<div class="op-seg" style="flex:${counts[s]};background:${f.color(s)}"></div>`)
  const legend = STATUSES.map(
    (s) => `<span class="op-item" data-opening="overall-${s}"><i style="background:${f.color(s)}"></i>${esc(f.label(s))} <b class="num">${counts[s]}</b></span>`,
  )
  return `<div class="op-overall" data-opening="overall-card"><div class="op-overall-head">${esc(f.t('overview.overallTitle'))}</div>
    <div class="op-big num"><span class="op-n" data-opening="overall-indicators">${esc(f.count(total))}</span><span class="op-m">${esc(f.t('overview.indicatorUnit'))}</span></div>
    <div class="op-overall-what">${esc(f.t('overview.onPaceShare', { pct: f.pct(onPace) }))}</div>
    <div class="op-stack">${segs.join('')}</div><div class="op-legend">${legend.join('')}</div></div>`
}

function actionCard(s: ActionSummary, f: Formatters, name: string): string {
  const headlines = s.headlines.slice(0, 2)
  const figures = headlines.length
    ? `<div class="op-figures${headlines.length > 1 ? ' op-two' : ''}">${headlines.map((h) => headline(h, f)).join('')}</div>`
    : `<div class="op-figures op-empty tz-muted">${esc(f.t('overview.noHeadline'))}</div>`
  const dots = (['done', 'on_pace', 'slightly_behind', 'behind'] as const).map(
    (k) => `<span class="op-c"><i style="background:${f.color(k)}"></i>${s[k]}</span>`,
  )
  return `<div class="op-card" style="--status:${f.color(s.status)}" data-opening="action-card-${esc(s.action)}">
    <div class="op-head"><span class="op-name">${esc(name)}</span>${light(s.status, f)}</div>${figures}
    <div><div class="op-progress-head"><span>${esc(f.t('overview.completion'))}</span><span class="op-rate num">${esc(f.pct(s.mean_completion_rate))}</span>
      <span class="op-pace-label tz-muted num">${esc(f.t('overview.pace'))} ${esc(f.pct(s.mean_expected_share))}</span></div>
      ${paceBar(s.mean_completion_rate, s.mean_expected_share, s.status, 8, f)}</div>
    <div class="op-foot"><span class="tz-muted">${esc(f.t('overview.indicators', { n: s.indicators }))} · ${esc(f.t('overview.paceIndexShort', { pct: f.pct(s.pace_index) }))}</span>
      <span class="op-counts">${dots.join('')}</span></div></div>`
}

function headline(h: ProgressRow, f: Formatters): string {
  const { number } = splitFigure(h.completed, h.measure, f.locale, { decimals: h.decimals })
  return `<div class="op-figure" data-opening="headline-${esc(h.indicator_code)}">
    <div class="op-big num"><span class="op-n">${esc(number)}</span><span class="op-m">${esc(h.measure)}</span></div>
    <div class="op-what">${esc(f.indicator(h))}</div>
    <div class="op-sub num">${esc(f.t('action.target'))} ${esc(f.fig(h.target, h.measure, h.decimals))} · ${esc(f.pct(h.completion_rate))}</div></div>`
}

function behindList(summaries: ActionSummary[], f: Formatters, actionName: (s: ActionSummary) => string): string {
  const ratio = (r: ProgressRow) => (r.expected ? r.completed / r.expected : 1)
  const rows = summaries
    .flatMap((s) => s.rows)
    .filter((r) => r.status === 'behind' || r.status === 'slightly_behind')
    .sort((a, b) => ratio(a) - ratio(b))
  const named = (code: string) => {
    const s = summaries.find((x) => x.action === code)
    return s ? actionName(s) : code
  }
  const tag = rows.length ? `<span class="op-tag op-tag-danger">${rows.length}</span>` : ''
  const list = rows.map(
    (r) => `<div class="op-behind-row" data-opening="behind-${esc(r.indicator_code)}">${light(r.status, f, true)}
      <div class="op-behind-main"><div class="op-behind-name">${esc(f.indicator(r))}</div><div class="op-behind-meta tz-muted">${esc(named(r.action))}</div></div>
      <div>${paceBar(r.completion_rate, r.expected_share, r.status, 6, f)}</div>
      <div class="op-behind-nums num"><div class="op-behind-rate">${esc(f.pct(r.completion_rate))}</div>
        <div class="op-behind-gap">${esc(f.t('overview.gapLabel', { gap: f.fig(r.gap === null ? null : -r.gap, r.measure, r.decimals) }))}</div></div></div>`,
  )
  return `<div class="tz-card" data-opening="behind-list"><div class="tz-card-title"><span>${esc(f.t('overview.behindTitle'))}</span>${tag}</div>
    <div class="op-behind-list">${list.join('')}</div></div>`
}

function ranking(rows: UnitRank[], namesEn: Partial<Record<string, string>>, f: Formatters): string {
  const unitName = (r: UnitRank) => (f.locale === 'en' && namesEn[r.unit_id]) || r.unit
  const kinds = RANKING_KINDS.map((k, i) => `<span class="op-radio${i === 0 ? ' op-radio-on' : ''}">${esc(f.t(`unitKind.${k}`))}</span>`)
  const body = rows.map(
    (r) => `<tr data-opening="ranking-row-${esc(r.unit_id)}"><td class="op-c-rank"><span class="op-rank${r.rank <= 3 ? ' op-top3' : ''}">${r.rank}</span></td>
      <td class="op-c-unit"><span class="op-unit">${esc(unitName(r))}</span></td>
      <td><div class="op-idx"><div class="op-track"><div class="op-fill" style="width:${Math.min(100, r.pace_index * 100)}%;background:${f.color(r.status)}"></div></div><span class="num">${esc(f.pct(r.pace_index))}</span></div></td>
      <td class="op-c-num"><span class="num">${esc(f.pct(r.mean_completion_rate))}</span></td>
      <td class="op-c-num"><span class="num${r.behind > 0 ? ' op-bad' : ''}">${esc(f.count(r.behind))}</span></td>
      <td>${light(r.status, f)}</td></tr>`,
  )
  const th = (cls: string, key: string) => `<th${cls ? ` class="${cls}"` : ''}>${esc(f.t(key))}</th>`
  return `<div class="tz-card" data-opening="unit-ranking"><div class="tz-card-title"><span>${esc(f.t('overview.rankingTitle'))}</span><span class="op-radios">${kinds.join('')}</span></div>
    <div class="op-hint tz-muted">${esc(f.t('overview.rankingHint'))}</div>
    <div class="op-scroll"><table class="op-ranking" data-opening="ranking-table"><thead><tr>${th('op-c-rank', 'overview.rank')}${th('', 'common.unit')}${th('op-c-idx', 'overview.paceIndex')}${th('op-c-num', 'overview.meanRate')}${th('op-c-num op-c-behind', 'overview.behindCount')}${th('op-c-status', 'action.status')}</tr></thead>
    <tbody>${body.join('')}</tbody></table></div></div>`
}
