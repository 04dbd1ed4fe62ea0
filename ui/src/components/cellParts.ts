// A link button and a tag for table cells drawn many times at once (a register page turn
// mounts some twenty rows of five buttons and two tags): Element Plus's own markup and
// classes, so they look exactly like <el-button link size="small"> and
// <el-tag size="small" effect="plain" disable-transitions>, but as functional components, with
// no component instance, no injected config and no computed classes to set up per cell.
// Attributes (class, data-testid) fall through to the root element as on any component.
import { h, type FunctionalComponent } from 'vue'
import 'element-plus/es/components/button/style/css'
import 'element-plus/es/components/tag/style/css'

type Kind = 'primary' | 'success' | 'warning' | 'danger' | 'info'

/** `<el-button link size="small" :type>`: a native button, the click stopped at the cell. */
export const CellButton: FunctionalComponent<{ type?: Kind }, { click: (e: MouseEvent) => void }> = (props, { slots, emit }) =>
  h(
    'button',
    {
      type: 'button',
      class: ['el-button', `el-button--${props.type ?? 'primary'}`, 'el-button--small', 'is-link'],
      onClick: (e: MouseEvent) => {
        e.stopPropagation()
        emit('click', e)
      },
    },
    [h('span', null, slots.default?.())],
  )
CellButton.props = ['type']
CellButton.emits = ['click']

/** `<el-tag size="small" effect="plain" disable-transitions :type>`. */
export const CellTag: FunctionalComponent<{ type?: Kind }> = (props, { slots }) =>
  h('span', { class: ['el-tag', `el-tag--${props.type ?? 'primary'}`, 'el-tag--small', 'el-tag--plain'] }, [
    h('span', { class: 'el-tag__content' }, slots.default?.()),
  ])
CellTag.props = ['type']
