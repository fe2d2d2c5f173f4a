import { resolve } from 'node:path';
import { buildResultsTable } from '../../../shared/results/results-table';
import { createPushAdapter } from '../../services/connectors/push-adapters';
import { writeTableFile } from '../../services/files/write-table-file';
import { readManifest } from '../../services/runs/run-files';
import { resumeRun } from '../../services/runs/resume-run';
import { readRunSource } from '../../services/runs/run-source';
import { RUN_FILES } from '../../services/runs/run-files';
import { stringOption, type ParsedResume } from '../cli-args';
import type { CliIo } from '../cli-io';
import { authFromEnv, maxRpsOption, runsDirOption } from '../cli-options';
import { printRunOutcome, runExitCode, withProgressAndInterrupt } from '../run-reporting';
import { join } from 'node:path';

/**
 * `batchline resume RUN_ID`: picks a crashed, cancelled or stopped run up where it stopped.
 * Rows in flight are looked up before anything is sent; confirmed rows are never sent again.
 */
export async function resumeCommand(parsed: ParsedResume, io: CliIo): Promise<number> {
  const runsDir = runsDirOption(parsed, io);
  const manifest = await readManifest(runsDir, parsed.runId);
  const oauthUrl = manifest.auth?.kind === 'zoom-oauth' ? manifest.auth.oauthUrl : undefined;
  const auth = authFromEnv({ target: manifest.target, values: parsed.values }, io, oauthUrl);
  const maxRps = stringOption(parsed, 'max-rps') === undefined ? undefined : maxRpsOption(parsed, 10);
  const outcome = await withProgressAndInterrupt(io, (signal, onProgress) =>
    resumeRun({
      runsDir,
      runId: parsed.runId,
      adapterFor: (current) => createPushAdapter(current.target, current.kind, { baseUrl: current.baseUrl, auth }),
      ...(maxRps ? { maxRps } : {}),
      signal,
      onStart: (current) => io.stderr(`run ${current.runId}: resuming ${current.fileName} → ${current.baseUrl}\n`),
      onProgress,
    }),
  );
  const report = stringOption(parsed, 'report');
  if (report) {
    const table = await readRunSource(join(outcome.runDir, RUN_FILES.source));
    const sheet = buildResultsTable(table, outcome.results);
    await writeTableFile(resolve(io.cwd, report), sheet.headers, sheet.rows);
  }
  printRunOutcome(outcome, parsed.values.json === true, io);
  return runExitCode(outcome);
}
