import { silentLogger, type Logger } from '../lib/logger';
import type { SettingsStore } from '../services/settings/settings-store';
import type { WindowPlacement } from './window-bounds';

/** The main window's last placement, kept in settings.json (`window`). */
export interface WindowStateStore {
  /** What was saved, unchecked: placeWindow() decides what of it to use. */
  load(): unknown;
  /** Keeps `placement`; resolves when written (failures are logged, never thrown). */
  save(placement: WindowPlacement): Promise<void>;
}

/** A {@link WindowStateStore} in the settings store. */
export function windowStateStore(
  settings: SettingsStore,
  log: Logger = silentLogger,
): WindowStateStore {
  return {
    load: () => settings.get().window,
    save: (placement) =>
      settings
        .update((current) => ({ ...current, window: placement }))
        .catch((caught: unknown) => {
          log.warn('window-state.not-saved', { reason: String(caught) });
        }),
  };
}

/** Timers, injectable so tests need not wait. */
export interface SaverTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: SaverTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Saves a window's placement at most once per quiet `delayMs`: dragging or resizing fires
 * dozens of events a second, and each save rewrites settings.json. `flush` saves the
 * latest at once (the window is closing); a null reading (minimized, full screen) is skipped.
 */
export function debouncedPlacementSaver(
  read: () => WindowPlacement | null,
  save: (placement: WindowPlacement) => void,
  delayMs = 500,
  timers: SaverTimers = realTimers,
) {
  let timer: unknown;
  const saveNow = () => {
    timer = undefined;
    const placement = read();
    if (placement) {
      save(placement);
    }
  };
  return {
    /** A move or resize happened: save once things are quiet. */
    schedule() {
      if (timer !== undefined) {
        timers.clear(timer);
      }
      timer = timers.set(saveNow, delayMs);
    },
    /** Saves now and drops any pending save. */
    flush() {
      if (timer !== undefined) {
        timers.clear(timer);
      }
      saveNow();
    },
  };
}
