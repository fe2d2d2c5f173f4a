import { describe, expect, it } from 'vitest';
import { dateStyleOf, serialToText } from '../../../../../../main/services/files/xlsx/date-format';

const DATE = { date: true, time: false, seconds: false, elapsedHours: false };
const DATE_TIME = { ...DATE, time: true };

describe('dateStyleOf', () => {
  it.each([
    ['yyyy-mm-dd', DATE],
    ['mm-dd-yy', DATE],
    ['[$-409]mmmm d, yyyy;@', DATE],
    ['mmm-yy', DATE],
    ['m/d/yy h:mm', DATE_TIME],
    ['dd/mm/yyyy hh:mm:ss', { ...DATE_TIME, seconds: true }],
    ['h:mm AM/PM', { ...DATE, date: false, time: true }],
    ['mm:ss', { ...DATE, date: false, time: true, seconds: true }],
    ['[h]:mm', { ...DATE, date: false, time: true, elapsedHours: true }],
  ])('"%s" is a date format', (code, style) => {
    expect(dateStyleOf(code)).toEqual(style);
  });

  it.each(['General', '0', '0.00E+00', '#,##0', '@', '"day "0', '[Red]0.00', '\\d0'])(
    '"%s" is not a date format',
    (code) => {
      expect(dateStyleOf(code)).toBeUndefined();
    },
  );
});

describe('serialToText', () => {
  it('counts 1900 serials the way Excel does on both sides of its fictitious leap day', () => {
    expect(serialToText(1, DATE, false)).toEqual({ text: '1900-01-01' });
    expect(serialToText(59, DATE, false)).toEqual({ text: '1900-02-28' });
    expect(serialToText(60, DATE, false)).toEqual({
      text: '1900-02-29',
      problem: 'fictitious-1900-02-29',
    });
    expect(serialToText(61, DATE, false)).toEqual({ text: '1900-03-01' });
    expect(serialToText(45306, DATE, false)).toEqual({ text: '2024-01-15' });
    expect(serialToText(2958465, DATE, false)).toEqual({ text: '9999-12-31' });
  });

  it('counts 1904 serials from 1904-01-01', () => {
    expect(serialToText(0, DATE, true)).toEqual({ text: '1904-01-01' });
    expect(serialToText(43844, DATE, true)).toEqual({ text: '2024-01-15' });
  });

  it('shows the time to the minute, seconds only when the format does, and rounds to the second', () => {
    expect(serialToText(45306.75, DATE_TIME, false)).toEqual({ text: '2024-01-15T18:00' });
    expect(serialToText(45306 + 59.6 / 86400, { ...DATE_TIME, seconds: true }, false)).toEqual({
      text: '2024-01-15T00:01:00',
    });
    expect(serialToText(45306.99999999, DATE_TIME, false)).toEqual({ text: '2024-01-16T00:00' });
    expect(serialToText(45306.99999999, DATE, false)).toEqual({ text: '2024-01-15' });
  });

  it('gives durations past 24 hours for [h] formats', () => {
    expect(
      serialToText(1.5, { date: false, time: true, seconds: false, elapsedHours: true }, false),
    ).toEqual({ text: '36:00' });
  });

  it('refuses what Excel shows as ####: before the epoch, day 0, past 9999', () => {
    expect(serialToText(-1, DATE, false).problem).toBe('out-of-range');
    expect(serialToText(0, DATE, false).problem).toBe('out-of-range');
    expect(serialToText(2958466, DATE, false).problem).toBe('out-of-range');
    expect(serialToText(-1, DATE, true).problem).toBe('out-of-range');
  });
});
