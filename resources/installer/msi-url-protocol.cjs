// electron-builder's `msiProjectCreated` hook: registers mescertif: mail links in the MSI, per
// machine, removed on uninstall. electron-builder's MSI template (app-builder-lib
// templates/msi/template.xml) writes no URL scheme; the hook gets the WiX project path before
// candle compiles it (MsiTarget.build awaits emitMsiProjectCreated), and rewrites it in place.
'use strict'
// electron-builder require()s hook modules (app-builder-lib/out/util/resolve.js): CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readFile, writeFile } = require('node:fs/promises')

const SCHEME = 'mescertif'
// A registry-only component needs a stable GUID of its own (WiX generates GUIDs only for
// components whose key path is a file). Never change it: Windows Installer tracks it.
const COMPONENT_GUID = '6E3A6C52-2F4B-4E0B-9C77-4D7A2B1E5F0C'

/** The WiX project with the URL protocol component added and referenced by the product feature. */
function addUrlProtocol(project) {
  if (!project.includes('Id="mainExecutable"'))
    throw new Error('msi-url-protocol: the WiX project has no mainExecutable file')
  const key = `Software\\Classes\\${SCHEME}`
  const component = [
    `<ComponentGroup Id="UrlProtocolComponents" Directory="APPLICATIONFOLDER">`,
    `      <Component Id="UrlProtocol" Guid="${COMPONENT_GUID}">`,
    `        <RegistryKey Root="HKLM" Key="${key}" ForceDeleteOnUninstall="yes">`,
    `          <RegistryValue Type="string" Value="URL:MesCertif mail link" KeyPath="yes"/>`,
    `          <RegistryValue Type="string" Name="URL Protocol" Value=""/>`,
    `          <RegistryValue Type="string" Key="DefaultIcon" Value="[#mainExecutable],0"/>`,
    `          <RegistryValue Type="string" Key="shell\\open\\command" Value="&quot;[#mainExecutable]&quot; &quot;%1&quot;"/>`,
    `        </RegistryKey>`,
    `      </Component>`,
    `    </ComponentGroup>`,
  ].join('\n')
  const feature = '<ComponentGroupRef Id="ProductComponents"/>'
  if (!project.includes(feature) || !project.includes('</Product>'))
    throw new Error('msi-url-protocol: unexpected WiX project layout')
  return project
    .replace(feature, `${feature}\n      <ComponentGroupRef Id="UrlProtocolComponents"/>`)
    .replace('</Product>', `  ${component}\n  </Product>`)
}

async function msiProjectCreated(projectFile) {
  await writeFile(projectFile, addUrlProtocol(await readFile(projectFile, 'utf8')))
}

module.exports = { msiProjectCreated, addUrlProtocol }
