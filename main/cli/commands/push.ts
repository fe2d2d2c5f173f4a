import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { validateTable } from '../../../shared/validation/validate-table';
import {
  createPushAdapter,
  DEFAULT_BASE_URLS,
  DEFAULT_MAX_RPS,
} from '../../services/connectors/push-adapters';
import { writeRunReport } from '../../services/files/write-results-file';
import { tableFormatOf } from '../../services/files/write-table-file';
import { countBatches, planPush } from '../../services/plan/plan-push';
import type { PushAdapter } from '../../services/push/push-adapter';
import { RateLimiter } from '../../services/push/rate-limiter';
import { executeRun } from '../../services/runs/execute-run';
import { stringOption, type ParsedCommand } from '../cli-args';
import type { CliIo } from '../cli-io';
import {
  authFromEnv,
  baseUrlOption,
  describeAuth,
  maxRpsOption,
  runsDirOption,
} from '../cli-options';
import { loadSheet, type LoadedSheet } from '../load-sheet';
import { printRunOutcome, runExitCode, withProgressAndInterrupt } from '../run-reporting';

function refuseForeignOptions(parsed: ParsedCommand): void {
  if (stringOption(parsed, 'org-id') !== undefined && parsed.target !== 'webex') {
    throw new AppError('USAGE', '--org-id applies to --target webex only.');
  }
  if (
    stringOption(parsed, 'account-id') !== undefined &&
    !(parsed.target === 'zoom' && parsed.kind === 'internal-numbers')
  ) {
    throw new AppError(
      'USAGE',
      '--account-id applies to --target zoom --kind internal-numbers only.',
    );
  }
}

const SHOWN_PLAN_ROWS = 50;

/**
 * --dry-run: reads what the target holds and says what a push would do with every row
 * (create / unchanged / conflict / invalid, with field diffs). Nothing is written and
 * nothing is sent but reads.
 */
async function dryRun(
  sheet: LoadedSheet,
  adapter: PushAdapter<unknown>,
  parsed: ParsedCommand,
  io: CliIo,
  maxRps: number,
): Promise<number> {
  const validated = validateTable(sheet.table, sheet.dataset, sheet.mapping);
  const limiter = new RateLimiter(maxRps, 1);
  const plan = await planPush(sheet.dataset, validated.rows, adapter, {
    allowUpdates: parsed.values['create-only'] !== true,
    pace: () => limiter.acquire(),
  });
  const create = plan ? plan.summary.create : validated.counts.valid;
  const summary = {
    runId: null,
    dryRun: true,
    total: validated.counts.total,
    create,
    update: plan?.summary.update ?? 0,
    unchanged: plan?.summary.unchanged ?? 0,
    conflict: plan?.summary.conflict ?? 0,
    invalid: validated.counts.invalid,
    existing: plan?.summary.existing ?? null,
    batches: countBatches(sheet.dataset, validated.rows, plan),
    needsConfirmation: plan?.summary.needsConfirmation ?? false,
  };
  if (parsed.values.json === true) {
    io.stdout(`${JSON.stringify(summary)}\n`);
    return summary.invalid + summary.conflict > 0 ? 1 : 0;
  }
  const against = plan ? `${summary.existing} existing records` : 'an offline plan';
  io.stdout(
    `dry run against ${against}: ${summary.total} rows · ${create} to create · ${summary.update} to update · in ${summary.batches} requests of at most ${sheet.dataset.batchSize} rows · ${summary.unchanged} unchanged · ${summary.conflict} conflicts · ${summary.invalid} invalid\n`,
  );
  const notable = (plan?.rows ?? []).filter(
    (row) => row.action === 'conflict' || row.action === 'update',
  );
  for (const row of notable.slice(0, SHOWN_PLAN_ROWS)) {
    io.stdout(`  row ${row.row}: ${row.message}\n`);
  }
  if (notable.length > SHOWN_PLAN_ROWS) {
    io.stdout(`  … and ${notable.length - SHOWN_PLAN_ROWS} more\n`);
  }
  return summary.invalid + summary.conflict > 0 ? 1 : 0;
}

/**
 * `batchline push FILE`: validate, plan against the target, then send every row to create
 * in batches within the rate limit, journaling each request, and write the results sheet.
 * Exit 1 if any row failed, conflicted or was invalid.
 */
export async function pushCommand(parsed: ParsedCommand, io: CliIo): Promise<number> {
  refuseForeignOptions(parsed);
  const report = stringOption(parsed, 'report');
  if (report !== undefined) {
    // Refused before anything is sent: a typo in the extension must not cost a push.
    tableFormatOf(report);
  }
  const maxRps = maxRpsOption(parsed, DEFAULT_MAX_RPS[parsed.target]);
  const baseUrl = baseUrlOption(parsed, DEFAULT_BASE_URLS[parsed.target]);
  const auth = authFromEnv(parsed, io);
  const sheet = await loadSheet(parsed.file ?? '', io.cwd, {
    target: parsed.target,
    kind: parsed.kind,
    sheet: stringOption(parsed, 'sheet'),
    mapFile: stringOption(parsed, 'map'),
    country: stringOption(parsed, 'country'),
    onWarning: (message) => io.stderr(`warning: ${message}\n`),
  });
  const accountId = stringOption(parsed, 'account-id');
  const orgId = stringOption(parsed, 'org-id');
  const adapterOptions = { ...(accountId ? { accountId } : {}), ...(orgId ? { orgId } : {}) };
  const adapter = createPushAdapter(parsed.target, parsed.kind, { baseUrl, auth }, adapterOptions);
  if (parsed.values['dry-run'] === true) {
    return dryRun(sheet, adapter, parsed, io, maxRps);
  }
  const country = stringOption(parsed, 'country')?.toUpperCase();
  const outcome = await withProgressAndInterrupt(io, (signal, onProgress) =>
    executeRun({
      dataset: sheet.dataset,
      table: sheet.table,
      mapping: sheet.mapping,
      adapter,
      baseUrl,
      auth: describeAuth(parsed, io),
      ...(country ? { country } : {}),
      runsDir: runsDirOption(parsed, io),
      maxRps,
      confirmLarge: parsed.values['confirm-large'] === true,
      allowUpdates: parsed.values['create-only'] !== true,
      adapterOptions,
      sourcePath: sheet.path,
      signal,
      onStart: (runId) =>
        io.stderr(`run ${runId}: pushing ${sheet.table.rows.length} rows to ${baseUrl}\n`),
      onProgress,
    }),
  );
  if (report) {
    await writeRunReport(resolve(io.cwd, report), {
      table: sheet.table,
      results: outcome.results,
      hidden: outcome.hidden,
      summary: {
        ...outcome.summary,
        target: parsed.target,
        kind: parsed.kind,
        fileName: sheet.table.fileName,
        finishedAt: new Date(io.now()).toISOString(),
      },
    });
  }
  printRunOutcome(outcome, parsed.values.json === true, io);
  return runExitCode(outcome);
}
