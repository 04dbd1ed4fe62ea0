import { describe, expect, it } from 'vitest'
import { cleanPath, destinations, importKind, joinPath, templateFileName } from './kinds'

describe('importKind', () => {
  it.each([
    ['entries', null, { kind: 'entries' }],
    ['activity', 'visit', { kind: 'activity', register: 'visit' }],
    ['activity', null, null], // a register type must be chosen first
  ] as const)('%s %s', (name, register, want) => {
    expect(importKind(name, register)).toEqual(want)
  })
})

describe('file names and paths', () => {
  it.each([
    ['完成情况', '完成情况导入模板.xlsx'],
    ['走访/调研', '走访_调研导入模板.xlsx'],
  ])('template of %s', (label, want) => {
    expect(templateFileName(label)).toBe(want)
  })
  it.each([
    ['/home/li/文档', 'a.xlsx', '/home/li/文档/a.xlsx'],
    ['/home/li/文档/', 'a.xlsx', '/home/li/文档/a.xlsx'],
    ['C:\\Users\\li\\Documents', 'a.xlsx', 'C:\\Users\\li\\Documents\\a.xlsx'],
    ['', 'a.xlsx', 'a.xlsx'],
  ])('join %s + %s', (dir, name, want) => {
    expect(joinPath(dir, name)).toBe(want)
  })
  it.each([
    ['  /tmp/完成情况.csv ', '/tmp/完成情况.csv'],
    ['"C:\\Users\\li\\完成情况.xlsx"', 'C:\\Users\\li\\完成情况.xlsx'],
    ["'/tmp/a b.xlsx'", '/tmp/a b.xlsx'],
    ['file:///tmp/%E5%AE%8C%E6%88%90.csv', '/tmp/完成.csv'],
    ['"', '"'],
  ])('clean %s', (text, want) => {
    expect(cleanPath(text)).toBe(want)
  })
})

describe('destinations', () => {
  it.each([
    [{ kind: 'entries' }, ['/overview', '/indicator']],
    [{ kind: 'villages' }, ['/overview', '/registers/pairings']],
    [{ kind: 'projects' }, ['/overview', '/registers/projects']],
    [{ kind: 'activity', register: 'visit' }, ['/overview', '/registers/r/visit']],
  ] as const)('%o', (kind, want) => {
    expect(destinations(kind).map((d) => d.to)).toEqual(want)
  })
})
