import type { SafeStorage } from 'electron';
import type { Encryptor } from '../services/settings/encryptor';

/**
 * Adapts Electron's `safeStorage` to the secret store's {@link Encryptor}. Call it after the
 * app is ready: before `ready`, Linux reports the backend as `unknown` and encryption as
 * unavailable (the store then keeps credentials for the session only).
 *
 * Deliberately nothing but forwarding; what the answers mean is decided, and tested, in
 * services/settings/encryptor.ts. The backend question exists on Linux only.
 */
export function safeStorageEncryptor(
  storage: SafeStorage,
  platform: NodeJS.Platform = process.platform,
): Encryptor {
  return {
    isEncryptionAvailable: () => storage.isEncryptionAvailable(),
    ...(platform === 'linux'
      ? { getSelectedStorageBackend: () => storage.getSelectedStorageBackend() }
      : {}),
    encryptString: (plainText) => storage.encryptString(plainText),
    decryptString: (encrypted) => storage.decryptString(encrypted),
  };
}
