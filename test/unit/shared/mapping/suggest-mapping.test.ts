import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../shared/csv/decode-text';
import { parseCsv } from '../../../../shared/csv/parse-csv';
import { createZoomUsersDataset } from '../../../../shared/datasets/zoom-users';
import {
  checkMapping,
  hasBlockingIssues,
  suggestMapping,
} from '../../../../shared/mapping/suggest-mapping';

const zoom = createZoomUsersDataset();
const headersOf = (path: string): string[] =>
  parseCsv(
    decodeText(readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url))).text,
    path,
  ).headers;

describe('suggestMapping', () => {
  it('maps HR-style headers to Zoom fields with no blocking issue', () => {
    const { mapping, issues } = suggestMapping(headersOf('zoom-users/valid-25.csv'), zoom);
    expect(mapping).toEqual({
      email: 'Work Email',
      first_name: 'Given Name',
      last_name: 'Surname',
      extension_number: 'Ext',
      phone_numbers: 'Direct Dial',
      calling_plans: 'Calling Plan',
      site_name: 'Site',
    });
    expect(issues).toEqual([]);
  });

  it('matches header variants: spaces, NBSP, case, punctuation', () => {
    const { mapping } = suggestMapping(headersOf('csv/header-variants.csv'), zoom);
    expect(mapping).toMatchObject({
      email: ' Email ',
      first_name: 'First\u00a0Name',
      last_name: 'SURNAME',
      extension_number: 'Ext.',
      phone_numbers: 'Direct Dial',
      calling_plans: 'Calling Plan',
    });
  });

  it('prefers the header spelled as the key over a synonym, whatever the column order', () => {
    const { mapping } = suggestMapping(['Work Email', 'E-mail', 'email'], zoom);
    expect(mapping.email).toBe('email');
  });

  it('maps each header to at most one field and each field to at most one header', () => {
    const { mapping } = suggestMapping(['Phone', 'Direct Dial', 'Caller ID', 'Email'], zoom);
    const headers = Object.values(mapping);
    expect(new Set(headers).size).toBe(headers.length);
    expect(mapping.phone_numbers).toBe('Phone');
    expect(mapping.outbound_caller_id).toBe('Caller ID');
  });

  it('leaves results columns unmapped, so a results file re-imports', () => {
    const { mapping } = suggestMapping(
      [
        'email',
        'extension_number',
        'calling_plans',
        'result_status',
        'result_id',
        'result_message',
        'source_row',
      ],
      zoom,
    );
    expect(Object.values(mapping)).toEqual(['email', 'extension_number', 'calling_plans']);
  });

  it('reports required fields it could not map', () => {
    const { issues } = suggestMapping(['Work Email', 'Given Name'], zoom);
    expect(issues.filter((i) => i.code === 'REQUIRED_UNMAPPED').map((i) => i.field)).toEqual([
      'extension_number',
      'calling_plans',
    ]);
    expect(issues[0]?.message).toBe(
      'Required field Extension (extension_number) is not mapped to any column',
    );
    expect(hasBlockingIssues(issues)).toBe(true);
  });
});

describe('checkMapping', () => {
  const complete = { email: 'email', extension_number: 'ext', calling_plans: 'plan' };

  it('blocks a header that appears twice, naming it and the count', () => {
    const issues = checkMapping(['email', 'ext', 'plan', 'email'], zoom, complete);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_HEADER', severity: 'error', header: 'email' }),
    ]);
    expect(issues[0]?.message).toContain('The header "email" appears 2 times (columns 1, 4)');
  });

  it('blocks headers that are duplicates only after normalising', () => {
    const issues = checkMapping(['Email', 'ext', 'plan', ' email\u00a0'], zoom, {
      ...complete,
      email: 'Email',
    });
    expect(issues[0]).toMatchObject({ code: 'DUPLICATE_HEADER', severity: 'error' });
    expect(issues[0]?.message).toContain(
      '"Email", " email\u00a0" are the same name written differently',
    );
  });

  it('reports the duplicate-headers fixture before any mapping', () => {
    const headers = headersOf('csv/duplicate-headers.csv');
    const issues = suggestMapping(headers, zoom).issues.filter(
      (i) => i.code === 'DUPLICATE_HEADER',
    );
    expect(issues.map((i) => i.header)).toEqual(['email', 'Last Name']);
  });

  it('warns once about columns without a header', () => {
    const issues = checkMapping(['email', '', 'ext', ' ', 'plan'], zoom, complete);
    expect(issues).toEqual([
      {
        code: 'EMPTY_HEADER',
        severity: 'warning',
        message: 'Columns 2, 4 have no header; their cells are ignored',
      },
    ]);
    expect(hasBlockingIssues(issues)).toBe(false);
  });

  it('blocks a mapping to a header the file does not have', () => {
    const issues = checkMapping(['email', 'ext'], zoom, complete);
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'UNKNOWN_HEADER',
        severity: 'error',
        field: 'calling_plans',
        header: 'plan',
      }),
    );
  });

  it('blocks one header mapped to two fields', () => {
    const issues = checkMapping(['email', 'ext', 'plan', 'phone'], zoom, {
      ...complete,
      phone_numbers: 'phone',
      outbound_caller_id: 'phone',
    });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'FIELD_MAPPED_TWICE', severity: 'error', header: 'phone' }),
    ]);
  });

  it('warns about, and ignores, mapping entries for fields the dataset lacks', () => {
    const issues = checkMapping(['email', 'ext', 'plan'], zoom, { ...complete, nickname: 'email' });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_HEADER', severity: 'warning', field: 'nickname' }),
    ]);
  });

  it('treats an empty header text in the mapping as unmapped', () => {
    const issues = checkMapping(['email', 'ext'], zoom, {
      email: 'email',
      extension_number: 'ext',
      calling_plans: '',
    });
    expect(issues.map((i) => i.code)).toEqual(['REQUIRED_UNMAPPED']);
  });
});

describe('header resolution', () => {
  it('finds a mapped header that differs only in spacing or case, naming no problem', () => {
    const issues = checkMapping([' Work Email', 'Ext', 'Plan'], zoom, {
      email: 'work email',
      extension_number: 'Ext',
      calling_plans: 'Plan',
    });
    expect(issues).toEqual([]);
  });

  it('treats two spellings of one header mapped to two fields as one column mapped twice', () => {
    const issues = checkMapping(['Email', 'Ext', 'Plan'], zoom, {
      email: 'Email',
      extension_number: 'Ext',
      calling_plans: 'Plan',
      first_name: 'EMAIL',
    });
    expect(issues.map((i) => i.code)).toEqual(['FIELD_MAPPED_TWICE']);
  });
});
