import { describe, expect, it } from 'vitest';
import type { ConnectionDetail } from '../../../../shared/ipc/contract';
import {
  emptyForm,
  formOf,
  saveArgsOf,
} from '../../../../renderer/features/connections/connection-form';

const pbx: ConnectionDetail = {
  id: 'portsip-1a2b3c4d',
  label: 'Head office PBX',
  target: 'portsip',
  sandbox: false,
  baseUrl: 'https://pbx.example.com:8887',
  host: 'pbx.example.com:8887',
  authKind: 'bearer',
  authSaved: true,
  maxRps: 10,
  perMinute: 600,
};

describe('the connection form', () => {
  it('asks for the credential of a new connection, naming the field', () => {
    const form = { ...emptyForm('portsip'), label: 'PBX', baseUrl: 'https://pbx.example.com' };
    expect(saveArgsOf(form)).toEqual({
      ok: false,
      field: 'token',
      message: 'Enter the access token.',
    });
  });

  it('fills in a saved connection to change it, without any credential', () => {
    const form = formOf(pbx);
    expect(form).toMatchObject({
      target: 'portsip',
      label: 'Head office PBX',
      baseUrl: 'https://pbx.example.com:8887',
      perMinute: '600',
      token: '',
    });
  });

  it('keeps the saved credential when its field is left empty', () => {
    const checked = saveArgsOf({ ...formOf(pbx), label: 'HQ PBX', perMinute: '300' }, pbx.id);
    expect(checked).toEqual({
      ok: true,
      args: {
        id: pbx.id,
        target: 'portsip',
        label: 'HQ PBX',
        baseUrl: 'https://pbx.example.com:8887',
        perMinute: 300,
      },
    });
  });

  it('sends a retyped credential with the change', () => {
    const checked = saveArgsOf({ ...formOf(pbx), token: ' new-token ' }, pbx.id);
    expect(checked.ok && checked.args.credential).toEqual({ kind: 'bearer', token: 'new-token' });
  });

  it('leaves a Zoom connection on the public API without a base URL', () => {
    const zoom = formOf({
      ...pbx,
      id: 'zoom-1',
      target: 'zoom',
      baseUrl: 'https://api.zoom.us/v2',
      maxRps: 20,
      perMinute: undefined,
      accountId: 'sub-7',
    });
    expect(zoom).toMatchObject({ baseUrl: '', maxRps: '20', accountId: 'sub-7' });
  });
});
