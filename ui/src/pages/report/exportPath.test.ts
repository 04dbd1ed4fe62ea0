import { describe, expect, it } from 'vitest'
import { formatFileSize } from '../../format/fileSize'
import { exportPath, joinPath, splitPath, stemOf } from './exportPath'

describe('export paths', () => {
  it('joins folder and name with the folder’s separator', () => {
    const cases: [string, string, string][] = [
      ['/home/li/文档', '汇总.xlsx', '/home/li/文档/汇总.xlsx'],
      ['/home/li/文档/', '汇总.xlsx', '/home/li/文档/汇总.xlsx'],
      ['C:\\Users\\li\\Documents', '汇总.docx', 'C:\\Users\\li\\Documents\\汇总.docx'],
      ['  /tmp  ', ' a.csv ', '/tmp/a.csv'],
      ['', 'a.csv', 'a.csv'],
    ]
    for (const [folder, name, want] of cases) expect(joinPath(folder, name), `${folder} + ${name}`).toBe(want)
  })

  it('splits a chosen path back into folder and name', () => {
    const cases: [string, { folder: string; name: string }][] = [
      ['/home/li/文档/汇总.xlsx', { folder: '/home/li/文档', name: '汇总.xlsx' }],
      ['C:\\Users\\li\\汇总.docx', { folder: 'C:\\Users\\li', name: '汇总.docx' }],
      ['C:\\汇总.docx', { folder: 'C:\\', name: '汇总.docx' }],
      ['/汇总.csv', { folder: '/', name: '汇总.csv' }],
      ['汇总.csv', { folder: '', name: '汇总.csv' }],
    ]
    for (const [path, want] of cases) expect(splitPath(path), path).toEqual(want)
  })

  it('writes the stem with the format’s extension', () => {
    expect(stemOf('临沂市五大行动2024年第二季度汇总.XLSX')).toBe('临沂市五大行动2024年第二季度汇总')
    expect(stemOf('v1.2 汇总')).toBe('v1.2 汇总')
    expect(exportPath('/tmp', '汇总.docx', 'xlsx')).toBe('/tmp/汇总.xlsx')
    expect(exportPath('/tmp', '汇总', 'csv')).toBe('/tmp/汇总.csv')
  })

  it('says a file size in B, KB or MB', () => {
    const cases: [number, string][] = [
      [812, '812 B'],
      [12_595, '12.3 KB'],
      [1_468_006, '1.4 MB'],
    ]
    for (const [bytes, want] of cases) expect(formatFileSize(bytes), String(bytes)).toBe(want)
  })
})
