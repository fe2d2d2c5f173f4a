import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { Kind, Target } from '../../shared/datasets/targets';
import type { ImportPreview } from '../../shared/ipc/contract';
import type { OpenFiles } from '../app/open-files';
import type { RecentEntry, RecentFiles } from '../app/recent-files';
import { silentLogger, type Logger } from '../lib/logger';
import { MAX_FILE_BYTES } from '../services/files/read-table-file';
import type { MappingMemory } from '../services/settings/mapping-memory';
import { previewSheet, type OpenChoices } from './import.ipc';
import type { Handlers } from './router';

/**
 * Asks the admin for a spreadsheet to open: its absolute path, or null when they cancel.
 *
 * The desktop app passes the system's open dialog (main/electron/file-dialog.ts); browser
 * mode passes none, and the renderer uses its own file input instead.
 */
export type ChooseFile = () => Promise<string | null>;

/** What the file handlers work with. */
export interface FileHandlerDeps {
  files: OpenFiles;
  recent: RecentFiles;
  memory?: MappingMemory | undefined;
  chooseFile?: ChooseFile | undefined;
  log?: Logger;
}

/** Errors meaning "the file is not where it was": the Recent entry is dropped. */
const GONE = new Set(['ENOENT', 'ENOTDIR']);

/**
 * Handlers for files main opens from disk: the open dialog and the Recent list. The bytes
 * go through the same previewSheet as import:open, so a file reads the same either way.
 */
export function fileHandlers(
  deps: FileHandlerDeps,
): Pick<Handlers, 'files:choose' | 'recent:list' | 'recent:open' | 'recent:clear'> {
  const { recent, chooseFile } = deps;
  const log = deps.log ?? silentLogger;

  /** Reads and previews a file; `listed` is its Recent entry when it came from the list. */
  const open = async (
    filePath: string,
    listed: RecentEntry | undefined,
    request: { target: Target; kind: Kind; choices: OpenChoices },
  ): Promise<{ preview: ImportPreview; recentId: string }> => {
    const fileName = path.basename(filePath);
    let bytes: Buffer;
    try {
      bytes = await readFromDisk(filePath, fileName);
    } catch (caught) {
      const code = (caught as { code?: unknown } | null)?.code;
      if (listed && typeof code === 'string' && GONE.has(code)) {
        await recent.remove(listed.id);
        log.info('recent-files.dropped', { reason: code });
        throw new AppError(
          'NOT_FOUND',
          `${fileName} is no longer at its place; it was removed from Recent.`,
        );
      }
      // Node's message names the full path, which must not reach the renderer.
      throw caught instanceof AppError
        ? caught
        : new AppError('FILE_UNREADABLE', `Cannot read ${fileName}: ${reasonOf(code)}.`, {
            cause: caught,
          });
    }
    const preview = await previewSheet(
      { files: deps.files, memory: deps.memory },
      { ...request, fileName, bytes },
    );
    // Only a file that opened goes (back) to the top of Recent.
    const added = await recent.add(filePath);
    return { preview, recentId: added.id };
  };

  return {
    async 'files:choose'({ target, kind }) {
      if (!chooseFile) {
        throw new AppError(
          'USAGE',
          'There is no system file dialog in browser mode; choose the file with "Choose a file…".',
        );
      }
      const chosen = await chooseFile();
      if (chosen === null) {
        return { cancelled: true as const };
      }
      const opened = await open(path.resolve(chosen), undefined, { target, kind, choices: {} });
      return { cancelled: false as const, ...opened };
    },

    async 'recent:list'() {
      // Browser mode has no dialog to add files with, and the desktop's list is not its own.
      return { files: chooseFile ? recent.views() : [], nativeDialog: chooseFile !== undefined };
    },

    async 'recent:open'({ id, target, kind, ...choices }) {
      const entry = recent.find(id);
      if (!entry) {
        throw new AppError(
          'NOT_FOUND',
          'That file is no longer in Recent; open it with "Choose a file…".',
        );
      }
      return (await open(entry.path, entry, { target, kind, choices })).preview;
    },

    async 'recent:clear'() {
      return { cleared: await recent.clear() };
    },
  };
}

/** A file's bytes, refusing folders and files over the size batchline reads. */
async function readFromDisk(filePath: string, fileName: string): Promise<Buffer> {
  const info = await stat(filePath);
  if (info.isDirectory()) {
    throw new AppError('FILE_UNREADABLE', `Cannot read ${fileName}: it is a folder, not a file.`);
  }
  if (info.size > MAX_FILE_BYTES) {
    const mb = Math.round(info.size / 1024 / 1024);
    throw new AppError(
      'FILE_UNREADABLE',
      `Cannot read ${fileName}: it is ${mb} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit; split it into smaller files.`,
    );
  }
  return readFile(filePath);
}

/** Why a file could not be read, in words (never Node's message: it holds the path). */
function reasonOf(code: unknown): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EBUSY':
      return 'it is locked by another program (close it in Excel and try again)';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    default:
      return typeof code === 'string' ? `the system refused (${code})` : 'the system refused';
  }
}
