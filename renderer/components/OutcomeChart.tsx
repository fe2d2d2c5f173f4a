import { useId } from 'react';
import {
  CHART_WIDTH,
  outcomeSegments,
  outcomeSummary,
  type OutcomeCounts,
  type OutcomeKey,
} from './outcome-chart-model';
import './outcome-chart.css';

/** Props of {@link OutcomeChart}. */
export interface OutcomeChartProps {
  counts: OutcomeCounts;
  testId: string;
}

/** Height of the bar in pixels, whatever its width. */
const BAR_HEIGHT = 14;

/**
 * A position along the bar as a percentage of its width: the SVG has no viewBox, so it
 * stretches to any width without stretching the invalid stripes or changing its height.
 */
function share(units: number): string {
  return `${((units / CHART_WIDTH) * 100).toFixed(3)}%`;
}

function fillClass(key: OutcomeKey): string {
  return `outcome-fill outcome-fill-${key}`;
}

/**
 * How a push's rows ended, as one horizontal bar split by outcome (created, updated,
 * skipped, failed, invalid, pending) with a legend of counts and shares below.
 *
 * The bar is an SVG with role="img" whose accessible name says every number, so it needs
 * no legend to be understood; the legend repeats the numbers for the eye and is hidden from
 * screen readers. Colours come from the theme tokens; invalid is also striped, so failed
 * and invalid differ by more than their shade of red.
 */
export function OutcomeChart({ counts, testId }: OutcomeChartProps) {
  const stripes = useId();
  const segments = outcomeSegments(counts);
  const label = outcomeSummary(counts);
  const swatch = (key: OutcomeKey) => (
    <svg className="outcome-swatch" viewBox="0 0 12 12" aria-hidden="true">
      <rect className={fillClass(key)} width="12" height="12" rx="2" />
      {key === 'invalid' ? <rect width="12" height="12" rx="2" fill={`url(#${stripes})`} /> : null}
    </svg>
  );
  return (
    <div className="outcome-chart" data-testid={testId}>
      <svg
        className="outcome-bar"
        width="100%"
        height={BAR_HEIGHT}
        role="img"
        aria-label={label}
        data-testid={`${testId}-bar`}
      >
        <defs>
          <pattern
            id={stripes}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect className="outcome-stripe" width="2.5" height="6" />
          </pattern>
        </defs>
        <rect className="outcome-track" width="100%" height={BAR_HEIGHT} />
        {segments
          .filter((segment) => segment.width > 0)
          .map((segment) => (
            <g key={segment.key} data-outcome={segment.key} data-value={segment.value}>
              <rect
                className={fillClass(segment.key)}
                x={share(segment.x)}
                width={share(segment.width)}
                height={BAR_HEIGHT}
              />
              {segment.key === 'invalid' ? (
                <rect
                  x={share(segment.x)}
                  width={share(segment.width)}
                  height={BAR_HEIGHT}
                  fill={`url(#${stripes})`}
                />
              ) : null}
            </g>
          ))}
      </svg>
      <ul className="outcome-legend" aria-hidden="true">
        {segments.map((segment) => (
          <li
            key={segment.key}
            className={segment.value === 0 ? 'outcome-legend-none' : undefined}
            data-testid={`${testId}-${segment.key}`}
            data-value={segment.value}
          >
            {swatch(segment.key)}
            <strong>{segment.value.toLocaleString()}</strong> {segment.label}
            <span className="outcome-percent">{segment.percent}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
