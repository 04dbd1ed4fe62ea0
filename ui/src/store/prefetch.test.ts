// An answer asked ahead is taken once, only with the same arguments; a failure reaches the page.
import { describe, expect, it } from 'vitest'
import { opensOnOverview } from '../pages/overview/firstFigures'
import { prefetch, seed, take } from './prefetch'

describe('prefetched answers', () => {
  it('are taken once, with the same arguments only', async () => {
    const asked: string[] = []
    const ask = async (a: { as_of: string }) => {
      asked.push(a.as_of)
      return `figures of ${a.as_of}`
    }
    prefetch('summaries', { as_of: '2024-06-30' }, ask)
    expect(asked).toEqual(['2024-06-30'])
    expect(await take('summaries', { as_of: '2024-05-31' }, ask), 'other arguments ask again').toBe('figures of 2024-05-31')
    expect(await take('summaries', { as_of: '2024-06-30' }, ask)).toBe('figures of 2024-06-30')
    expect(asked, 'the prefetched answer was used').toEqual(['2024-06-30', '2024-05-31'])
    await take('summaries', { as_of: '2024-06-30' }, ask)
    expect(asked, 'a second take asks the core').toEqual(['2024-06-30', '2024-05-31', '2024-06-30'])
  })

  it('may be answers at hand (the opening\'s figures), taken once like the others', async () => {
    const asked: string[] = []
    const ask = async (a: { as_of: string }) => {
      asked.push(a.as_of)
      return `asked for ${a.as_of}`
    }
    seed('summaries', { as_of: '2024-06-30' }, 'the opening\'s figures')
    expect(await take('summaries', { as_of: '2024-06-30' }, ask)).toBe('the opening\'s figures')
    expect(await take('summaries', { as_of: '2024-06-30' }, ask), 'then the core').toBe('asked for 2024-06-30')
    expect(asked).toEqual(['2024-06-30'])
  })

  it('hand a failure to the page that takes them', async () => {
    prefetch('ranking', { kind: 'county' }, () => Promise.reject(new Error('no ledger')))
    await new Promise((r) => setTimeout(r, 0))
    await expect(take('ranking', { kind: 'county' }, async () => 'fresh')).rejects.toThrow('no ledger')
  })

  it('are asked for the overview only when the window opens on it', () => {
    for (const hash of ['', '#/', '#/overview', '#/overview?unit=x']) expect(opensOnOverview(hash), hash).toBe(true)
    for (const hash of ['#/entry', '#/registers/pairings', '#/overviews']) expect(opensOnOverview(hash), hash).toBe(false)
  })
})
