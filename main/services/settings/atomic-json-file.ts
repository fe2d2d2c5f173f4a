import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** The file operations an atomic write needs; injectable so tests can make one fail. */
export interface AtomicFs {
  rename(from: string, to: string): Promise<void>;
}

const nodeFs: AtomicFs = { rename };
// Windows refuses to replace a file an antivirus or indexer holds open for a moment.
const RENAME_RETRIES = [10, 50, 100, 250, 500];
const TRANSIENT = new Set(['EPERM', 'EACCES', 'EBUSY']);

/**
 * Writes `value` as JSON to `file` so that a reader, a crash or a power cut sees either the
 * old file or the new one, never half of one.
 *
 * The JSON goes to a temp file in the same folder (rename is only atomic within one file
 * system), is flushed to disk, then renamed over the target; on failure the temp file is
 * removed and the old file is left as it was. The folder is created when missing; the file
 * is readable by its owner only.
 */
export async function writeJsonFileAtomic(
  file: string,
  value: unknown,
  fs: AtomicFs = nodeFs,
): Promise<void> {
  return writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`, fs);
}

/**
 * Writes `data` to `file` the same all-or-nothing way as {@link writeJsonFileAtomic}, for
 * content that is not JSON (the secret store's encrypted bytes). Readable by its owner only.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  fs: AtomicFs = nodeFs,
): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(fs, temp, file);
  } catch (caught) {
    await unlink(temp).catch(() => undefined);
    throw caught;
  }
}

async function renameWithRetry(fs: AtomicFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (caught) {
      const code = (caught as { code?: unknown } | null)?.code;
      const wait = RENAME_RETRIES[attempt];
      if (wait === undefined || typeof code !== 'string' || !TRANSIENT.has(code)) {
        throw caught;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
