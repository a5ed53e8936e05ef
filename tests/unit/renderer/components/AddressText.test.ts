import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import AddressText from '@renderer/components/AddressText.vue'

describe('AddressText: an address breaks only after its @, . and /', () => {
  it('offers a line break after each separator and nowhere else', () => {
    const wrapper = mount(AddressText, { props: { text: 'diplome.roy@etudiant.example.ca' } })
    expect(wrapper.html()).toContain('diplome.<wbr>roy@<wbr>etudiant.<wbr>example.<wbr>ca')
    expect(wrapper.text()).toBe('diplome.roy@etudiant.example.ca')
  })

  it('does the same for a web address', () => {
    const wrapper = mount(AddressText, { props: { text: 'https://mescertif.example.ca' } })
    expect(wrapper.findAll('wbr')).toHaveLength(4)
    expect(wrapper.text()).toBe('https://mescertif.example.ca')
  })
})
