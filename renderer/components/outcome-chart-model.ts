/** The outcomes a chart shows: a row's result, or pending for a run not finished. */
export type OutcomeKey = 'created' | 'updated' | 'skipped' | 'failed' | 'invalid' | 'pending';

/** How many rows have each outcome; a missing key counts as 0. */
export type OutcomeCounts = Partial<Record<OutcomeKey, number>>;

/** The outcomes in the order the bar and its legend show them, good to bad, then pending. */
export const OUTCOME_ORDER: readonly OutcomeKey[] = [
  'created',
  'updated',
  'skipped',
  'failed',
  'invalid',
  'pending',
];

/** The words of each outcome, as the results table's status column writes them. */
export const OUTCOME_LABELS: Readonly<Record<OutcomeKey, string>> = {
  created: 'created',
  updated: 'updated',
  skipped: 'skipped',
  failed: 'failed',
  invalid: 'invalid',
  pending: 'pending',
};

/** Width of the chart in SVG units; segments are placed in 0…CHART_WIDTH. */
export const CHART_WIDTH = 1000;
/** The narrowest a segment with any rows may be, so 1 failed row in 10,000 still shows. */
export const MIN_SEGMENT = 6;

/** One outcome of the chart: its share of the rows and where its bar segment lies. */
export interface OutcomeSegment {
  key: OutcomeKey;
  label: string;
  value: number;
  /** "83%", "<1%": its share of all rows, for the legend. */
  percent: string;
  x: number;
  width: number;
}

/**
 * The outcomes worth listing: updated and pending only when there are any (most runs have
 * neither), the others always, so "0 failed" can be read as good news.
 */
export function shownOutcomes(counts: OutcomeCounts): OutcomeKey[] {
  return OUTCOME_ORDER.filter(
    (key) => (key !== 'updated' && key !== 'pending') || (counts[key] ?? 0) > 0,
  );
}

/** Rows in all, over every outcome. */
export function totalOf(counts: OutcomeCounts): number {
  return OUTCOME_ORDER.reduce((sum, key) => sum + (counts[key] ?? 0), 0);
}

/** "83%", "<1%" for a small non-zero share, "0%" for none. */
export function percentOf(value: number, total: number): string {
  if (total <= 0 || value <= 0) {
    return '0%';
  }
  const percent = (value / total) * 100;
  return percent < 1 ? '<1%' : `${Math.round(percent)}%`;
}

/**
 * The chart's segments, in {@link OUTCOME_ORDER}: each as wide as its share of the rows,
 * but at least {@link MIN_SEGMENT} when it has any, the others narrowed to make room, so
 * the bar is always exactly {@link CHART_WIDTH} wide (or empty when there are no rows).
 */
export function outcomeSegments(counts: OutcomeCounts, minWidth = MIN_SEGMENT): OutcomeSegment[] {
  const total = totalOf(counts);
  const keys = shownOutcomes(counts);
  const raw = keys.map((key) => (total > 0 ? ((counts[key] ?? 0) / total) * CHART_WIDTH : 0));
  const small = raw.filter((width) => width > 0 && width < minWidth);
  const largeSum = raw.reduce((sum, width) => (width >= minWidth ? sum + width : sum), 0);
  const scale = largeSum > 0 ? (CHART_WIDTH - small.length * minWidth) / largeSum : 0;
  let x = 0;
  return keys.map((key, index) => {
    const width = raw[index] ?? 0;
    const fitted = width === 0 ? 0 : width < minWidth ? minWidth : width * scale;
    const segment: OutcomeSegment = {
      key,
      label: OUTCOME_LABELS[key],
      value: counts[key] ?? 0,
      percent: percentOf(counts[key] ?? 0, total),
      x,
      width: fitted,
    };
    x += fitted;
    return segment;
  });
}

/**
 * What a screen reader hears for the chart: "Outcomes of 24 rows: 20 created, 0 skipped,
 * 2 failed, 2 invalid", the same numbers the legend shows.
 */
export function outcomeSummary(counts: OutcomeCounts): string {
  const total = totalOf(counts);
  if (total === 0) {
    return 'Outcomes: no rows.';
  }
  const parts = shownOutcomes(counts).map(
    (key) => `${(counts[key] ?? 0).toLocaleString()} ${OUTCOME_LABELS[key]}`,
  );
  return `Outcomes of ${total.toLocaleString()} ${total === 1 ? 'row' : 'rows'}: ${parts.join(', ')}`;
}
