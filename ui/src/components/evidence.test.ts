import { describe, expect, it } from 'vitest'
import { cleanPath, fileSize, fileState, shortType } from './evidence'

describe('evidence display', () => {
  it('sizes as the CLI prints them', () => {
    expect(fileSize(0)).toBe('1 KB')
    expect(fileSize(1025)).toBe('2 KB')
    expect(fileSize(23.4 * 1024 * 1024)).toBe('23.4 MB')
  })

  it('names the kinds briefly and keeps an unknown media type', () => {
    expect(shortType('application/pdf')).toBe('PDF')
    expect(shortType('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('Excel')
    expect(shortType('text/plain')).toBe('text/plain')
  })

  it('tells an intact, a changed and a missing file apart', () => {
    expect(fileState({ exists: true, intact: true })).toBe('intact')
    expect(fileState({ exists: true, intact: false })).toBe('altered')
    expect(fileState({ exists: false, intact: false })).toBe('missing')
  })

  it('takes a pasted path without its quotes', () => {
    expect(cleanPath(' "C:\\材料\\协议.pdf" ')).toBe('C:\\材料\\协议.pdf')
    expect(cleanPath('/home/a/b.png')).toBe('/home/a/b.png')
  })
})
