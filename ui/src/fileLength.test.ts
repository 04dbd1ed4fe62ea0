// No source file in ui/src grows past 400 lines: a longer one is split into a component or a
// composable. The i18n message files are data and are left out.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const MAX_LINES = 400
const SRC = fileURLToPath(new URL('.', import.meta.url))
const DATA_FILES = new Set(['i18n/zh-CN.ts', 'i18n/en.ts'])

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name)
    if (d.isDirectory()) return sourceFiles(path)
    return /\.(ts|vue|css)$/.test(d.name) ? [path] : []
  })
}

/** Lines as `wc -l` counts them (a last line without a newline counts too). */
const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0)

it(`keeps every file under src/ at ${MAX_LINES} lines or fewer`, () => {
  const files = sourceFiles(SRC).map((p) => relative(SRC, p).split('\\').join('/'))
  // The walk really found the sources (a wrong root would pass with nothing to check).
  expect(files).toContain('pages/targets/TargetsPage.vue')
  expect(files).toContain('i18n/zh-CN.ts')
  const tooLong = files
    .filter((f) => !DATA_FILES.has(f))
    .map((f) => ({ file: f, lines: lineCount(readFileSync(join(SRC, f), 'utf8')) }))
    .filter((f) => f.lines > MAX_LINES)
  expect(tooLong, `files over ${MAX_LINES} lines; split them`).toEqual([])
})
