import { describe, expect, it } from 'vitest';
import { headerMatchKey, normaliseHeader } from '../../../../shared/mapping/normalise-header';

describe('normaliseHeader', () => {
  it('trims, casefolds and turns NBSP into a space', () => {
    expect(normaliseHeader('  Email\u00a0Address ')).toBe('email address');
  });

  it('strips accents', () => {
    expect(normaliseHeader('Prénom')).toBe('prenom');
    expect(normaliseHeader('Straße Nº')).toBe('straße no');
  });

  it('turns punctuation, underscores and hyphens into one space', () => {
    expect(normaliseHeader('E-mail')).toBe('e mail');
    expect(normaliseHeader('first__name')).toBe('first name');
    expect(normaliseHeader('Ext.')).toBe('ext');
    expect(normaliseHeader('Phone #(work)')).toBe('phone work');
  });

  it('gives an empty string for a header of only spaces or punctuation', () => {
    expect(normaliseHeader(' \u00a0- ')).toBe('');
  });
});

describe('headerMatchKey', () => {
  it('lets spellings with and without separators meet', () => {
    expect(headerMatchKey('E-mail')).toBe(headerMatchKey('email'));
    expect(headerMatchKey('FirstName')).toBe(headerMatchKey('first_name'));
  });
});
