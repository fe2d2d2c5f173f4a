import { AppError } from '../../../../shared/errors';
import {
  findHeaderRow,
  HEADER_SCAN_ROWS,
  type HeaderHints,
} from '../../../../shared/table/find-header-row';
import { raggedRowIssue } from '../../../../shared/table/ragged-row';
import type { RowIssue } from '../../../../shared/table/row-issue';
import type { SourceRow, SourceTable } from '../../../../shared/table/source-table';
import { cellText, type CellKind, type CellProblem } from './cell-text';
import { columnLetters, mergeIssues } from './sheet-notes';
import { ColumnPools } from './column-pools';

/** Excel's last row: a row past it means a damaged or crafted file. */
export const EXCEL_MAX_ROWS = 1_048_576;
/** Excel's last column (XFD): a cell past it means a damaged or crafted file. */
export const EXCEL_MAX_COLUMNS = 16_384;
/** About 1 GB of text in memory; a sheet with more is split or saved as CSV. */
export const MAX_TABLE_CELLS = 25_000_000;

/** What a sheet reader reports, row by row, in sheet order. */
export interface SheetSink {
  startRow(row: number, hidden: boolean): void;
  cell(
    col: number,
    kind: CellKind,
    raw: string | undefined,
    numFmt: string,
    formula?: string,
  ): void;
  endRow(): void;
}

/** Where the table comes from and how its header is chosen. */
export interface SheetTableOptions {
  fileName: string;
  sheet: string;
  date1904: boolean;
  /** The 1-based sheet row of the header: the first non-empty row from there is the header. */
  headerRow?: number | undefined;
  /** The dataset's field names, so header detection prefers the row that names them. */
  headerHints?: HeaderHints | undefined;
}

interface ReadRow {
  row: number;
  hidden: boolean;
  cells: string[];
  problems: { col: number; problem: CellProblem }[] | undefined;
}

/**
 * Turns a sheet's rows into a SourceTable of text cells, the same way whichever reader
 * produced them.
 *
 * The header is the row findHeaderRow picks among the first non-empty rows (or the first
 * non-empty row from `headerRow`); rows above it are ignored. Blank rows between data rows
 * are counted in `skippedEmpty`; blank rows after the last value (styled rows down to row
 * 1,048,576) are not rows at all. Cell problems become RowIssues naming the column's header.
 * Repeated values share one string per column, which halves the memory of HR sheets.
 */
export class SheetTableBuilder implements SheetSink {
  private readonly rows: SourceRow[] = [];
  private readonly issues: RowIssue[] = [];
  private readonly firstRows: SourceRow[] = [];
  private lead: ReadRow[] | undefined = [];
  private headers: string[] | undefined;
  private headerRowNumber = 0;
  private lastRow = 0;
  private skippedEmpty = 0;
  private cellCount = 0;
  private current: ReadRow | undefined;
  private readonly pools = new ColumnPools();
  private readonly scratch: CellProblem[] = [];

  constructor(private readonly opts: SheetTableOptions) {}

  startRow(row: number, hidden: boolean): void {
    if (row > EXCEL_MAX_ROWS || row < 1) {
      throw this.damaged(`a row number (${row}) outside Excel's 1 to ${EXCEL_MAX_ROWS}`);
    }
    this.current = { row, hidden, cells: [], problems: undefined };
  }

  cell(
    col: number,
    kind: CellKind,
    raw: string | undefined,
    numFmt: string,
    formula?: string,
  ): void {
    const current = this.current;
    if (!current) {
      return;
    }
    if (col > EXCEL_MAX_COLUMNS || col < 1) {
      throw this.damaged(`a column (${col}) outside Excel's A to XFD`);
    }
    const text = cellText(kind, raw, numFmt, formula, this.opts.date1904, this.scratch);
    if (this.scratch.length > 0) {
      current.problems ??= [];
      for (const problem of this.scratch) {
        current.problems.push({ col, problem });
      }
      this.scratch.length = 0;
    }
    const { cells } = current;
    while (cells.length < col - 1) {
      cells.push('');
    }
    cells[col - 1] = text === '' ? '' : this.pools.keep(col, text, kind === 'is');
  }

  endRow(): void {
    const current = this.current;
    this.current = undefined;
    if (!current) {
      return;
    }
    const { cells } = current;
    while (cells.length > 0 && cells[cells.length - 1] === '') {
      cells.pop();
    }
    if (cells.length === 0 && !current.problems) {
      return;
    }
    if (this.firstRows.length < HEADER_SCAN_ROWS && cells.length > 0) {
      this.firstRows.push({ row: current.row, cells: cells.slice() });
    }
    if (this.headers) {
      this.accept(current);
    } else if (this.opts.headerRow !== undefined) {
      if (current.row >= this.opts.headerRow) {
        this.takeHeader(current);
      }
    } else if (this.lead) {
      this.lead.push(current);
      if (this.lead.length >= HEADER_SCAN_ROWS) {
        this.decideHeader();
      }
    }
  }

  /**
   * The sheet's first non-empty rows (as many as header detection looks at), whichever row
   * the header is: the rows an admin may move the header to.
   */
  leadRows(): readonly SourceRow[] {
    return this.firstRows;
  }

  /** The table, once every row has been reported; `merges` are the sheet's merged ranges. */
  finish(merges: readonly string[]): SourceTable {
    this.decideHeader();
    if (merges.length > 0 && this.headers) {
      this.issues.push(...mergeIssues(merges, this.headerRowNumber, this.headers));
      this.issues.sort((a, b) => a.row - b.row);
    }
    return {
      fileName: this.opts.fileName,
      format: 'xlsx',
      sheet: this.opts.sheet,
      headerRow: this.headers ? this.headerRowNumber : 1,
      headers: this.headers ?? [],
      rows: this.rows,
      issues: this.issues,
      skippedEmpty: this.skippedEmpty,
    };
  }

  private decideHeader(): void {
    const lead = this.lead;
    this.lead = undefined;
    if (!lead || lead.length === 0 || this.headers) {
      return;
    }
    const index = findHeaderRow(
      lead.map((row) => row.cells),
      this.opts.headerHints,
    );
    lead.forEach((row, i) => {
      if (i === index) {
        this.takeHeader(row);
      } else if (i > index) {
        this.accept(row);
      }
    });
  }

  private takeHeader(row: ReadRow): void {
    this.headers = row.cells;
    this.headerRowNumber = row.row;
    this.lastRow = row.row;
    this.lead = undefined;
    this.noteProblems(row, []);
  }

  private accept(row: ReadRow): void {
    const headers = this.headers ?? [];
    this.skippedEmpty += Math.max(0, row.row - this.lastRow - 1);
    this.lastRow = row.row;
    if (row.cells.length > headers.length) {
      const ragged = raggedRowIssue(row.row, row.cells, headers.length);
      if (ragged) {
        this.issues.push(ragged);
      }
    }
    while (row.cells.length < headers.length) {
      row.cells.push('');
    }
    this.noteProblems(row, headers);
    if (row.hidden) {
      this.issues.push({
        row: row.row,
        column: null,
        code: 'XLSX_HIDDEN_ROW',
        message: `Row ${row.row} is hidden in Excel; it was imported like the other rows`,
        severity: 'warning',
      });
    }
    this.cellCount += row.cells.length;
    if (this.cellCount > MAX_TABLE_CELLS) {
      throw new AppError(
        'PARSE_FAILED',
        `Cannot read ${this.opts.fileName}: sheet "${this.opts.sheet}" has more than ${MAX_TABLE_CELLS.toLocaleString('en-US')} cells, more than batchline can hold; split it into smaller files`,
      );
    }
    this.rows.push({ row: row.row, cells: row.cells });
  }

  private noteProblems(row: ReadRow, headers: readonly string[]): void {
    for (const { col, problem } of row.problems ?? []) {
      const header = headers[col - 1];
      const ref = `${columnLetters(col)}${row.row}`;
      const label = header !== undefined && header.trim() !== '' ? header : ref;
      this.issues.push({
        row: row.row,
        column: header ?? null,
        code: problem.code,
        message: problem.message(label, ref),
        severity: problem.severity,
      });
    }
  }

  private damaged(what: string): AppError {
    return new AppError(
      'PARSE_FAILED',
      `Cannot read ${this.opts.fileName}: sheet "${this.opts.sheet}" has ${what}; the file is damaged`,
    );
  }
}
