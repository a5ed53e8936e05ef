// electron-builder's `msiProjectCreated` hook: what the MSI writes for every user of the machine,
// removed on uninstall — the mescertif: scheme for mail links, and the kiosk's start at sign-in
// (HKLM ...\Run), the same as the NSIS include (resources/installer/installer.nsh).
// electron-builder's MSI template (app-builder-lib templates/msi/template.xml) writes neither; the
// hook gets the WiX project path before candle compiles it (MsiTarget.build awaits
// emitMsiProjectCreated), and rewrites it in place.
'use strict'
// electron-builder require()s hook modules (app-builder-lib/out/util/resolve.js): CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readFile, writeFile } = require('node:fs/promises')

const SCHEME = 'mescertif'
// Registry-only components need stable GUIDs of their own (WiX generates GUIDs only for components
// whose key path is a file). Never change them: Windows Installer tracks them.
const URL_PROTOCOL_GUID = '6E3A6C52-2F4B-4E0B-9C77-4D7A2B1E5F0C'
const START_AT_SIGN_IN_GUID = '92FAB3AD-EE40-44F7-815F-2655875D2B53'
const RUN_KEY = 'Software\\Microsoft\\Windows\\CurrentVersion\\Run'

/** The WiX project with the per-machine registry components added to the product feature. */
function addMachineRegistry(project) {
  if (!project.includes('Id="mainExecutable"'))
    throw new Error('msi-machine-registry: the WiX project has no mainExecutable file')
  const key = `Software\\Classes\\${SCHEME}`
  const exe = '&quot;[#mainExecutable]&quot;'
  const components = [
    `<ComponentGroup Id="MachineRegistryComponents" Directory="APPLICATIONFOLDER">`,
    `      <Component Id="UrlProtocol" Guid="${URL_PROTOCOL_GUID}">`,
    `        <RegistryKey Root="HKLM" Key="${key}" ForceDeleteOnUninstall="yes">`,
    `          <RegistryValue Type="string" Value="URL:MesCertif mail link" KeyPath="yes"/>`,
    `          <RegistryValue Type="string" Name="URL Protocol" Value=""/>`,
    `          <RegistryValue Type="string" Key="DefaultIcon" Value="[#mainExecutable],0"/>`,
    `          <RegistryValue Type="string" Key="shell\\open\\command" Value="${exe} &quot;%1&quot;"/>`,
    `        </RegistryKey>`,
    `      </Component>`,
    `      <Component Id="StartAtSignIn" Guid="${START_AT_SIGN_IN_GUID}">`,
    `        <RegistryValue Root="HKLM" Key="${RUN_KEY}" Name="MesCertif Kiosk" Type="string" Value="${exe}" KeyPath="yes"/>`,
    `      </Component>`,
    `    </ComponentGroup>`,
  ].join('\n')
  const feature = '<ComponentGroupRef Id="ProductComponents"/>'
  if (!project.includes(feature) || !project.includes('</Product>'))
    throw new Error('msi-machine-registry: unexpected WiX project layout')
  return project
    .replace(feature, `${feature}\n      <ComponentGroupRef Id="MachineRegistryComponents"/>`)
    .replace('</Product>', `  ${components}\n  </Product>`)
}

async function msiProjectCreated(projectFile) {
  await writeFile(projectFile, addMachineRegistry(await readFile(projectFile, 'utf8')))
}

module.exports = { msiProjectCreated, addMachineRegistry }
