import { useCallback, useState } from 'react';
import { isBatchFileName, MAX_BATCH_TEXT } from '../../../../shared/batch/batch-file';
import type { SerializedAppError } from '../../../../shared/errors';
import {
  MAX_UPLOAD_BASE64,
  type BatchSummary,
  type ConnectionView,
} from '../../../../shared/ipc/contract';
import { useCommand } from '../../../app/commands';
import { downloadFile } from '../../../app/download-file';
import { useApi } from '../../../app/use-api';
import type { DatasetChoice } from '../datasets';
import { base64Length, readFileAsBase64 } from '../read-file-base64';
import type { ImportWizard } from '../use-import-wizard';
import { openBatchWithSource, readBatchFile } from './open-batch';

/** A batch opened in this session, as the notice above Review describes it. */
export interface OpenedBatch {
  fileId: string;
  name: string;
  summary: BatchSummary;
  /** The batch's connection id when this computer has no such connection. */
  missingConnection?: string;
}

/** What the wizard's screens can do with saved batches. */
export interface BatchFiles {
  /** A file chosen or dropped on the start screen: a batch waits for its sheet, a sheet opens. */
  takeFile: (dataset: DatasetChoice, file: File) => void;
  /** The source sheet of the pending batch: main checks it, reads it and applies the edits. */
  chooseSource: (file: File) => void;
  /** Forgets the pending batch. */
  drop: () => void;
  /** Downloads the open file's batch (Review and Plan steps; also File › Save Batch). */
  save: () => void;
  /** Password/PIN edits the last saved batch left out (0: none), until dismissed. */
  maskedEditsLeftOut: number;
  dismissMaskedEdits: () => void;
  /** The batch the open file came from, until dismissed. */
  opened: OpenedBatch | null;
  dismiss: () => void;
}

/** What {@link useBatchFile} needs from the app around the wizard. */
export interface BatchFileOptions {
  wizard: ImportWizard;
  datasets: readonly DatasetChoice[];
  /** Every connection of this computer (a batch names its own by id). */
  connections: readonly ConnectionView[];
  /** Where pushes go now: saved with the batch. */
  connection: ConnectionView | null;
  onSelectDataset: (id: string) => void;
  onSelectConnection: (id: string) => void;
}

function refusal(message: string, code: SerializedAppError['code'] = 'BATCH_INVALID') {
  return { code, message, retryable: false };
}

/**
 * Saving a prepared import as a `.batchline` file and opening one again, beside the import
 * flow: a chosen batch is parsed here (shared parser) and waits on the start screen for its
 * source sheet; main then checks and opens both, the file is validated with the batch's
 * mapping, and the flow lands on Review with the batch's dataset and connection selected.
 */
export function useBatchFile(options: BatchFileOptions): BatchFiles {
  const { wizard, datasets, connections, connection, onSelectDataset, onSelectConnection } =
    options;
  const api = useApi();
  const { state, call, dispatch } = wizard;
  const [opened, setOpened] = useState<OpenedBatch | null>(null);
  const [maskedEditsLeftOut, setSecretEditsLeftOut] = useState(0);

  const takeFile = (dataset: DatasetChoice, file: File) => {
    if (!isBatchFileName(file.name)) {
      wizard.openFile(dataset, file);
      return;
    }
    if (file.size > MAX_BATCH_TEXT) {
      call.fail(refusal(`${file.name} is too large to be a batch saved by batchline.`));
      return;
    }
    call.run(
      `Reading ${file.name}…`,
      () => readBatchFile(file),
      (pending) => {
        const { target, kind } = pending.batch;
        if (!datasets.some((choice) => choice.id === `${target}-${kind}`)) {
          call.fail(
            refusal(
              `${file.name} is a batch of ${target} ${kind}, which this version of batchline cannot push.`,
            ),
          );
          return;
        }
        onSelectDataset(`${target}-${kind}`);
        dispatch({ type: 'batch-chosen', pending });
      },
    );
  };

  const chooseSource = (file: File) => {
    const pending = state.step === 'start' ? state.pendingBatch : undefined;
    if (!pending) {
      return;
    }
    const dataset = datasets.find(
      (choice) => choice.id === `${pending.batch.target}-${pending.batch.kind}`,
    );
    if (!dataset) {
      return;
    }
    if (base64Length(file.size) > MAX_UPLOAD_BASE64) {
      call.fail(
        refusal(`${file.name} is larger than the 100 MB batchline opens.`, 'FILE_UNREADABLE'),
      );
      return;
    }
    call.run(
      `Opening the batch with ${file.name}…`,
      () => openBatchWithSource(api, pending, file, readFileAsBase64),
      ({ preview, batch, validation }) => {
        const wanted = batch.connectionId;
        const known = connections.some(
          (candidate) => candidate.id === wanted && candidate.target === batch.target,
        );
        if (wanted && known) {
          onSelectConnection(wanted);
        }
        setOpened({
          fileId: preview.fileId,
          name: pending.name,
          summary: batch,
          ...(wanted && !known ? { missingConnection: wanted } : {}),
        });
        dispatch({ type: 'batch-opened', dataset, preview, source: file, validation });
      },
    );
  };

  const save = () => {
    if (state.step !== 'review' && state.step !== 'plan') {
      call.fail(
        refusal(
          'A batch is saved from the Review or Plan step: open a file and check it first.',
          'USAGE',
        ),
      );
      return;
    }
    const { dataset, preview, mapping, country } = state.file;
    const target = connection?.target === dataset.target ? connection : null;
    call.run(
      'Saving the batch…',
      () =>
        api.batch.save({
          target: dataset.target,
          kind: dataset.kind,
          fileId: preview.fileId,
          mapping,
          ...(country ? { country } : {}),
          ...(target ? { connectionId: target.id } : {}),
        }),
      (file) => {
        downloadFile(file);
        setSecretEditsLeftOut(file.maskedEditsLeftOut);
      },
    );
  };
  useCommand('save-batch', save);

  return {
    takeFile,
    chooseSource,
    drop: useCallback(() => dispatch({ type: 'batch-dropped' }), [dispatch]),
    save,
    opened,
    dismiss: useCallback(() => setOpened(null), []),
    maskedEditsLeftOut,
    dismissMaskedEdits: useCallback(() => setSecretEditsLeftOut(0), []),
  };
}
