import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { Id, type RecentFile } from '../../shared/ipc/contract';
import { silentLogger, type Logger } from '../lib/logger';
import type { SettingsStore } from '../services/settings/settings-store';

/** How many files the Recent list keeps. */
export const MAX_RECENT_FILES = 10;

/** A Recent entry as main keeps it in settings.json: the path never leaves main. */
export const RecentEntry = z.object({
  id: Id,
  path: z.string().min(1).max(4096),
  openedAt: z.iso.datetime(),
});
export type RecentEntry = z.infer<typeof RecentEntry>;

/** Whether two paths name the same file: case-insensitively where the file system usually is. */
export function samePath(a: string, b: string, platform: NodeJS.Platform = process.platform) {
  return platform === 'win32' || platform === 'darwin'
    ? a.toLowerCase() === b.toLowerCase()
    : a === b;
}

/**
 * The list with `entry` first. A path already listed moves to the front and keeps its id
 * (so a Recent menu built a moment ago still opens it); the oldest fall off past `limit`.
 */
export function withRecent(
  list: readonly RecentEntry[],
  entry: RecentEntry,
  limit = MAX_RECENT_FILES,
  platform: NodeJS.Platform = process.platform,
): RecentEntry[] {
  const earlier = list.find((item) => samePath(item.path, entry.path, platform));
  const rest = list.filter((item) => !samePath(item.path, entry.path, platform));
  return [{ ...entry, id: earlier?.id ?? entry.id }, ...rest].slice(0, limit);
}

/**
 * What settings.json holds, checked entry by entry: a bad or repeated entry is dropped, not
 * the whole list (the file can be edited by hand or written by another version).
 */
export function parseRecentList(raw: unknown, limit = MAX_RECENT_FILES): RecentEntry[] {
  if (!Array.isArray(raw)) {
    return [];
  }
  const kept: RecentEntry[] = [];
  for (const item of raw) {
    const parsed = RecentEntry.safeParse(item);
    if (parsed.success && !kept.some((entry) => entry.id === parsed.data.id)) {
      kept.push(parsed.data);
    }
  }
  return kept.slice(0, limit);
}

/** The renderer's view of an entry: id, file name and the last segment of its folder. */
export function recentView(entry: RecentEntry): RecentFile {
  const folder = path.basename(path.dirname(entry.path));
  return { id: entry.id, name: path.basename(entry.path), folder };
}

/** Options of {@link RecentFiles}; for tests. */
export interface RecentFilesOptions {
  log?: Logger;
  now?: () => Date;
  newId?: () => string;
}

/**
 * The desktop app's Recent files, kept in settings.json, most recent first, at most
 * {@link MAX_RECENT_FILES}. Listeners (the native menu) hear of every change.
 *
 * A failed write is logged, not thrown: the list is a convenience and must never fail the
 * opening of a file.
 */
export class RecentFiles {
  private readonly listeners = new Set<() => void>();
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(
    private readonly settings: SettingsStore,
    options: RecentFilesOptions = {},
  ) {
    this.log = options.log ?? silentLogger;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => randomBytes(9).toString('base64url'));
  }

  /** Every entry, most recent first. */
  list(): RecentEntry[] {
    return parseRecentList(this.settings.get().recentFiles);
  }

  /** The entries as the renderer and the menu may show them. */
  views(): RecentFile[] {
    return this.list().map(recentView);
  }

  find(id: string): RecentEntry | undefined {
    return this.list().find((entry) => entry.id === id);
  }

  /** Puts `filePath` first (adding it, or moving it up); returns its entry. */
  async add(filePath: string): Promise<RecentEntry> {
    const entry = { id: this.newId(), path: filePath, openedAt: this.now().toISOString() };
    const next = withRecent(this.list(), entry);
    await this.write(next);
    return next[0] ?? entry;
  }

  /** Drops one entry (a file that is gone); true when it was listed. */
  async remove(id: string): Promise<boolean> {
    const list = this.list();
    const next = list.filter((entry) => entry.id !== id);
    if (next.length === list.length) {
      return false;
    }
    await this.write(next);
    return true;
  }

  /** Empties the list; returns how many entries it had. */
  async clear(): Promise<number> {
    const count = this.list().length;
    await this.write([]);
    return count;
  }

  /** Calls `listener` after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async write(next: RecentEntry[]): Promise<void> {
    const saved = this.settings.update((settings) => ({ ...settings, recentFiles: next }));
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (caught) {
        this.log.warn('recent-files.listener-failed', { reason: String(caught) });
      }
    }
    await saved.catch((caught: unknown) => {
      this.log.warn('recent-files.not-saved', { reason: String(caught) });
    });
  }
}
