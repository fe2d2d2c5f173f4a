import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { RunSummary } from '../../../shared/jobs/run-types';
import type { Kind, Mapping, Target } from '../../../shared/datasets/targets';
import type { AdapterOptions } from '../connectors/push-adapters';

/** What a run directory says about its run; never holds a token. */
export interface RunManifest {
  runId: string;
  target: Target;
  kind: Kind;
  fileName: string;
  sourcePath?: string;
  baseUrl: string;
  /** The app's connection it pushed through; the app resumes through it, not the URL. */
  connectionId?: string;
  /** How the run authenticates; resume asks the environment for the same kind. */
  auth?: { kind: 'token' } | { kind: 'zoom-oauth'; oauthUrl: string };
  mapping: Mapping;
  /** The default country phone numbers were read with. */
  country?: string;
  /** The account (Zoom internal numbers) or org (Webex) the run acts on; resume uses the same. */
  adapterOptions?: AdapterOptions;
  maxRps?: number;
  createdAt: string;
  resumedAt?: string[];
  state: 'running' | 'completed' | 'stopped' | 'cancelled';
  stopReason?: string;
  summary?: RunSummary;
}

/** The files of one run, by name, inside `<runsDir>/<runId>/`. */
export const RUN_FILES = {
  manifest: 'run.json',
  journal: 'journal.ndjson',
  results: 'results.csv',
  failed: 'failed-rows.csv',
  source: 'source.ndjson',
} as const;

/** A sortable, unique, filesystem-safe run id: 20261124-072101-zoom-users-3f9a1c. */
export function newRunId(target: Target, kind: Kind, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${target}-${kind}-${randomBytes(3).toString('hex')}`;
}

/** Creates the run's directory; fails clearly when the runs folder is not writable. */
export async function createRunDir(runsDir: string, runId: string): Promise<string> {
  const dir = join(runsDir, runId);
  try {
    await mkdir(dir, { recursive: true });
  } catch (caught) {
    throw new AppError(
      'FILE_UNREADABLE',
      `Cannot create the run folder ${dir}: ${(caught as Error).message}`,
      {
        cause: caught,
      },
    );
  }
  return dir;
}

/**
 * Writes a file so that readers see either the old or the new content, never half: write
 * a temp file beside it, flush it, then rename over the target.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (caught) {
    await rm(temp, { force: true });
    throw new AppError('FILE_UNREADABLE', `Cannot write ${path}: ${(caught as Error).message}`, {
      cause: caught,
    });
  }
}

/** Saves the manifest atomically. */
export function writeManifest(runDir: string, manifest: RunManifest): Promise<void> {
  return writeFileAtomic(
    join(runDir, RUN_FILES.manifest),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
}

/** Reads a run's manifest, or fails with NOT_FOUND naming the run. */
export async function readManifest(runsDir: string, runId: string): Promise<RunManifest> {
  try {
    return JSON.parse(
      await readFile(join(runsDir, runId, RUN_FILES.manifest), 'utf8'),
    ) as RunManifest;
  } catch (caught) {
    throw new AppError('NOT_FOUND', `No run ${runId} in ${runsDir}.`, { cause: caught });
  }
}
