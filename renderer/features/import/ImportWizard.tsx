import { useEffect, useRef } from 'react';
import type { ConnectionView } from '../../../shared/ipc/contract';
import { connectionShortName } from '../../app/connections';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Stepper } from '../../components/Stepper';
import type { DatasetChoice } from './datasets';
import { MappingStep } from './mapping/MappingStep';
import { PlanStep } from './plan/PlanStep';
import { ResultsStep } from './results/ResultsStep';
import { ReviewStep } from './review/ReviewStep';
import { RunStep } from './run/RunStep';
import { StartStep } from './start/StartStep';
import { useImportWizard } from './use-import-wizard';
import { WIZARD_STEPS } from './wizard-state';

/** Props of {@link ImportWizard}. */
export interface ImportWizardProps {
  datasets: readonly DatasetChoice[];
  dataset: DatasetChoice;
  onSelectDataset: (id: string) => void;
  connection: ConnectionView | null;
}

/**
 * The import flow: choose file → map columns → review → plan → push → results, one screen each,
 * with the stepper on top and any failed call shown as a banner above the screen.
 */
export function ImportWizard({
  datasets,
  dataset,
  onSelectDataset,
  connection,
}: ImportWizardProps) {
  const wizard = useImportWizard();
  const { state, call } = wizard;
  const destination = connection ? connectionShortName(connection) : 'the phone system';
  const wizardRef = useRef<HTMLDivElement>(null);
  const firstStep = useRef(true);

  // Each new screen takes focus on its heading, so keyboard and screen-reader users start
  // there instead of on a button that no longer exists. Not on the first screen at launch.
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    wizardRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [state.step]);

  const screen = (() => {
    switch (state.step) {
      case 'start':
        return (
          <StartStep
            datasets={datasets}
            dataset={dataset}
            onSelectDataset={onSelectDataset}
            onFile={(file) => wizard.openFile(dataset, file)}
            onDownloadTemplate={(format) => wizard.downloadTemplate(dataset, format)}
            busy={call.busy}
          />
        );
      case 'mapping':
        return (
          <MappingStep
            file={state.file}
            busy={call.busy}
            onMap={wizard.setMapping}
            onCountry={wizard.setCountry}
            onContinue={wizard.validate}
            onBack={wizard.back}
            onReopen={wizard.reopen}
            onResetMapping={wizard.resetMapping}
          />
        );
      case 'review':
        return (
          <ReviewStep
            file={state.file}
            validation={state.validation}
            connection={connection}
            busy={call.busy}
            onPlan={() => connection && wizard.plan(connection.id, true)}
            onBack={wizard.back}
          />
        );
      case 'plan':
        // The connection can go away (another page removes it); Back still works then.
        return connection ? (
          <PlanStep
            file={state.file}
            validation={state.validation}
            plan={state.plan}
            allowUpdates={state.allowUpdates}
            connection={connection}
            busy={call.busy}
            onReplan={(allowUpdates) => wizard.plan(connection.id, allowUpdates)}
            onPush={(confirmLarge) => wizard.startPush(connection.id, confirmLarge)}
            onBack={wizard.back}
          />
        ) : (
          <ReviewStep
            file={state.file}
            validation={state.validation}
            connection={connection}
            busy={call.busy}
            onPlan={() => undefined}
            onBack={wizard.back}
          />
        );
      case 'run':
        return (
          <RunStep
            key={state.jobId}
            jobId={state.jobId}
            noun={state.file.dataset.itemNoun}
            destination={destination}
            onFinished={wizard.finish}
          />
        );
      case 'results':
        return (
          <ResultsStep
            file={state.file}
            validation={state.validation}
            job={state.job}
            destination={destination}
            busy={call.busy}
            onExport={wizard.exportResults}
            onNewImport={wizard.reset}
            onBack={wizard.back}
          />
        );
    }
  })();

  return (
    <div className="wizard" ref={wizardRef} data-step={state.step} data-testid="import-wizard">
      <Stepper steps={WIZARD_STEPS} currentId={state.step} />
      {call.error ? (
        <ErrorBanner
          error={call.error}
          onDismiss={call.dismiss}
          onRetry={call.retry ?? undefined}
        />
      ) : null}
      {screen}
    </div>
  );
}
