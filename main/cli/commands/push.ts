import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { planBatches } from '../../../shared/plan/plan-batches';
import { validateTable } from '../../../shared/validation/validate-table';
import {
  createPushAdapter,
  DEFAULT_BASE_URLS,
  DEFAULT_MAX_RPS,
} from '../../services/connectors/push-adapters';
import { writeRunReport } from '../../services/files/write-results-file';
import { tableFormatOf } from '../../services/files/write-table-file';
import { executeRun, type RunOutcome } from '../../services/runs/execute-run';
import { stringOption, type ParsedCommand } from '../cli-args';
import { progressPrinter, type CliIo } from '../cli-io';
import {
  authFromEnv,
  baseUrlOption,
  describeAuth,
  maxRpsOption,
  runsDirOption,
} from '../cli-options';
import { staticToken } from '../../services/http/token-source';
import { loadSheet, type LoadedSheet } from '../load-sheet';

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

/** --dry-run: what would be sent, decided offline; nothing is written and no request made. */
function dryRun(sheet: LoadedSheet, parsed: ParsedCommand, io: CliIo): number {
  const validated = validateTable(sheet.table, sheet.dataset, sheet.mapping);
  const batches = planBatches(validated.rows, sheet.dataset.batchSize);
  const plan = {
    runId: null,
    dryRun: true,
    total: validated.counts.total,
    create: validated.counts.valid,
    invalid: validated.counts.invalid,
    batches: batches.length,
  };
  if (parsed.values.json === true) {
    io.stdout(`${JSON.stringify(plan)}\n`);
  } else {
    io.stdout(
      `dry run: ${plan.total} rows · ${plan.create} to send in ${plan.batches} requests of at most ${sheet.dataset.batchSize} · ${plan.invalid} invalid (not sent)\n`,
    );
  }
  return plan.invalid > 0 ? 1 : 0;
}

function printOutcome(outcome: RunOutcome, parsed: ParsedCommand, io: CliIo): void {
  const s = outcome.summary;
  if (parsed.values.json === true) {
    io.stdout(`${JSON.stringify(s)}\n`);
    return;
  }
  io.stdout(
    `run ${s.runId}: ${s.total} rows · ${s.created} created · ${s.updated} updated · ${s.skipped} skipped · ${s.failed} failed · ${s.invalid} invalid · ${s.requests} requests · ${s.retries} retries · ${(s.durationMs / 1000).toFixed(1)} s\n`,
  );
  if (outcome.stopped) {
    io.stdout(`stopped early: ${outcome.stopped.reason}\n`);
  }
  io.stdout(`results: ${outcome.resultsPath}\n`);
  if (outcome.failedPath) {
    io.stdout(`failed rows (fix and push again): ${outcome.failedPath}\n`);
  }
}

/**
 * `batchline push FILE`: validate, then send every valid row in batches within the rate
 * limit, journaling each request, and write the results sheet. Exit 1 if any row failed
 * or was invalid.
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
  const isDryRun = parsed.values['dry-run'] === true;
  const auth = isDryRun ? staticToken('') : authFromEnv(parsed, io);
  const sheet = await loadSheet(parsed.file ?? '', io.cwd, {
    target: parsed.target,
    kind: parsed.kind,
    sheet: stringOption(parsed, 'sheet'),
    mapFile: stringOption(parsed, 'map'),
    country: stringOption(parsed, 'country'),
  });
  if (isDryRun) {
    return dryRun(sheet, parsed, io);
  }
  const adapter = createPushAdapter(parsed.target, parsed.kind, { baseUrl, auth });
  const controller = new AbortController();
  const onSignal = () => {
    io.stderr('\nstopping after the request in flight (Ctrl-C again to force)…\n');
    controller.abort();
    process.off('SIGINT', onSignal);
  };
  process.on('SIGINT', onSignal);
  const progress = progressPrinter(io);
  let outcome: RunOutcome;
  try {
    outcome = await executeRun({
      dataset: sheet.dataset,
      table: sheet.table,
      mapping: sheet.mapping,
      adapter,
      baseUrl,
      auth: describeAuth(parsed, io),
      ...(stringOption(parsed, 'country')
        ? { country: stringOption(parsed, 'country')?.toUpperCase() }
        : {}),
      runsDir: runsDirOption(parsed, io),
      maxRps,
      sourcePath: sheet.path,
      signal: controller.signal,
      onStart: (runId) =>
        io.stderr(`run ${runId}: pushing ${sheet.table.rows.length} rows to ${baseUrl}\n`),
      onProgress: (p) => progress.update(p),
    });
  } finally {
    progress.finish();
    process.off('SIGINT', onSignal);
  }
  if (report) {
    await writeRunReport(resolve(io.cwd, report), {
      table: sheet.table,
      results: outcome.results,
      summary: {
        ...outcome.summary,
        target: parsed.target,
        kind: parsed.kind,
        fileName: sheet.table.fileName,
        finishedAt: new Date(io.now()).toISOString(),
      },
    });
  }
  printOutcome(outcome, parsed, io);
  const s = outcome.summary;
  return s.failed + s.invalid > 0 || outcome.stopped ? 1 : 0;
}
