import { useCallback, useMemo, useState } from 'react';
import type {
  ConnectionView,
  PlanAction,
  PlanView,
  ValidationView,
} from '../../../../shared/ipc/contract';
import { connectionShortName } from '../../../app/connections';
import { useApi } from '../../../app/use-api';
import { StatTile, type StatTone } from '../../../components/StatTile';
import { StepFooter } from '../../../components/StepFooter';
import { SaveBatchButton } from '../batch/SaveBatchButton';
import { usePagedList } from '../review/use-row-pages';
import { RowFilterSelect } from '../RowFilterSelect';
import type { OpenedFile } from '../wizard-state';
import {
  ACTION_LABELS,
  confirmationText,
  PLAN_ACTIONS,
  pushLabel,
  requestsLine,
} from './plan-model';
import { PlannedRowsGrid } from './PlannedRowsGrid';

const TONES: Readonly<Record<PlanAction, StatTone>> = {
  create: 'good',
  update: 'good',
  unchanged: 'neutral',
  conflict: 'bad',
  invalid: 'bad',
};

/** Props of {@link PlanStep}. */
export interface PlanStepProps {
  file: OpenedFile;
  validation: ValidationView;
  plan: PlanView;
  allowUpdates: boolean;
  connection: ConnectionView;
  busy: string | null;
  /** Plans again, e.g. with "Update existing records" switched. */
  onReplan: (allowUpdates: boolean) => void;
  onPush: (confirmLarge: boolean) => void;
  onBack: () => void;
  /** Downloads the prepared batch (.batchline); absent, no "Save batch…" button. */
  onSaveBatch?: () => void;
}

/**
 * Step 4: what a push would do, decided against the target before anything is sent. Counts
 * per action, the requests it would make and how long they take, every row with its diff,
 * and the Push button (behind a confirmation when the change is large).
 */
export function PlanStep({
  file,
  validation,
  plan,
  allowUpdates,
  connection,
  busy,
  onReplan,
  onPush,
  onBack,
  onSaveBatch,
}: PlanStepProps) {
  const api = useApi();
  const [action, setAction] = useState<PlanAction | 'all'>('all');
  // The confirmation is of one plan: a new plan (updates switched) must be confirmed again.
  const [confirmedPlan, setConfirmedPlan] = useState<PlanView | null>(null);
  const confirmed = confirmedPlan === plan;
  // "Update existing records" shows the admin's choice while the plan is redone; if that
  // fails, it falls back to the plan on screen.
  const [asked, setAsked] = useState<{ of: PlanView; allowUpdates: boolean } | null>(null);
  const updatesShown = asked?.of === plan && busy !== null ? asked.allowUpdates : allowUpdates;
  const { fileId } = file.preview;
  const { summary } = plan;
  const destination = connectionShortName(connection);
  // A new plan or another filter is a new list: the pages of the old one are dropped.
  const token = useMemo(() => ({ plan, action }), [plan, action]);
  const load = useCallback(
    async (offset: number, limit: number) => {
      const result = await api.import.planned({
        fileId,
        offset,
        limit,
        ...(action === 'all' ? {} : { action }),
      });
      return result.ok ? { ok: true as const, value: result.value.rows } : result;
    },
    [api, fileId, action],
  );
  const rows = usePagedList(token, action === 'all' ? summary.total : summary[action], load);
  const mustConfirm = summary.needsConfirmation && !confirmed;

  return (
    <section className="step step-fill" aria-labelledby="plan-title">
      <header className="step-header step-header-row">
        <div>
          <h1 tabIndex={-1} id="plan-title">
            Plan
          </h1>
          <p className="step-lead">
            {plan.offline
              ? `${connection.label} cannot be compared with the sheet, so every valid row is planned as new. Nothing has been sent yet.`
              : `What a push would do, compared with the ${summary.existing.toLocaleString()} records ${connection.label} holds now. Nothing has been sent yet.`}
          </p>
        </div>
        <div className="stats" role="group" aria-label="Plan summary">
          {PLAN_ACTIONS.map((which) => (
            <StatTile
              key={which}
              label={ACTION_LABELS[which]}
              value={summary[which]}
              tone={TONES[which]}
              testId={`plan-${which}`}
            />
          ))}
        </div>
      </header>
      <div className="toolbar">
        <RowFilterSelect
          value={action}
          kinds={PLAN_ACTIONS}
          total={summary.total}
          countOf={(which) => summary[which]}
          labelOf={(which) => ACTION_LABELS[which]}
          onChange={setAction}
          testId="plan-filter"
        />
        {plan.canUpdate ? (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={updatesShown}
              disabled={busy !== null}
              onChange={(event) => {
                setAsked({ of: plan, allowUpdates: event.target.checked });
                onReplan(event.target.checked);
              }}
              data-testid="allow-updates"
            />
            Update existing records
          </label>
        ) : null}
        <span className="toolbar-spacer" />
        <span className="muted" data-testid="plan-requests">
          {requestsLine(plan)}
        </span>
        {rows.error ? (
          <span className="note-error" role="alert">
            Rows could not be loaded: {rows.error}
          </span>
        ) : null}
      </div>
      <PlannedRowsGrid rows={rows} lastRow={validation.lastRow} />
      <StepFooter
        onBack={onBack}
        note={
          summary.needsConfirmation ? (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={confirmed}
                onChange={(event) => setConfirmedPlan(event.target.checked ? plan : null)}
                data-testid="confirm-large"
              />
              {confirmationText(plan)}
            </label>
          ) : summary.conflict > 0 ? (
            <span data-testid="conflict-note">
              Conflicts are not sent; they will be reported as failed in the results.
            </span>
          ) : null
        }
      >
        {onSaveBatch ? <SaveBatchButton onSave={onSaveBatch} disabled={busy !== null} /> : null}
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => onPush(confirmed)}
          disabled={mustConfirm || busy !== null}
          data-testid="push-button"
        >
          {busy ?? pushLabel(plan, destination)}
        </button>
      </StepFooter>
    </section>
  );
}
