import { once } from 'node:events';
import type ExcelJS from 'exceljs';

/** The parts of a Node or readable-stream Writable that tell whether it is full. */
interface FillableStream {
  once(event: 'drain', listener: () => void): unknown;
  writableNeedDrain?: boolean;
  _writableState?: { needDrain?: boolean };
}

/**
 * Waits until the zip has taken what the sheet already gave it.
 *
 * exceljs's streaming writer ignores backpressure: every committed row goes into the zip
 * entry's input stream whether it is full or not, so a loop that commits rows faster than
 * zlib compresses them keeps the sheet's whole XML in memory (300,000 rows: ~200 MB of
 * buffers). Waiting for that stream's 'drain' keeps memory flat. The stream is exceljs
 * internals (worksheet.stream.pipes[0], a readable-stream PassThrough), read defensively:
 * when it is not where expected, a plain yield to the event loop is the fallback.
 */
export async function waitForZip(sheet: ExcelJS.Worksheet): Promise<void> {
  const input = zipInputOf(sheet);
  const full = input?.writableNeedDrain ?? input?._writableState?.needDrain ?? false;
  if (input && full) {
    await once(input as unknown as NodeJS.EventEmitter, 'drain');
    return;
  }
  await new Promise((resolve) => setImmediate(resolve));
}

function zipInputOf(sheet: ExcelJS.Worksheet): FillableStream | undefined {
  const stream = (sheet as unknown as { stream?: { pipes?: unknown } }).stream;
  const pipes = stream?.pipes;
  const first: unknown = Array.isArray(pipes) ? pipes[0] : undefined;
  return typeof first === 'object' && first !== null && 'once' in first
    ? (first as FillableStream)
    : undefined;
}
