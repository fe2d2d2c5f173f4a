/** One piece of a number format section. */
export type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'digit'; char: '0' | '#' | '?' }
  | { kind: 'point' }
  | { kind: 'exponent'; sign: '+' | '-' }
  | { kind: 'general' }
  | { kind: 'text' };

/** One `;`-separated section of a number format, ready to render. */
export interface FormatSection {
  tokens: Token[];
  /** `[<=9999999]`: the values this section is for. */
  condition?: (value: number) => boolean;
  /** Thousands separators between integer placeholders (`#,##0`). */
  grouping: boolean;
  /** How many `%` signs: each multiplies by 100. */
  percent: number;
  /** Commas after the last integer placeholder: each divides by 1000. */
  scale: number;
  exponent: boolean;
  /** Fractions (`# ?/?`) and other codes batchline does not reproduce. */
  unsupported: boolean;
}

/** A number format code, parsed. */
export interface CompiledFormat {
  sections: FormatSection[];
  /** Sections chosen by `[condition]` rather than by sign. */
  conditional: boolean;
}

const cache = new Map<string, CompiledFormat>();
const CONDITION = /^(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?)$/;

/** Parses an Excel number format code (cached: a workbook uses only a handful). */
export function compileFormat(code: string): CompiledFormat {
  let compiled = cache.get(code);
  if (!compiled) {
    const sections = splitSections(code).map(compileSection);
    compiled = { sections, conditional: sections.some((section) => section.condition) };
    if (cache.size > 1000) {
      cache.clear();
    }
    cache.set(code, compiled);
  }
  return compiled;
}

function splitSections(code: string): string[] {
  const sections: string[] = [];
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const char = code[i];
    if (char === '"') {
      const close = code.indexOf('"', i + 1);
      i = close < 0 ? code.length : close;
    } else if (char === '[') {
      const close = code.indexOf(']', i + 1);
      i = close < 0 ? code.length : close;
    } else if (char === '\\' || char === '_' || char === '*') {
      i++;
    } else if (char === ';') {
      sections.push(code.slice(start, i));
      start = i + 1;
    }
  }
  sections.push(code.slice(start));
  return sections;
}

function compileSection(source: string): FormatSection {
  const raw: (Token | { kind: 'comma' })[] = [];
  const literal = (text: string): void => {
    const last = raw[raw.length - 1];
    if (last?.kind === 'literal') {
      last.text += text;
    } else {
      raw.push({ kind: 'literal', text });
    }
  };
  let condition: FormatSection['condition'];
  let percent = 0;
  let unsupported = false;
  let hasPoint = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] ?? '';
    const next = source[i + 1] ?? '';
    if (char === '"') {
      const close = source.indexOf('"', i + 1);
      literal(source.slice(i + 1, close < 0 ? source.length : close));
      i = close < 0 ? source.length : close;
    } else if (char === '\\') {
      literal(next);
      i++;
    } else if (char === '_') {
      literal(' ');
      i++;
    } else if (char === '*') {
      i++;
    } else if (char === '[') {
      const close = source.indexOf(']', i + 1);
      const inside = source.slice(i + 1, close < 0 ? source.length : close);
      i = close < 0 ? source.length : close;
      const match = CONDITION.exec(inside);
      if (match) {
        condition = conditionOf(match[1] ?? '=', Number(match[2]));
      } else if (inside.startsWith('$')) {
        literal(inside.slice(1).split('-')[0] ?? '');
      }
    } else if (char === '0' || char === '#' || char === '?') {
      raw.push({ kind: 'digit', char });
    } else if (char === '.' && !hasPoint) {
      hasPoint = true;
      raw.push({ kind: 'point' });
    } else if (char === ',') {
      raw.push({ kind: 'comma' });
    } else if (char === '%') {
      percent++;
      literal('%');
    } else if ((char === 'E' || char === 'e') && (next === '+' || next === '-')) {
      raw.push({ kind: 'exponent', sign: next });
      i++;
    } else if (char === '@') {
      raw.push({ kind: 'text' });
    } else if (source.slice(i, i + 7).toLowerCase() === 'general') {
      raw.push({ kind: 'general' });
      i += 6;
    } else if (char === '/' && raw.some((token) => token.kind === 'digit')) {
      unsupported = true;
    } else {
      literal(char);
    }
  }
  const { grouping, scale } = commasOf(raw);
  const tokens = raw.filter((token): token is Token => token.kind !== 'comma');
  return {
    tokens,
    ...(condition ? { condition } : {}),
    grouping,
    percent,
    scale,
    exponent: tokens.some((token) => token.kind === 'exponent'),
    unsupported,
  };
}

/** A comma between integer placeholders groups thousands; commas after the last one scale. */
function commasOf(tokens: readonly (Token | { kind: 'comma' })[]): {
  grouping: boolean;
  scale: number;
} {
  const point = tokens.findIndex((token) => token.kind === 'point' || token.kind === 'exponent');
  const integer = point < 0 ? tokens : tokens.slice(0, point);
  const lastDigit = integer.findLastIndex((token) => token.kind === 'digit');
  const firstDigit = integer.findIndex((token) => token.kind === 'digit');
  let grouping = false;
  let scale = 0;
  integer.forEach((token, index) => {
    if (token.kind !== 'comma') {
      return;
    }
    if (index > firstDigit && index < lastDigit) {
      grouping = true;
    } else if (index > lastDigit && lastDigit >= 0) {
      scale++;
    }
  });
  return { grouping, scale };
}

function conditionOf(op: string, limit: number): (value: number) => boolean {
  switch (op) {
    case '<':
      return (value) => value < limit;
    case '<=':
      return (value) => value <= limit;
    case '>':
      return (value) => value > limit;
    case '>=':
      return (value) => value >= limit;
    case '<>':
      return (value) => value !== limit;
    default:
      return (value) => value === limit;
  }
}
