// The activity register types (走访企业, 培训 …), loaded once for the nav and their pages.
import { ref } from 'vue'
import type { RegisterType } from '../bindings/core/RegisterType'
import { listRegisterTypes } from '../ipc'

export const registerTypes = ref<RegisterType[]>([])

export async function loadRegisterTypes(): Promise<void> {
  try {
    registerTypes.value = await listRegisterTypes()
  } catch {
    registerTypes.value = []
  }
}
