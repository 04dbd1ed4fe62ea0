// A register page's add/edit dialog: open empty to add, or prefilled with the row to edit.
import { ref, type Ref } from 'vue'

export function useRowDialog<Row>() {
  const dialogOpen = ref(false)
  const editing = ref(null) as Ref<Row | null>
  function add(): void {
    editing.value = null
    dialogOpen.value = true
  }
  function edit(row: Row): void {
    editing.value = row
    dialogOpen.value = true
  }
  return { dialogOpen, editing, add, edit }
}
