import { describe, expect, it } from 'vitest';
import {
  CHART_WIDTH,
  MIN_SEGMENT,
  outcomeSegments,
  outcomeSummary,
  percentOf,
  shownOutcomes,
} from '../../../../renderer/components/outcome-chart-model';

describe('the outcome chart', () => {
  it('splits the bar by share of rows, in order, filling it exactly', () => {
    const segments = outcomeSegments({ created: 60, skipped: 20, failed: 10, invalid: 10 });
    expect(segments.map((segment) => [segment.key, segment.x, segment.width])).toEqual([
      ['created', 0, 600],
      ['skipped', 600, 200],
      ['failed', 800, 100],
      ['invalid', 900, 100],
    ]);
    expect(segments.map((segment) => segment.percent)).toEqual(['60%', '20%', '10%', '10%']);
  });

  it('keeps one row in ten thousand visible and narrows the others to make room', () => {
    const segments = outcomeSegments({ created: 9999, failed: 1 });
    const failed = segments.find((segment) => segment.key === 'failed');
    expect(failed?.width).toBe(MIN_SEGMENT);
    expect(failed?.percent).toBe('<1%');
    const total = segments.reduce((sum, segment) => sum + segment.width, 0);
    expect(total).toBeCloseTo(CHART_WIDTH, 6);
    expect(failed?.x).toBeCloseTo(CHART_WIDTH - MIN_SEGMENT, 6);
  });

  it('lists updated and pending only when there are any', () => {
    expect(shownOutcomes({ created: 1 })).toEqual(['created', 'skipped', 'failed', 'invalid']);
    expect(shownOutcomes({ updated: 2, pending: 3 })).toEqual([
      'created',
      'updated',
      'skipped',
      'failed',
      'invalid',
      'pending',
    ]);
  });

  it('says every number in its accessible name', () => {
    expect(outcomeSummary({ created: 1200, failed: 3, invalid: 1, pending: 40 })).toBe(
      'Outcomes of 1,244 rows: 1,200 created, 0 skipped, 3 failed, 1 invalid, 40 pending',
    );
    expect(outcomeSummary({})).toBe('Outcomes: no rows.');
  });

  it('draws an empty bar, and 0%, when there are no rows', () => {
    expect(outcomeSegments({}).every((segment) => segment.width === 0)).toBe(true);
    expect(percentOf(0, 0)).toBe('0%');
  });
});
