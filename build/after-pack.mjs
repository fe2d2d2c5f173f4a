// electron-builder `afterPack` hook (electron-builder.yml): flips the Electron fuses in the
// packaged binary. afterPack runs after the app is copied and before code signing, so the
// signature covers the flipped binary. Plain JS: electron-builder imports it without tsx.
// `npm run check:dist` (scripts/check-builder-config.ts) verifies ELECTRON_FUSES.
// https://www.electronjs.org/docs/latest/tutorial/fuses
import fuses from '@electron/fuses';

const { FuseV1Options, FuseVersion } = fuses;

/**
 * Every fuse @electron/fuses 1.x knows, by its FuseV1Options name, set explicitly so no
 * Electron default decides for us.
 */
export const ELECTRON_FUSES = Object.freeze({
  // `ELECTRON_RUN_AS_NODE=1 batchline` would turn the signed app into a plain Node.js.
  RunAsNode: false,
  // Cookies and the rest of the session store encrypted with an OS-keychain key.
  EnableCookieEncryption: true,
  // NODE_OPTIONS (--require, --import) would inject code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk would open a debugger on the main process.
  EnableNodeCliInspectArguments: false,
  // Refuse an app.asar whose header hash differs from the one electron-builder embeds
  // (Info.plist on macOS, a resource in the .exe on Windows); Linux ignores it today.
  EnableEmbeddedAsarIntegrityValidation: true,
  // Load the app only from app.asar (integrity-checked), never from a loose app/ folder.
  OnlyLoadAppFromAsar: true,
  // No custom V8 snapshot is shipped.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // The renderer is served from app://, so file:// needs none of its legacy privileges.
  GrantFileProtocolExtraPrivileges: false,
});

/** The @electron/fuses config for one packaged app. */
export function fuseConfig(platformName) {
  const config = {
    version: FuseVersion.V1,
    // Flipping bytes voids the ad-hoc signature arm64 macOS binaries need to start at all;
    // a real signature (electron-builder signs after this hook) replaces it.
    resetAdHocDarwinSignature: platformName === 'darwin' || platformName === 'mas',
  };
  for (const [name, value] of Object.entries(ELECTRON_FUSES)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') {
      throw new Error(`build/after-pack.mjs: "${name}" is not a fuse @electron/fuses knows`);
    }
    config[index] = value;
  }
  return config;
}

/**
 * electron-builder's hook. packager.addElectronFuses finds the binary for each platform
 * (batchline.exe, batchline.app, batchline) and calls @electron/fuses' flipFuses.
 */
export default async function afterPack(context) {
  await context.packager.addElectronFuses(context, fuseConfig(context.electronPlatformName));
}
