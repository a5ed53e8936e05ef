import type { Page } from '@playwright/test'
import type { HarnessKiosk } from './kiosk-harness'

/**
 * Everything the kiosk could still hold about a person: the DOM (text and input values), every
 * pinia store, web storage, IndexedDB, cookies, and main's per-person state.
 */
export async function collectTraces(page: Page, kiosk: HarnessKiosk): Promise<string> {
  const browser = await page.evaluate(async () => {
    const container = document.querySelector('#app') as
      | (Element & {
          __vue_app__?: { config: { globalProperties: { $pinia?: { state: { value: unknown } } } } }
        })
      | null
    const pinia = container?.__vue_app__?.config.globalProperties.$pinia?.state.value
    const inputs = [...document.querySelectorAll('input')].map((input) => input.value)
    const storage = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })
    const databases = (await indexedDB.databases()).map((db) => db.name)
    return {
      text: document.body.innerText,
      html: document.body.innerHTML,
      inputs,
      pinia: JSON.stringify(pinia),
      hasPinia: pinia !== undefined,
      storage,
      databases,
      cookies: document.cookie,
    }
  })
  if (!browser.hasPinia) throw new Error('could not read the pinia state')
  const cookies = JSON.stringify(await page.context().cookies())
  const main = JSON.stringify(kiosk.core.state)
  return [
    browser.text,
    browser.html,
    browser.inputs.join('\n'),
    browser.pinia,
    browser.storage,
    browser.databases.join(','),
    browser.cookies,
    cookies,
    main,
  ].join('\n')
}
