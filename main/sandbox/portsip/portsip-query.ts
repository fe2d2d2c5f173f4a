import { PORTSIP_MAX_TOP } from '../../../shared/datasets/portsip/portsip-rules';
import type { JsonReply } from '../http/sim-http-server';
import { invalidField } from './portsip-errors';

/** What a list endpoint lets clients filter and sort on (`fields`) and search in. */
export interface ListFields {
  fields: readonly string[];
  searchable: readonly string[];
}

/** One listed page and the number of items that matched before paging. */
export type QueryResult =
  { ok: true; count: number; items: Record<string, unknown>[] } | { ok: false; reply: JsonReply };

type Scalar = string | number | boolean | null;
interface Clause {
  field: string;
  op: 'eq' | 'ne';
  value: Scalar;
}

const CLAUSE =
  /^\s*([A-Za-z_][A-Za-z0-9_]*)\s+(eq|ne)\s+('(?:[^']|'')*'|true|false|null|-?\d+(?:\.\d+)?)\s*/i;

function literal(text: string): Scalar {
  if (text.startsWith("'")) {
    return text.slice(1, -1).replaceAll("''", "'");
  }
  const lower = text.toLowerCase();
  return lower === 'null'
    ? null
    : lower === 'true'
      ? true
      : lower === 'false'
        ? false
        : Number(text);
}

/**
 * Parses `field eq 'value' and other ne 3`: OData comparisons joined by `and`. Strings are
 * single-quoted with '' for a quote. That is the subset the spec's filter parameter needs
 * for exports (the spec names the parameter, not a grammar).
 */
function parseFilter(text: string, fields: readonly string[]): Clause[] | string {
  const clauses: Clause[] = [];
  let rest = text.trim();
  for (;;) {
    const match = CLAUSE.exec(rest);
    if (!match) {
      return `must be comparisons such as name eq 'value' joined by and; cannot read "${rest}"`;
    }
    const field = match[1] ?? '';
    if (!fields.includes(field)) {
      return `cannot filter on "${field}"; fields are ${fields.join(', ')}`;
    }
    const op = (match[2] ?? 'eq').toLowerCase() as Clause['op'];
    clauses.push({ field, op, value: literal(match[3] ?? '') });
    rest = rest.slice(match[0].length);
    if (rest === '') {
      return clauses;
    }
    const and = /^and\s+/i.exec(rest);
    if (!and) {
      return `must join comparisons with and; cannot read "${rest}"`;
    }
    rest = rest.slice(and[0].length);
  }
}

function parseOrderBy(text: string, fields: readonly string[]) {
  const keys: { field: string; sign: 1 | -1 }[] = [];
  for (const part of text.split(',')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!match || !fields.includes(match[1] ?? '')) {
      return `must be a field (${fields.join(', ')}) with optional asc or desc; got "${part.trim()}"`;
    }
    keys.push({ field: match[1] ?? '', sign: match[2]?.toLowerCase() === 'desc' ? -1 : 1 });
  }
  return keys;
}

/** A listed value as text; list rows hold only strings, numbers and booleans. */
function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '';
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  const left = text(a).toLowerCase();
  const right = text(b).toLowerCase();
  return left < right ? -1 : left > right ? 1 : 0;
}

function integer(query: URLSearchParams, name: string, fallback: number): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') {
    return fallback;
  }
  return /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/**
 * Applies a list request's filter, search, orderby, skip and top to `rows` (already in the
 * default order). Any unreadable parameter is a 400 naming it; `top` above 100 is refused
 * rather than clamped, so a client that asks for more than it can get learns it at once.
 */
export function queryList(
  rows: Record<string, unknown>[],
  query: URLSearchParams,
  spec: ListFields,
): QueryResult {
  const fail = (field: string, problem: string): QueryResult => ({
    ok: false,
    reply: invalidField(field, problem),
  });
  const skip = integer(query, 'skip', 0);
  if (skip === undefined) {
    return fail('skip', 'must be a whole number of items, 0 or more');
  }
  const top = integer(query, 'top', PORTSIP_MAX_TOP);
  if (top === undefined || top < 1 || top > PORTSIP_MAX_TOP) {
    return fail('top', `must be a whole number from 1 to ${PORTSIP_MAX_TOP}`);
  }
  let matching = rows;
  const filter = query.get('filter');
  if (filter !== null && filter.trim() !== '') {
    const clauses = parseFilter(filter, spec.fields);
    if (typeof clauses === 'string') {
      return fail('filter', clauses);
    }
    matching = matching.filter((row) =>
      clauses.every(({ field, op, value }) => (row[field] === value) === (op === 'eq')),
    );
  }
  const search = query.get('search')?.trim().toLowerCase();
  if (search) {
    matching = matching.filter((row) =>
      spec.searchable.some((field) => text(row[field]).toLowerCase().includes(search)),
    );
  }
  const orderby = query.get('orderby');
  if (orderby !== null && orderby.trim() !== '') {
    const keys = parseOrderBy(orderby, spec.fields);
    if (typeof keys === 'string') {
      return fail('orderby', keys);
    }
    matching = [...matching].sort((a, b) => {
      for (const { field, sign } of keys) {
        const order = compare(a[field], b[field]) * sign;
        if (order !== 0) {
          return order;
        }
      }
      return 0;
    });
  }
  return { ok: true, count: matching.length, items: matching.slice(skip, skip + top) };
}
