import { describe, expect, it } from 'vitest';
import { buildApi } from '../../../../shared/ipc/api';
import { EVENT_CHANNEL, REQUEST_CHANNELS } from '../../../../shared/ipc/channels';
import { contract } from '../../../../shared/ipc/contract';

describe('IPC channels', () => {
  it('REQUEST_CHANNELS lists exactly the contract channels, each once', () => {
    expect(new Set(REQUEST_CHANNELS).size).toBe(REQUEST_CHANNELS.length);
    expect([...REQUEST_CHANNELS].sort()).toEqual(Object.keys(contract).sort());
  });

  it('every channel is <domain>:<verb> and the event channel is not a request', () => {
    for (const channel of REQUEST_CHANNELS) {
      expect(channel).toMatch(/^[a-z]+:[a-z]+$/);
    }
    expect(REQUEST_CHANNELS).not.toContain(EVENT_CHANNEL);
  });

  it('buildApi exposes one named function per channel that invokes that channel', async () => {
    const seen: string[] = [];
    const api = buildApi(
      (channel) => {
        seen.push(channel);
        return Promise.resolve({ ok: true, value: null });
      },
      () => () => {},
    );
    await api.jobs.cancel({ jobId: 'j1' });
    await api.import.open({ target: 'zoom', kind: 'users', fileName: 'a.csv', dataBase64: '' });
    expect(seen).toEqual(['jobs:cancel', 'import:open']);
    expect(typeof api.onJobEvent).toBe('function');
  });
});
