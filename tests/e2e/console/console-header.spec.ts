import { expect, test } from '../harness/fixtures'
import { CONSOLE_PASSWORD, locales, openConsole, signIn } from './console-page'

/** WCAG's contrast ratio of two opaque sRGB colours, given as `rgb(r, g, b)`. */
function contrast(a: number[], b: number[]): number {
  const luminance = (rgb: number[]) => {
    const [r, g, bl] = rgb.map((channel) => {
      const c = channel / 255
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!
  }
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

const channels = (css: string) => css.match(/[\d.]+/g)!.map(Number)

for (const locale of locales)
  test(`the header's buttons stay readable under the pointer (${locale})`, async ({
    browser,
    service,
  }) => {
    const email = `ti.survol.${locale}@cegep.example.ca`
    await service.consoleAccount(email, 'it', CONSOLE_PASSWORD)
    const page = await openConsole(browser, service, locale)
    await signIn(page, email)
    for (const button of [
      page.getByTestId('sign-out'),
      page.locator('.top .link-button').first(),
    ]) {
      await button.hover()
      const { text, background, bar } = await button.evaluate((element) => {
        const style = getComputedStyle(element)
        return {
          text: style.color,
          background: style.backgroundColor,
          bar: getComputedStyle(element.closest('.top')!).backgroundColor,
        }
      })
      // The button's own background, laid over the header's.
      const [r, g, b, alpha = 1] = channels(background)
      const under = channels(bar)
      const seen = [r!, g!, b!].map((channel, i) => channel * alpha + under[i]! * (1 - alpha))
      expect(contrast(channels(text), seen), `${background} under ${text}`).toBeGreaterThanOrEqual(
        4.5,
      )
    }
    await page.context().close()
  })
