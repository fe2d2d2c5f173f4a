import { describe, expect, it } from 'vitest';
import { createCommandRegistry } from '../../../../renderer/app/commands';
import { AppCommand } from '../../../../shared/ipc/app-commands';
import {
  APP_COMMAND_CHANNEL,
  EVENT_CHANNEL,
  REQUEST_CHANNELS,
} from '../../../../shared/ipc/channels';

describe('the app command registry', () => {
  it('hands a command to the latest handler of its type, and to the one before once it leaves', () => {
    const registry = createCommandRegistry();
    const seen: string[] = [];
    registry.register('open-recent', (command) => seen.push(`first ${command.id}`));
    const leave = registry.register('open-recent', (command) => seen.push(`second ${command.id}`));
    expect(registry.run({ type: 'open-recent', id: 'a' })).toBe(true);
    leave();
    registry.run({ type: 'open-recent', id: 'b' });
    expect(seen).toEqual(['second a', 'first b']);
  });

  it('says when nobody handles a command (Save batch with nothing to save)', () => {
    expect(createCommandRegistry().run({ type: 'save-batch' })).toBe(false);
  });
});

describe('the app command schema and channel', () => {
  it('accepts the menu commands and refuses anything else', () => {
    expect(AppCommand.safeParse({ type: 'go', page: 'runs' }).success).toBe(true);
    expect(AppCommand.safeParse({ type: 'go', page: 'settings' }).success).toBe(false);
    expect(AppCommand.safeParse({ type: 'open-recent', id: '../etc/passwd' }).success).toBe(false);
    expect(AppCommand.safeParse({ type: 'open-file', path: '/tmp/x.csv' }).success).toBe(false);
    expect(AppCommand.safeParse({ type: 'run-shell' }).success).toBe(false);
  });

  it('is a push channel of its own, not a request and not the job events', () => {
    expect(APP_COMMAND_CHANNEL).toMatch(/^[a-z]+:[a-z]+$/);
    expect(REQUEST_CHANNELS).not.toContain(APP_COMMAND_CHANNEL);
    expect(APP_COMMAND_CHANNEL).not.toBe(EVENT_CHANNEL);
  });
});
