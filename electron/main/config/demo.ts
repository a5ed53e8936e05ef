import { DEFAULT_ACCESSIBILITY } from '@shared/accessibility'
import type { KioskConfig } from './schema'

/** The config the demo runs with: a sample institution against the local reference service. */
export function demoConfig(serviceUrl: string): KioskConfig {
  return {
    serviceUrl,
    kioskId: 'demo-kiosk',
    mode: 'counter',
    defaultLocale: 'fr-CA',
    idle: { warnAfterSeconds: 90, graceSeconds: 30 },
    institution: {
      'fr-CA': {
        name: 'Université de démonstration',
        contactName: 'Bureau du registraire',
        office: 'Pavillon principal, local A-120',
        hours: 'Du lundi au vendredi, de 9 h à 16 h 30',
      },
      'en-CA': {
        name: 'Demonstration University',
        contactName: "Registrar's Office",
        office: 'Main Building, room A-120',
        hours: 'Monday to Friday, 9 a.m. to 4:30 p.m.',
      },
      phone: '514 555-0142',
      email: 'registraire@demo.example.ca',
    },
    portalUrl: 'https://mescertif.example.ca',
    onScreenKeyboard: 'auto',
    staff: { allowQuit: true },
    runWithoutChromiumSandbox: false,
    branding: { accentColor: '#1d4f91' },
    display: { keepAwake: 'never', from: '07:00', until: '19:00' },
    accessibility: DEFAULT_ACCESSIBILITY,
    maintenance: { windowMinutes: 60 },
  }
}
