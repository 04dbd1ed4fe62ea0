// A small ledger for component tests: the city with two counties, one action with two
// indicators, and an administrator (or a county clerk) signed in. Writes straight into the
// stores the pages read; the IPC layer itself is mocked by each test.
import type { Action } from '../bindings/core/Action'
import type { Indicator } from '../bindings/core/Indicator'
import type { Unit } from '../bindings/core/Unit'
import { app } from '../store/app'
import { catalog } from '../store/catalog'
import { filter } from '../store/filter'
import { AREAS } from '../store/permissions'
import { session } from '../store/session'

export const TODAY = '2024-06-30'

export const unit = (id: string, code: string, name: string, parent: string | null): Unit => ({
  id,
  code,
  name,
  name_en: '',
  kind: parent ? 'county' : 'other',
  parent_id: parent,
  sort_order: 0,
  archived: false,
})

export const CITY = unit('u-city', 'linyi', '临沂市', null)
export const LANSHAN = unit('u-lanshan', 'lanshan', '兰山区', CITY.id)
export const YINAN = unit('u-yinan', 'yinan', '沂南县', CITY.id)

export const ACTION: Action = { id: 'a-fuyu', code: 'fuyu', name: '共同富裕', name_en: '', description: '', sort_order: 0, archived: false }

export const indicator = (id: string, code: string, name: string, measure: string): Indicator => ({
  id,
  action_id: ACTION.id,
  action_code: ACTION.code,
  code,
  name,
  name_en: '',
  measure,
  headline: false,
  decimals: 0,
  pacing: 'linear',
  sort_order: 0,
  archived: false,
  max_value: 1e9,
})

export const PAIRED = indicator('i-paired', 'paired', '结对企业', '家')
export const TRAINED = indicator('i-trained', 'trained', '培训人次', '人次')

/** The catalogue, the date and the filter as the app sets them after it starts. */
export function loadLedger(): void {
  catalog.actions = [ACTION]
  catalog.indicators = [PAIRED, TRAINED]
  catalog.units = [CITY, LANSHAN, YINAN]
  catalog.derived = new Map()
  catalog.loaded = true
  app.info = {
    version: '0.1.0',
    db_path: '/tmp/taizhang.db',
    has_sample: false,
    sample_as_of: null,
    default_as_of: TODAY,
    today: TODAY,
    schema_version: 1,
    log_dir: '/tmp',
    backup_dir: '/tmp',
    read_only: null,
  }
  filter.asOf = TODAY
  filter.unit = null
}

export function signInAsAdmin(): void {
  session.loginRequired = false
  session.info = {
    accounts_exist: true,
    account: null,
    actor: '管理员',
    permissions: {
      role: 'admin',
      unit_id: null,
      unit_name: '',
      scope_units: null,
      grants: AREAS.map((area) => ({ area, grant: 'all' })),
    },
  }
}

/** The element with the test id (Element Plus may pass the id on to an inner element). */
export const byTestid = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)
