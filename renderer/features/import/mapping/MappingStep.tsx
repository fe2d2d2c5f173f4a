import { useId, useMemo, useState } from 'react';
import { countOf } from '../../../app/format';
import { StepFooter } from '../../../components/StepFooter';
import type { ImportPreview } from '../../../../shared/ipc/contract';
import type { Mapping } from '../../../../shared/datasets/targets';
import type { OpenedFile, ReadChoices } from '../wizard-state';
import { PHONE_COUNTRIES } from './countries';
import { FieldMappingRow } from './FieldMappingRow';
import { FileFacts } from './FileFacts';
import { hasBlockingIssue, liveMappingIssues, sampleValues } from './mapping-issues';
import { MappingIssueList } from './MappingIssueList';
import { RememberedMappingNote } from './RememberedMappingNote';

/** Props of {@link MappingStep}. */
export interface MappingStepProps {
  file: OpenedFile;
  busy: string | null;
  onMap: (field: string, header: string | null) => void;
  onCountry: (country: string) => void;
  onContinue: () => void;
  onBack: () => void;
  /** Reads the file again with other choices (File panel). */
  onReopen: (choices: ReadChoices) => void;
  /** Replaces a remembered mapping with the automatic one. */
  onResetMapping: () => void;
}

/**
 * Step 2: which column of the sheet feeds each field. Pre-filled from the headers; the
 * problems panel says what still blocks Continue, and why.
 */
export function MappingStep({
  file,
  busy,
  onMap,
  onCountry,
  onContinue,
  onBack,
  onReopen,
  onResetMapping,
}: MappingStepProps) {
  const { preview, mapping, dataset } = file;
  const issues = useMemo(
    () => liveMappingIssues(preview, mapping, file.rejectedIssues),
    [preview, mapping, file.rejectedIssues],
  );
  const blocked = hasBlockingIssue(issues);
  const blockedId = useId();
  const countryId = useId();
  const missing = new Set(
    issues.filter((issue) => issue.code === 'REQUIRED_UNMAPPED').map((issue) => issue.field),
  );
  // Optional fields nothing in the file matched start folded. Decided once per visit and per
  // reading of the file, never for a field the admin saw matched: hiding a field as its
  // select is cleared is jarring.
  const [folding, setFolding] = useState(() => foldedFields(preview, mapping));
  if (folding.fileId !== preview.fileId) {
    setFolding(foldedFields(preview, mapping));
  }
  const { folded } = folding;
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? preview.fields : preview.fields.filter((field) => !folded.has(field.key));

  return (
    <section className="step" aria-labelledby="mapping-title">
      <header className="step-header">
        <h1 tabIndex={-1} id="mapping-title">
          Map columns
        </h1>
        <p className="step-lead">
          Choose the column of <strong>{preview.fileName}</strong> that holds each{' '}
          {dataset.targetLabel} field. We matched what we could from the headers.
        </p>
        {file.mappingSource === 'remembered' ? (
          <RememberedMappingNote
            country={preview.suggestedCountry}
            onReset={onResetMapping}
            disabled={busy !== null}
          />
        ) : null}
      </header>
      <div className="mapping-layout">
        <div className="mapping-fields" role="group" aria-label="Field mapping">
          {shown.map((field) => (
            <FieldMappingRow
              key={field.key}
              field={field}
              headers={preview.headers}
              value={mapping[field.key]}
              samples={sampleValues(preview, mapping[field.key])}
              missing={missing.has(field.key)}
              onChange={(header) => onMap(field.key, header)}
            />
          ))}
          {folded.size > 0 ? (
            <button
              type="button"
              className="btn btn-quiet fields-toggle"
              aria-expanded={showAll}
              onClick={() => setShowAll((value) => !value)}
              data-testid="toggle-optional-fields"
            >
              {showAll
                ? 'Hide optional fields without a column'
                : `Show ${countOf(folded.size, 'more optional field')}`}
            </button>
          ) : null}
        </div>
        <aside className="mapping-side">
          {/* Checks first: they say what blocks Continue, so they must stay in view. */}
          <MappingIssueList issues={issues} />
          <FileFacts preview={preview} choices={file.readChoices} busy={busy} onReopen={onReopen} />
          <section className="panel">
            <label htmlFor={countryId} className="section-title">
              Phone numbers without “+” are in
            </label>
            <select
              id={countryId}
              className="select"
              value={file.country}
              onChange={(event) => onCountry(event.target.value)}
              data-testid="country-select"
            >
              <option value="">No default — numbers must start with +</option>
              {PHONE_COUNTRIES.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </select>
          </section>
        </aside>
      </div>
      <StepFooter
        onBack={onBack}
        note={
          blocked ? (
            <span id={blockedId} className="note-error" data-testid="mapping-blocked">
              Fix the errors under Checks to continue.
            </span>
          ) : null
        }
      >
        <button
          type="button"
          className="btn btn-primary"
          onClick={onContinue}
          disabled={blocked || busy !== null}
          aria-describedby={blocked ? blockedId : undefined}
          data-testid="mapping-continue"
        >
          {busy ?? 'Continue to review'}
        </button>
      </StepFooter>
    </section>
  );
}

/**
 * The optional fields to fold for one reading of the file (see the comment at its use). A
 * field the automatic match found stays open even when a remembered mapping leaves it out,
 * so that choice is visible.
 */
function foldedFields(
  preview: ImportPreview,
  mapping: Mapping,
): { fileId: string; folded: ReadonlySet<string> } {
  const folded = new Set(
    preview.fields
      .filter(
        (field) =>
          !field.required &&
          !mapping[field.key] &&
          !preview.suggestedMapping[field.key] &&
          !preview.automaticMapping[field.key],
      )
      .map((field) => field.key),
  );
  return { fileId: preview.fileId, folded };
}
