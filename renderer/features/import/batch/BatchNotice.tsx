import { batchDay } from '../../../../shared/batch/batch-file';
import type { ConnectionView } from '../../../../shared/ipc/contract';
import { countOf } from '../../../app/format';
import type { OpenedBatch } from './use-batch-file';
import { DismissibleNotice } from './DismissibleNotice';

/** Props of {@link BatchNotice}. */
export interface BatchNoticeProps {
  opened: OpenedBatch;
  connection: ConnectionView | null;
  onDismiss: () => void;
}

/**
 * Says above Review and Plan that the file came from a saved batch: when it was prepared,
 * how many edits it brought, and whether its connection is missing on this computer.
 */
export function BatchNotice({ opened, connection, onDismiss }: BatchNoticeProps) {
  const { summary, missingConnection } = opened;
  return (
    <DismissibleNotice testId="batch-notice" onDismiss={onDismiss}>
      Opened <strong>{opened.name}</strong>, prepared from {summary.sourceFileName} on{' '}
      {batchDay(summary.savedAt)}: {countOf(summary.edits, 'edit')} applied.
      {missingConnection ? (
        <>
          {' '}
          It was prepared for the connection “{missingConnection}”, which this computer does not
          have; pushes go to {connection ? connection.label : 'no connection'} unless you choose
          another above.
        </>
      ) : null}
    </DismissibleNotice>
  );
}
