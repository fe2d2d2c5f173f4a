import { describe, expect, it } from 'vitest';
import { createZoomUsersDataset } from '../../../../shared/datasets/zoom-users';
import { fieldNames } from '../../../../shared/mapping/hr-synonyms';
import { headerMatchKey } from '../../../../shared/mapping/normalise-header';
import { suggestMapping } from '../../../../shared/mapping/suggest-mapping';

const zoom = createZoomUsersDataset();
const mapped = (headers: string[]) => suggestMapping(headers, zoom).mapping;

describe('HR-export headers for Zoom users', () => {
  it('leaves Employee ID unmapped, and never takes it for the extension', () => {
    const mapping = mapped(['Work Email', 'Employee ID', 'Employee Number', 'Emp #', 'Ext']);
    expect(mapping.extension_number).toBe('Ext');
    expect(Object.values(mapping)).not.toContain('Employee ID');
    expect(mapped(['Employee ID', 'Email']).extension_number).toBeUndefined();
  });

  it('leaves mobiles unmapped: a mobile is not a Zoom DID', () => {
    const mapping = mapped(['Mobile', 'Mobile Phone', 'Mobile Number', 'Cell', 'Cell Phone']);
    expect(mapping).toEqual({});
    expect(mapped(['Mobile', 'Work Phone']).phone_numbers).toBe('Work Phone');
  });

  it('leaves Cost Center, Department, Manager and Job Title unmapped', () => {
    expect(mapped(['Cost Center', 'Cost Centre', 'Department', 'Manager', 'Job Title'])).toEqual(
      {},
    );
  });

  it('maps desk phone MAC spellings, and Location / Site / Office to site_name', () => {
    for (const header of [
      'Desk Phone MAC',
      'Desk Phone MAC Address',
      'MAC Address',
      'Handset MAC',
    ]) {
      expect(mapped([header]).desk_phone_mac).toBe(header);
    }
    for (const header of ['Location', 'Site', 'Office', 'Office Name', 'Work Site']) {
      expect(mapped([header]).site_name).toBe(header);
    }
  });

  it('maps the added HR spellings of the other fields', () => {
    expect(
      mapped([
        'Email (Work)',
        'FName',
        'LName',
        'Phone Ext',
        'Work Phone Number',
        'Zoom Phone License',
        'Outbound CLI',
      ]),
    ).toEqual({
      email: 'Email (Work)',
      first_name: 'FName',
      last_name: 'LName',
      extension_number: 'Phone Ext',
      phone_numbers: 'Work Phone Number',
      calling_plans: 'Zoom Phone License',
      outbound_caller_id: 'Outbound CLI',
    });
  });

  it('gives every name (key, label, synonym) to one field only', () => {
    const owner = new Map<string, string>();
    for (const field of fieldNames(zoom).fields) {
      for (const name of [field.key, field.label, ...field.synonyms]) {
        const key = headerMatchKey(name);
        const previous = owner.get(key);
        expect(previous === undefined || previous === field.key, `${name}: ${previous}`).toBe(true);
        owner.set(key, field.key);
      }
    }
  });
});
