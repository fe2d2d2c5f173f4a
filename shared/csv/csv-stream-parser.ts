import Papa from 'papaparse';
import type { RowIssue } from '../table/row-issue';
import { findHeaderRow, HEADER_SCAN_ROWS, type HeaderHints } from '../table/find-header-row';
import { raggedRowIssue } from '../table/ragged-row';
import { unneutraliseFormula } from './formula-escape';

/** Options of parseCsv and of a {@link CsvStreamParser} about the header row. */
export interface HeaderOptions {
  /**
   * The 1-based line the header is on, as the admin chose it: the first non-blank record
   * starting on or after it is the header, and everything above it is dropped.
   */
  headerRow?: number;
  /** The dataset's field names, so detection prefers the row that names them. */
  headerHints?: HeaderHints;
}

/** How a CSV text is laid out: what {@link CsvStreamParser} needs before its first record. */
export interface CsvLayout {
  delimiter: string;
  /** The record separator papaparse splits on: "\n", "\r\n" or "\r". */
  newline: string;
  /** The character counted for line numbers: "\n", or "\r" for classic Mac files. */
  lineBreak: string;
}

/**
 * The layout of a CSV text, decided from its beginning exactly as parseCsv decides it for
 * the whole text: give it the whole text, or at least its first 1 MiB.
 */
export function csvLayoutOf(head: string, delimiter: string): CsvLayout {
  return { delimiter, newline: guessNewline(head), lineBreak: head.includes('\n') ? '\n' : '\r' };
}

/** Receives what a {@link CsvStreamParser} reads, in file order. */
export interface CsvSink {
  /** The header, once decided (before any row). */
  header?(headers: string[], line: number): void;
  /** A reading problem not tied to a data row (a broken quote in the header). */
  issue(issue: RowIssue): void;
  /** A data row below the header, with its reading problems (quotes, then ragged) if any. */
  row(line: number, cells: string[], issues: RowIssue[] | undefined): void;
}

/** Options of a {@link CsvStreamParser}: the layout and parseCsv's header options. */
export type CsvStreamOptions = CsvLayout & HeaderOptions;

interface CsvRecord {
  line: number;
  cells: string[];
  blank: boolean;
  quoteIssue: RowIssue | undefined;
}

// A record still open after this many characters is re-parsed only when the text has doubled:
// an unterminated quote makes the rest of the file one record, and papaparse re-scans a
// carried-over record from its start on every chunk, which would be quadratic.
const LONG_RECORD = 1 << 20;

/**
 * parseCsv for text that arrives in pieces (a file streamed in chunks), with the same rows,
 * row numbers and issues as parseCsv on the whole text.
 *
 * It drives papaparse's own Parser the way papaparse streams: each piece is parsed together
 * with the incomplete record carried over from the previous one, and the last, possibly
 * incomplete, record is held back until more text or the end. Offsets are absolute, so row
 * numbers come from one forward pass that only ever looks at the text still held.
 */
export class CsvStreamParser {
  /** The header row's cells once decided; undefined while it is not. */
  headers: string[] | undefined;
  /** The 1-based line of the header. */
  headerRow = 1;
  /** Blank records below the header. */
  skippedEmpty = 0;
  private readonly parser: Papa.Parser;
  private lead: CsvRecord[] | undefined;
  private readonly firstLine: number;
  private partial = '';
  /** The text being parsed and the absolute offset of its first character. */
  private text = '';
  private base = 0;
  private start = 0;
  private line = 1;
  private counted = 0;
  private retryAt = 0;

  constructor(
    private readonly opts: CsvStreamOptions,
    private readonly sink: CsvSink,
  ) {
    this.lead = opts.headerRow === undefined ? [] : undefined;
    this.firstLine = opts.headerRow ?? 0;
    this.parser = new Papa.Parser({
      delimiter: opts.delimiter,
      newline: opts.newline as Papa.ParseConfig['newline'],
      step: (result: Papa.ParseStepResult<string[][]>) => this.record(result),
    });
  }

  /** Parses `text` after what was pushed before; the last record waits for more. */
  push(text: string): void {
    const aggregate = this.partial + text;
    if (aggregate.length < this.retryAt) {
      this.partial = aggregate;
      return;
    }
    this.text = aggregate;
    const cursor = (this.parser.parse(aggregate, this.base, true) as Papa.ParseResult<unknown>).meta
      .cursor;
    this.lineAt(cursor);
    this.partial = aggregate.substring(cursor - this.base);
    this.retryAt = this.partial.length > LONG_RECORD ? this.partial.length * 2 : 0;
    this.base = cursor;
  }

  /** Parses the rest (`text` and anything held back) as the end of the file. */
  end(text = ''): void {
    this.text = this.partial + text;
    this.partial = '';
    this.parser.parse(this.text, this.base, false);
    this.decide();
  }

  private record(result: Papa.ParseStepResult<string[][]>): void {
    const recordStart = this.start;
    this.start = result.meta.cursor;
    // papaparse reports an empty record after a final line break; it is not a line of data.
    const cells = result.data[0];
    if (recordStart >= this.base + this.text.length || !cells) {
      return;
    }
    const line = this.lineAt(recordStart);
    const blank = isBlank(cells);
    if (!blank) {
      for (let i = 0; i < cells.length; i++) {
        // Only cells starting with an apostrophe can change: skip the call for the rest.
        if (cells[i]?.charCodeAt(0) === 39) {
          cells[i] = unneutraliseFormula(cells[i] ?? '');
        }
      }
    }
    const quoteIssue =
      !blank && result.errors.length > 0
        ? quoteIssueOf(result.errors, line, () => this.lastLine(recordStart, line))
        : undefined;
    if (this.lead) {
      this.lead.push({ line, cells, blank, quoteIssue });
      if (this.lead.length >= HEADER_SCAN_ROWS) {
        this.decide();
      }
      return;
    }
    this.take(line, cells, blank, quoteIssue);
  }

  private take(
    line: number,
    cells: string[],
    blank: boolean,
    quoteIssue: RowIssue | undefined,
  ): void {
    if (!this.headers) {
      if (!blank && line >= this.firstLine) {
        this.headers = cells;
        this.headerRow = line;
        this.sink.header?.(cells, line);
        if (quoteIssue) {
          this.sink.issue(quoteIssue);
        }
      }
      return;
    }
    if (blank) {
      this.skippedEmpty++;
      return;
    }
    let issues: RowIssue[] | undefined = quoteIssue ? [detached(quoteIssue)] : undefined;
    // Most rows have the header's width: skip the call (and its message building) for them.
    const ragged =
      cells.length === this.headers.length
        ? undefined
        : raggedRowIssue(line, cells, this.headers.length);
    if (ragged) {
      (issues ??= []).push(detached(ragged));
    }
    this.sink.row(line, cells, issues);
  }

  private decide(): void {
    if (!this.lead) {
      return;
    }
    const records = this.lead;
    this.lead = undefined;
    const index = findHeaderRow(
      records.map((record) => record.cells),
      this.opts.headerHints,
    );
    for (const record of records.slice(index)) {
      this.take(record.line, record.cells, record.blank, record.quoteIssue);
    }
  }

  /** The 1-based line of an absolute offset; offsets must come in increasing order. */
  private lineAt(offset: number): number {
    const end = offset - this.base;
    for (let i = this.counted - this.base; ; i++) {
      i = this.text.indexOf(this.opts.lineBreak, i);
      if (i === -1 || i >= end) {
        break;
      }
      this.line++;
    }
    this.counted = Math.max(this.counted, offset);
    return this.line;
  }

  /** The line of the last non-blank character: where an unterminated quote's record ends. */
  private lastLine(recordStart: number, line: number): number {
    const end = this.text.trimEnd().length;
    let last = line;
    for (let i = recordStart - this.base; ; i++) {
      i = this.text.indexOf(this.opts.lineBreak, i);
      if (i === -1 || i >= end) {
        return last;
      }
      last++;
    }
  }
}

/**
 * The issue with its message copied into a string of its own. A message quoting a cell can
 * be a slice of it, and a cell a slice of the whole piece of text it was parsed from: an
 * issue kept for the report would then keep that piece alive (a file with many ragged rows
 * held ~100 MB of text that way while streaming).
 */
function detached(issue: RowIssue): RowIssue {
  return { ...issue, message: Array.from(issue.message).join('') };
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) {
    if (cell.length > 0 && cell.trim() !== '') {
      return false;
    }
  }
  return true;
}

/**
 * papaparse's guessLineEndings, which Papa.parse applies to the text it is given: quoted
 * text removed from the first 1 MiB, then "\n" if it comes first or alone, else "\r\n" when
 * at least half the "\r" are followed by "\n", else "\r". Copied so a streamed file and the
 * same text parsed whole split records the same way.
 */
export function guessNewline(text: string): string {
  const head = text.substring(0, 1024 * 1024).replace(/"([^]*?)"/gm, '');
  const r = head.split('\r');
  const n = head.split('\n');
  if (r.length === 1 || (n.length > 1 && (n[0] ?? '').length < (r[0] ?? '').length)) {
    return '\n';
  }
  let withN = 0;
  for (const piece of r) {
    if (piece[0] === '\n') {
      withN++;
    }
  }
  return withN >= r.length / 2 ? '\r\n' : '\r';
}

function quoteIssueOf(
  errors: readonly Papa.ParseError[],
  line: number,
  lastLine: () => number,
): RowIssue | undefined {
  const unterminated = errors.some((e) => e.code === 'MissingQuotes');
  const malformed = errors.some((e) => e.code === 'InvalidQuotes');
  if (unterminated) {
    // Only here, once: an unterminated quote swallows the rest of the file, so it is the last record.
    const last = lastLine();
    const span = last > line ? `lines ${line}-${last}` : `line ${line}`;
    return {
      row: line,
      column: null,
      code: 'UNTERMINATED_QUOTE',
      message: `Row ${line} opens a quoted cell that is never closed, so the rest of the file (${span}) was read as this one row; add the missing quote`,
      severity: 'error',
    };
  }
  if (malformed) {
    return {
      row: line,
      column: null,
      code: 'MALFORMED_QUOTE',
      message: `Row ${line} has text right after a closing quote; a quote inside a quoted cell must be doubled ("")`,
      severity: 'error',
    };
  }
  return undefined;
}
