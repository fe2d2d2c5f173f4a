import { describe, expect, it } from 'vitest';
import { createZoomUsersDataset } from '../../../../shared/datasets/zoom-users';
import { headerSetKey, normalisedHeaderSet } from '../../../../shared/mapping/header-set-key';
import { fitRememberedMapping } from '../../../../shared/mapping/remembered-mapping';

const zoom = createZoomUsersDataset();
const HEADERS = ['Courriel', 'Poste', 'Forfait', 'Prénom'];
const CHOSEN = { email: 'Courriel', extension_number: 'Poste', calling_plans: 'Forfait' };

describe('headerSetKey', () => {
  it('is the same for any column order, case, accents, spacing and punctuation', () => {
    const key = headerSetKey(HEADERS);
    expect(key).toMatch(/^h[0-9a-f]{16}$/);
    expect(headerSetKey(['prenom', ' FORFAIT ', 'Poste', 'courriel'])).toBe(key);
    expect(headerSetKey(['Courriel', 'Poste', 'Forfait', 'Pré-nom'])).not.toBe(key);
    expect(headerSetKey(['Courriel', 'Poste', 'Forfait'])).not.toBe(key);
  });

  it('ignores blank header cells and keeps the normalised, sorted list', () => {
    expect(normalisedHeaderSet(['B', '', ' a '])).toEqual(['a', 'b']);
    expect(headerSetKey(['B', '', ' a '])).toBe(headerSetKey(['a', 'b']));
  });
});

describe('fitRememberedMapping', () => {
  it('rewrites each header to this file’s spelling', () => {
    const headers = ['prénom', 'POSTE', 'courriel ', 'Forfait'];
    expect(fitRememberedMapping(headers, zoom, CHOSEN)).toEqual({
      email: 'courriel ',
      extension_number: 'POSTE',
      calling_plans: 'Forfait',
    });
  });

  it('ignores fields the dataset no longer has and empty entries', () => {
    expect(
      fitRememberedMapping(HEADERS, zoom, { ...CHOSEN, nickname: 'Prénom', first_name: '' }),
    ).toEqual(CHOSEN);
  });

  it('gives up when a header is missing or the result would block', () => {
    expect(fitRememberedMapping(['Courriel', 'Poste'], zoom, CHOSEN)).toBeUndefined();
    expect(fitRememberedMapping(HEADERS, zoom, { email: 'Courriel' })).toBeUndefined();
    expect(
      fitRememberedMapping([...HEADERS, 'courriel'], zoom, CHOSEN),
      'duplicate headers block',
    ).toBeUndefined();
  });
});
