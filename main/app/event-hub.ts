import type { JobEvent } from '../../shared/ipc/contract';

/** Fan-out of job events to whichever transports are listening (Electron windows, HTTP streams). */
export interface EventHub {
  emit(event: JobEvent): void;
  subscribe(listener: (event: JobEvent) => void): () => void;
}

/** Creates a hub; a throwing listener is dropped so one dead window cannot stop the others. */
export function createEventHub(): EventHub {
  const listeners = new Set<(event: JobEvent) => void>();
  return {
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch {
          listeners.delete(listener);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
