import { compileFormat, type FormatSection, type Token } from './number-format-code';
import { plainNumber, roundDecimal } from './decimal-text';

/** A number cell as batchline reads it, beside what Excel shows. */
export interface NumberText {
  /** The text batchline keeps: the digits the format gives, without thousands separators. */
  text: string;
  /** What Excel shows (en-US separators), for messages. */
  shown: string;
  /**
   * Why the text may not be what was meant: the format rounds digits away, the number is
   * longer than the 15 digits Excel keeps, or the format is one batchline does not reproduce.
   */
  doubt?: 'rounded' | 'precision' | 'unsupported';
}

/** Excel keeps 15 significant digits; an integer this large has already lost some. */
const PRECISION_LIMIT = 1e15;

/**
 * Renders a number with an Excel number format the way Excel shows it, and the text
 * batchline keeps from it.
 *
 * Covered: General; `@`; zero padding (`0000` → 0100) and literal digits (`000-000-0000`,
 * `"+"0`); decimals (`0.00`); thousands separators (`#,##0`, kept out of the text: they
 * depend on the reader's locale); percentages; sections by sign and `[<=9999999]`-style
 * conditions (Excel's "Phone Number" format). Scientific formats are shown as Excel does but
 * read as full digits: batchline never keeps an exponent. Fractions are read as General.
 */
export function formatNumber(value: number, code: string): NumberText {
  const plain = plainNumber(value);
  if (Number.isInteger(value) && Math.abs(value) >= PRECISION_LIMIT) {
    return { text: plain, shown: plain, doubt: 'precision' };
  }
  const format = compileFormat(code);
  const picked = pickSection(format.sections, value, format.conditional);
  if (!picked) {
    return { text: plain, shown: plain };
  }
  const { section, magnitude, sign } = picked;
  if (section.unsupported) {
    return { text: plain, shown: plain, doubt: 'unsupported' };
  }
  if (section.tokens.some((token) => token.kind === 'general' || token.kind === 'text')) {
    const general = sign + plainNumber(magnitude);
    const shown = literalsAround(section.tokens, general);
    return { text: shown, shown };
  }
  if (!section.tokens.some((token) => token.kind === 'digit')) {
    // A section of text only (";;;" hides values, accounting shows "-" for zero): Excel
    // hides the number, but the cell holds it, and that is what is read.
    return { text: plain, shown: literalsAround(section.tokens, '') };
  }
  if (section.exponent) {
    return { text: plain, shown: sign + scientific(section.tokens, magnitude) };
  }
  const rendered = renderFixed(section, magnitude);
  return {
    text: sign + rendered.text,
    shown: sign + rendered.shown,
    ...(rendered.exact ? {} : { doubt: 'rounded' as const }),
  };
}

function pickSection(
  sections: readonly FormatSection[],
  value: number,
  conditional: boolean,
): { section: FormatSection; magnitude: number; sign: string } | undefined {
  const magnitude = Math.abs(value);
  const minus = value < 0 ? '-' : '';
  if (conditional) {
    const section =
      sections.find((s) => s.condition?.(value)) ?? sections.find((s) => !s.condition);
    return section ? { section, magnitude, sign: minus } : undefined;
  }
  const [positive, negative, zero] = sections;
  if (value < 0 && negative) {
    return { section: negative, magnitude, sign: '' };
  }
  if (value === 0 && zero) {
    return { section: zero, magnitude, sign: '' };
  }
  return positive ? { section: positive, magnitude, sign: minus } : undefined;
}

function literalsAround(tokens: readonly Token[], middle: string): string {
  let out = '';
  for (const token of tokens) {
    if (token.kind === 'literal') {
      out += token.text;
    } else if (token.kind === 'general' || token.kind === 'text') {
      out += middle;
    }
  }
  return out;
}

/** Integer, decimal and literal placeholders filled the way Excel fills them. */
function renderFixed(
  section: FormatSection,
  magnitude: number,
): { text: string; shown: string; exact: boolean } {
  const scaled = (magnitude * 100 ** section.percent) / 1000 ** section.scale;
  const { tokens } = section;
  const point = tokens.findIndex((token) => token.kind === 'point');
  const intTokens = point < 0 ? tokens : tokens.slice(0, point);
  const fracTokens = point < 0 ? [] : tokens.slice(point + 1);
  const decimals = fracTokens.filter((token) => token.kind === 'digit').length;
  const rounded = roundDecimal(scaled, decimals);
  const intText = fillInteger(intTokens, rounded.int === '0' ? '' : rounded.int);
  const fracText = point < 0 ? '' : `.${fillFraction(fracTokens, rounded.frac)}`;
  const text = intText + fracText;
  const shown = section.grouping ? group(intText) + fracText : text;
  return { text, shown, exact: rounded.exact };
}

/** Right to left, one digit per placeholder; extra digits go before the first placeholder. */
function fillInteger(tokens: readonly Token[], digits: string): string {
  const first = tokens.findIndex((token) => token.kind === 'digit');
  const pieces: string[] = [];
  let next = digits.length - 1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token?.kind === 'literal') {
      pieces.push(token.text);
    } else if (token?.kind === 'digit') {
      let piece = next >= 0 ? (digits[next--] ?? '') : filler(token.char);
      if (i === first && next >= 0) {
        piece = digits.slice(0, next + 1) + piece;
        next = -1;
      }
      pieces.push(piece);
    }
  }
  return pieces.reverse().join('');
}

/** Left to right; trailing zeros under `#` disappear and under `?` become spaces. */
function fillFraction(tokens: readonly Token[], digits: string): string {
  const pieces: string[] = [];
  let index = 0;
  for (const token of tokens) {
    if (token.kind === 'literal') {
      pieces.push(token.text);
    } else if (token.kind === 'digit') {
      const digit = digits[index++] ?? '0';
      const rest = digits.slice(index);
      const trailingZero = digit === '0' && /^0*$/.test(rest);
      pieces.push(trailingZero && token.char !== '0' ? (token.char === '?' ? ' ' : '') : digit);
    }
  }
  return pieces.join('');
}

function filler(char: '0' | '#' | '?'): string {
  return char === '0' ? '0' : char === '?' ? ' ' : '';
}

/** Thousands separators in the leading run of digits, the way en-US Excel shows them. */
function group(text: string): string {
  return text.replace(/\d+/, (run) => run.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
}

/** `1.42E+10` for `0.00E+00`: only for what Excel shows, never for what is read. */
function scientific(tokens: readonly Token[], magnitude: number): string {
  const at = tokens.findIndex((token) => token.kind === 'exponent');
  const mantissaTokens = tokens.slice(0, at);
  const exponentToken = tokens[at];
  const point = mantissaTokens.findIndex((token) => token.kind === 'point');
  const intDigits = (point < 0 ? mantissaTokens : mantissaTokens.slice(0, point)).filter(
    (token) => token.kind === 'digit',
  ).length;
  const decimals =
    point < 0 ? 0 : mantissaTokens.slice(point).filter((t) => t.kind === 'digit').length;
  let exponent = magnitude === 0 ? 0 : Math.floor(Math.log10(magnitude));
  if (intDigits > 1) {
    exponent = Math.floor(exponent / intDigits) * intDigits;
  }
  const mantissa = roundDecimal(magnitude / 10 ** exponent, decimals);
  const expDigits = tokens.slice(at + 1).filter((token) => token.kind === 'digit').length;
  const sign =
    exponent < 0
      ? '-'
      : exponentToken?.kind === 'exponent' && exponentToken.sign === '+'
        ? '+'
        : '';
  const frac = decimals > 0 ? `.${mantissa.frac}` : '';
  return `${mantissa.int}${frac}E${sign}${String(Math.abs(exponent)).padStart(expDigits, '0')}`;
}
