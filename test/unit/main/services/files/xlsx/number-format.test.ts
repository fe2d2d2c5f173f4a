import { describe, expect, it } from 'vitest';
import { plainNumber, roundDecimal } from '../../../../../../main/services/files/xlsx/decimal-text';
import { formatNumber } from '../../../../../../main/services/files/xlsx/number-format';

describe('formatNumber', () => {
  it.each([
    // value, format, text read, shown by Excel
    [100, '0000', '0100', '0100'],
    [-5, '0000', '-0005', '-0005'],
    [123456, '0000', '123456', '123456'],
    [14155550100, '0', '14155550100', '14155550100'],
    [14155550100, 'General', '14155550100', '14155550100'],
    [0.30000000000000004, 'General', '0.3', '0.3'],
    [1e-7, 'General', '0.0000001', '0.0000001'],
    [12.5, '0.00', '12.50', '12.50'],
    [1.005, '0.00', '1.01', '1.01'],
    [1234567, '#,##0', '1234567', '1,234,567'],
    [1234.5, '#,##0.00', '1234.50', '1,234.50'],
    [0.5, '0%', '50%', '50%'],
    [0.125, '0.0%', '12.5%', '12.5%'],
    [4155550100, '[<=9999999]###-####;(###) ###-####', '(415) 555-0100', '(415) 555-0100'],
    [5550100, '[<=9999999]###-####;(###) ###-####', '555-0100', '555-0100'],
    [4155550100, '000-000-0000', '415-555-0100', '415-555-0100'],
    [14155550100, '"+"0', '+14155550100', '+14155550100'],
    [14155550100, '0.00E+00', '14155550100', '1.42E+10'],
    [12345, '##0.0E+0', '12345', '12.3E+3'],
    [100, '@', '100', '100'],
    [42, '"Ext. "General', 'Ext. 42', 'Ext. 42'],
    [-42, '#,##0;(#,##0)', '(42)', '(42)'],
    [0, '#,##0;(#,##0);"-"', '0', '-'],
    [5, ';;;', '5', ''],
    [1500, '#,##0,"K"', '2K', '2K'],
    [9, '[Red]0000', '0009', '0009'],
    [12.5, '[$€-407]#,##0.00', '€12.50', '€12.50'],
    [0.5, '#.00', '.50', '.50'],
    [1.5, '0.0#', '1.5', '1.5'],
  ])('%s in "%s" reads as %s (Excel shows %s)', (value, format, text, shown) => {
    const result = formatNumber(value, format);
    expect([result.text, result.shown]).toEqual([text, shown]);
  });

  it('doubts a format that rounds digits away', () => {
    expect(formatNumber(100.5, '0')).toEqual({ text: '101', shown: '101', doubt: 'rounded' });
    expect(formatNumber(0.123, '0%').doubt).toBe('rounded');
    expect(formatNumber(1500, '#,##0,"K"').doubt).toBe('rounded');
    expect(formatNumber(12.5, '0.00').doubt).toBeUndefined();
  });

  it('doubts any number longer than the 15 digits Excel keeps', () => {
    expect(formatNumber(1234567890123456, 'General')).toEqual({
      text: '1234567890123456',
      shown: '1234567890123456',
      doubt: 'precision',
    });
    expect(formatNumber(123456789012345, 'General').doubt).toBeUndefined();
  });

  it('reads fractions as plain numbers and says the format is not reproduced', () => {
    expect(formatNumber(0.5, '# ?/?')).toEqual({ text: '0.5', shown: '0.5', doubt: 'unsupported' });
  });
});

describe('plainNumber and roundDecimal', () => {
  it('never writes an exponent', () => {
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(-0.000001234)).toBe('-0.000001234');
  });

  it('rounds half away from zero on the decimal digits', () => {
    expect(roundDecimal(2.5, 0)).toEqual({ int: '3', frac: '', exact: false });
    expect(roundDecimal(9.999, 2)).toEqual({ int: '10', frac: '00', exact: false });
    expect(roundDecimal(0.05, 1)).toEqual({ int: '0', frac: '1', exact: false });
    expect(roundDecimal(3, 2)).toEqual({ int: '3', frac: '00', exact: true });
  });
});
