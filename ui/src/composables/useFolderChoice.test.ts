// @vitest-environment jsdom
// The remembered folder: the last one used for the purpose, else the default export folder
// (never over one the person typed meanwhile); the native dialog's choice; kept for next time.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { IpcFailure } from '../ipc/error'
import { useFolderChoice } from './useFolderChoice'

const ipc = vi.hoisted(() => ({ chooseFolder: vi.fn(), defaultExportDir: vi.fn() }))
vi.mock('../ipc/files', async (actual) => ({ ...(await actual<object>()), ...ipc }))

const KEY = 'taizhang.testDir'

describe('useFolderChoice', () => {
  beforeEach(() => {
    localStorage.clear()
    ipc.chooseFolder.mockReset()
    ipc.defaultExportDir.mockReset().mockResolvedValue('/home/zw/文档')
  })

  it('starts from the folder remembered for the purpose, and asks for no default then', async () => {
    localStorage.setItem(KEY, '/mnt/u盘/报表')
    localStorage.setItem('taizhang.otherDir', '/tmp/other')
    const f = useFolderChoice(KEY)
    expect(f.folder.value).toBe('/mnt/u盘/报表')
    await f.fillDefault()
    expect(f.folder.value).toBe('/mnt/u盘/报表')
    expect(ipc.defaultExportDir).not.toHaveBeenCalled()
  })

  it('fills in the default folder when none is remembered, but not over one typed meanwhile', async () => {
    const f = useFolderChoice(KEY)
    expect(f.folder.value).toBe('')
    await f.fillDefault()
    expect(f.folder.value).toBe('/home/zw/文档')

    const g = useFolderChoice(KEY)
    let answer: (dir: string) => void = () => {}
    ipc.defaultExportDir.mockReturnValue(new Promise<string>((resolve) => (answer = resolve)))
    const filling = g.fillDefault()
    g.folder.value = '/home/zw/桌面'
    answer('/home/zw/文档')
    await filling
    expect(g.folder.value).toBe('/home/zw/桌面')
  })

  it('passes on a failure to find the default folder', async () => {
    const failure = new IpcFailure({ code: 'no_backend', message: '未连接到台账程序', field: null })
    ipc.defaultExportDir.mockRejectedValue(failure)
    await expect(useFolderChoice(KEY).fillDefault()).rejects.toBe(failure)
  })

  it('takes the folder picked in the dialog, and keeps the one shown when the dialog is cancelled', async () => {
    const f = useFolderChoice(KEY)
    f.folder.value = '/home/zw/文档'
    ipc.chooseFolder.mockResolvedValue('/mnt/u盘')
    await f.choose('选择文件夹')
    expect(ipc.chooseFolder).toHaveBeenCalledWith('选择文件夹')
    expect(f.folder.value).toBe('/mnt/u盘')
    ipc.chooseFolder.mockResolvedValue(null)
    await f.choose('选择文件夹')
    expect(f.folder.value).toBe('/mnt/u盘')
  })

  it('remembers the folder for the next time, trimmed', () => {
    const f = useFolderChoice(KEY)
    f.folder.value = '  /mnt/u盘/报表 '
    f.remember()
    expect(localStorage.getItem(KEY)).toBe('/mnt/u盘/报表')
    f.remember('/srv/下发')
    expect(useFolderChoice(KEY).folder.value).toBe('/srv/下发')
  })
})
