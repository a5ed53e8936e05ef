/** What the preview window shows so nobody mistakes it for a kiosk; Electron never shows it. */
export const previewMarker = {
  titlePrefix: 'Aperçu · Preview — ',
  ribbonText: 'APERÇU · PREVIEW',
  ribbonId: 'mescertif-preview-ribbon',
}

/**
 * Runs in the page before the renderer (a Playwright init script, so self-contained): the title
 * bar gets the prefix and a ribbon sits in the bottom-left corner, letting touches through.
 * Styles go through the CSSOM, which the kiosk's CSP (no inline styles) does not govern.
 */
export function markAsPreview(marker: typeof previewMarker) {
  document.addEventListener('DOMContentLoaded', () => {
    document.title = marker.titlePrefix + document.title
    const ribbon = document.createElement('div')
    ribbon.id = marker.ribbonId
    ribbon.textContent = marker.ribbonText
    ribbon.setAttribute('aria-hidden', 'true')
    Object.assign(ribbon.style, {
      position: 'fixed',
      left: '0',
      bottom: '0',
      zIndex: '2147483647',
      padding: '6px 14px',
      background: '#8a1538',
      color: '#ffffff',
      font: 'bold 14px/1.2 sans-serif',
      letterSpacing: '0.08em',
      borderTopRightRadius: '8px',
      pointerEvents: 'none',
    })
    document.body.append(ribbon)
  })
}
