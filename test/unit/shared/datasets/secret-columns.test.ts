import { describe, expect, it } from 'vitest';
import { createPortsipUsersDataset } from '../../../../shared/datasets/portsip-users';
import { listDatasets, getDataset } from '../../../../shared/datasets/registry';
import {
  maskEdits,
  maskSecrets,
  SECRET_MASK,
  secretColumns,
  secretColumnsFor,
} from '../../../../shared/datasets/secret-columns';

const users = createPortsipUsersDataset();
const headers = ['User Name', 'Ext', 'Initial Password', 'SIP Password', 'Mailbox PIN', 'Email'];

describe('secretColumns', () => {
  it('marks exactly password, extension_password and voicemail_pin of PortSIP users as secret', () => {
    const secret = users.fields.filter((field) => field.secret).map((field) => field.key);
    expect(secret).toEqual(['password', 'extension_password', 'voicemail_pin']);
  });

  it('finds the columns the mapping points secret fields at, with their headers', () => {
    const found = secretColumns(
      users,
      { password: 'Initial Password', voicemail_pin: 'Mailbox PIN', name: 'User Name' },
      headers,
    );
    expect([...found.indexes]).toEqual([2, 3, 4]);
    expect(found.headers).toEqual(['Initial Password', 'SIP Password', 'Mailbox PIN']);
  });

  it('also hides an unmapped column whose header names a secret field', () => {
    const found = secretColumns(users, {}, ['name', 'password', 'notes']);
    expect([...found.indexes]).toEqual([1]);
  });

  it('resolves a mapping to a header spelt differently, as validation does', () => {
    const found = secretColumns(users, { password: 'web pass' }, ['Name', 'Web Pass ']);
    expect([...found.indexes]).toEqual([1]);
  });

  it('finds none for datasets without secret fields', () => {
    for (const { target, kind } of listDatasets()) {
      const dataset = getDataset(target, kind)!;
      if (!dataset.fields.some((field) => field.secret)) {
        expect(secretColumnsFor(target, kind, {}, ['password']).indexes.size).toBe(0);
      }
    }
    expect(secretColumnsFor('portsip', 'users', {}, ['PIN']).headers).toEqual(['PIN']);
  });
});

describe('maskSecrets and maskEdits', () => {
  it('mask a secret cell that holds something and keep empty ones empty', () => {
    expect(maskSecrets(['a', 'Str0ng-Pass!', '', 'x'], new Set([1, 2]))).toEqual([
      'a',
      SECRET_MASK,
      '',
      'x',
    ]);
    expect(maskSecrets(['a'], undefined)).toEqual(['a']);
  });

  it("mask an edited secret cell's file value", () => {
    const edits = [
      { column: 1, from: 'Str0ng-Pass!' },
      { column: 2, from: 'kept' },
    ];
    expect(maskEdits(edits, new Set([1]))).toEqual([
      { column: 1, from: SECRET_MASK },
      { column: 2, from: 'kept' },
    ]);
  });
});
