import { checkScreen } from './harness/accessibility'
import { expect, screenshot, testWithKiosk } from './harness/fixtures'

const problems = [
  'idle.graceSeconds: must be at least 20 seconds (WCAG 2.2.1)',
  'institution.en-CA.name: is required',
]

for (const locale of ['fr-CA', 'en-CA'] as const) {
  const test = testWithKiosk({ config: { defaultLocale: locale }, configProblems: problems })
  test(`an invalid config shows the file and each problem instead of the flows (${locale})`, async ({
    page,
    kiosk,
  }) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      locale === 'fr-CA' ? 'Cette borne est mal configurée' : 'This kiosk is not set up correctly',
    )
    await expect(page.getByTestId('config-problems')).toContainText(problems[0]!)
    await expect(page.getByTestId('config-problems')).toContainText(problems[1]!)
    await expect(page.getByText('/etc/mescertif-kiosk/config.json')).toBeVisible()
    await expect(page.getByTestId('choice-create')).toHaveCount(0)
    await screenshot(page, `config-error.${locale}`)
    await checkScreen(page, 'config error', locale)
  })
}
