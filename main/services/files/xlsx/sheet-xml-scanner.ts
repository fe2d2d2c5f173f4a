import { SharedFormulas } from './shared-formula';
import { columnNumber } from './sheet-notes';
import type { SheetSink } from './sheet-table-builder';
import { endsName, opensElement, richText, rootElement } from './xml-chunk-scan';
import { attr } from './xml-text';
import { fastAttr, isSpace, typeOf, type CellType } from './xml-attributes';

/** What a sheet's cells refer to: the shared texts and each style's number format. */
export interface SheetLookups {
  sharedStrings: readonly string[];
  formats: readonly string[];
}

/** What the sheet says besides its rows. */
export interface SheetNotes {
  merges: string[];
  /** The `<dimension ref>` the writer declared (e.g. A1:L1000001), if any. */
  dimension: string | undefined;
}

/**
 * Reads worksheet XML a chunk at a time and reports each row and cell to a SheetSink.
 *
 * Made for speed on million-row sheets: it looks only at what batchline needs (rows, their
 * `hidden` flag, cells with their type, style, value, formula and inline text, merged
 * ranges, the dimension) and never builds a tree. A cell is read whole; `scan` returns
 * where an unfinished one starts so the caller carries it into the next chunk. Rows and
 * cells without an `r` attribute (some generators omit it) follow the previous one.
 */
export class SheetXmlScanner {
  readonly notes: SheetNotes = { merges: [], dimension: undefined };
  private prefix: string | undefined;
  private closeCell = '</c>';
  private row = 0;
  private col = 0;
  private inRow = false;
  private cellStyle = -1;
  private cellType: CellType = 'n';
  private readonly shared = new SharedFormulas();

  constructor(
    private readonly lookups: SheetLookups,
    private readonly sink: SheetSink,
  ) {}

  /** Scans as much of `text` as holds whole elements; returns where the rest starts. */
  scan(text: string): number {
    let pos = 0;
    if (this.prefix === undefined) {
      const root = rootElement(text);
      if (!root) {
        return 0;
      }
      this.prefix = root.prefix;
      this.closeCell = `</${root.prefix}c>`;
      pos = root.end;
    }
    const prefix = this.prefix;
    const skip = prefix.length;
    for (;;) {
      const lt = text.indexOf('<', pos);
      if (lt < 0) {
        return text.length;
      }
      const gt = text.indexOf('>', lt);
      if (gt < 0) {
        return lt;
      }
      const closing = text.charCodeAt(lt + 1) === 47;
      const at = lt + (closing ? 2 : 1);
      if (skip > 0 && !text.startsWith(prefix, at)) {
        pos = gt + 1;
        continue;
      }
      const name = at + skip;
      const first = text.charCodeAt(name);
      if (first === 99 && !closing && endsName(text.charCodeAt(name + 1))) {
        if (text.charCodeAt(gt - 1) === 47) {
          this.cellAttributes(text, name + 1, gt);
          pos = gt + 1;
          continue;
        }
        const close = text.indexOf(this.closeCell, gt);
        if (close < 0) {
          return lt;
        }
        this.cell(text, name + 1, gt, close);
        pos = close + this.closeCell.length;
        continue;
      }
      if (first === 114 && text.startsWith('row', name) && endsName(text.charCodeAt(name + 3))) {
        if (closing) {
          this.endRow();
        } else {
          this.startRow(text.slice(name + 3, gt));
          if (text.charCodeAt(gt - 1) === 47) {
            this.endRow();
          }
        }
      } else if (!closing && first === 109 && opensElement(text, lt, prefix, 'mergeCell')) {
        const ref = attr(text.slice(lt, gt + 1), 'ref');
        if (ref !== undefined) {
          this.notes.merges.push(ref);
        }
      } else if (!closing && first === 100 && opensElement(text, lt, prefix, 'dimension')) {
        this.notes.dimension = attr(text.slice(lt, gt + 1), 'ref');
      }
      pos = gt + 1;
    }
  }

  /** Closes a row left open by a sheet that ends without `</row>`. */
  finish(): void {
    this.endRow();
  }

  private startRow(attributes: string): void {
    this.endRow();
    const r = fastAttr(attributes, 'r');
    this.row = r === undefined ? this.row + 1 : Number(r);
    this.col = 0;
    this.inRow = true;
    const hidden = fastAttr(attributes, 'hidden');
    this.sink.startRow(this.row, hidden === '1' || hidden === 'true');
  }

  private endRow(): void {
    if (this.inRow) {
      this.inRow = false;
      this.sink.endRow();
    }
  }

  /**
   * Reads a cell tag's `r`, `s` and `t` (between `open` and its `>` at `gt`) into
   * cellCol, cellStyle and cellType, without slicing the tag: this runs for every cell.
   */
  private cellAttributes(text: string, open: number, gt: number): void {
    let col = 0;
    this.cellStyle = -1;
    this.cellType = 'n';
    let pos = open;
    for (;;) {
      const eq = text.indexOf('=', pos);
      if (eq < 0 || eq >= gt) {
        break;
      }
      const quote = text[eq + 1] === "'" ? "'" : '"';
      const start = eq + 2;
      const end = text.indexOf(quote, start);
      if (end < 0 || end > gt) {
        break;
      }
      const name = text.charCodeAt(eq - 1);
      if (isSpace(text.charCodeAt(eq - 2))) {
        if (name === 114) {
          col = columnNumber(text, start, end);
        } else if (name === 115) {
          this.cellStyle = Number(text.slice(start, end));
        } else if (name === 116) {
          this.cellType = typeOf(text, start, end);
        }
      }
      pos = end + 1;
    }
    this.col = col > 0 ? col : this.col + 1;
  }

  /** One `<c …>…</c>`: `open` is just past the name, `gt` the tag's `>`, `close` its end tag. */
  private cell(text: string, open: number, gt: number, close: number): void {
    this.cellAttributes(text, open, gt);
    if (!this.inRow) {
      return;
    }
    const col = this.col;
    const prefix = this.prefix ?? '';
    const skip = prefix.length;
    let value: string | undefined;
    let inline: string | undefined;
    let formula: string | undefined;
    let pos = gt + 1;
    while (pos < close) {
      const lt = text.indexOf('<', pos);
      if (lt < 0 || lt >= close) {
        break;
      }
      const end = text.indexOf('>', lt);
      if (end < 0 || end > close) {
        break;
      }
      const selfClosing = text.charCodeAt(end - 1) === 47;
      const next = text.indexOf('<', end + 1);
      const contentEnd = selfClosing ? end + 1 : next < 0 || next > close ? close : next;
      const name = lt + 1 + skip;
      const first = text.charCodeAt(name);
      const opens = (skip === 0 || text.startsWith(prefix, lt + 1)) && first !== 47;
      if (opens && first === 118 && endsName(text.charCodeAt(name + 1))) {
        value = selfClosing ? '' : text.slice(end + 1, contentEnd);
      } else if (opens && first === 102 && endsName(text.charCodeAt(name + 1))) {
        const content = selfClosing ? '' : text.slice(end + 1, contentEnd);
        formula = this.shared.formulaOf(text.slice(lt, end + 1), content, { row: this.row, col });
      } else if (opens && first === 105 && opensElement(text, lt, prefix, 'is')) {
        const isEnd = text.indexOf(`</${prefix}is>`, end);
        inline = selfClosing ? '' : richText(text, end + 1, isEnd < 0 ? close : isEnd, prefix);
        pos = isEnd < 0 ? close : isEnd + 1;
        continue;
      }
      pos = selfClosing ? end + 1 : Math.max(contentEnd, end + 1);
    }
    if (value === undefined && inline === undefined && formula === undefined) {
      return;
    }
    const style = this.cellStyle;
    const numFmt = style < 0 ? 'General' : (this.lookups.formats[style] ?? 'General');
    switch (this.cellType) {
      case 's':
        this.sink.cell(
          col,
          's',
          value === undefined ? undefined : this.lookups.sharedStrings[Number(value)],
          numFmt,
          formula,
        );
        return;
      case 'str':
      case 'inlineStr':
        this.sink.cell(col, 'is', inline ?? value, numFmt, formula);
        return;
      case 'b':
      case 'e':
      case 'd':
      case 'n':
        this.sink.cell(col, this.cellType, value, numFmt, formula);
    }
  }
}
