import { z } from 'zod';
import { Mapping } from '../../../shared/datasets/targets';

/** The version of settings.json this build writes; bump it with a migration below. */
export const SETTINGS_VERSION = 1;

/** A mapping the admin used for a set of columns, kept so the next such file opens with it. */
export const RememberedMapping = z.object({
  /** The columns it was chosen for, normalised and sorted (normalisedHeaderSet). */
  headers: z.array(z.string()).max(1000),
  mapping: Mapping,
  /** The default country for phone numbers chosen with it (absent: none). */
  country: z.string().length(2).optional(),
  savedAt: z.iso.datetime(),
});
export type RememberedMapping = z.infer<typeof RememberedMapping>;

/**
 * settings.json. Loose on purpose: keys added by later versions or other parts of the app
 * survive a write by this one.
 */
export const Settings = z.looseObject({
  version: z.literal(SETTINGS_VERSION),
  /** `target/kind` → header-set key (headerSetKey) → the mapping. */
  rememberedMappings: z.record(z.string(), z.record(z.string(), RememberedMapping)),
  /**
   * Saved connections without their credentials (those are in the secret store). Optional,
   * so no version bump: older files have none. Checked entry by entry when read
   * (main/app/saved-connections.ts), so one bad entry never sets the whole file aside.
   */
  connections: z.array(z.unknown()).optional(),
  /**
   * Files opened from disk in the desktop app, most recent first (paths: main only). Also
   * checked entry by entry when read (main/app/recent-files.ts); optional, no version bump.
   */
  recentFiles: z.array(z.unknown()).optional(),
  /** Where the main window was and whether it was maximized (main/app/window-bounds.ts). */
  window: z.unknown().optional(),
});
export type Settings = z.infer<typeof Settings>;

/** Settings of a first launch, or after a file that could not be read. */
export function defaultSettings(): Settings {
  return { version: SETTINGS_VERSION, rememberedMappings: {} };
}

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Steps from version N (the key) to N + 1, run in order on read. Never edit a step once
 * released: files written by that version exist on admins' machines.
 */
const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // 0: a file without a version (written by hand, or by a store that added none).
  0: (data) => ({ rememberedMappings: {}, ...data, version: 1 }),
};

/** Why a settings file was not used. */
export type SettingsProblem =
  { kind: 'newer'; version: number } | { kind: 'invalid'; reason: string };

/**
 * Migrates and validates what settings.json held: the settings, or the problem with it.
 *
 * A file from a newer batchline is reported as `newer`, never migrated down or overwritten.
 */
export function parseSettings(
  raw: unknown,
): { ok: true; settings: Settings } | { ok: false; problem: SettingsProblem } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problem: { kind: 'invalid', reason: 'it is not a JSON object' } };
  }
  let data = raw as Record<string, unknown>;
  const stated = data.version;
  let version = stated === undefined ? 0 : stated;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, problem: { kind: 'invalid', reason: 'its "version" is not a number' } };
  }
  if (version > SETTINGS_VERSION) {
    return { ok: false, problem: { kind: 'newer', version } };
  }
  for (; version < SETTINGS_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) {
      return { ok: false, problem: { kind: 'invalid', reason: `no migration from ${version}` } };
    }
    data = step(data);
  }
  const parsed = Settings.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || '(top)'}: ${first.message}` : 'unknown';
    return { ok: false, problem: { kind: 'invalid', reason: where } };
  }
  return { ok: true, settings: parsed.data };
}
