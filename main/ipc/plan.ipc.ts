import { AppError, toSerializedError } from '../../shared/errors';
import type { PlanView } from '../../shared/ipc/contract';
import { checkMapping } from '../../shared/mapping/suggest-mapping';
import { comparatorFor } from '../../shared/plan/comparators';
import type { PlannedRow } from '../../shared/plan/target-plan';
import { validateTable, type ValidatedRow } from '../../shared/validation/validate-table';
import type { ConnectionRegistry } from '../app/connections';
import type { OpenFiles } from '../app/open-files';
import { PlanIndex } from '../app/plan-index';
import { createPushAdapter } from '../services/connectors/push-adapters';
import { countBatches, planPush } from '../services/plan/plan-push';
import { RateLimiter } from '../services/push/rate-limiter';
import { requireDataset } from './import.ipc';
import { unreachableError } from './unreachable';
import type { Handlers } from './router';

/** What the plan handlers need: the open files and the connections to read. */
export interface PlanDeps {
  files: OpenFiles;
  connections: ConnectionRegistry;
}

/** Why an invalid row is not sent: its first error, with the column it is in. */
function invalidMessage(row: ValidatedRow): string {
  const error = row.issues.find((issue) => issue.severity === 'error');
  if (!error) {
    return 'invalid: not sent';
  }
  return `invalid: ${error.column ? `${error.column}: ` : ''}${error.message}`;
}

/**
 * The planned rows with each invalid row's reason, so the plan's table says why without a
 * trip back to Review.
 */
function withReasons(planned: readonly PlannedRow[], rows: readonly ValidatedRow[]): PlannedRow[] {
  const byRow = new Map(rows.map((row) => [row.row, row]));
  return planned.map((row) => {
    const source = row.action === 'invalid' ? byRow.get(row.row) : undefined;
    return source ? { ...row, message: invalidMessage(source) } : row;
  });
}

/** Every valid row a create, every invalid one invalid: the plan of a target that cannot be read for comparison. */
function offlineRows(rows: readonly ValidatedRow[]): PlannedRow[] {
  return rows.map((row) =>
    row.payload === undefined
      ? { row: row.row, action: 'invalid', diff: [], message: 'invalid: not sent' }
      : { row: row.row, action: 'create', diff: [], message: 'will be created' },
  );
}

/**
 * Handlers of the Plan step: what a push would do, decided against the target's records
 * before anything is sent (reads only, paced at the connection's rate), and its rows a page
 * at a time. The plan is kept with the open file; planning again replaces it.
 */
export function planHandlers(deps: PlanDeps): Pick<Handlers, 'import:plan' | 'import:planned'> {
  return {
    async 'import:plan'({
      target,
      kind,
      fileId,
      mapping,
      country,
      connectionId,
      allowUpdates,
    }): Promise<PlanView> {
      const table = deps.files.get(fileId);
      const dataset = requireDataset(target, kind, country);
      const blocking = checkMapping(table.headers, dataset, mapping).filter(
        (issue) => issue.severity === 'error',
      );
      if (blocking.length > 0) {
        throw new AppError('MAPPING_INCOMPLETE', blocking.map((issue) => issue.message).join('; '));
      }
      const entry = deps.connections.require(connectionId, target);
      const adapter = createPushAdapter(target, kind, entry.connection, entry.options);
      const validated = validateTable(table, dataset, mapping);
      const limiter = new RateLimiter(entry.maxRps, 1);
      let reads = 0;
      const plan = await planPush(dataset, validated.rows, adapter, {
        allowUpdates,
        pace: async () => {
          reads += 1;
          await limiter.acquire();
        },
      }).catch((caught: unknown) => {
        const error = toSerializedError(caught);
        throw (
          unreachableError(entry.view.label, caught) ??
          new AppError(
            error.code,
            `Could not read "${entry.view.label}" to plan the push: ${error.message}`,
            { retryable: error.retryable, cause: caught },
          )
        );
      });
      const rows = withReasons(plan?.rows ?? offlineRows(validated.rows), validated.rows);
      deps.files.setPlan(fileId, new PlanIndex(rows));
      const batches = countBatches(dataset, validated.rows, plan);
      const summary = plan?.summary ?? {
        total: validated.counts.total,
        create: validated.counts.valid,
        update: 0,
        unchanged: 0,
        conflict: 0,
        invalid: validated.counts.invalid,
        existing: 0,
        changeShare: 0,
        needsConfirmation: false,
      };
      // A push plans again before it writes, so its own reads count towards the time too.
      return {
        summary,
        batches,
        batchSize: dataset.batchSize,
        etaSeconds: (batches + reads) / entry.maxRps,
        maxRps: entry.maxRps,
        offline: plan === undefined,
        canUpdate: plan !== undefined && comparatorFor(target, kind)?.canUpdate === true,
      };
    },

    async 'import:planned'({ fileId, offset, limit, action }) {
      return deps.files.plan(fileId).page(offset, limit, action);
    },
  };
}
