import { useEffect, useRef } from 'react';
import { AppCommand } from '../../shared/ipc/app-commands';
import type { BatchlineApi } from '../../shared/ipc/api';
import { onMac, shortcutCommand, takesTyping } from './shortcuts';

/**
 * Delivers app commands to `onCommand`: the native menu's (desktop app), each checked
 * against the AppCommand schema first, and with `shortcuts` the keyboard's (browser mode,
 * where no menu owns Ctrl+O, Ctrl+1…).
 *
 * Shortcuts stand back while a field takes typing and when a component already handled the
 * key (defaultPrevented), and act synchronously inside the key press: that press is the
 * user activation a file chooser needs.
 */
export function useAppCommands(
  api: BatchlineApi,
  onCommand: (command: AppCommand) => void,
  shortcuts: boolean,
): void {
  const latest = useRef(onCommand);
  useEffect(() => {
    latest.current = onCommand;
  });

  useEffect(
    () =>
      api.onAppCommand((raw: unknown) => {
        const parsed = AppCommand.safeParse(raw);
        if (parsed.success) {
          latest.current(parsed.data);
        }
      }),
    [api],
  );

  useEffect(() => {
    if (!shortcuts) {
      return undefined;
    }
    const isMac = onMac(navigator);
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (event.defaultPrevented || takesTyping(target)) {
        return;
      }
      const command = shortcutCommand(event, isMac);
      if (command) {
        event.preventDefault();
        latest.current(command);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [shortcuts]);
}
