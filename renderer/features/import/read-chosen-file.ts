import type { Result } from '../../../shared/result';

// Shared so every way of reading a chosen file reports a vanished or unreadable one alike.
/** Reads a chosen file with `read`, or gives a retryable FILE_UNREADABLE naming it. */
export async function readChosenFile<T>(
  file: File,
  read: (file: File) => Promise<T>,
): Promise<Result<T>> {
  try {
    return { ok: true, value: await read(file) };
  } catch (caught) {
    const reason = caught instanceof Error ? caught.message : String(caught);
    return {
      ok: false,
      error: {
        code: 'FILE_UNREADABLE',
        message: `${file.name} could not be read from disk: ${reason}`,
        retryable: true,
      },
    };
  }
}
