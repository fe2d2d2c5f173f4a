import { useEffect, useRef } from 'react';
import type { ConnectionView } from '../../../shared/ipc/contract';
import { connectionShortName } from '../../app/connections';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Stepper } from '../../components/Stepper';
import { BatchNotice } from './batch/BatchNotice';
import { BatchSourcePanel } from './batch/BatchSourcePanel';
import { SecretEditsNotice } from './batch/SecretEditsNotice';
import { useBatchFile } from './batch/use-batch-file';
import type { DatasetChoice } from './datasets';
import { MappingStep } from './mapping/MappingStep';
import { PlanStep } from './plan/PlanStep';
import { ResultsStep } from './results/ResultsStep';
import { ReviewStep } from './review/ReviewStep';
import { RunStep } from './run/RunStep';
import { StartStep } from './start/StartStep';
import { useDiskFiles } from './start/use-disk-files';
import { WizardCommands } from './WizardCommands';
import { useImportWizard } from './use-import-wizard';
import { WIZARD_STEPS } from './wizard-state';

/** Props of {@link ImportWizard}. */
export interface ImportWizardProps {
  datasets: readonly DatasetChoice[];
  dataset: DatasetChoice;
  onSelectDataset: (id: string) => void;
  connection: ConnectionView | null;
  /** Every connection here, and how to pick one: an opened batch selects its own. */
  connections?: readonly ConnectionView[];
  onSelectConnection?: (id: string) => void;
  /** Main opens files through the system dialog (app:info), not the page's file input. */
  fileDialog?: boolean;
}

const NO_CONNECTIONS: readonly ConnectionView[] = [];
const ignore = () => undefined;

/**
 * The import flow: choose file → map columns → review → plan → push → results, one screen each,
 * with the stepper on top and any failed call shown as a banner above the screen.
 */
export function ImportWizard({
  datasets,
  dataset,
  onSelectDataset,
  connection,
  connections = NO_CONNECTIONS,
  onSelectConnection = ignore,
  fileDialog = false,
}: ImportWizardProps) {
  const wizard = useImportWizard();
  const { state, call } = wizard;
  const disk = useDiskFiles(wizard, fileDialog);
  const batch = useBatchFile({
    wizard,
    datasets,
    connections,
    connection,
    onSelectDataset,
    onSelectConnection,
  });
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
            onFile={(file) => batch.takeFile(dataset, file)}
            batchPanel={
              state.pendingBatch ? (
                <BatchSourcePanel
                  pending={state.pendingBatch}
                  dataset={dataset}
                  busy={call.busy}
                  onSource={batch.chooseSource}
                  onCancel={batch.drop}
                />
              ) : undefined
            }
            onDownloadTemplate={(format) => wizard.downloadTemplate(dataset, format)}
            busy={call.busy}
            disk={{
              ...disk,
              onOpenRecent: (id) => disk.openRecent(dataset, id),
              onClearRecent: disk.clearRecent,
            }}
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
            onRevalidated={wizard.revalidated}
            onSaveBatch={batch.save}
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
            onSaveBatch={batch.save}
          />
        ) : (
          <ReviewStep
            file={state.file}
            validation={state.validation}
            connection={connection}
            busy={call.busy}
            onPlan={() => undefined}
            onBack={wizard.back}
            onSaveBatch={batch.save}
          />
        );
      case 'run':
        return (
          <RunStep
            key={state.jobId}
            jobId={state.jobId}
            noun={state.file.dataset.itemNoun}
            destination={destination}
            paused={state.paused}
            busy={call.busy}
            onFinished={wizard.finish}
            onPaused={wizard.pause}
            onResume={wizard.resumeRun}
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
      {batch.opened &&
      (state.step === 'review' || state.step === 'plan') &&
      state.file.preview.fileId === batch.opened.fileId ? (
        <BatchNotice opened={batch.opened} connection={connection} onDismiss={batch.dismiss} />
      ) : null}
      {batch.maskedEditsLeftOut > 0 && (state.step === 'review' || state.step === 'plan') ? (
        <SecretEditsNotice count={batch.maskedEditsLeftOut} onDismiss={batch.dismissMaskedEdits} />
      ) : null}
      {screen}
      <WizardCommands wizard={wizard} disk={disk} dataset={dataset} />
    </div>
  );
}
