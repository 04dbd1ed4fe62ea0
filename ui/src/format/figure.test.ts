import { describe, expect, it } from 'vitest'
import { formatCount, formatFigure, roundTo, splitFigure, type Locale } from './figure'

describe('formatFigure', () => {
  it('follows Chinese conventions and the English ones', () => {
    // (value, measure, locale, options, want)
    const cases: [number | null | undefined, string, Locale, object, string][] = [
      [4221, '家', 'zh-CN', {}, '4,221家'],
      [1400, '人次', 'zh-CN', {}, '1,400人次'],
      [384, '个', 'zh-CN', {}, '384个'],
      [0, '个', 'zh-CN', {}, '0个'],
      [3, '篇', 'zh-CN', {}, '3篇'],
      [99_999, '人', 'zh-CN', {}, '99,999人'], // below 10万: the full number
      [100_000, '人', 'zh-CN', {}, '10万人'],
      [123_000, '人次', 'zh-CN', {}, '12.3万人次'],
      [123_456, '人次', 'zh-CN', {}, '12.35万人次'],
      [1_234_567, '元', 'zh-CN', {}, '123.46万元'],
      [350_000_000, '元', 'zh-CN', {}, '3.5亿元'],
      [123_000, '人次', 'zh-CN', { compact: false }, '123,000人次'],
      [5678.5, '万元', 'zh-CN', { decimals: 2 }, '5,678.5万元'], // already in 万: not scaled
      [250_000, '万元', 'zh-CN', { decimals: 2 }, '250,000万元'],
      [12.345, '吨', 'zh-CN', { decimals: 2 }, '12.35吨'],
      [12.3, '吨', 'zh-CN', { decimals: 0 }, '12吨'],
      [-35, '家', 'zh-CN', { signed: true }, '−35家'],
      [12, '家', 'zh-CN', { signed: true }, '+12家'],
      [0, '家', 'zh-CN', { signed: true }, '0家'],
      [1.005, '', 'zh-CN', { decimals: 2 }, '1.01'],
      [null, '家', 'zh-CN', {}, '—'],
      [undefined, '家', 'zh-CN', {}, '—'],
      [Number.NaN, '家', 'zh-CN', {}, '—'],
      [4221, '家', 'en', {}, '4,221 家'],
      [123_000, 'items', 'en', {}, '123,000 items'],
      [2_500_000, 'yuan', 'en', {}, '2.5M yuan'],
    ]
    for (const [value, measure, locale, opts, want] of cases) {
      const got = formatFigure(value, measure, locale, opts)
      expect(got, `formatFigure(${value}, ${measure}, ${locale}, ${JSON.stringify(opts)})`).toBe(want)
    }
  })

  it('splits a headline figure into number and measure', () => {
    const cases: [number | null, string, { number: string; measure: string }][] = [
      [4221, '家', { number: '4,221', measure: '家' }],
      [160_000, '人次', { number: '16万', measure: '人次' }],
      [null, '家', { number: '—', measure: '' }],
    ]
    for (const [value, measure, want] of cases) {
      expect(splitFigure(value, measure, 'zh-CN'), `splitFigure(${value}, ${measure})`).toEqual(want)
    }
  })

  it('counts without scaling', () => {
    expect(formatCount(123456, 'zh-CN'), 'count 123456').toBe('123,456')
    expect(formatCount(null, 'zh-CN'), 'count null').toBe('—')
  })

  it('rounds half away from zero', () => {
    const cases: [number, number, number][] = [
      [1.005, 2, 1.01],
      [2.5, 0, 3],
      [-2.5, 0, -3],
      [0.1 + 0.2, 2, 0.3],
    ]
    for (const [v, d, want] of cases) expect(roundTo(v, d), `roundTo(${v}, ${d})`).toBe(want)
  })
})
