import type ExcelJS from 'exceljs';
import type { ResultStatus } from '../../../../shared/jobs/run-types';

// Every style here is one shared, frozen-in-practice object: exceljs caches a style's id by
// object identity, so reusing the same object per cell skips re-serialising it 1.6M times.

/** The colours of one result status: a light fill and a dark text colour (ARGB hex). */
export interface StatusColours {
  fill: string;
  font: string;
}

/**
 * Result status colours, the same hues as the app's badges. Each text colour on its fill
 * has a contrast ratio of at least 4.5:1 (WCAG AA), checked by the tests.
 */
export const STATUS_COLOURS: Readonly<Record<ResultStatus, StatusColours>> = {
  created: { fill: 'FFDCFCE7', font: 'FF166534' },
  updated: { fill: 'FFDBEAFE', font: 'FF1E40AF' },
  skipped: { fill: 'FFF3F4F6', font: 'FF374151' },
  failed: { fill: 'FFFEE2E2', font: 'FF991B1B' },
  invalid: { fill: 'FFFEF3C7', font: 'FF92400E' },
};

/**
 * Excel's Text number format. A cell formatted as text keeps what the admin types in it:
 * "+14155550100", "0012" and "=x" stay text instead of becoming a number or a formula when a
 * failed-rows file or a template is edited.
 */
export const TEXT_FORMAT = '@';

/**
 * Excel shows a Text-formatted cell of more than 255 characters as ####, so longer values
 * (joined error messages) keep the General format; they are still string cells.
 */
export const TEXT_FORMAT_MAX_LENGTH = 255;

/** A data cell. */
export const TEXT_STYLE: Partial<ExcelJS.Style> = { numFmt: TEXT_FORMAT };

/** A data cell too long for the Text format (see TEXT_FORMAT_MAX_LENGTH). */
export const LONG_TEXT_STYLE: Partial<ExcelJS.Style> = {};

/** The header row: bold on a light grey band with a rule below, as text. */
export const HEADER_STYLE: Partial<ExcelJS.Style> = {
  numFmt: TEXT_FORMAT,
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F4F6' } },
  border: { bottom: { style: 'thin', color: { argb: 'FF9CA3AF' } } },
};

/** The result_status cell of each status: its fill and bold text in its colour. */
export const STATUS_STYLES: Readonly<Record<ResultStatus, Partial<ExcelJS.Style>>> = {
  created: statusStyle(STATUS_COLOURS.created),
  updated: statusStyle(STATUS_COLOURS.updated),
  skipped: statusStyle(STATUS_COLOURS.skipped),
  failed: statusStyle(STATUS_COLOURS.failed),
  invalid: statusStyle(STATUS_COLOURS.invalid),
};

/** The style of a data cell holding `value`, outside the status column. */
export function dataStyle(value: string): Partial<ExcelJS.Style> {
  return value.length > TEXT_FORMAT_MAX_LENGTH ? LONG_TEXT_STYLE : TEXT_STYLE;
}

/** The style of a result_status cell: its status colours, or plain text for anything else. */
export function statusCellStyle(value: string): Partial<ExcelJS.Style> {
  return Object.prototype.hasOwnProperty.call(STATUS_STYLES, value)
    ? STATUS_STYLES[value as ResultStatus]
    : TEXT_STYLE;
}

function statusStyle(colours: StatusColours): Partial<ExcelJS.Style> {
  return {
    numFmt: TEXT_FORMAT,
    font: { bold: true, color: { argb: colours.font } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: colours.fill } },
  };
}
