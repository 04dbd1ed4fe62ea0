// A link button, a tag and an input for table cells drawn many times at once (a register page turn
// mounts some twenty rows of five buttons and two tags): Element Plus's own markup and
// classes, so they look exactly like <el-button link size="small"> and
// <el-tag size="small" effect="plain" disable-transitions>, but as functional components, with
// no component instance, no injected config and no computed classes to set up per cell.
// Attributes (class, data-testid) fall through to the root element as on any component.
import { h, type FunctionalComponent } from 'vue'
import 'element-plus/es/components/button/style/css'
import 'element-plus/es/components/tag/style/css'
import 'element-plus/es/components/input/style/css'
import './cellParts.css'

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

/**
 * `<el-input size="small" v-model>` with an `append` text, for a table with an input on every
 * row (目标: every unit). Attributes other than class and style (data-testid, inputmode) go to
 * the native input, as on <el-input>.
 */
export const CellInput: FunctionalComponent<
  { modelValue?: string; append?: string; disabled?: boolean; placeholder?: string },
  { 'update:modelValue': (value: string) => void }
> = (props, { emit, attrs }) => {
  const { class: cls, style, ...rest } = attrs
  return h(
    'div',
    { class: ['el-input', 'el-input--small', { 'is-disabled': props.disabled, 'el-input-group el-input-group--append': !!props.append }, cls], style },
    [
      h('div', { class: ['el-input__wrapper', 'cell-input'] }, [
        h('input', {
          ...rest,
          class: 'el-input__inner',
          type: 'text',
          value: props.modelValue ?? '',
          disabled: props.disabled,
          placeholder: props.placeholder,
          onInput: (e: Event) => emit('update:modelValue', (e.target as HTMLInputElement).value),
        }),
      ]),
      props.append ? h('div', { class: 'el-input-group__append' }, props.append) : null,
    ],
  )
}
CellInput.props = ['modelValue', 'append', 'disabled', 'placeholder']
CellInput.emits = ['update:modelValue']
CellInput.inheritAttrs = false
