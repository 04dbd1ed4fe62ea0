import { describe, expect, it } from 'vitest'
import type { ProgressRow } from '../../bindings/core/ProgressRow'
import { drillRoute, scopeFromQuery } from './drill'

const row = (derivation: ProgressRow['derivation']): ProgressRow =>
  ({
    indicator: '结对共建企业',
    as_of: '2024-06-30',
    period: { start: '2024-01-01', end: '2024-12-31' },
    derivation,
  }) as unknown as ProgressRow

describe('drillRoute', () => {
  it.each([
    ['typed figure', null, null],
    [
      'pairings, active, whole city',
      { source: 'pairing', register: null, measure: 'distinct', field: 'enterprise_id', status: 'active', match_field: null, match_value: null },
      { name: 'pairings', query: { drill: '1', indicator: '结对共建企业', from: '2024-01-01', to: '2024-06-30', status: 'active' } },
    ],
    [
      'activity register with a matched field',
      { source: 'register', register: 'visit', measure: 'count', field: null, status: null, match_field: 'kind', match_value: '商会' },
      {
        name: 'register',
        params: { code: 'visit' },
        query: { drill: '1', indicator: '结对共建企业', from: '2024-01-01', to: '2024-06-30', match_field: 'kind', match_value: '商会' },
      },
    ],
  ] as const)('%s', (_, derivation, want) => {
    expect(drillRoute(row(derivation as ProgressRow['derivation']), null)).toEqual(want)
  })

  it('carries the global unit filter', () => {
    const got = drillRoute(row({ source: 'coop_project', register: null, measure: 'count', field: null, status: null, match_field: null, match_value: null }), 'u1')
    expect(got).toMatchObject({ name: 'projects', query: { unit: 'u1' } })
  })
})

describe('scopeFromQuery', () => {
  it('reads nothing without drill=1', () => {
    expect(scopeFromQuery({ unit: 'u1' })).toBeNull()
  })
  it('reads back what drillRoute wrote', () => {
    expect(scopeFromQuery({ drill: '1', unit: 'u1', from: '2024-01-01', to: '2024-06-30', status: 'active', indicator: 'x' })).toEqual({
      unit: 'u1', from: '2024-01-01', to: '2024-06-30', status: 'active', matchField: null, matchValue: null, indicator: 'x',
    })
  })
})
