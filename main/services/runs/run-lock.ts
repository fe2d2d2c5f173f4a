import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';

const LOCK_FILE = 'run.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (caught) {
    // EPERM: the process exists but belongs to someone else; it is alive all the same.
    return (caught as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes a run folder for this process, so the app and the CLI (which share the runs folder)
 * never push the same run at once: two resumers could each send a row the other has not
 * journaled yet. A lock left by a process that died (kill -9, power loss) is taken over.
 */
export async function acquireRunLock(runDir: string, runId: string): Promise<() => Promise<void>> {
  const path = join(runDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (caught) {
      if ((caught as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new AppError(
          'FILE_UNREADABLE',
          `Cannot lock run ${runId}: ${(caught as Error).message}`,
          { cause: caught },
        );
      }
      const holder = await readFile(path, 'utf8')
        .then((text) => (JSON.parse(text) as { pid?: unknown }).pid)
        .catch(() => undefined);
      if (typeof holder === 'number' && holder !== process.pid && isAlive(holder)) {
        throw new AppError(
          'CONFLICT',
          `Run ${runId} is being pushed by another batchline process (pid ${holder}); wait for it to finish.`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new AppError('CONFLICT', `Run ${runId} could not be locked; try again.`);
}

/** Whether a live process holds the run's lock (pushing it now). */
export async function isRunLocked(runDir: string): Promise<boolean> {
  const holder = await readFile(join(runDir, LOCK_FILE), 'utf8')
    .then((text) => (JSON.parse(text) as { pid?: unknown }).pid)
    .catch(() => undefined);
  return typeof holder === 'number' && isAlive(holder);
}
