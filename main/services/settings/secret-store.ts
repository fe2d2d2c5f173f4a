import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../../lib/logger';
import { writeFileAtomic, type AtomicFs } from './atomic-json-file';
import { decideStorage, type Encryptor, type SecretStorageMode } from './encryptor';

/** The encrypted secrets file in the app's data folder: safeStorage's bytes and nothing else. */
export const SECRETS_FILE = 'secrets.bin';

/** What a connection signs in with: a bearer token, or a Zoom Server-to-Server OAuth app. */
export const StoredSecret = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bearer'), token: z.string().min(1) }).strict(),
  z
    .object({
      kind: z.literal('zoom-oauth'),
      accountId: z.string().min(1),
      clientId: z.string().min(1),
      clientSecret: z.string().min(1),
    })
    .strict(),
]);
export type StoredSecret = z.infer<typeof StoredSecret>;

/** The plain text inside the encryption; it only ever exists in memory. */
const SecretsPayload = z.object({
  version: z.literal(1),
  secrets: z.record(z.string(), StoredSecret),
});

/** Told to the admin (and logged once) when secrets.bin exists but cannot be decrypted. */
export const UNREADABLE_SECRETS =
  'Saved credentials could not be decrypted (they were saved on another computer or user account, or the keychain changed); enter them again.';

/** What the renderer may know about the store: never a secret, never a connection id. */
export interface SecretStorageStatus {
  mode: SecretStorageMode;
  /** Why credentials are kept for this session only. */
  reason?: string;
  /** Saved credentials that could not be read at start. */
  problem?: string;
}

/** Options of {@link SecretStore.open}. */
export interface SecretStoreOptions {
  log: Logger;
  /** Electron's safeStorage, adapted; absent in browser mode. */
  encryptor?: Encryptor;
  /** The session-only reason when there is no encryptor at all. */
  noEncryptorReason?: string;
  /** For tests: the rename step of the atomic write. */
  fs?: AtomicFs;
}

/**
 * Connection credentials, keyed by connection id.
 *
 * Encrypted mode (safeStorage really encrypts): everything is kept in one file, secrets.bin,
 * which holds only `encryptString`'s bytes, written atomically (owner-only) after each change
 * and read back at start. A file that cannot be decrypted or parsed is reported once and left
 * alone: the store starts empty and overwrites it only when a secret is next set.
 *
 * Session-only mode (no safeStorage, the keyring unavailable, Linux `basic_text`, browser
 * mode): secrets live in memory and are gone when the app quits; nothing is written and an
 * existing secrets.bin is not touched. Secrets are never logged, in either mode.
 */
export class SecretStore {
  private readonly secrets = new Map<string, StoredSecret>();
  private pending: Promise<void> = Promise.resolve();
  private problem: string | undefined;

  private constructor(
    /** Where secrets go: 'encrypted' on disk, or 'session-only' in memory. */
    readonly mode: SecretStorageMode,
    /** Why secrets are session-only; undefined when encrypted. */
    readonly reason: string | undefined,
    private readonly disk: { file: string; encryptor: Encryptor; fs?: AtomicFs } | undefined,
    private readonly log: Logger | undefined,
  ) {}

  /** Opens the store of data folder `dir`, in the mode the encryptor allows. */
  static async open(dir: string, options: SecretStoreOptions): Promise<SecretStore> {
    const { log } = options;
    const decision = decideStorage(options.encryptor, options.noEncryptorReason);
    if (decision.mode === 'session-only') {
      log.warn('secrets.session-only', { reason: decision.reason });
      return SecretStore.sessionOnly(decision.reason, log);
    }
    const { encryptor } = decision;
    const file = path.join(dir, SECRETS_FILE);
    const loaded = await load(file, encryptor, log);
    const store = new SecretStore('encrypted', undefined, { file, encryptor, fs: options.fs }, log);
    if (loaded.ok) {
      for (const [id, secret] of Object.entries(loaded.secrets)) {
        store.secrets.set(id, Object.freeze(secret));
      }
    } else {
      store.problem = UNREADABLE_SECRETS;
    }
    return store;
  }

  /** A store that never touches the disk (browser mode, tests). */
  static sessionOnly(reason: string, log?: Logger): SecretStore {
    return new SecretStore('session-only', reason, undefined, log);
  }

  /**
   * What the renderer may be told: the mode, why it is session-only, and whether saved
   * credentials were lost at start (until a new save replaces the unreadable file).
   */
  status(): SecretStorageStatus {
    return {
      mode: this.mode,
      ...(this.reason === undefined ? {} : { reason: this.reason }),
      ...(this.problem === undefined ? {} : { problem: this.problem }),
    };
  }

  /** The credential of a connection, if one is held. */
  get(id: string): StoredSecret | undefined {
    return this.secrets.get(id);
  }

  /** The connection ids holding a credential. */
  ids(): string[] {
    return [...this.secrets.keys()];
  }

  /**
   * Holds `secret` for connection `id` at once, and resolves when it is on disk (at once in
   * session-only mode). A failed write is logged and rethrown; the secret stays held for
   * this session and the next change writes everything again.
   */
  set(id: string, secret: StoredSecret): Promise<void> {
    const parsed = StoredSecret.safeParse(secret);
    if (!parsed.success || id.length === 0) {
      // zod's issues are not quoted: they could echo part of the value.
      return Promise.reject(
        new AppError('USAGE', `The credential for connection "${id}" is incomplete.`),
      );
    }
    this.secrets.set(id, Object.freeze(parsed.data));
    return this.save();
  }

  /** Forgets the credential of connection `id`; resolves when the file no longer holds it. */
  delete(id: string): Promise<void> {
    if (!this.secrets.delete(id)) {
      return this.pending;
    }
    return this.save();
  }

  /** Resolves when every change so far is on disk (or has failed and been logged). */
  flush(): Promise<void> {
    return this.pending;
  }

  private save(): Promise<void> {
    const disk = this.disk;
    if (!disk) {
      return Promise.resolve();
    }
    // Each write takes the state at its turn, so quick changes cannot land out of order.
    const write = this.pending.then(async () => {
      try {
        if (this.secrets.size === 0) {
          await unlink(disk.file).catch((caught: unknown) => {
            if ((caught as { code?: unknown } | null)?.code !== 'ENOENT') {
              throw caught;
            }
          });
        } else {
          const payload = { version: 1, secrets: Object.fromEntries(this.secrets) };
          const bytes = disk.encryptor.encryptString(JSON.stringify(payload));
          await writeFileAtomic(disk.file, bytes, disk.fs);
        }
        // The unreadable file, if there was one, has been replaced.
        this.problem = undefined;
      } catch (caught) {
        this.log?.warn('secrets.write-failed', { file: disk.file, reason: describe(caught) });
        throw caught;
      }
    });
    this.pending = write.catch(() => undefined);
    return write;
  }
}

type Loaded = { ok: true; secrets: Record<string, StoredSecret> } | { ok: false };

/** Reads and decrypts secrets.bin; a missing file is an empty store, a bad one is reported. */
async function load(file: string, encryptor: Encryptor, log: Logger): Promise<Loaded> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (caught) {
    if ((caught as { code?: unknown } | null)?.code === 'ENOENT') {
      return { ok: true, secrets: {} };
    }
    log.warn('secrets.unreadable', { file, reason: describe(caught) });
    return { ok: false };
  }
  try {
    const parsed = SecretsPayload.safeParse(JSON.parse(encryptor.decryptString(bytes)));
    if (!parsed.success) {
      throw new Error('the decrypted content is not a batchline secrets file');
    }
    return { ok: true, secrets: parsed.data.secrets };
  } catch (caught) {
    log.warn('secrets.undecryptable', {
      file,
      reason: describe(caught),
      note: 'starting with no saved credentials; the file is kept until a credential is saved',
    });
    return { ok: false };
  }
}

/** An error's message only: never a value that was being encrypted or parsed. */
function describe(caught: unknown): string {
  if (caught instanceof SyntaxError) {
    return 'the decrypted content is not JSON';
  }
  return caught instanceof Error ? caught.message : 'unknown error';
}
