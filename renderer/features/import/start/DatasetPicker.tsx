import type { DatasetChoice } from '../datasets';

/** Props of {@link DatasetPicker}. */
export interface DatasetPickerProps {
  datasets: readonly DatasetChoice[];
  selectedId: string;
  onSelect: (id: string) => void;
  /** The question the group answers; default "What are you importing?". */
  legend?: string;
  /** The radio group's name; two pickers on one page need different ones. */
  name?: string;
}

/**
 * "What are you importing?": one card per target × dataset, as a radio group, so arrow keys
 * move between them.
 */
export function DatasetPicker({
  datasets,
  selectedId,
  onSelect,
  legend = 'What are you importing?',
  name = 'dataset',
}: DatasetPickerProps) {
  return (
    <fieldset className="dataset-picker">
      <legend className="section-title">{legend}</legend>
      <div className="dataset-options">
        {datasets.map((dataset) => (
          <label
            key={dataset.id}
            className={`dataset-option ${dataset.id === selectedId ? 'dataset-option-selected' : ''}`}
          >
            <input
              type="radio"
              name={name}
              value={dataset.id}
              checked={dataset.id === selectedId}
              onChange={() => onSelect(dataset.id)}
              data-testid={`${name}-${dataset.id}`}
            />
            <span className="dataset-option-text">
              <span className="dataset-option-title">
                {dataset.targetLabel} <span aria-hidden="true">→</span> {dataset.kindLabel}
              </span>
              <span className="dataset-option-description">{dataset.description}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
