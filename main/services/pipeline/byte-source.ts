import { createReadStream } from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/** Bytes to stream, as many times as needed (a reader may start again from the top). */
export interface ByteSource {
  /** The file's name, for messages. */
  name: string;
  size: number;
  open(signal?: AbortSignal): AsyncIterable<Uint8Array>;
}

// 64 KiB reads measured faster end to end than 1 MiB ones here: the parser's working set
// stays in cache and the carried-over partial record is re-scanned less.
const READ_BYTES = 64 * 1024;

/** A file on disk, read in 64 KiB pieces; the stream is destroyed when iteration stops. */
export function fileSource(path: string, size: number, name: string): ByteSource {
  return {
    name,
    size,
    open: (signal) =>
      createReadStream(path, { highWaterMark: READ_BYTES, ...(signal ? { signal } : {}) }),
  };
}

/**
 * Bytes already in memory (an upload from the renderer), in 64 KiB pieces. Every 16 pieces it
 * yields to the event loop, so that on the app's main thread IPC and HTTP keep being served
 * while a big upload is read.
 */
export function bufferSource(bytes: Uint8Array, name: string): ByteSource {
  return {
    name,
    size: bytes.length,
    async *open(signal) {
      for (let at = 0, n = 0; at < bytes.length; at += READ_BYTES, n++) {
        if (n % 16 === 15) {
          await yieldToEventLoop();
        }
        signal?.throwIfAborted();
        yield bytes.subarray(at, Math.min(at + READ_BYTES, bytes.length));
      }
    },
  };
}

/** Every byte of a source in one buffer. */
export async function readAll(source: ByteSource, signal?: AbortSignal): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of source.open(signal)) {
    parts.push(part);
  }
  return Buffer.concat(parts);
}
