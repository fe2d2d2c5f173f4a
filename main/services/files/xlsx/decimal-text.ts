/** A non-negative number as decimal digits, split at the point. */
export interface DecimalDigits {
  int: string;
  frac: string;
}

/** A number rounded to a number of decimals, and whether rounding dropped any digit. */
export interface RoundedDecimal extends DecimalDigits {
  exact: boolean;
}

/**
 * The digits of a number the way Excel holds it: 15 significant digits, never an exponent.
 *
 * `0.1 + 0.2` gives `0.3` (as Excel shows), `14155550100` gives all its digits, `1e-7`
 * gives `0.0000001`. Integers are exact up to 2^53; larger ones have lost digits anyway.
 */
export function plainNumber(value: number): string {
  if (Number.isInteger(value)) {
    return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
  }
  const { int, frac } = decimalDigits(Math.abs(value));
  const sign = value < 0 ? '-' : '';
  return frac === '' ? `${sign}${int}` : `${sign}${int}.${frac}`;
}

/**
 * Rounds a non-negative number to `decimals` places, half away from zero, on its 15-digit
 * decimal form (as Excel does: 1.005 shown with two decimals is 1.01, not binary's 1.00).
 */
export function roundDecimal(value: number, decimals: number): RoundedDecimal {
  const { int, frac } = decimalDigits(value);
  if (frac.length <= decimals) {
    return { int, frac: frac.padEnd(decimals, '0'), exact: true };
  }
  const kept = int + frac.slice(0, decimals);
  const dropped = frac.slice(decimals);
  const up = dropped.charCodeAt(0) >= 53;
  const digits = up ? increment(kept) : kept;
  const split = digits.length - decimals;
  return {
    int: digits.slice(0, split).replace(/^0+(?=\d)/, '') || '0',
    frac: digits.slice(split),
    exact: /^0*$/.test(dropped),
  };
}

/** The decimal digits of a non-negative number at 15 significant digits, trailing zeros cut. */
export function decimalDigits(value: number): DecimalDigits {
  if (value === 0 || !Number.isFinite(value)) {
    return { int: '0', frac: '' };
  }
  const [mantissa = '0', exp = '0'] = value.toExponential(14).split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
  const exponent = Number(exp);
  if (exponent >= 0) {
    const int = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    return { int, frac: digits.slice(exponent + 1) };
  }
  return { int: '0', frac: '0'.repeat(-exponent - 1) + digits };
}

function increment(digits: string): string {
  const chars = digits.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] === '9') {
      chars[i] = '0';
    } else {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join('');
    }
  }
  return `1${chars.join('')}`;
}
