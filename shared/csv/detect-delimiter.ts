/** The delimiters batchline recognises, in order of preference when the evidence ties. */
export const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 100;

/**
 * Picks the delimiter of a CSV text among comma, semicolon, tab and pipe.
 *
 * Counts each candidate per record over the first records, outside quotes. For each
 * candidate, the count most records share (its mode, ignoring records without it) is the
 * column count it would give; the winner is the candidate whose count recurs in the most
 * records, then the one making more columns. Title rows above the header ("Q3 onboarding")
 * and decimal commas in one column therefore do not sway it. We do this ourselves because
 * papaparse falls back to "," on two-column ";" files with decimal commas (BAD-INPUTS #4).
 * Returns "," when no candidate occurs (a single-column file).
 */
export function detectDelimiter(text: string): string {
  const records = countPerRecord(
    text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text,
    text.length <= SAMPLE_CHARS,
  );
  let best = -1;
  let bestScore = -1;
  for (let c = 0; c < CANDIDATE_DELIMITERS.length; c++) {
    const counts = records.map((record) => record[c] ?? 0);
    const usual = modeOfPositive(counts);
    if (usual === 0) {
      continue;
    }
    const consistent = counts.filter((count) => count === usual).length;
    // Consistency first; between equally consistent candidates, the one making more columns.
    const score = consistent / records.length + usual / 1e6;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return CANDIDATE_DELIMITERS[best] ?? ',';
}

/** The most frequent positive value (ties to the larger), or 0 when there is none. */
function modeOfPositive(values: readonly number[]): number {
  const seen = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const value of values) {
    if (value <= 0) {
      continue;
    }
    const count = (seen.get(value) ?? 0) + 1;
    seen.set(value, count);
    if (count > bestCount || (count === bestCount && value > best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** Per non-blank record, how often each candidate occurs outside quotes. */
function countPerRecord(sample: string, complete: boolean): number[][] {
  const records: number[][] = [];
  let counts = [0, 0, 0, 0];
  let inQuotes = false;
  let nonBlank = false;
  for (let i = 0; i < sample.length && records.length < SAMPLE_RECORDS; i++) {
    const ch = sample[i];
    if (ch === '"') {
      inQuotes = !inQuotes;
      nonBlank = true;
    } else if (inQuotes) {
      continue;
    } else if (ch === '\n' || ch === '\r') {
      if (nonBlank) {
        records.push(counts);
      }
      counts = [0, 0, 0, 0];
      nonBlank = false;
    } else if (ch === ',') {
      counts[0]!++;
      nonBlank = true;
    } else if (ch === ';') {
      counts[1]!++;
      nonBlank = true;
    } else if (ch === '\t') {
      counts[2]!++;
      nonBlank = true;
    } else if (ch === '|') {
      counts[3]!++;
      nonBlank = true;
    } else if (ch !== ' ') {
      nonBlank = true;
    }
  }
  // A cut-off last line would skew its counts; only a complete text's last line is used.
  if (complete && nonBlank && records.length < SAMPLE_RECORDS) {
    records.push(counts);
  }
  return records;
}
