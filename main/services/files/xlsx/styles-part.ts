import { attr, xmlTags } from './xml-text';

/**
 * Excel's built-in number formats (ECMA-376 part 1, 18.8.30) by id, as en-US Excel shows
 * them. Ids 27-36 and 50-58 are East Asian date and time formats whose text depends on the
 * locale; only their kind matters here (they become ISO dates and times).
 */
const BUILT_IN: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '"$"#,##0_);\\("$"#,##0\\)',
  6: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  7: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
  42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
  44: '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};
const EAST_ASIAN_DATE = 'yyyy-mm-dd';
const EAST_ASIAN_TIME = 'h:mm:ss';

/** The format code of a built-in number format id; unknown ids show as General. */
export function builtInFormat(id: number): string {
  const known = BUILT_IN[id];
  if (known !== undefined) {
    return known;
  }
  if (id === 32 || id === 33) {
    return EAST_ASIAN_TIME;
  }
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) {
    return EAST_ASIAN_DATE;
  }
  return 'General';
}

/**
 * Reads styles.xml into the number format of each cell style: entry `i` is the format code
 * of cells written with `s="i"`. Cells with no style, or a style past the end, are General.
 */
export function readCellFormats(stylesXml: string | undefined): string[] {
  if (stylesXml === undefined) {
    return [];
  }
  const custom = new Map<number, string>();
  const formats: string[] = [];
  let inCellXfs = false;
  for (const tag of xmlTags(stylesXml)) {
    if (tag.name === 'cellXfs') {
      inCellXfs = !tag.closing && !tag.selfClosing;
    } else if (tag.name === 'numFmt' && !tag.closing) {
      const id = Number(attr(tag.source, 'numFmtId'));
      const code = attr(tag.source, 'formatCode');
      if (Number.isInteger(id) && code !== undefined) {
        custom.set(id, code);
      }
    } else if (tag.name === 'xf' && inCellXfs && !tag.closing) {
      const id = Number(attr(tag.source, 'numFmtId') ?? '0');
      formats.push(custom.get(id) ?? builtInFormat(id));
    }
  }
  return formats;
}
