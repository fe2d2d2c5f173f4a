import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Encryptor } from '../../main/services/settings/encryptor';

/** Options of {@link aesGcmEncryptor}: the key, and what the "OS" answers. */
export interface AesGcmEncryptorOptions {
  /** 32 bytes; a fresh random key by default (a different one is "another machine"). */
  key?: Buffer;
  /** What isEncryptionAvailable() answers; default true. */
  available?: boolean;
  /** Linux's backend, e.g. 'gnome_libsecret' or 'basic_text'; omitted = not Linux. */
  backend?: string;
}

/**
 * A real encryptor for tests, injected where the app injects Electron's safeStorage: AES-256-GCM
 * with a random IV per call, bytes laid out as IV (12) | tag (16) | ciphertext. Decrypting
 * bytes made with another key fails authentication and throws, as safeStorage does for a
 * file from another machine or a changed keyring.
 */
export function aesGcmEncryptor(
  options: AesGcmEncryptorOptions = {},
): Encryptor & { calls: string[] } {
  const key = options.key ?? randomBytes(32);
  const calls: string[] = [];
  return {
    calls,
    isEncryptionAvailable: () => options.available ?? true,
    ...(options.backend === undefined
      ? {}
      : { getSelectedStorageBackend: () => options.backend ?? 'unknown' }),
    encryptString(plainText) {
      calls.push('encrypt');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      calls.push('decrypt');
      if (encrypted.length < 28) {
        throw new Error(
          'Error while decrypting the ciphertext provided to safeStorage.decryptString.',
        );
      }
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
