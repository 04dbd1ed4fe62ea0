import { createRouter, createWebHashHistory } from 'vue-router'
import { firstIndicator } from './store/catalog'

// Hash history: the window loads one file, and reloading any page keeps working.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/overview' },
    { path: '/overview', name: 'overview', component: () => import('./pages/overview/OverviewPage.vue'), meta: { title: 'nav.overview' } },
    { path: '/action/:code', name: 'action', component: () => import('./pages/action/ActionPage.vue'), meta: { title: 'nav.actions' } },
    {
      path: '/indicator/:id?',
      name: 'indicator',
      component: () => import('./pages/indicator/IndicatorPage.vue'),
      meta: { title: 'nav.indicator' },
      // 指标 without an indicator opens the first headline one, without drawing an empty page first.
      beforeEnter: (to) => {
        const first = to.params.id ? undefined : firstIndicator()
        return first ? { path: `/indicator/${first.id}`, replace: true } : true
      },
    },
    { path: '/entry', name: 'entry', component: () => import('./pages/entry/EntryPage.vue'), meta: { title: 'nav.entry' } },
    { path: '/targets', name: 'targets', component: () => import('./pages/targets/TargetsPage.vue'), meta: { title: 'nav.targets' } },
    { path: '/import', name: 'import', component: () => import('./pages/import/ImportPage.vue'), meta: { title: 'importer.nav', ownPeriod: true } },
    { path: '/registers/pairings', name: 'pairings', component: () => import('./pages/registers/PairingsPage.vue'), meta: { title: 'registers.pairings' } },
    { path: '/registers/projects', name: 'projects', component: () => import('./pages/registers/ProjectsPage.vue'), meta: { title: 'registers.projects' } },
    { path: '/registers/r/:code', name: 'register', component: () => import('./pages/registers/RegisterPage.vue'), meta: { title: 'registers.nav' } },
    { path: '/rounds/:key/brief', name: 'roundBrief', component: () => import('./pages/rounds/BriefPage.vue'), meta: { title: 'rounds.brief.nav', ownPeriod: true } },
    { path: '/rounds', name: 'rounds', component: () => import('./pages/rounds/RoundsPage.vue'), meta: { title: 'rounds.nav', ownPeriod: true } },
    { path: '/exchange', name: 'exchange', component: () => import('./pages/exchange/ExchangePage.vue'), meta: { title: 'exchange.nav', ownPeriod: true } },
    { path: '/settings', name: 'settings', component: () => import('./pages/settings/SettingsPage.vue'), meta: { title: 'nav.settings' } },
    { path: '/audit', name: 'audit', component: () => import('./pages/audit/AuditPage.vue'), meta: { title: 'audit.nav', ownPeriod: true } },
    { path: '/report', name: 'report', component: () => import('./pages/report/ReportPage.vue'), meta: { title: 'report.nav', ownPeriod: true } },
    { path: '/:rest(.*)*', redirect: '/overview' },
  ],
})
