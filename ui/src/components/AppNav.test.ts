// @vitest-environment jsdom
// The side nav: a link per page, the current one marked for eyes and screen readers, and the
// two sections folding from their titles.
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '../i18n'
import { catalog } from '../store/catalog'
import AppNav from './AppNav.vue'

const Blank = defineComponent({ render: () => null })
const paths = ['/overview', '/action/:code', '/indicator/:id?', '/entry', '/targets', '/import', '/rounds', '/registers/pairings', '/registers/projects', '/registers/r/:code', '/report', '/exchange', '/audit', '/settings']
const named: Record<string, string> = { '/action/:code': 'action', '/indicator/:id?': 'indicator', '/registers/r/:code': 'register' }

function action(code: string, name: string, archived = false) {
  return { id: code, code, name, name_en: '', description: '', sort_order: 0, archived }
}

async function mounted(at: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: paths.map((path) => ({ path, name: named[path] ?? path, component: Blank })) })
  await router.push(at)
  await router.isReady()
  const w = mount(AppNav, { global: { plugins: [ElementPlus, i18n, router] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

describe('the side nav', () => {
  catalog.actions = [action('JYXC', '建言献策'), action('GTFY', '共同富裕'), action('OLD', '旧行动', true)]

  it('links every page, marks the one shown, and lists the actions that are not archived', async () => {
    const { w, router } = await mounted('/overview')
    const link = (id: string) => w.get(`[data-testid="${id}"]`)
    expect(link('nav-overview').attributes('href')).toBe('/overview')
    expect(link('nav-overview').attributes('aria-current')).toBe('page')
    expect(link('nav-settings').attributes('aria-current')).toBeUndefined()
    expect(link('nav-action-GTFY').text()).toBe('共同富裕')
    expect(w.find('[data-testid="nav-action-OLD"]').exists(), 'an archived action has no link').toBe(false)

    await router.push('/action/GTFY')
    await flushPromises()
    expect(link('nav-action-GTFY').attributes('aria-current')).toBe('page')
    expect(link('nav-action-GTFY').classes()).toContain('active')
    expect(link('nav-overview').attributes('aria-current')).toBeUndefined()

    await router.push('/indicator/some-id')
    await flushPromises()
    expect(link('nav-indicator').attributes('aria-current'), 'an indicator’s page marks 指标').toBe('page')
    w.unmount()
  })

  it('folds a section from its title and says so to a screen reader', async () => {
    const { w } = await mounted('/overview')
    const title = w.get('[data-testid="nav-actions"] button')
    expect(title.attributes('aria-expanded')).toBe('true')
    expect(w.get('[data-testid="nav-action-JYXC"]').isVisible()).toBe(true)
    await title.trigger('click')
    expect(title.attributes('aria-expanded')).toBe('false')
    expect(w.get('[data-testid="nav-action-JYXC"]').isVisible(), 'the folded section hides its links').toBe(false)
    expect(w.get('[data-testid="nav-pairings"]').isVisible(), 'the other section stays open').toBe(true)
    w.unmount()
  })
})
