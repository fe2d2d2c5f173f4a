import { createContext, use, useEffect, useRef } from 'react';
import type { AppCommand, AppCommandType } from '../../shared/ipc/app-commands';

/** The command of one type, with its payload (`open-recent` carries an id). */
export type CommandOf<T extends AppCommandType> = Extract<AppCommand, { type: T }>;

/** Who acts on which app command (the import wizard on open-file, a batch feature on save-batch). */
export interface CommandRegistry {
  /** Makes `handler` the one for `type` (the latest registration wins); returns the unregister. */
  register<T extends AppCommandType>(type: T, handler: (command: CommandOf<T>) => void): () => void;
  /** Hands `command` to its handler; false when nobody handles it right now. */
  run(command: AppCommand): boolean;
}

/**
 * An empty registry. Handlers stack per command: the latest registration acts, and when it
 * leaves (its component unmounts) the one before it acts again.
 */
export function createCommandRegistry(): CommandRegistry {
  const handlers = new Map<AppCommandType, ((command: AppCommand) => void)[]>();
  return {
    register(type, handler) {
      const entry = handler as (command: AppCommand) => void;
      handlers.set(type, [...(handlers.get(type) ?? []), entry]);
      return () => {
        handlers.set(
          type,
          (handlers.get(type) ?? []).filter((candidate) => candidate !== entry),
        );
      };
    },
    run(command) {
      const stack = handlers.get(command.type) ?? [];
      const handler = stack[stack.length - 1];
      if (!handler) {
        return false;
      }
      handler(command);
      return true;
    },
  };
}

/** The app's registry; App provides it. */
export const CommandContext = createContext<CommandRegistry | null>(null);

/**
 * Handles app command `type` while the calling component is mounted: menu clicks and, in
 * browser mode, the same shortcuts. `handler` may change every render; the latest is called.
 * Runs synchronously inside the key press, so a handler may open a file chooser.
 */
export function useCommand<T extends AppCommandType>(
  type: T,
  handler: (command: CommandOf<T>) => void,
): void {
  const registry = use(CommandContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!registry) {
      return undefined;
    }
    return registry.register(type, (command) => latest.current(command));
  }, [registry, type]);
}
