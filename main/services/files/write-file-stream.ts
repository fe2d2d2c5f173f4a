import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { AppError } from '../../../shared/errors';

/** Writes the file's content to the stream it is given; may end the stream itself. */
export type StreamWriter = (out: Writable) => Promise<void>;

/**
 * Streams a file to disk so that readers see either the old file or the whole new one:
 * write a temp file beside it, flush it to the disk, then rename it over the target.
 *
 * For big exports: the content never has to exist in memory at once. A failed or thrown
 * write removes the temp file and fails with FILE_UNREADABLE naming the path, like
 * writeFileAtomic.
 */
export async function writeFileStreamAtomic(path: string, write: StreamWriter): Promise<void> {
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  // flush: the stream fsyncs before it closes, so the rename never publishes unsynced data.
  const out = createWriteStream(temp, { flush: true, highWaterMark: 256 * 1024 });
  // A disk error must fail the write even while the writer waits on something else (exceljs
  // waits on its zip), and must never surface as an unhandled 'error' event.
  const broken = new Promise<never>((_, reject) => out.once('error', reject));
  broken.catch(() => undefined);
  const done = (async () => {
    await write(out);
    if (!out.writableEnded) {
      out.end();
    }
    await finished(out);
  })();
  try {
    await Promise.race([done, broken]);
    await rename(temp, path);
  } catch (caught) {
    done.catch(() => undefined);
    out.destroy();
    await rm(temp, { force: true });
    if (caught instanceof AppError) {
      throw caught;
    }
    throw new AppError('FILE_UNREADABLE', `Cannot write ${path}: ${(caught as Error).message}`, {
      cause: caught,
    });
  }
}

/**
 * Writes a chunk, waiting for the stream to drain when its buffer is full, so a fast
 * producer never queues a whole file in memory.
 */
export async function writeChunk(out: Writable, chunk: string | Uint8Array): Promise<void> {
  if (!out.write(chunk)) {
    await once(out, 'drain');
  }
}
