import { describe, expect, it } from 'vitest';
import { getDataset, listDatasets } from '../../../../shared/datasets/registry';

describe('dataset registry', () => {
  it('lists Zoom users', () => {
    expect(listDatasets()).toContainEqual({
      target: 'zoom',
      kind: 'users',
      title: 'Zoom Phone users',
    });
  });

  it('builds the dataset for a target and kind, with the country it is given', () => {
    const dataset = getDataset('zoom', 'users', { defaultCountry: 'GB' });
    const parsed = dataset?.recordSchema.safeParse({
      email: 'a@example.com',
      extension_number: '101',
      calling_plans: 'P',
      phone_numbers: '020 7946 0000',
    });
    expect(parsed?.success && parsed.data).toMatchObject({ phone_numbers: ['+442079460000'] });
  });

  it('returns undefined for a dataset that does not exist', () => {
    expect(getDataset('webex', 'roles')).toBeUndefined();
  });
});
