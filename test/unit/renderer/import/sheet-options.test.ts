import { describe, expect, it } from 'vitest';
import {
  isHiddenSheet,
  sheetLabel,
} from '../../../../renderer/features/import/mapping/sheet-options';

describe('the Sheet select', () => {
  it('labels hidden and very hidden sheets, and says how far down a sheet goes', () => {
    expect(sheetLabel({ name: 'Users', state: 'visible', rowEstimate: 1250 })).toBe(
      'Users · up to row 1,250',
    );
    expect(sheetLabel({ name: 'Old Users', state: 'hidden', rowEstimate: 1 })).toBe(
      'Old Users (hidden) · up to row 1',
    );
    expect(sheetLabel({ name: 'Lookups', state: 'veryHidden' })).toBe('Lookups (very hidden)');
  });

  it('counts hidden and very hidden sheets as hidden', () => {
    expect(isHiddenSheet({ name: 'a', state: 'hidden' })).toBe(true);
    expect(isHiddenSheet({ name: 'a', state: 'veryHidden' })).toBe(true);
    expect(isHiddenSheet({ name: 'a', state: 'visible' })).toBe(false);
    expect(isHiddenSheet(undefined)).toBe(false);
  });
});
