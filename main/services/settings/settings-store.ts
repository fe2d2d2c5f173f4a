import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../lib/logger';
import { writeJsonFileAtomic, type AtomicFs } from './atomic-json-file';
import { defaultSettings, parseSettings, type Settings } from './settings-schema';

/** The settings file in the app's data folder, shared by the desktop app and browser mode. */
export const SETTINGS_FILE = 'settings.json';

/** Options of {@link SettingsStore.open}. */
export interface SettingsStoreOptions {
  log: Logger;
  /** For tests: the rename step of the atomic write. */
  fs?: AtomicFs;
}

/**
 * The app's settings: read and validated once at start, kept in memory, and written back
 * atomically after each change, one write at a time, in the order of the changes.
 *
 * Never throws on a bad file: a file that is not JSON or fails validation is moved aside as
 * `settings.json.corrupt-<time>` (so nothing the admin had is silently lost), the defaults
 * are used and a warning is logged. A file from a newer batchline is used by neither side:
 * defaults in memory, and this store never writes over it.
 */
export class SettingsStore {
  private pending: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private data: Settings,
    private readonly readOnly: boolean,
    private readonly options: SettingsStoreOptions,
  ) {}

  /** Opens the settings of the data folder `dir`; see the class comment for bad files. */
  static async open(dir: string, options: SettingsStoreOptions): Promise<SettingsStore> {
    const file = path.join(dir, SETTINGS_FILE);
    const { log } = options;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (caught) {
      if ((caught as { code?: unknown } | null)?.code !== 'ENOENT') {
        log.warn('settings.unreadable', { file, reason: String(caught) });
      }
      return new SettingsStore(file, defaultSettings(), false, options);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      await setAside(file, 'it is not valid JSON', log);
      return new SettingsStore(file, defaultSettings(), false, options);
    }
    const parsed = parseSettings(raw);
    if (parsed.ok) {
      return new SettingsStore(file, parsed.settings, false, options);
    }
    if (parsed.problem.kind === 'newer') {
      log.warn('settings.newer-version', {
        file,
        version: parsed.problem.version,
        note: 'written by a newer batchline; using defaults and leaving the file alone',
      });
      return new SettingsStore(file, defaultSettings(), true, options);
    }
    await setAside(file, parsed.problem.reason, log);
    return new SettingsStore(file, defaultSettings(), false, options);
  }

  /** The current settings; treat as read-only and change them through {@link update}. */
  get(): Readonly<Settings> {
    return this.data;
  }

  /**
   * Applies `change` at once (readers see it immediately) and resolves when the file holds it.
   *
   * Writes are chained, so two quick changes cannot land out of order; a failed write is
   * logged and rethrown to this caller, and the next change writes everything again.
   */
  update(change: (current: Settings) => Settings): Promise<void> {
    this.data = change(this.data);
    if (this.readOnly) {
      return Promise.resolve();
    }
    const write = this.pending.then(() =>
      writeJsonFileAtomic(this.file, this.data, this.options.fs).catch((caught: unknown) => {
        this.options.log.warn('settings.write-failed', { file: this.file, reason: String(caught) });
        throw caught;
      }),
    );
    // The chain itself must not stay rejected, or every later write would be skipped.
    this.pending = write.catch(() => undefined);
    return write;
  }

  /** Resolves when every change so far is on disk (or has failed and been logged). */
  flush(): Promise<void> {
    return this.pending;
  }
}

async function setAside(file: string, reason: string, log: Logger): Promise<void> {
  const backup = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    await rename(file, backup);
    log.warn('settings.corrupt', { file, reason, movedTo: backup, note: 'using defaults' });
  } catch (caught) {
    log.warn('settings.corrupt', { file, reason, note: `using defaults; ${String(caught)}` });
  }
}
