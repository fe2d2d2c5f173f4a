import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { FIRST, LAST, SITES } from './synthetic-names';

/** The headers of the synthetic users sheet: 11 mapped by the Zoom dataset, Notes is not. */
export const SYNTHETIC_HEADERS = [
  'Work Email',
  'Given Name',
  'Surname',
  'Ext',
  'Direct Dial',
  'Calling Plan',
  'Site',
  'Caller ID',
  'SMS',
  'Desk Phone MAC',
  'Desk Phone Model',
  'Notes',
] as const;

/** Options of {@link syntheticUsersCsv}. */
export interface SyntheticUsersOptions {
  /** Extra characters added to every Notes cell, to make big files out of fewer rows. */
  notesPadding?: number;
  /** Folder of the cache; default os.tmpdir()/batchline-bench. */
  dir?: string;
}

const ASCII_FIRST = ['alice', 'chloe', 'jose', 'zoe', 'lukasz', 'soren', 'wang', 'misaki', 'dev'];
const ASCII_LAST = ['ng', 'mueller', 'garcia', 'angstrom', 'nowak', 'li', 'tanaka', 'patel', 'kim'];
const AREAS = ['212', '312', '415', '617', '646', '713', '206', '303', '404', '512'];
const MODELS = ['t46s', 'vvx450', 't54w'];
// Exchanges 200-999 except N11 (211, 311…), which are service codes, not numbers.
const EXCHANGES = Array.from({ length: 800 }, (_, k) => 200 + k).filter((e) => e % 100 !== 11);

/**
 * The path of a synthetic Zoom users CSV of `rows` rows, generated once and cached.
 *
 * Deterministic (same bytes for the same arguments): a UTF-8 BOM, CRLF lines, quoted commas
 * and quoted line breaks, accented and CJK names. About 1 row in 100 has a problem
 * (bad email, missing extension, Excel-damaged number, repeated email) and 1 in 20 a number
 * in national format, so every path of the validator is exercised. 1M rows ≈ 137 MB.
 */
export async function syntheticUsersCsv(
  rows: number,
  opts: SyntheticUsersOptions = {},
): Promise<string> {
  const dir = opts.dir ?? join(tmpdir(), 'batchline-bench');
  const padding = opts.notesPadding ?? 0;
  const path = join(dir, `users-${rows}${padding ? `-pad${padding}` : ''}-v3.csv`);
  if (existsSync(path) && (await stat(path)).size > 0) {
    return path;
  }
  await mkdir(dir, { recursive: true });
  const partial = `${path}.${process.pid}.part`;
  const out = createWriteStream(partial);
  const pad = 'x'.repeat(padding);
  let buffer = `\uFEFF${SYNTHETIC_HEADERS.join(',')}\r\n`;
  for (let i = 0; i < rows; i++) {
    buffer += syntheticRow(i, pad);
    if (buffer.length > 1 << 20) {
      // Respect backpressure: the whole file never sits in memory.
      if (!out.write(buffer)) {
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
      buffer = '';
    }
  }
  out.end(buffer);
  await finished(out);
  await rename(partial, path);
  return path;
}

/** One CSV line (CRLF included) of the synthetic sheet; row `i` is data row i + 2. */
export function syntheticRow(i: number, pad = ''): string {
  const f = i % FIRST.length;
  const l = Math.floor(i / FIRST.length) % LAST.length;
  let email = emailOf(i);
  if (i % 211 === 7) {
    email = `${ASCII_FIRST[f % ASCII_FIRST.length] ?? 'user'}.example.com`;
  } else if (i % 997 === 13 && i > 1000) {
    // The same person twice, in another case: a duplicate the validator must find.
    email = emailOf(i - 1000).toUpperCase();
  }
  const ext = i % 307 === 11 ? '' : String(100_000 + i);
  const plan =
    i % 9 === 0 ? '"US/CA Unlimited Calling;International Select"' : 'US/CA Unlimited Calling';
  const site = csvCell(SITES[i % SITES.length] ?? '');
  const callerId = i % 3 === 0 ? '+14155550100' : '';
  const sms = i % 2 === 0 ? 'Yes' : 'No';
  const hasPhone = i % 3 === 1;
  const mac = hasPhone ? macOf(i) : '';
  const model = hasPhone ? (MODELS[i % MODELS.length] ?? '') : '';
  const notes =
    i % 50 === 0
      ? `"Building 4, Floor 2\r\nDesk ${i % 100}${pad}"`
      : i % 4 === 0
        ? `"Sales, EMEA & APAC${pad}"`
        : i % 4 === 1
          ? `Onboarding cohort 2025${pad}`
          : i % 4 === 2
            ? `Contractor${pad}`
            : pad;
  return `${email},${FIRST[f]},${LAST[l]},${ext},${phoneOf(i)},${plan},${site},${callerId},${sms},${mac},${model},${notes}\r\n`;
}

/** A unique, valid number for row i in one of several spellings, or a damaged one. */
function phoneOf(i: number): string {
  const area = AREAS[i % AREAS.length] ?? '415';
  const rest = Math.floor(i / AREAS.length);
  const exchange = EXCHANGES[rest % EXCHANGES.length] ?? 555;
  const line = String(Math.floor(rest / EXCHANGES.length) % 10_000).padStart(4, '0');
  const kind = i % 100;
  if (kind < 84) {
    return `+1${area}${exchange}${line}`;
  }
  if (kind < 89) {
    return `+447400${String(i % 1_000_000).padStart(6, '0')}`;
  }
  if (kind < 94) {
    return `(${area}) ${exchange}-${line}`;
  }
  if (kind < 96) {
    return `+1 ${area} ${exchange} ${line}`;
  }
  if (kind < 99) {
    return '';
  }
  return '1.4155E+10';
}

/** A cell as CSV writes it: quoted when it holds a comma, a quote or a line break. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function emailOf(i: number): string {
  const ascii = ASCII_FIRST[(i % FIRST.length) % ASCII_FIRST.length] ?? 'user';
  const last = ASCII_LAST[Math.floor(i / FIRST.length) % ASCII_LAST.length] ?? 'user';
  const email = `${ascii}.${last}.${i}@example.com`;
  return i % 5 === 0 ? `${ascii[0]?.toUpperCase() ?? 'U'}${email.slice(1)}` : email;
}

function macOf(i: number): string {
  const hex = (i & 0xffffff).toString(16).padStart(6, '0').toUpperCase();
  return `80:5E:C0:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}`;
}
