import { mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'

/** Runs a composable inside a mounted component (it uses lifecycle hooks); unmount to end it. */
export function mountComposable<T>(composable: () => T) {
  let result: T | undefined
  const wrapper = mount(
    defineComponent({
      setup() {
        result = composable()
        return () => h('div')
      },
    }),
    { attachTo: document.body },
  )
  return { result: result as T, unmount: () => wrapper.unmount() }
}
