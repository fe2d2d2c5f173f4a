/** Which parts of a date-time a date format shows. */
export interface DateStyle {
  date: boolean;
  time: boolean;
  seconds: boolean;
  /** `[h]:mm`: hours counted past 24 (a duration, not a time of day). */
  elapsedHours: boolean;
}

/** A date serial as ISO text, or why it is not a date Excel can show. */
export interface DateText {
  text: string;
  problem?: 'fictitious-1900-02-29' | 'out-of-range';
}

const DAY_MS = 86_400_000;
// Serial 61 is 1900-03-01 and every serial from there counts days from 1899-12-30; below 60
// Excel counts from 1899-12-31, because it keeps Lotus 1-2-3's non-existent 1900-02-29 as 60.
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1900_EARLY = Date.UTC(1899, 11, 31);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const LAST_SERIAL_1900 = 2_958_465; // 9999-12-31
const cache = new Map<string, DateStyle | null>();
const dayCache = new Map<number, string>();

/**
 * The date style of an Excel number format code, or undefined when it is not a date format.
 *
 * Quoted text, escaped characters and bracketed colours or locales are ignored; what is left
 * is a date format when it has y, d or m (a month unless beside h or s), a time format when
 * it has h, s or AM/PM. `General` and number codes are not dates.
 */
export function dateStyleOf(code: string): DateStyle | undefined {
  let style = cache.get(code);
  if (style === undefined) {
    style = parseDateStyle(code);
    if (cache.size > 1000) {
      cache.clear();
    }
    cache.set(code, style);
  }
  return style ?? undefined;
}

/**
 * The ISO text of an Excel date serial in the parts its format shows, read in UTC so that no
 * timezone can shift it: `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm`, or `HH:mm` for a time of day
 * (seconds only when the format shows them). Serial 60 of the 1900 system is the day
 * 1900-02-29 that never was; serials before the epoch or past 9999 are out of range.
 */
export function serialToText(serial: number, style: DateStyle, date1904: boolean): DateText {
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86_400);
  if (seconds === 86_400) {
    // 23:59:59.6 shown with a time is the next midnight; a date alone stays on its day.
    days += style.time ? 1 : 0;
    seconds = style.time ? 0 : 86_399;
  }
  const firstDay = date1904 ? 0 : 1;
  const lastDay = LAST_SERIAL_1900 - (date1904 ? 1462 : 0);
  if (!Number.isFinite(serial) || days > lastDay || (style.date ? days < firstDay : serial < 0)) {
    return { text: '', problem: 'out-of-range' };
  }
  const time = timeText(days, seconds, style);
  if (!style.date) {
    return { text: time };
  }
  if (!date1904 && days === 60) {
    return {
      text: style.time ? `1900-02-29T${time}` : '1900-02-29',
      problem: 'fictitious-1900-02-29',
    };
  }
  const day = dayText(days, date1904);
  return { text: style.time ? `${day}T${time}` : day };
}

/** YYYY-MM-DD of a day number; remembered, as a column of dates repeats the same days. */
function dayText(days: number, date1904: boolean): string {
  const key = date1904 ? -days - 1 : days;
  let text = dayCache.get(key);
  if (text === undefined) {
    const epoch = date1904 ? EPOCH_1904 : days < 60 ? EPOCH_1900_EARLY : EPOCH_1900;
    text = new Date(epoch + days * DAY_MS).toISOString().slice(0, 10);
    if (dayCache.size > 100_000) {
      dayCache.clear();
    }
    dayCache.set(key, text);
  }
  return text;
}

function timeText(days: number, seconds: number, style: DateStyle): string {
  const hours = Math.floor(seconds / 3600) + (style.elapsedHours ? days * 24 : 0);
  const minutes = Math.floor((seconds % 3600) / 60);
  const hm = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  return style.seconds ? `${hm}:${String(seconds % 60).padStart(2, '0')}` : hm;
}

function parseDateStyle(code: string): DateStyle | null {
  const first = code.split(';')[0] ?? '';
  const elapsedHours = /\[h+\]/i.test(first);
  const bare = first
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/general/gi, '');
  const ampm = /am\/pm|a\/p/i.test(bare);
  const letters = bare.replace(/am\/pm|a\/p/gi, '').toLowerCase();
  const hasTime = ampm || /[hs]/.test(letters);
  const hasDate = /[yd]/.test(letters) || (/m/.test(letters) && !hasTime);
  if (!hasDate && !hasTime) {
    return null;
  }
  return { date: hasDate, time: hasTime, seconds: letters.includes('s'), elapsedHours };
}
