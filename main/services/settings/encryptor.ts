/**
 * The part of Electron's `safeStorage` the secret store needs, injected so the store runs
 * (and is tested) in plain Node. The Electron shell adapts `safeStorage` to it after the
 * app is ready (main/electron/safe-storage-encryptor.ts); browser mode has none.
 */
export interface Encryptor {
  /** Whether the OS can encrypt now (Keychain, DPAPI, or a Linux secret service). */
  isEncryptionAvailable(): boolean;
  /**
   * Linux only: the password manager in use. `basic_text` means a key hard-coded in
   * Chromium, i.e. no real encryption; `unknown` means it was asked before `ready`.
   */
  getSelectedStorageBackend?(): string;
  /** Encrypts; throws when the OS refuses. */
  encryptString(plainText: string): Buffer;
  /** Decrypts bytes from {@link encryptString}; throws for bytes another key made. */
  decryptString(encrypted: Buffer): string;
}

/** How the secret store keeps credentials: on disk encrypted by the OS, or in memory only. */
export type SecretStorageMode = 'encrypted' | 'session-only';

/** The reasons shown after "Credentials are kept for this session only: ". */
export const SESSION_ONLY_REASONS = {
  noEncryptor: 'no OS keychain is available',
  browserMode: 'browser mode has no OS keychain',
  unavailable: 'safeStorage is not available (the OS keychain cannot encrypt)',
  basicText:
    'the system keyring is not available: Linux uses the basic_text backend, which does not encrypt',
  unknownBackend: 'the system keyring could not be identified, so nothing is written to disk',
} as const;

/** The mode an encryptor allows, and why when it is session-only. */
export type StorageDecision =
  { mode: 'encrypted'; encryptor: Encryptor } | { mode: 'session-only'; reason: string };

/**
 * Decides whether secrets may be written: only when the OS really encrypts them.
 *
 * No encryptor, encryption unavailable (or the check throwing), and Linux's `basic_text`
 * backend (plain text under a fixed key) all mean session-only: BAD-INPUTS case 34,
 * "Linux basic_text → warn, don't persist".
 */
export function decideStorage(
  encryptor: Encryptor | undefined,
  noEncryptorReason: string = SESSION_ONLY_REASONS.noEncryptor,
): StorageDecision {
  if (!encryptor) {
    return { mode: 'session-only', reason: noEncryptorReason };
  }
  let available: boolean;
  try {
    available = encryptor.isEncryptionAvailable();
  } catch {
    available = false;
  }
  if (!available) {
    return { mode: 'session-only', reason: SESSION_ONLY_REASONS.unavailable };
  }
  const backend = encryptor.getSelectedStorageBackend?.();
  if (backend === 'basic_text') {
    return { mode: 'session-only', reason: SESSION_ONLY_REASONS.basicText };
  }
  if (backend === 'unknown') {
    return { mode: 'session-only', reason: SESSION_ONLY_REASONS.unknownBackend };
  }
  return { mode: 'encrypted', encryptor };
}
