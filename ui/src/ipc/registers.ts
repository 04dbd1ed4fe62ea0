// 台账 commands: enterprises, villages, pairings (结对), cooperation projects (合作项目), the
// typed activity registers and how an indicator is derived from them. Lists come a page at
// a time with the total ({rows, total}).
import type { Derivation } from '../bindings/core/Derivation'
import type { Enterprise } from '../bindings/core/Enterprise'
import type { EnterpriseFilter } from '../bindings/core/EnterpriseFilter'
import type { NewEnterprise } from '../bindings/core/NewEnterprise'
import type { NewPairing } from '../bindings/core/NewPairing'
import type { NewProject } from '../bindings/core/NewProject'
import type { NewRegisterRow } from '../bindings/core/NewRegisterRow'
import type { Page } from '../bindings/core/Page'
import type { NewVillage } from '../bindings/core/NewVillage'
import type { Pairing } from '../bindings/core/Pairing'
import type { PairingChange } from '../bindings/core/PairingChange'
import type { PairingFilter } from '../bindings/core/PairingFilter'
import type { PairingStatus } from '../bindings/core/PairingStatus'
import type { Project } from '../bindings/core/Project'
import type { ProjectFilter } from '../bindings/core/ProjectFilter'
import type { RegisterFilter } from '../bindings/core/RegisterFilter'
import type { RegisterRow } from '../bindings/core/RegisterRow'
import type { RegisterType } from '../bindings/core/RegisterType'
import type { Village } from '../bindings/core/Village'
import type { VillageFilter } from '../bindings/core/VillageFilter'
import { call } from './invoke'

export const listEnterprises = (filter: EnterpriseFilter) => call<Page<Enterprise>>('list_enterprises', { filter })
export const listVillages = (filter: VillageFilter) => call<Page<Village>>('list_villages', { filter })
/** One record by id, for its edit dialog (`not_found` when it is gone). */
export const getEnterprise = (id: string) => call<Enterprise>('get_enterprise', { id })
export const getVillage = (id: string) => call<Village>('get_village', { id })

export const listPairings = (filter: PairingFilter) => call<Page<Pairing>>('list_pairings', { filter })
export const addPairing = (pairing: NewPairing) => call<Pairing>('add_pairing', { pairing })
/** Changes a pairing; the pair it becomes must not exist already (`duplicate`). */
export const updatePairing = (id: string, change: PairingChange) => call<Pairing>('update_pairing', { id, change })
export const updateEnterprise = (id: string, change: NewEnterprise) => call<Enterprise>('update_enterprise', { id, change })
export const updateVillage = (id: string, change: NewVillage) => call<Village>('update_village', { id, change })
export const setPairingStatus = (id: string, status: PairingStatus) => call<Pairing>('set_pairing_status', { id, status })
export const deletePairing = (id: string) => call<null>('delete_pairing', { id })

export const listProjects = (filter: ProjectFilter) => call<Page<Project>>('list_projects', { filter })
export const addProject = (project: NewProject) => call<Project>('add_project', { project })
export const updateProject = (id: string, change: NewProject) => call<Project>('update_project', { id, change })
export const deleteProject = (id: string) => call<null>('delete_project', { id })

export const listRegisterTypes = () => call<RegisterType[]>('list_register_types')
export const listRegisterRows = (filter: RegisterFilter) => call<Page<RegisterRow>>('list_register_rows', { filter })
export const addRegisterRow = (row: NewRegisterRow) => call<RegisterRow>('add_register_row', { row })
export const updateRegisterRow = (id: string, change: NewRegisterRow) => call<RegisterRow>('update_register_row', { id, change })
export const deleteRegisterRow = (id: string) => call<null>('delete_register_row', { id })

/** How an indicator (id, code or exact name) is derived from a register; null when typed. */
export const getDerivation = (indicator: string) => call<Derivation | null>('get_derivation', { indicator })
/** Every derived indicator with its derivation, as [indicator id, derivation] pairs. */
export const listDerivations = () => call<[string, Derivation][]>('list_derivations', {})
