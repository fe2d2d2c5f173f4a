import { readdir } from 'node:fs/promises';
import type { RunManifest } from './run-files';
import { readManifest } from './run-files';

/**
 * Every run in a runs folder, newest first. A folder without a readable manifest is skipped:
 * one damaged run must not hide the others.
 */
export async function listRuns(runsDir: string): Promise<RunManifest[]> {
  let names: string[];
  try {
    names = await readdir(runsDir);
  } catch {
    return [];
  }
  const manifests = await Promise.all(
    names.map((name) => readManifest(runsDir, name).catch(() => undefined)),
  );
  return manifests
    .filter((manifest): manifest is RunManifest => manifest !== undefined)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
